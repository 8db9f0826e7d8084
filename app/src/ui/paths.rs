//! Every page URL, in one place (the route table in `ui/mod.rs` is their other half). API
//! URLs live beside their wire types in `crate::api`.

use crate::domain::{DutyPeriodId, PeriodId, ProducerId, RemittanceId, TemplateId, UserId};
use chrono::NaiveDate;

pub const LOGIN: &str = "/login";

/// Where one asks for a password link by e-mail.
pub const FORGOT_PASSWORD: &str = "/mot-de-passe-oublie";

/// The page a new address's confirmation mail links to.
pub fn confirm_email(token: &str) -> String {
    format!("/confirmer-email?jeton={}", urlencode(token))
}

/// The page an invitation or reset mail links to (the secret is read once, by its form).
pub fn new_password(token: &str) -> String {
    format!("/mot-de-passe?jeton={}", urlencode(token))
}

/// `/login?next=/a/…`: the login page that comes back to `next` (a local path).
pub fn login_then(next: &str) -> String {
    format!("{LOGIN}?next={}", urlencode(next))
}

/// `/lang/en?next=/a/…`: switches the language and comes back.
pub fn language(code: &str, next: &str) -> String {
    format!("/lang/{code}?next={}", urlencode(next))
}

/// The pages of one AMAP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Amap(String);

impl Amap {
    pub fn new(slug: impl Into<String>) -> Self {
        Self(slug.into())
    }

    pub fn slug(&self) -> &str {
        &self.0
    }

    pub fn home(&self) -> String {
        format!("/a/{}", self.0)
    }

    pub fn contracts(&self) -> String {
        format!("/a/{}/contrats", self.0)
    }

    /// One contract's page: the sign-up form and "Mon échéancier".
    pub fn contract(&self, template: TemplateId) -> String {
        format!("{}/{template}", self.contracts())
    }

    pub fn deliveries(&self) -> String {
        format!("/a/{}/livraisons", self.0)
    }

    pub fn deliveries_by_month(&self) -> String {
        format!("{}?vue=mois", self.deliveries())
    }

    pub fn payments(&self) -> String {
        format!("/a/{}/paiements", self.0)
    }

    pub fn members_admin(&self) -> String {
        format!("/a/{}/admin/members", self.0)
    }

    /// One member's page (admins and treasurers).
    pub fn member(&self, member: UserId) -> String {
        format!("/a/{}/admin/members/{member}", self.0)
    }

    /// "Importer une liste"; with a preview's name once a file was sent.
    pub fn members_import(&self, import: &str) -> String {
        if import.is_empty() {
            format!("/a/{}/admin/members/import", self.0)
        } else {
            format!("/a/{}/admin/members/import?lot={import}", self.0)
        }
    }

    pub fn settings(&self) -> String {
        format!("/a/{}/admin/reglages", self.0)
    }

    pub fn directory(&self) -> String {
        format!("/a/{}/adherents", self.0)
    }

    /// "Mes adhésions".
    pub fn adhesions(&self) -> String {
        format!("/a/{}/adhesions", self.0)
    }

    /// The membership form of one period, to print.
    pub fn bulletin(&self, period: PeriodId) -> String {
        format!("/a/{}/adhesions/{period}/bulletin", self.0)
    }

    /// The treasurer's periods ("Adhésions").
    pub fn adhesion_periods(&self) -> String {
        format!("/a/{}/tresorerie/adhesions", self.0)
    }

    /// The treasurer's screen of one period.
    pub fn adhesion_period(&self, period: PeriodId) -> String {
        format!("/a/{}/tresorerie/adhesions/{period}", self.0)
    }

    /// "Permanences": my duties, every rota period, and the coordinator's forms.
    pub fn rotas(&self) -> String {
        format!("/a/{}/permanences", self.0)
    }

    /// One rota period's grid.
    pub fn rota(&self, period: DutyPeriodId) -> String {
        format!("{}/{period}", self.rotas())
    }

    /// A period's planning, to print or download.
    pub fn rota_planning(&self, period: DutyPeriodId) -> String {
        format!("{}/planning", self.rota(period))
    }

    /// A period's history (coordinators).
    pub fn rota_history(&self, period: DutyPeriodId) -> String {
        format!("{}/historique", self.rota(period))
    }

    /// The coming distributions, each with its sign-in sheet (organisers).
    pub fn distributions(&self) -> String {
        format!("/a/{}/distributions", self.0)
    }

    /// A distribution's sign-in sheet (*feuille d'émargement*); `list` for the list layout.
    pub fn sign_in_sheet(&self, day: NaiveDate, list: bool) -> String {
        let page = format!("{}/{day}", self.distributions());
        if list {
            format!("{page}?vue=liste")
        } else {
            page
        }
    }

    pub fn account(&self) -> String {
        format!("/a/{}/compte", self.0)
    }

    pub fn mails(&self) -> String {
        format!("/a/{}/admin/mails", self.0)
    }

    /// "Écrire aux adhérents" (admins and référents).
    pub fn write(&self) -> String {
        format!("/a/{}/gestion/ecrire", self.0)
    }

    /// The same, addressed to the members of one contract.
    pub fn write_to(&self, template: TemplateId) -> String {
        format!("/a/{}/gestion/ecrire?contrat={template}", self.0)
    }

    /// The same, addressed to the people on duty one day.
    pub fn write_to_duty(&self, day: NaiveDate) -> String {
        format!("/a/{}/gestion/ecrire?permanence={day}", self.0)
    }

    pub fn templates(&self) -> String {
        format!("/a/{}/gestion/contrats", self.0)
    }

    pub fn template(&self, id: TemplateId) -> String {
        format!("{}/{id}", self.templates())
    }

    pub fn subscriptions(&self, id: TemplateId) -> String {
        format!("{}/inscrits", self.template(id))
    }

    pub fn subscription(&self, id: TemplateId, member: UserId) -> String {
        format!("{}/{member}", self.subscriptions(id))
    }

    pub fn synthesis(&self, id: TemplateId) -> String {
        format!("{}/synthese", self.template(id))
    }

    pub fn delivery_sheet(&self, id: TemplateId, date: NaiveDate) -> String {
        format!("{}/livraison/{date}", self.template(id))
    }

    pub fn register(&self, id: TemplateId) -> String {
        format!("{}/cheques", self.template(id))
    }

    pub fn audit(&self, id: TemplateId) -> String {
        format!("{}/journal", self.register(id))
    }

    pub fn slip(&self, id: TemplateId, remittance: RemittanceId) -> String {
        format!("{}/remises/{remittance}", self.template(id))
    }

    pub fn producer(&self, id: ProducerId) -> String {
        format!("/a/{}/gestion/producteurs/{id}", self.0)
    }
}

/// Percent-encodes a value for a query string.
pub fn urlencode(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_nest_under_their_amap() {
        let amap = Amap::new("amap-x");
        assert_eq!(amap.contract(TemplateId(3)), "/a/amap-x/contrats/3");
        assert_eq!(
            amap.slip(TemplateId(3), RemittanceId(9)),
            "/a/amap-x/gestion/contrats/3/remises/9"
        );
        assert_eq!(
            amap.delivery_sheet(
                TemplateId(3),
                NaiveDate::from_ymd_opt(2026, 12, 17).expect("date")
            ),
            "/a/amap-x/gestion/contrats/3/livraison/2026-12-17"
        );
        assert_eq!(amap.rota(DutyPeriodId(4)), "/a/amap-x/permanences/4");
        assert_eq!(
            amap.sign_in_sheet(NaiveDate::from_ymd_opt(2026, 12, 17).expect("date"), true),
            "/a/amap-x/distributions/2026-12-17?vue=liste"
        );
        assert_eq!(login_then("/a/x?y=1"), "/login?next=/a/x%3Fy%3D1");
    }
}
