//! Requirements that depend on another field's value, added to the finished OpenAPI document.
//!
//! utoipa's derive describes each field alone; a change of kind `move_date` needs its `to`,
//! a custom payment plan its `kind` and `dates`, a new template its producer and calendar.
//! These are stated here as JSON Schema `anyOf` branches, one per value of the field that
//! decides (every value is listed, so no branch needs `not`), so that a client generating
//! requests from the document sends only what the parsers accept. What no schema can state —
//! an order between two dates, an id that must exist — stays in the fields' descriptions and
//! in the 409/422 answers.

use serde_json::{Value, json};

/// A field holding a date (`format: date`), present.
fn a_date() -> Value {
    json!({ "type": "string", "format": "date" })
}

/// A field holding one id, present.
fn an_id() -> Value {
    json!({ "type": "string", "pattern": "^[0-9]{1,18}$" })
}

/// An amount in euros, present.
fn an_amount() -> Value {
    json!({ "type": "string", "pattern": "^[0-9]{1,7}([.,][0-9]{1,2})?$" })
}

/// `then` for the branches below: these fields are required, each with its schema.
fn needs(fields: &[(&str, Value)]) -> Value {
    let names: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
    let properties: serde_json::Map<String, Value> = fields
        .iter()
        .map(|(name, schema)| ((*name).to_owned(), schema.clone()))
        .collect();
    json!({ "required": names, "properties": properties })
}

/// One branch per group of values of `field` (which the schema already requires): with these
/// values, `then` applies too. Values in no group need nothing more.
fn by_value(field: &str, all: &[&str], groups: Vec<(&[&str], Value)>) -> Value {
    let grouped: Vec<&str> = groups
        .iter()
        .flat_map(|(values, _)| values.iter().copied())
        .collect();
    let rest: Vec<&str> = all
        .iter()
        .copied()
        .filter(|v| !grouped.contains(v))
        .collect();
    let mut branches: Vec<Value> = groups
        .into_iter()
        .map(|(values, then)| {
            let mut branch = json!({ "properties": { field: { "enum": values } } });
            merge(&mut branch, then);
            branch
        })
        .collect();
    if !rest.is_empty() {
        branches.push(json!({ "properties": { field: { "enum": rest } } }));
    }
    json!({ "anyOf": branches })
}

/// Adds `extra`'s `required` names and `properties` (and any other keyword) to `schema`.
fn merge(schema: &mut Value, extra: Value) {
    let (Value::Object(target), Value::Object(extra)) = (schema, extra) else {
        return;
    };
    for (key, value) in extra {
        match (target.get_mut(&key), value) {
            (Some(Value::Array(names)), Value::Array(more)) => names.extend(more),
            (Some(Value::Object(properties)), Value::Object(more)) => properties.extend(more),
            (_, value) => {
                target.insert(key, value);
            }
        }
    }
}

const CHANGE_KINDS: [&str; 8] = [
    "add_dates",
    "move_date",
    "delete_date",
    "cancel",
    "restore",
    "set_price",
    "add_product",
    "remove_product",
];
const FREQUENCIES: [&str; 5] = [
    "once",
    "weekly",
    "fortnightly",
    "monthly_same_weekday",
    "list",
];
const STRATEGIES: [&str; 6] = [
    "not_managed",
    "monthly_smoothed_editable",
    "monthly_smoothed_fixed",
    "per_delivery",
    "monthly_first_of_month_editable",
    "custom",
];
const PAYMENT_DATES: [&str; 4] = [
    "first_delivery_of_month",
    "first_of_month",
    "each_delivery",
    "free",
];

/// A template's calendar on creation: what each frequency needs. A list of dates is stated
/// as one date, the shortest list.
fn calendar() -> Value {
    by_value(
        "frequency",
        &FREQUENCIES,
        vec![
            (&["once"], needs(&[("first_date", a_date())])),
            (
                &["weekly", "fortnightly", "monthly_same_weekday"],
                needs(&[("first_date", a_date()), ("last_date", a_date())]),
            ),
            (&["list"], needs(&[("dates", a_date())])),
        ],
    )
}

/// The conditions of each request schema, by component name.
fn by_schema() -> Vec<(&'static str, Value)> {
    vec![
        (
            "ChangeForm",
            by_value(
                "kind",
                &CHANGE_KINDS,
                vec![
                    (
                        &["add_dates", "delete_date", "cancel", "restore"],
                        needs(&[("date", a_date())]),
                    ),
                    (
                        &["move_date"],
                        needs(&[("date", a_date()), ("to", a_date())]),
                    ),
                    (
                        &["set_price", "add_product"],
                        needs(&[("product_id", an_id()), ("price", an_amount())]),
                    ),
                    (&["remove_product"], needs(&[("product_id", an_id())])),
                ],
            ),
        ),
        ("CopyForm", calendar()),
        (
            "PaymentSettingsForm",
            by_value(
                "strategy",
                &STRATEGIES,
                vec![(&["custom"], {
                    let mut then = needs(&[
                        ("kind", json!({ "type": "string", "minLength": 1 })),
                        ("dates", json!({ "type": "string", "minLength": 1 })),
                    ]);
                    merge(
                        &mut then,
                        json!({ "allOf": [by_value(
                            "dates",
                            &PAYMENT_DATES,
                            vec![(&["free"], needs(&[("free_dates", a_date())]))],
                        )] }),
                    );
                    then
                })],
            ),
        ),
        (
            "RotaRulesForm",
            by_value(
                "window",
                &["until", "days_before", "imposed"],
                vec![
                    (&["until"], needs(&[("window_until", a_date())])),
                    (
                        &["days_before"],
                        needs(&[(
                            "window_days",
                            json!({ "type": "string", "pattern": "^([0-9]|[1-8][0-9]|90)$" }),
                        )]),
                    ),
                ],
            ),
        ),
        (
            "NewRotaForm",
            json!({ "allOf": [
                // The dates come from templates' deliveries, or else from a frequency.
                { "anyOf": [
                    { "required": ["template_ids"], "properties": { "template_ids": { "minItems": 1 } } },
                    { "required": ["frequency"], "properties": { "frequency": { "minLength": 1 } } },
                ] },
                by_value(
                    "participants",
                    &["active", "adhesion", "picked"],
                    vec![(&["adhesion"], needs(&[("adhesion_period_id", json!({ "type": "integer" }))]))],
                ),
            ] }),
        ),
        (
            "RoleChangeForm",
            json!({ "anyOf": [
                { "properties": { "role": { "enum": ["treasurer", "coordinator"] } } },
                {
                    "required": ["producer_id"],
                    "properties": {
                        "role": { "enum": ["referent", "producer"] },
                        "producer_id": { "type": "integer" },
                    },
                },
                // Granting admin rights needs the confirmation ticked; revoking them does not.
                { "properties": { "role": { "const": "admin" }, "granted": { "const": false } } },
                {
                    "required": ["confirm_admin"],
                    "properties": {
                        "role": { "const": "admin" },
                        "granted": { "const": true },
                        "confirm_admin": { "const": true },
                    },
                },
            ] }),
        ),
        (
            "RuleForm",
            json!({ "allOf": [
                by_value(
                    "date_scope",
                    &["each_date", "whole_contract", "one_date", "several_dates"],
                    vec![(&["one_date", "several_dates"], needs(&[("dates", a_date())]))],
                ),
                by_value(
                    "product_scope",
                    &["one", "several", "all"],
                    vec![(&["one", "several"], needs(&[("products", an_id())]))],
                ),
            ] }),
        ),
    ]
}

/// Extra requirements of one operation's body over its (shared) schema, by method and path.
fn by_operation() -> Vec<(&'static str, &'static str, Value)> {
    // Creating a template reads its producer and calendar; editing its header does not.
    let mut creation = needs(&[
        ("producer_id", an_id()),
        ("frequency", json!({ "type": "string", "minLength": 1 })),
    ]);
    merge(&mut creation, json!({ "allOf": [calendar()] }));
    vec![
        ("post", "/api/v1/amaps/{slug}/templates", creation),
        // Recording a membership names its member; correcting one (same schema) does not.
        (
            "post",
            "/api/v1/amaps/{slug}/adhesion-periods/{period_id}/adhesions",
            needs(&[("member_id", json!({ "type": "integer" }))]),
        ),
    ]
}

/// Field schemas the derive cannot write, replaced whole, by JSON pointer.
fn replaced() -> Vec<(&'static str, Value)> {
    // The IANA names the server's time-zone database knows.
    let zones: Vec<&str> = chrono_tz::TZ_VARIANTS
        .iter()
        .map(|zone| zone.name())
        .collect();
    let mut optional_zones: Vec<Value> = zones.iter().map(|&zone| json!(zone)).collect();
    optional_zones.push(Value::Null);
    vec![
        (
            "/components/schemas/AmapSettingsForm/properties/time_zone",
            json!({ "type": "string", "enum": zones }),
        ),
        (
            "/components/schemas/CreateAmapForm/properties/time_zone",
            json!({ "description": "Europe/Paris when absent.", "enum": optional_zones }),
        ),
        // A basket line is a pair: the product's id and its quantity.
        (
            "/components/schemas/SignUp/properties/basket/items",
            json!({
                "type": "array",
                "prefixItems": [
                    { "type": "integer", "format": "int64" },
                    { "type": "integer", "format": "int32", "minimum": 0, "maximum": u32::MAX },
                ],
                "items": false,
                "minItems": 2,
                "maxItems": 2,
            }),
        ),
    ]
}

/// Adds the conditions to the document (as served at `/api/v1/openapi.json`).
pub fn add(document: &mut Value) {
    for (name, condition) in by_schema() {
        if let Some(schema) = document.pointer_mut(&format!("/components/schemas/{name}")) {
            push_all_of(schema, condition);
        }
    }
    for (pointer, schema) in replaced() {
        if let Some(field) = document.pointer_mut(pointer) {
            *field = schema;
        }
    }
    for (method, path, extra) in by_operation() {
        let pointer = format!("/paths/{}/{method}/requestBody/content", escape(path));
        let Some(Value::Object(contents)) = document.pointer_mut(&pointer) else {
            continue;
        };
        for content in contents.values_mut() {
            if let Some(schema) = content.get_mut("schema") {
                let shared = schema.take();
                *schema = json!({ "allOf": [shared, extra.clone()] });
            }
        }
    }
}

fn push_all_of(schema: &mut Value, condition: Value) {
    let Value::Object(object) = schema else {
        return;
    };
    match object.get_mut("allOf") {
        Some(Value::Array(all)) => all.push(condition),
        _ => {
            object.insert("allOf".to_owned(), json!([condition]));
        }
    }
}

/// A JSON pointer token (RFC 6901): `~` and `/` escaped.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_value_of_the_deciding_field_falls_in_exactly_one_branch() {
        let condition = by_value(
            "kind",
            &["a", "b", "c"],
            vec![(&["a"], needs(&[("x", a_date())]))],
        );
        let branches = condition["anyOf"].as_array().expect("branches");
        assert_eq!(branches.len(), 2);
        assert_eq!(branches[0]["properties"]["kind"]["enum"], json!(["a"]));
        assert_eq!(branches[0]["required"], json!(["x"]));
        assert_eq!(branches[0]["properties"]["x"]["format"], "date");
        assert_eq!(branches[1]["properties"]["kind"]["enum"], json!(["b", "c"]));
        assert!(branches[1].get("required").is_none());
    }

    #[test]
    fn the_conditions_reach_their_schemas_and_the_creation_of_a_template() {
        let mut document = json!({
            "components": { "schemas": { "ChangeForm": { "type": "object" } } },
            "paths": { "/api/v1/amaps/{slug}/templates": { "post": { "requestBody": { "content": {
                "application/json": { "schema": { "$ref": "#/components/schemas/TemplateForm" } }
            } } } } }
        });
        add(&mut document);
        assert!(document["components"]["schemas"]["ChangeForm"]["allOf"][0]["anyOf"].is_array());
        let body = &document["paths"]["/api/v1/amaps/{slug}/templates"]["post"]["requestBody"]["content"]
            ["application/json"]["schema"];
        assert_eq!(
            body["allOf"][0]["$ref"],
            "#/components/schemas/TemplateForm"
        );
        assert_eq!(
            body["allOf"][1]["required"],
            json!(["producer_id", "frequency"])
        );
    }
}
