//! The duty rota (permanences): roles, periods and their grid, a member's own duties, the
//! coordinator's changes and the automatic assignment; what a period gives out (`outputs`).

mod outputs;

pub use outputs::*;

use crate::api::adhesions::MemberRef;
use crate::api::amaps::amap_path;
use crate::api::client;
use crate::api::error::ApiError;
use crate::api::templates::fields::{checked, date, named, number, text};
use crate::domain::rota::calendar::Frequency;
use crate::domain::rota::{
    Coverage, DESCRIPTION_MAX, NAME_MAX, PLACES_MAX, QUOTA_MAX, QuotaSuggestion, SignUpRule, Terms,
    Window, WindowKind,
};
use crate::domain::{
    DutyDateId, DutyPeriodId, DutyPlaceId, DutyRoleId, PeriodId, Problem, ProblemCode, Problems,
    TemplateId, UserId,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One role of the AMAP's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleView {
    pub id: DutyRoleId,
    pub name: String,
    /// The role new places get (the first of the list).
    pub default: bool,
    /// Places that have it, in every period.
    pub places: u32,
}

/// A new role (`POST …/duty-roles`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleForm {
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 100,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub name: String,
}

impl RoleForm {
    pub fn parse(&self) -> Result<String, Vec<Problem>> {
        let mut problems = Problems::new();
        let name = text(&mut problems, "name", &self.name, NAME_MAX, true);
        problems.finish(|| Some(name))
    }
}

/// A period's rules as the coordinator writes them (`PUT …/duty-periods/{id}`, and part of
/// the creation form).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RotaRulesForm {
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 100,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 2000,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub description: String,
    /// `one_per_date`, `one_per_role` or `any`.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^(one_per_date|one_per_role|any)$")
    )]
    pub rule: String,
    /// `until` (with `window_until`), `days_before` (with `window_days`) or `imposed`.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^(until|days_before|imposed)$")
    )]
    pub window: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub window_until: String,
    #[serde(default)]
    /// 0 to 90.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]|[1-8][0-9]|90)?$"))]
    pub window_days: String,
    /// Members may take more duties than asked (`true`, or `on` from a form).
    #[serde(default)]
    pub over_quota: Option<String>,
}

/// A period's rules once read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RotaRules {
    pub name: String,
    pub description: String,
    pub terms: Terms,
}

impl RotaRulesForm {
    fn read(&self, problems: &mut Problems) -> Option<RotaRules> {
        let name = text(problems, "name", &self.name, NAME_MAX, true);
        let description = text(
            problems,
            "description",
            &self.description,
            DESCRIPTION_MAX,
            false,
        );
        let rule = named(problems, "rule", &self.rule, SignUpRule::parse);
        let kind = named(problems, "window", &self.window, WindowKind::parse);
        let until = match self.window_until.trim() {
            "" => Some(None),
            raw => date(problems, "window_until", raw).map(Some),
        };
        let days = match self.window_days.trim() {
            "" => Some(None),
            raw => number(problems, "window_days", raw, u32::MAX).map(Some),
        };
        let window = match (kind, until, days) {
            (Some(kind), Some(until), Some(days)) => {
                problems.take(Window::parse(kind, until, days))
            }
            _ => None,
        };
        Some(RotaRules {
            name,
            description,
            terms: Terms {
                rule: rule?,
                window: window?,
                over_quota: checked(&self.over_quota),
            },
        })
    }

    pub fn parse(&self) -> Result<RotaRules, Vec<Problem>> {
        let mut problems = Problems::new();
        let rules = self.read(&mut problems);
        problems.finish(|| rules)
    }
}

/// A new period (`POST …/duty-periods`): its rules, its dates, places and participants.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewRotaForm {
    #[serde(flatten)]
    pub rules: RotaRulesForm,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, format = Date))]
    pub first_date: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, format = Date))]
    pub last_date: String,
    /// `weekly`, `fortnightly` or `monthly` (same n-th weekday); ignored with templates.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^(weekly|fortnightly|monthly)?$"))]
    pub frequency: String,
    /// Take the dates from these templates' deliveries between the two dates instead (every
    /// day one of them delivers). An HTML form ticks one `template_<id>` box per template.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<i64>))]
    pub template_ids: Vec<TemplateId>,
    /// Places per date, 1 to 20 (each gets the AMAP's first role; change them one by one).
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^([1-9]|1[0-9]|20)$")
    )]
    pub places: String,
    /// `active` (every active member), `adhesion` (the members of `adhesion_period_id`) or
    /// `picked` (nobody yet: the coordinator adds them one by one).
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^(active|adhesion|picked)$")
    )]
    pub participants: String,
    #[serde(default, deserialize_with = "crate::api::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub adhesion_period_id: Option<PeriodId>,
    /// Duties asked of each participant; empty: the higher suggestion (places ÷ participants,
    /// rounded up).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]|[1-9][0-9]|100)?$"))]
    pub quota: String,
    #[serde(flatten)]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub ticked: std::collections::BTreeMap<String, serde_json::Value>,
}

/// The tick box of one template in the new period's form.
pub fn template_box(template: TemplateId) -> String {
    format!("template_{template}")
}

/// Where a new period's dates come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatesFrom {
    Frequency(Frequency),
    /// Every day one of these templates delivers (at least one, in order, no repeat).
    Templates(Vec<TemplateId>),
}

/// Who takes part in a new period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Participants {
    Active,
    Adhesion(PeriodId),
    /// Nobody yet: the coordinator adds them one by one.
    Picked,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewRota {
    pub rules: RotaRules,
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub dates_from: DatesFrom,
    pub places: u32,
    pub participants: Participants,
    pub quota: Option<u32>,
}

impl NewRotaForm {
    pub fn parse(&self) -> Result<NewRota, Vec<Problem>> {
        let mut problems = Problems::new();
        let rules = self.rules.read(&mut problems);
        let first = date(&mut problems, "first_date", &self.first_date);
        let last = date(&mut problems, "last_date", &self.last_date);
        if let (Some(first), Some(last)) = (first, last)
            && last < first
        {
            problems.push(Problem::new("last_date", ProblemCode::InvalidDate));
        }
        let mut templates = self.template_ids.clone();
        templates.extend(self.ticked.keys().filter_map(|k| {
            k.strip_prefix("template_")?
                .parse::<i64>()
                .ok()
                .map(TemplateId)
        }));
        templates.sort_unstable();
        templates.dedup();
        let dates_from = match templates.is_empty() {
            false => Some(DatesFrom::Templates(templates)),
            true => named(
                &mut problems,
                "frequency",
                &self.frequency,
                Frequency::parse,
            )
            .map(DatesFrom::Frequency),
        };
        let places = match number(&mut problems, "places", &self.places, PLACES_MAX) {
            Some(0) => {
                problems.push(Problem::with_limit("places", ProblemCode::AtLeast, 1));
                None
            }
            places => places,
        };
        let participants = match self.participants.trim() {
            "active" => Some(Participants::Active),
            "picked" => Some(Participants::Picked),
            "adhesion" => match self.adhesion_period_id {
                Some(period) => Some(Participants::Adhesion(period)),
                None => {
                    problems.push(Problem::new("adhesion_period_id", ProblemCode::Required));
                    None
                }
            },
            "" => {
                problems.push(Problem::new("participants", ProblemCode::Required));
                None
            }
            _ => {
                problems.push(Problem::new("participants", ProblemCode::UnknownValue));
                None
            }
        };
        let quota = match self.quota.trim() {
            "" => Some(None),
            raw => number(&mut problems, "quota", raw, QUOTA_MAX).map(Some),
        };
        problems.finish(|| {
            Some(NewRota {
                rules: rules?,
                first: first?,
                last: last?,
                dates_from: dates_from?,
                places: places?,
                participants: participants?,
                quota: quota?,
            })
        })
    }
}

/// A period in the lists (everyone's, and the coordinator's).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RotaSummary {
    pub id: DutyPeriodId,
    pub name: String,
    #[serde(with = "crate::domain::wire::opt_date")]
    pub first_date: Option<NaiveDate>,
    #[serde(with = "crate::domain::wire::opt_date")]
    pub last_date: Option<NaiveDate>,
    pub window: WindowKind,
    pub coverage: Coverage,
    /// My part, when I take part: my quota, what I hold, what I still owe.
    pub me: Option<MyShare>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyShare {
    pub quota: u32,
    pub held: u32,
    pub owed: u32,
}

/// One period's grid: its rules, dates × places with who is on duty, my part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RotaView {
    pub summary: RotaSummary,
    pub description: String,
    pub rule: SignUpRule,
    #[serde(with = "crate::domain::wire::opt_date")]
    pub window_until: Option<NaiveDate>,
    pub window_days: Option<u32>,
    pub over_quota: bool,
    pub dates: Vec<DutyDateView>,
    /// The caller coordinates the rota (and sees participants and proposals).
    pub may_manage: bool,
    /// Places ÷ participants, and one more when it does not divide.
    pub suggestion: QuotaSuggestion,
    /// Coordinators only: every participant with their share, in French name order.
    pub participants: Vec<ParticipantView>,
    /// Coordinators only: places holding an unpublished proposal.
    pub proposed: u32,
    /// Coordinators only: active members not taking part, to add by hand.
    pub others: Vec<MemberRef>,
    /// The AMAP's roles, for the coordinator's place form.
    pub roles: Vec<RoleView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DutyDateView {
    pub id: DutyDateId,
    #[serde(with = "crate::domain::wire::date")]
    pub day: NaiveDate,
    /// The window lets members take or give back places of this date today.
    pub open: bool,
    /// I said I cannot do this date.
    pub unavailable: bool,
    /// I may read this date's sign-in sheet (I organise distributions, or I am on duty).
    #[serde(default)]
    pub may_read_sheet: bool,
    pub places: Vec<PlaceView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlaceView {
    pub id: DutyPlaceId,
    pub role: DutyRoleId,
    pub role_name: String,
    pub holder: Option<MemberRef>,
    /// I hold it.
    pub mine: bool,
    /// I may take it now (the server's decision with the period's rules).
    pub may_take: bool,
    /// I may give it back now.
    pub may_leave: bool,
    /// Its holder offers it to a stand-in.
    pub offered: bool,
    /// Mine, and I may still offer it ("Je ne peux pas").
    pub may_offer: bool,
    /// Offered by someone else, and I may take it over now.
    pub may_accept: bool,
    /// Coordinators only: the automatic assignment's unpublished proposal.
    pub proposed: Option<MemberRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ParticipantView {
    pub member: MemberRef,
    pub quota: u32,
    pub held: u32,
    pub owed: u32,
}

/// A coordinator's change to one place: who holds it (empty: free) and its role.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlaceForm {
    #[serde(default, deserialize_with = "crate::api::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub member_id: Option<UserId>,
    /// Empty or absent: the place keeps its role.
    #[serde(default, deserialize_with = "crate::api::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub role_id: Option<DutyRoleId>,
}

/// A place added to a date (`POST …/dates/{date_id}/places`): its role, the AMAP's first
/// when empty.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewPlaceForm {
    #[serde(default, deserialize_with = "crate::api::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub role_id: Option<DutyRoleId>,
}

/// A date added to a period (`POST …/dates`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DutyDateForm {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, format = Date))]
    pub day: String,
    /// 1 to 20.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^([1-9]|1[0-9]|20)$")
    )]
    pub places: String,
}

impl DutyDateForm {
    pub fn parse(&self) -> Result<(NaiveDate, u32), Vec<Problem>> {
        let mut problems = Problems::new();
        let day = date(&mut problems, "day", &self.day);
        let places = match number(&mut problems, "places", &self.places, PLACES_MAX) {
            Some(0) => {
                problems.push(Problem::with_limit("places", ProblemCode::AtLeast, 1));
                None
            }
            places => places,
        };
        problems.finish(|| Some((day?, places?)))
    }
}

/// A participant added or their quota changed (`POST …/participants`).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ParticipantForm {
    #[serde(default, deserialize_with = "crate::api::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = i64, required = true))]
    pub member_id: Option<UserId>,
    /// 0 to 100.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^([0-9]|[1-9][0-9]|100)$")
    )]
    pub quota: String,
}

impl ParticipantForm {
    pub fn parse(&self) -> Result<(UserId, u32), Vec<Problem>> {
        let mut problems = Problems::new();
        if self.member_id.is_none() {
            problems.push(Problem::new("member_id", ProblemCode::Required));
        }
        let quota = if self.quota.trim().is_empty() {
            problems.push(Problem::new("quota", ProblemCode::Required));
            None
        } else {
            number(&mut problems, "quota", &self.quota, QUOTA_MAX)
        };
        problems.finish(|| Some((self.member_id?, quota?)))
    }
}

/// The dates I cannot do, among a period's (`PUT …/absences`). JSON sends `unavailable`;
/// an HTML form ticks one `absent_<date id>` box per date instead.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AbsencesForm {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Vec<i64>))]
    pub unavailable: Vec<DutyDateId>,
    #[serde(flatten)]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub ticked: std::collections::BTreeMap<String, serde_json::Value>,
}

/// The tick box of one date in the absences form.
pub fn absence_box(date: DutyDateId) -> String {
    format!("absent_{date}")
}

impl AbsencesForm {
    pub fn dates(&self) -> Vec<DutyDateId> {
        let mut ids = self.unavailable.clone();
        ids.extend(self.ticked.keys().filter_map(|k| {
            k.strip_prefix("absent_")?
                .parse::<i64>()
                .ok()
                .map(DutyDateId)
        }));
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// The automatic assignment's request: a seed changes how ties are broken.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalForm {
    #[serde(default, deserialize_with = "crate::api::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub seed: Option<i64>,
}

/// What the automatic assignment proposed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProposalView {
    pub assigned: u32,
    pub shortfalls: Vec<ShortfallView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ShortfallView {
    pub member: MemberRef,
    pub missing: u32,
    /// `no_place_left` or `unavailable`.
    pub reason: String,
}

/// What publishing did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PublishedView {
    pub published: u32,
    /// Members told of their new duties by mail.
    pub told: u32,
}

/// One of my coming duties, with who else is on duty that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyDuty {
    pub period_id: DutyPeriodId,
    pub period_name: String,
    pub place_id: DutyPlaceId,
    #[serde(with = "crate::domain::wire::date")]
    pub day: NaiveDate,
    pub role_name: String,
    /// "Prénom Nom (rôle)" of the others on duty that date.
    pub others: Vec<String>,
    pub may_leave: bool,
    /// I offer it to a stand-in.
    pub offered: bool,
    pub may_offer: bool,
}

/// A duty someone offers that I could take over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OpenOffer {
    pub period_id: DutyPeriodId,
    pub period_name: String,
    pub place_id: DutyPlaceId,
    #[serde(with = "crate::domain::wire::date")]
    pub day: NaiveDate,
    pub role_name: String,
    /// "Prénom Nom" of who offers it.
    pub from: String,
}

/// *Mes permanences*: my next duties and, per period I take part in, what I still owe and
/// how many places I could take now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyDutiesView {
    pub next: Vec<MyDuty>,
    pub periods: Vec<MyRota>,
    /// Duties others offer that I may take over, soonest first.
    #[serde(default)]
    pub offers: Vec<OpenOffer>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyRota {
    pub period_id: DutyPeriodId,
    pub name: String,
    pub share: MyShare,
    /// Places I could take right now.
    pub open_places: u32,
}

pub fn roles_path(slug: &str) -> String {
    format!("{}/duty-roles", amap_path(slug))
}

pub fn role_path(slug: &str, role: DutyRoleId) -> String {
    format!("{}/{role}", roles_path(slug))
}

pub fn rotas_path(slug: &str) -> String {
    format!("{}/duty-periods", amap_path(slug))
}

pub fn rota_path(slug: &str, period: DutyPeriodId) -> String {
    format!("{}/{period}", rotas_path(slug))
}

pub fn dates_path(slug: &str, period: DutyPeriodId) -> String {
    format!("{}/dates", rota_path(slug, period))
}

pub fn date_path(slug: &str, period: DutyPeriodId, date: DutyDateId) -> String {
    format!("{}/{date}", dates_path(slug, period))
}

/// POST adds a place to the date.
pub fn date_places_path(slug: &str, period: DutyPeriodId, date: DutyDateId) -> String {
    format!("{}/places", date_path(slug, period, date))
}

pub fn clear_path(slug: &str, period: DutyPeriodId, date: DutyDateId) -> String {
    format!("{}/clear", date_path(slug, period, date))
}

pub fn place_path(slug: &str, period: DutyPeriodId, place: DutyPlaceId) -> String {
    format!("{}/places/{place}", rota_path(slug, period))
}

pub fn take_path(slug: &str, period: DutyPeriodId, place: DutyPlaceId) -> String {
    format!("{}/take", place_path(slug, period, place))
}

pub fn leave_path(slug: &str, period: DutyPeriodId, place: DutyPlaceId) -> String {
    format!("{}/leave", place_path(slug, period, place))
}

/// POST offers my place to a stand-in; DELETE keeps it after all.
pub fn offer_path(slug: &str, period: DutyPeriodId, place: DutyPlaceId) -> String {
    format!("{}/offer", place_path(slug, period, place))
}

pub fn accept_path(slug: &str, period: DutyPeriodId, place: DutyPlaceId) -> String {
    format!("{}/accept", place_path(slug, period, place))
}

pub fn participants_path(slug: &str, period: DutyPeriodId) -> String {
    format!("{}/participants", rota_path(slug, period))
}

pub fn participant_path(slug: &str, period: DutyPeriodId, member: UserId) -> String {
    format!("{}/{member}", participants_path(slug, period))
}

pub fn absences_path(slug: &str, period: DutyPeriodId) -> String {
    format!("{}/absences", rota_path(slug, period))
}

pub fn proposal_path(slug: &str, period: DutyPeriodId) -> String {
    format!("{}/proposal", rota_path(slug, period))
}

pub fn publish_path(slug: &str, period: DutyPeriodId) -> String {
    format!("{}/publish", rota_path(slug, period))
}

pub fn my_duties_path(slug: &str) -> String {
    format!("{}/me/duties", amap_path(slug))
}

pub async fn roles(slug: String) -> Result<Vec<RoleView>, ApiError> {
    client::get(roles_path(&slug)).await
}

pub async fn rotas(slug: String) -> Result<Vec<RotaSummary>, ApiError> {
    client::get(rotas_path(&slug)).await
}

pub async fn rota(slug: String, period: DutyPeriodId) -> Result<RotaView, ApiError> {
    client::get(rota_path(&slug, period)).await
}

pub async fn my_duties(slug: String) -> Result<MyDutiesView, ApiError> {
    client::get(my_duties_path(&slug)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> RotaRulesForm {
        RotaRulesForm {
            name: "Permanences hiver".into(),
            description: String::new(),
            rule: "one_per_date".into(),
            window: "until".into(),
            window_until: "2026-12-20".into(),
            window_days: String::new(),
            over_quota: None,
        }
    }

    #[test]
    fn a_new_period_reads_its_dates_places_and_participants() {
        let form = NewRotaForm {
            rules: rules(),
            first_date: "05/12/2026".into(),
            last_date: "2027-03-27".into(),
            frequency: "weekly".into(),
            template_ids: Vec::new(),
            places: "3".into(),
            participants: "active".into(),
            adhesion_period_id: None,
            quota: String::new(),
            ticked: Default::default(),
        };
        let rota = form.parse().expect("valid");
        assert_eq!(rota.dates_from, DatesFrom::Frequency(Frequency::Weekly));
        assert_eq!(rota.places, 3);
        assert_eq!(rota.quota, None);
        assert_eq!(
            rota.rules.terms.window,
            Window::Until(NaiveDate::from_ymd_opt(2026, 12, 20).expect("a date"))
        );
    }

    #[test]
    fn every_problem_of_a_new_period_is_named_on_its_field() {
        let form = NewRotaForm {
            rules: RotaRulesForm {
                window: "days_before".into(),
                ..rules()
            },
            first_date: "2026-12-05".into(),
            last_date: "2026-12-01".into(),
            frequency: "daily".into(),
            places: "0".into(),
            participants: "adhesion".into(),
            quota: "x".into(),
            ..NewRotaForm::default()
        };
        let mut fields: Vec<_> = form
            .parse()
            .expect_err("invalid")
            .into_iter()
            .map(|p| p.field)
            .collect();
        fields.sort();
        assert_eq!(
            fields,
            [
                "adhesion_period_id",
                "frequency",
                "last_date",
                "places",
                "quota",
                "window_days"
            ]
        );
    }

    #[test]
    fn templates_ticked_or_listed_give_the_dates_instead_of_a_frequency() {
        let mut form = NewRotaForm {
            rules: rules(),
            first_date: "2026-12-05".into(),
            last_date: "2027-03-27".into(),
            frequency: String::new(),
            template_ids: vec![TemplateId(4)],
            places: "2".into(),
            participants: "active".into(),
            ..NewRotaForm::default()
        };
        form.ticked
            .insert(template_box(TemplateId(2)), serde_json::Value::from("on"));
        form.ticked
            .insert(template_box(TemplateId(4)), serde_json::Value::from("on"));
        let rota = form.parse().expect("valid");
        assert_eq!(
            rota.dates_from,
            DatesFrom::Templates(vec![TemplateId(2), TemplateId(4)])
        );
    }

    #[test]
    fn ticked_boxes_and_json_lists_name_the_same_dates() {
        let mut form = AbsencesForm {
            unavailable: vec![DutyDateId(3)],
            ..AbsencesForm::default()
        };
        form.ticked
            .insert(absence_box(DutyDateId(1)), serde_json::Value::from("on"));
        form.ticked
            .insert(absence_box(DutyDateId(3)), serde_json::Value::from("on"));
        assert_eq!(form.dates(), [DutyDateId(1), DutyDateId(3)]);
    }
}
