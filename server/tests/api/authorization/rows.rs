//! The matrix's rows: every (verb, path) the OpenAPI document lists, who may call it, and
//! what an allowed call answers on a fresh cast.

use crate::helpers::Cast;
use serde_json::{Value, json};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Who {
    Anon,
    Member,
    /// Référent of producer 2 only: "another producer" for the cast's template.
    OtherReferent,
    /// Référent of producer 1, whose template the cast's is.
    Referent,
    /// Producer 1's own account (it does not handle its cheques in the cast).
    Producer,
    Treasurer,
    Admin,
    Outsider,
    Operator,
}

pub const EVERYONE: [Who; 9] = [
    Who::Anon,
    Who::Member,
    Who::OtherReferent,
    Who::Referent,
    Who::Producer,
    Who::Treasurer,
    Who::Admin,
    Who::Outsider,
    Who::Operator,
];

/// Who the domain lets through (`app::domain::access`), for the cast.
#[derive(Clone, Copy, Debug)]
pub enum May {
    /// No session needed.
    Public,
    /// Any session.
    Session,
    /// Platform operators.
    Operator,
    /// The AMAP's members (and operators, who administer it).
    MemberSpace,
    /// Members who buy baskets (not an operator who is no member).
    Members,
    Treasurers,
    Admins,
    /// Référents of producer 1 (and treasurers, admins, operators).
    ManagesOne,
    /// Also producer 1's own account.
    ReadsOne,
    /// Référents of some producer (and above).
    Referents,
    /// Référents of some producer or producer accounts (and above).
    Templates,
    /// Who organises distributions (référents of some producer and above) and the cast
    /// member, on duty on the day of `Before::Rota`'s first date.
    Organisers,
}

impl May {
    fn allows(self, who: Who) -> bool {
        use Who::*;
        let above = matches!(who, Treasurer | Admin | Operator);
        match self {
            May::Public => true,
            May::Session => who != Anon,
            May::Operator => who == Operator,
            May::MemberSpace => who != Anon && who != Outsider,
            May::Members => !matches!(who, Anon | Outsider | Operator),
            May::Treasurers => above,
            May::Admins => matches!(who, Admin | Operator),
            May::ManagesOne => above || who == Referent,
            May::ReadsOne => above || matches!(who, Referent | Producer),
            May::Referents => above || matches!(who, Referent | OtherReferent),
            May::Templates => above || matches!(who, Referent | OtherReferent | Producer),
            May::Organisers => above || matches!(who, Referent | OtherReferent | Member),
        }
    }

    /// AMAP routes hide the AMAP from non-members (404); the others answer 403.
    fn in_amap(self) -> bool {
        !matches!(self, May::Public | May::Session | May::Operator)
    }
}

/// What must exist before each call, so that no call depends on another's leftovers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Before {
    Nothing,
    /// The cast member's contract on the cast's template (a call may have deleted it).
    Contract,
    /// A fresh entry rule, whose id is the path's `{rule_id}`.
    Rule,
    /// A membership period (`{period_id}`) and the cast member's membership of it
    /// (`{adhesion_id}`, still to pay).
    Period,
    /// A rota period (`{period_id}`, rule "any", open) with a date whose first place the cast
    /// member holds and whose second is free (`{place_id}`), a spare date (`{date_id}`) and a
    /// spare role (`{role_id}`) nothing uses.
    Rota,
    /// The same, with `{place_id}` the cast member's place.
    RotaHeld,
    /// The same, the cast member offering it to a stand-in.
    RotaOffered,
    /// The cast member's calendar feed (`{token}`).
    Calendar,
}

pub struct Row {
    pub method: &'static str,
    pub path: &'static str,
    pub body: fn(&Cast, Who) -> Value,
    pub may: May,
    /// What an allowed call answers.
    pub ok: u16,
    /// Allowed callers for whom the answer differs (the resource is not theirs…).
    pub except: fn(Who) -> Option<u16>,
    pub before: Before,
}

impl Row {
    pub fn expect(&self, who: Who) -> u16 {
        if who == Who::Anon && !matches!(self.may, May::Public) {
            return 401;
        }
        if who == Who::Outsider && self.may.in_amap() {
            return 404;
        }
        if !self.may.allows(who) {
            return 403;
        }
        (self.except)(who).unwrap_or(self.ok)
    }
}

fn no_body(_: &Cast, _: Who) -> Value {
    Value::Null
}

fn none(_: Who) -> Option<u16> {
    None
}

/// Only the cast member holds a contract on the cast's template.
fn contract_holder(who: Who) -> Option<u16> {
    (who != Who::Member).then_some(404)
}

pub fn persona(who: Who) -> String {
    format!("{who:?}").to_lowercase()
}

pub const fn row(method: &'static str, path: &'static str, may: May, ok: u16) -> Row {
    Row {
        method,
        path,
        body: no_body,
        may,
        ok,
        except: none,
        before: Before::Nothing,
    }
}

pub fn rows() -> Vec<Row> {
    let mut rows = accounts();
    rows.extend(producers_and_templates());
    rows.extend(contracts());
    rows.extend(super::cheque_rows::cheques());
    rows.extend(adhesions_and_mail());
    rows.extend(rota());
    rows
}

/// The duty rota: coordinators (admins here) manage, members take and give back places.
fn rota() -> Vec<Row> {
    let rota = |row: Row| Row {
        before: Before::Rota,
        ..row
    };
    vec![
        row("GET", "/api/v1/amaps/{slug}/duty-roles", May::Admins, 200),
        Row {
            body: |_, who| json!({ "name": format!("Rôle {}", persona(who)) }),
            ..row("POST", "/api/v1/amaps/{slug}/duty-roles", May::Admins, 201)
        },
        rota(row(
            "DELETE",
            "/api/v1/amaps/{slug}/duty-roles/{role_id}",
            May::Admins,
            204,
        )),
        row(
            "GET",
            "/api/v1/amaps/{slug}/duty-periods",
            May::MemberSpace,
            200,
        ),
        Row {
            body: |_, who| {
                json!({ "name": format!("Planning {}", persona(who)), "rule": "one_per_date",
                        "window": "imposed", "first_date": "2099-01-03", "last_date": "2099-01-31",
                        "frequency": "weekly", "places": "2", "participants": "active" })
            },
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/duty-periods",
                May::Admins,
                201,
            )
        },
        rota(row(
            "GET",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}",
            May::MemberSpace,
            200,
        )),
        rota(Row {
            body: |_, _| {
                json!({ "name": "Planning matrice", "rule": "any", "window": "until",
                        "window_until": "2099-12-31" })
            },
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}",
                May::Admins,
                200,
            )
        }),
        // Allowed, but refused: the member is on duty in it.
        rota(row(
            "DELETE",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}",
            May::Admins,
            409,
        )),
        rota(Row {
            body: |_, who| {
                let day = 1 + EVERYONE.iter().position(|w| *w == who).unwrap_or(0);
                json!({ "day": format!("2098-06-{day:02}"), "places": "1" })
            },
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/dates",
                May::Admins,
                201,
            )
        }),
        rota(row(
            "DELETE",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/dates/{date_id}",
            May::Admins,
            204,
        )),
        rota(row(
            "POST",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/dates/{date_id}/clear",
            May::Admins,
            200,
        )),
        rota(Row {
            body: |_, _| json!({ "member_id": "" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}",
                May::Admins,
                200,
            )
        }),
        rota(row(
            "POST",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/take",
            May::Members,
            200,
        )),
        // Only the cast member holds the place; anyone else is told it is not theirs.
        Row {
            before: Before::RotaHeld,
            except: |who| (who != Who::Member).then_some(409),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/leave",
                May::Members,
                200,
            )
        },
        // Only the holder offers it or keeps it; anyone else is told it is not theirs.
        Row {
            before: Before::RotaHeld,
            except: |who| (who != Who::Member).then_some(409),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/offer",
                May::Members,
                200,
            )
        },
        Row {
            before: Before::RotaOffered,
            except: |who| (who != Who::Member).then_some(409),
            ..row(
                "DELETE",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/offer",
                May::Members,
                200,
            )
        },
        // Every other member takes it over; the one offering it cannot.
        Row {
            before: Before::RotaOffered,
            except: |who| (who == Who::Member).then_some(409),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}/accept",
                May::Members,
                200,
            )
        },
        rota(Row {
            body: |cast, _| json!({ "member_id": cast.member.id, "quota": "5" }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/participants",
                May::Admins,
                200,
            )
        }),
        // Allowed, but refused: the member holds a duty in it.
        rota(row(
            "DELETE",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/participants/{member_id}",
            May::Admins,
            409,
        )),
        rota(Row {
            body: |_, _| json!({ "unavailable": [] }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/absences",
                May::Members,
                200,
            )
        }),
        rota(Row {
            body: |_, _| json!({ "seed": 7 }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/proposal",
                May::Admins,
                200,
            )
        }),
        rota(row(
            "DELETE",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/proposal",
            May::Admins,
            204,
        )),
        rota(row(
            "POST",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/publish",
            May::Admins,
            200,
        )),
        row(
            "GET",
            "/api/v1/amaps/{slug}/me/duties",
            May::MemberSpace,
            200,
        ),
        rota(Row {
            body: |_, _| json!({}),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/duty-periods/{period_id}/dates/{date_id}/places",
                May::Admins,
                201,
            )
        }),
        rota(row(
            "DELETE",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/places/{place_id}",
            May::Admins,
            200,
        )),
        rota(row(
            "GET",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/planning",
            May::MemberSpace,
            200,
        )),
        rota(row(
            "POST",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/planning/mail",
            May::Admins,
            200,
        )),
        rota(row(
            "GET",
            "/api/v1/amaps/{slug}/duty-periods/{period_id}/history",
            May::Admins,
            200,
        )),
        row(
            "GET",
            "/api/v1/amaps/{slug}/distributions",
            May::MemberSpace,
            200,
        ),
        row("GET", "/api/v1/amaps/{slug}/archive", May::Admins, 200),
        rota(row(
            "GET",
            "/api/v1/amaps/{slug}/distributions/{day}/sign-in-sheet",
            May::Organisers,
            200,
        )),
        row("GET", "/api/v1/amaps/{slug}/me/calendar", May::Members, 200),
        row(
            "POST",
            "/api/v1/amaps/{slug}/me/calendar/reset",
            May::Members,
            200,
        ),
        Row {
            before: Before::Calendar,
            ..row(
                "GET",
                "/api/v1/calendar/{token}/member.ics",
                May::Public,
                200,
            )
        },
        Row {
            before: Before::Calendar,
            ..row(
                "GET",
                "/api/v1/calendar/{token}/distributions.ics",
                May::Public,
                200,
            )
        },
    ]
}

/// A period's fields, as its treasurer posts them.
fn period_body(name: String) -> Value {
    json!({ "name": name, "starts_on": "2026-01-01", "ends_on": "2099-12-31",
            "minimum": "10", "suggested": "20", "enrolment": "online" })
}

/// Memberships, and the mail settings of an AMAP and of a member.
fn adhesions_and_mail() -> Vec<Row> {
    let with_period = |row: Row| Row {
        before: Before::Period,
        ..row
    };
    vec![
        // Référents read the periods: they choose the one a template requires.
        row(
            "GET",
            "/api/v1/amaps/{slug}/adhesion-periods",
            May::Referents,
            200,
        ),
        Row {
            body: |_, who| period_body(format!("Saison {}", persona(who))),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/adhesion-periods",
                May::Treasurers,
                201,
            )
        },
        with_period(Row {
            body: |_, _| period_body("Saison".into()),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/adhesion-periods/{period_id}",
                May::Treasurers,
                200,
            )
        }),
        // Allowed, but refused: the member has adhered.
        with_period(row(
            "DELETE",
            "/api/v1/amaps/{slug}/adhesion-periods/{period_id}",
            May::Treasurers,
            409,
        )),
        with_period(row(
            "GET",
            "/api/v1/amaps/{slug}/adhesion-periods/{period_id}/adhesions",
            May::Treasurers,
            200,
        )),
        // Allowed, but refused: the member has adhered already.
        with_period(Row {
            body: |cast, _| json!({ "member_id": cast.member.id, "amount": "20", "state": "cashed" }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/adhesion-periods/{period_id}/adhesions",
                May::Treasurers,
                409,
            )
        }),
        with_period(Row {
            body: |_, _| json!({ "amount": "25", "state": "to_provide" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/adhesions/{adhesion_id}",
                May::Treasurers,
                200,
            )
        }),
        with_period(row(
            "DELETE",
            "/api/v1/amaps/{slug}/adhesions/{adhesion_id}",
            May::Treasurers,
            204,
        )),
        row(
            "GET",
            "/api/v1/amaps/{slug}/me/adhesions",
            May::MemberSpace,
            200,
        ),
        with_period(Row {
            body: |_, _| json!({ "amount": "30" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/me/adhesions/{period_id}",
                May::Members,
                200,
            )
        }),
        // Only the cast member holds a membership to withdraw.
        with_period(Row {
            except: contract_holder,
            ..row(
                "DELETE",
                "/api/v1/amaps/{slug}/me/adhesions/{period_id}",
                May::Members,
                204,
            )
        }),
        with_period(row(
            "GET",
            "/api/v1/amaps/{slug}/me/adhesions/{period_id}/bulletin",
            May::MemberSpace,
            200,
        )),
        row("GET", "/api/v1/amaps/{slug}/mail-server", May::Admins, 200),
        // Back to the deployment's server (the journeys are tested in `mail_server`).
        Row {
            body: |_, _| json!({ "smtp_url": "" }),
            ..row("PUT", "/api/v1/amaps/{slug}/mail-server", May::Admins, 200)
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/me/mail-choices",
            May::Members,
            200,
        ),
        Row {
            body: |_, _| json!({ "openings": true, "confirmations": false, "delivery_sheets": true }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/me/mail-choices",
                May::Members,
                200,
            )
        },
        with_period(Row {
            body: |_, _| json!({ "period_id": "" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/templates/{template_id}/adhesion",
                May::ManagesOne,
                200,
            )
        }),
    ]
}

fn accounts() -> Vec<Row> {
    vec![
        Row {
            // One unknown address per persona: failures are throttled per address.
            body: |_, who| json!({ "email": format!("nobody-{}@example.org", persona(who)), "password": "not the password" }),
            ..row("POST", "/api/v1/auth/login", May::Public, 401)
        },
        row("POST", "/api/v1/auth/logout", May::Public, 204),
        row("POST", "/api/v1/auth/refresh", May::Session, 200),
        row("POST", "/api/v1/auth/logout-everywhere", May::Session, 204),
        Row {
            body: |_, who| json!({ "email": format!("nobody-{}@example.org", persona(who)) }),
            ..row("POST", "/api/v1/auth/password-reset", May::Public, 202)
        },
        Row {
            // Anyone may try a link; an unknown one is refused on its field.
            body: |_, _| json!({ "token": "not-a-real-link", "password": "a long enough password" }),
            ..row("POST", "/api/v1/auth/password", May::Public, 409)
        },
        row("GET", "/api/v1/me", May::Session, 200),
        row("GET", "/api/v1/me/contact", May::Session, 200),
        // A wrong current password: refused on its field (a right one would end the
        // sessions the next rows use).
        Row {
            body: |_, _| json!({ "current_password": "not my password", "new_password": "a long enough password" }),
            ..row("POST", "/api/v1/me/password", May::Session, 422)
        },
        Row {
            body: |_, who| json!({ "new_email": format!("ailleurs-{}@example.org", persona(who)), "current_password": "not my password" }),
            ..row("POST", "/api/v1/me/email", May::Session, 422)
        },
        Row {
            body: |_, _| json!({ "token": "not-a-real-link" }),
            ..row("POST", "/api/v1/auth/email", May::Public, 409)
        },
        Row {
            body: |_, _| json!({ "phone1": "06 12 34 56 78", "town": "Lyon" }),
            ..row("PUT", "/api/v1/me/contact", May::Session, 200)
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/directory",
            May::MemberSpace,
            200,
        ),
        row("GET", "/api/v1/amaps", May::Session, 200),
        Row {
            body: |_, who| json!({ "name": "Nouvelle AMAP", "city": "Dijon", "slug": format!("nouvelle-{}", persona(who)) }),
            ..row("POST", "/api/v1/amaps", May::Operator, 201)
        },
        row("GET", "/api/v1/amaps/{slug}", May::MemberSpace, 200),
        Row {
            body: |_, _| json!({ "name": "AMAP A", "city": "Lyon", "time_zone": "Europe/Paris", "distribution_place": "Salle des fêtes", "distribution_hours": "jeudi 18 h 30 – 19 h 30" }),
            ..row("PUT", "/api/v1/amaps/{slug}", May::Admins, 200)
        },
        row("GET", "/api/v1/amaps/{slug}/home", May::MemberSpace, 200),
        row(
            "GET",
            "/api/v1/amaps/{slug}/me/summary",
            May::MemberSpace,
            200,
        ),
        row(
            "GET",
            "/api/v1/amaps/{slug}/producers",
            May::MemberSpace,
            200,
        ),
        row("GET", "/api/v1/amaps/{slug}/members", May::Treasurers, 200),
        row("GET", "/api/v1/amaps/{slug}/mails", May::Admins, 200),
        // To the members of the cast's template: its référents and up.
        Row {
            body: |cast, _| json!({ "audience": format!("template:{}", cast.template), "subject": "Distribution de jeudi", "body": "Bonjour à tous" }),
            ..row("POST", "/api/v1/amaps/{slug}/mails", May::ManagesOne, 202)
        },
        // No such mail: allowed callers learn only that (the retry itself is tested in
        // `accounts`).
        row(
            "POST",
            "/api/v1/amaps/{slug}/mails/{mail_id}/retry",
            May::Admins,
            404,
        ),
        Row {
            body: |_, who| json!({ "email": format!("nouveau-{}@example.org", persona(who)), "first_name": "Nina", "last_name": "Nouvelle" }),
            ..row("POST", "/api/v1/amaps/{slug}/members", May::Treasurers, 201)
        },
        Row {
            body: |_, _| json!({ "active": true }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/members/{member_id}/active",
                May::Treasurers,
                200,
            )
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/members/{member_id}",
            May::Treasurers,
            200,
        ),
        // The member's own details sent back unchanged.
        Row {
            body: |cast, _| json!({ "email": cast.member.email, "first_name": "Léa", "last_name": "Membre" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/members/{member_id}",
                May::Treasurers,
                200,
            )
        },
        // The member holds a contract: removing them is refused, with the reason.
        Row {
            before: Before::Contract,
            ..row(
                "DELETE",
                "/api/v1/amaps/{slug}/members/{member_id}",
                May::Admins,
                409,
            )
        },
        // The inactive persona: nothing changes for the other calls.
        Row {
            body: |cast, _| json!({ "member_ids": [cast.inactive.id] }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/members/deactivate",
                May::Treasurers,
                200,
            )
        },
        // A JSON body instead of a file: refused once the caller is known to be allowed.
        row(
            "POST",
            "/api/v1/amaps/{slug}/members/imports",
            May::Treasurers,
            400,
        ),
        // No such preview (the journeys are tested in `imports`).
        row(
            "GET",
            "/api/v1/amaps/{slug}/members/imports/{import_id}",
            May::Treasurers,
            404,
        ),
        Row {
            body: |_, _| json!({ "invite": false }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/members/imports/{import_id}",
                May::Treasurers,
                404,
            )
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/members/import-example",
            May::Treasurers,
            200,
        ),
        Row {
            body: |cast, _| json!({ "member_id": cast.member.id, "role": "referent", "producer_id": cast.producer_one, "granted": false }),
            ..row("POST", "/api/v1/amaps/{slug}/roles", May::Admins, 200)
        },
    ]
}

fn producers_and_templates() -> Vec<Row> {
    vec![
        Row {
            body: |_, who| json!({ "name": format!("Ferme {}", persona(who)), "notice_days": "3", "active": "on" }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/producers",
                May::Treasurers,
                201,
            )
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/producers/{producer_id}",
            May::ReadsOne,
            200,
        ),
        Row {
            body: |_, _| json!({ "name": "Ferme Une", "notice_days": "7", "active": "on" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/producers/{producer_id}",
                May::ManagesOne,
                200,
            )
        },
        Row {
            body: |_, who| json!({ "name": format!("Produit {}", persona(who)), "packaging": "pièce" }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/producers/{producer_id}/products",
                May::ManagesOne,
                200,
            )
        },
        Row {
            body: |_, _| json!({ "name": "Panier", "packaging": "panier 5 kg", "active": "on" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/producers/{producer_id}/products/{product_id}",
                May::ManagesOne,
                200,
            )
        },
        // A référent of producer 2 reaches the list (and sees only producer 2's).
        row("GET", "/api/v1/amaps/{slug}/templates", May::Templates, 200),
        Row {
            body: |cast, who| {
                let first = cast.first_date;
                json!({ "producer_id": cast.producer_one.to_string(), "name": format!("Contrat {}", persona(who)),
                    "nature": "free", "deadline": first.to_string(), "frequency": "weekly",
                    "first_date": first.to_string(), "last_date": (first + chrono::Days::new(14)).to_string() })
            },
            // Référents of another producer reach the form, not producer 1's templates.
            except: |who| (who == Who::OtherReferent).then_some(403),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/templates",
                May::Referents,
                201,
            )
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}",
            May::ManagesOne,
            200,
        ),
        Row {
            body: |cast, _| {
                json!({ "name": "Légumes saison", "nature": "free",
                "deadline": (cast.first_date - chrono::Days::new(7)).to_string() })
            },
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/templates/{template_id}",
                May::ManagesOne,
                200,
            )
        },
        // Allowed, but refused: a member has signed up.
        row(
            "DELETE",
            "/api/v1/amaps/{slug}/templates/{template_id}",
            May::ManagesOne,
            409,
        ),
        Row {
            body: |_, _| json!({ "state": "active" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/templates/{template_id}/state",
                May::ManagesOne,
                200,
            )
        },
        Row {
            body: |cast, who| {
                json!({ "name": format!("Copie {}", persona(who)), "deadline": cast.first_date.to_string(),
                "frequency": "once", "first_date": cast.first_date.to_string() })
            },
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/templates/{template_id}/copy",
                May::ManagesOne,
                201,
            )
        },
        Row {
            body: |cast, _| json!({ "kind": "set_price", "product_id": cast.product_one.to_string(), "price": "15,00" }),
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/templates/{template_id}/changes",
                May::ManagesOne,
                200,
            )
        },
        Row {
            body: |cast, _| {
                json!({ "date_scope": "each_date", "product_scope": "one",
                "products": cast.product_one.to_string(), "operator": "at_most", "value": "10" })
            },
            ..row(
                "POST",
                "/api/v1/amaps/{slug}/templates/{template_id}/rules",
                May::ManagesOne,
                200,
            )
        },
        Row {
            before: Before::Rule,
            ..row(
                "DELETE",
                "/api/v1/amaps/{slug}/templates/{template_id}/rules/{rule_id}",
                May::ManagesOne,
                200,
            )
        },
        Row {
            body: |cast, _| json!({ "product_id": cast.product_one.to_string(), "available": "100" }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/templates/{template_id}/stock",
                May::ManagesOne,
                200,
            )
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/candidates",
            May::ManagesOne,
            200,
        ),
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/synthesis",
            May::ReadsOne,
            200,
        ),
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/deliveries/{date}",
            May::ReadsOne,
            200,
        ),
    ]
}

fn contracts() -> Vec<Row> {
    vec![
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions",
            May::ManagesOne,
            200,
        ),
        row(
            "GET",
            "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}",
            May::ManagesOne,
            200,
        ),
        Row {
            body: |cast, _| json!({ "grid": [{ "date": cast.first_date, "product": cast.product_one, "qty": 2 }] }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}",
                May::ManagesOne,
                200,
            )
        },
        Row {
            before: Before::Contract,
            ..row(
                "DELETE",
                "/api/v1/amaps/{slug}/templates/{template_id}/subscriptions/{member_id}",
                May::ManagesOne,
                204,
            )
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/me/contracts",
            May::MemberSpace,
            200,
        ),
        row(
            "GET",
            "/api/v1/amaps/{slug}/me/contracts/{template_id}",
            May::MemberSpace,
            200,
        ),
        Row {
            body: |cast, _| json!({ "grid": [{ "date": cast.first_date, "product": cast.product_one, "qty": 1 }] }),
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/me/contracts/{template_id}",
                May::Members,
                200,
            )
        },
        Row {
            except: contract_holder,
            before: Before::Contract,
            ..row(
                "DELETE",
                "/api/v1/amaps/{slug}/me/contracts/{template_id}",
                May::Members,
                204,
            )
        },
        row(
            "GET",
            "/api/v1/amaps/{slug}/me/deliveries",
            May::MemberSpace,
            200,
        ),
        row("GET", "/api/v1/amaps/{slug}/me/payments", May::Members, 200),
        Row {
            body: |_, _| json!({ "lines": [] }),
            except: contract_holder,
            ..row(
                "PUT",
                "/api/v1/amaps/{slug}/me/contracts/{template_id}/payments",
                May::Members,
                200,
            )
        },
    ]
}
