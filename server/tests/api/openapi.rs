//! The OpenAPI document is exact enough for a generated client: every refusal a route can
//! give is documented, enums are strings with their values, and form limits are stated.

use crate::on_both_engines;
use reqwest::StatusCode;
use serde_json::Value;

on_both_engines!(every_route_documents_the_refusals_it_can_give, |app| {
    let (status, doc) = app.get("/api/v1/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    let mut missing = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("operations") {
            let responses = op["responses"].as_object().expect("responses");
            let public = op["security"]
                .as_array()
                .is_some_and(|s| s.iter().all(|r| r == &Value::Object(Default::default())));
            let mut wanted = Vec::new();
            if !public {
                wanted.push("401");
            }
            if path.contains('{') {
                wanted.push("404");
            }
            if op.get("requestBody").is_some() {
                wanted.extend(["400", "413", "422"]);
            }
            for status in wanted {
                if !responses.contains_key(status) {
                    missing.push(format!("{method} {path}: {status}"));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
});

on_both_engines!(enums_and_limits_are_in_the_schema, |app| {
    let (_, doc) = app.get("/api/v1/openapi.json", None).await;
    let schemas = &doc["components"]["schemas"];
    let names = |schema: &Value| -> Vec<String> {
        schema["enum"]
            .as_array()
            .map(|e| {
                e.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        names(&schemas["Nature"]),
        ["fixed_basket", "free", "prepaid_card"]
    );
    assert_eq!(names(&schemas["ChequeEvent"]).len(), 10);
    // A plan's strategy is a preset name or a custom object, as it is sent: not "an object".
    let strategy = &schemas["PaymentPlan"]["properties"]["strategy"];
    assert_ne!(strategy["type"], "object", "{strategy}");
    let form = &schemas["TemplateForm"];
    assert!(
        form["required"]
            .as_array()
            .is_some_and(|r| r.contains(&Value::from("name")))
    );
    assert_eq!(form["properties"]["name"]["maxLength"], 100);
    assert!(form["properties"]["joker_max"]["pattern"].is_string());
});

on_both_engines!(requirements_that_hang_on_another_field_are_stated, |app| {
    let (_, doc) = app.get("/api/v1/openapi.json", None).await;
    // A change of kind `move_date` needs both dates; one of kind `remove_product`, its product.
    let change = &doc["components"]["schemas"]["ChangeForm"]["allOf"][0]["anyOf"];
    let branch = |kind: &str| {
        change
            .as_array()
            .expect("branches")
            .iter()
            .find(|b| {
                b["properties"]["kind"]["enum"]
                    .as_array()
                    .is_some_and(|e| e.contains(&Value::from(kind)))
            })
            .cloned()
            .unwrap_or_else(|| panic!("no branch for {kind}: {change}"))
    };
    assert_eq!(
        branch("move_date")["required"],
        serde_json::json!(["date", "to"])
    );
    assert_eq!(
        branch("remove_product")["required"],
        serde_json::json!(["product_id"])
    );
    // Creating a template needs its producer; editing its header (same schema) does not.
    let body = |method: &str| {
        doc["paths"]["/api/v1/amaps/{slug}/templates"][method]["requestBody"]["content"]
            ["application/json"]["schema"]
            .clone()
    };
    assert_eq!(
        body("post")["allOf"][1]["required"],
        serde_json::json!(["producer_id", "frequency"])
    );
    let edit = &doc["paths"]["/api/v1/amaps/{slug}/templates/{template_id}"]["put"]["requestBody"]
        ["content"]["application/json"]["schema"];
    assert_eq!(edit["$ref"], "#/components/schemas/TemplateForm", "{edit}");
});
