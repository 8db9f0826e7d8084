//! The OpenAPI document's shared parts, declared once: the security schemes (every route
//! needs a session unless it says otherwise), and the error answers every route of a kind
//! can give. Each route documents its success and the refusals particular to it; `Refusals`
//! then adds, as references to one shared response each, what any route answers in its
//! situation — 401 without a session, 403 for a cookie write from another site, 404 for an
//! unknown path id or AMAP, 400/413/422 for a body that is unreadable, too large or invalid.

use app::api::ApiError;
use utoipa::openapi::path::{Operation, PathItem};
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, ToSchema};

#[derive(utoipa::OpenApi)]
#[openapi(
    info(title = "Amapola API", version = "1", description = "Contracts, cheques and rotas of AMAPs. \
        Authenticate with POST /api/v1/auth/login, then send the token as `Authorization: Bearer …` \
        (browsers use the HttpOnly cookie it also sets). Errors share one shape (`ApiError`); \
        messages follow `Accept-Language` (French by default, English available). HTML forms, \
        which can only POST, reach the DELETE, PUT and PATCH routes by posting `_method` in a \
        form-urlencoded body."),
    modifiers(&SecurityAddon),
    security(("bearer" = []), ("cookie" = [])),
    tags((name = "auth"), (name = "amaps"), (name = "mails"), (name = "members"), (name = "producers"),
        (name = "templates", description = "Contract templates as référents manage them"),
        (name = "subscriptions", description = "Members' contracts on a template, as référents handle them"),
        (name = "contracts", description = "A member's own contracts, deliveries and cheques"),
        (name = "cheques", description = "Payment plans, the treasurer's register and deposit slips"),
        (name = "adhesions", description = "Membership periods and fees: a member's own, the treasurer's ledger"),
        (name = "rota", description = "The distribution duty rota (permanences): periods, places, sign-ups, the automatic assignment; distributions and their sign-in sheets"),
        (name = "calendar", description = "Calendar feeds (iCal) of a member's deliveries and duties and of the AMAP's distributions"))
)]
pub struct ApiDoc;

struct SecurityAddon;

impl Modify for SecurityAddon {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .build(),
            ),
        );
        components.add_security_scheme(
            "cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::auth::session::COOKIE,
            ))),
        );
    }
}

/// The shared error answers: (status, component name, description).
const SHARED: [(&str, &str, &str); 8] = [
    (
        "400",
        "BadRequest",
        "The body could not be read (not JSON, not a form)",
    ),
    ("401", "Unauthenticated", "No valid session"),
    (
        "403",
        "Forbidden",
        "The caller's role does not allow it (or a cookie write from another site)",
    ),
    (
        "404",
        "NotFound",
        "No such AMAP or resource, or not visible to the caller",
    ),
    ("413", "PayloadTooLarge", "The body is over the limit"),
    (
        "409",
        "Conflict",
        "Well formed, but refused by what is stored (a name taken, a cheque already remitted, a deadline passed); `fields` names what",
    ),
    (
        "422",
        "Unprocessable",
        "A field is missing or invalid; `fields` names each one",
    ),
    (
        "503",
        "Unavailable",
        "Too busy to answer in time; nothing was written. Retry after `Retry-After` seconds",
    ),
];

/// Run on the finished document (`complete`): the routes are added after `ApiDoc::openapi()`.
struct Refusals;

impl Refusals {
    fn add(operation: &mut Operation, status: &str) {
        if operation.responses.responses.contains_key(status) {
            return;
        }
        let Some((_, name, _)) = SHARED.iter().find(|(s, _, _)| *s == status) else {
            return;
        };
        operation.responses.responses.insert(
            status.to_owned(),
            RefOr::Ref(Ref::from_response_name(*name)),
        );
    }

    fn complete(path: &str, method: &str, operation: &mut Operation) {
        // An empty requirement list (`security(())`) means no session is needed.
        let public = operation.security.as_ref().is_some_and(|s| {
            s.iter()
                .all(|r| serde_json::to_value(r).is_ok_and(|v| v == serde_json::json!({})))
        });
        if !public {
            Self::add(operation, "401");
            if method != "get" {
                Self::add(operation, "403");
            }
        }
        if path.contains('{') {
            Self::add(operation, "404");
        }
        if operation.request_body.is_some() {
            for status in ["400", "413", "422"] {
                Self::add(operation, status);
            }
        }
        if method != "get" {
            Self::add(operation, "409");
        }
        // Any request may wait past the time limit (`http::limits`).
        Self::add(operation, "503");
    }
}

fn operations(item: &mut PathItem) -> Vec<(&'static str, &mut Operation)> {
    [
        ("get", item.get.as_mut()),
        ("put", item.put.as_mut()),
        ("post", item.post.as_mut()),
        ("delete", item.delete.as_mut()),
        ("patch", item.patch.as_mut()),
    ]
    .into_iter()
    .filter_map(|(m, op)| Some((m, op?)))
    .collect()
}

/// Adds the shared refusals to every route of the finished document.
pub fn complete(openapi: &mut OpenApi) {
    Refusals.modify(openapi);
}

impl Modify for Refusals {
    fn modify(&self, openapi: &mut OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        for (_, name, description) in SHARED {
            let response: Response = ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name(ApiError::name())))
                        .build(),
                )
                .build();
            components
                .responses
                .insert(name.to_owned(), RefOr::T(response));
        }
        for (path, item) in openapi.paths.paths.iter_mut() {
            for (method, operation) in operations(item) {
                Self::complete(path, method, operation);
            }
        }
    }
}
