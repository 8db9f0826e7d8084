//! The matrix's cheque rows. Who handles producer 1's cheques: its référents, treasurers,
//! admins (and operators); not its own account, which the cast's producer does not entrust.

use super::rows::{May, Row, row};
use serde_json::json;

pub fn cheques() -> Vec<Row> {
    vec![
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/payments",
            May::ManagesOne,
            200,
        ),
        Row {
            body: |_, _| json!({ "strategy": "monthly_smoothed_editable", "payee": "Ferme Une" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/templates/{template_id}/payments",
                May::ManagesOne,
                200,
            )
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/cheques",
            May::ManagesOne,
            200,
        ),
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/cheques/collection",
            May::ManagesOne,
            200,
        ),
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/cheques/report",
            May::ManagesOne,
            200,
        ),
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/cheques/audit",
            May::ManagesOne,
            200,
        ),
        Row {
            body: |_, _| json!({ "received": [], "promised": [] }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/templates/{template_id}/cheques/receive",
                May::ManagesOne,
                200,
            )
        },
        Row {
            body: |_, who| json!({ "comment": format!("vu par {}", super::rows::persona(who)) }),
            ..row(
                "PATCH",
                "/api/v1/amaps/{slug}/templates/{template_id}/cheques/{cheque_id}",
                May::ManagesOne,
                200,
            )
        },
        row(
            "POST",
            "/api/v1/amaps/{slug}/templates/{template_id}/cheques/recompute",
            May::ManagesOne,
            200,
        ),
        Row {
            // Allowed, refused by what is stored: the cheques of that date are not in yet.
            body: |cast, _| json!({ "payment_date": cast.first_date.to_string() }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/templates/{template_id}/remittances",
                May::ManagesOne,
                409,
            )
        },
        // No such slip: allowed, and nothing there.
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/remittances/{remittance_id}",
            May::ManagesOne,
            404,
        ),
        row(
            "DELETE",
            "/api/v1/amaps/{slug}/templates/{template_id}/remittances/{remittance_id}",
            May::ManagesOne,
            404,
        ),
        Row {
            body: |_, _| json!({ "amount": "0" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/credit",
                May::ManagesOne,
                204,
            )
        },
        // Allowed, refused by rule: nothing to carry over.
        row(
            "POST",
            "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/carry-over",
            May::ManagesOne,
            409,
        ),
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/recompute",
            May::ManagesOne,
            200,
        ),
        row(
            "POST",
            "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}/recompute",
            May::ManagesOne,
            200,
        ),
    ]
}
