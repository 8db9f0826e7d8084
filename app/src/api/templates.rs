//! Contract templates as référents manage them: products, calendars, prices, entry rules,
//! stock, jokers, states, mass changes, and the subscriptions they received.
//!
//! Forms are flat (every field a string) so that the same body arrives from a plain HTML
//! form post and from a JSON client; `parse` turns them into domain values or field problems.

use super::amaps::amap_path;
use super::client;
use super::error::ApiError;
use super::producers::{PersonRef, ProducerRef};
use crate::domain::contract::calendar::{Frequency, generate_dates, normalize};
use crate::domain::contract::editing::check_deadline;
use crate::domain::contract::template::Exclusion;
use crate::domain::contract::{
    Binds, Conversion, DateScope, EntryRule, JokerKind, JokerMode, JokerPolicy, Nature, Operator,
    ProductScope, StockLimit, TemplateState,
};
use crate::domain::{
    Money, Problem, ProblemCode, Problems, ProducerId, ProductId, RuleId, TemplateId,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub fn templates_path(slug: &str) -> String {
    format!("{}/templates", amap_path(slug))
}

pub fn template_path(slug: &str, id: TemplateId) -> String {
    format!("{}/templates/{id}", amap_path(slug))
}

// ---------------------------------------------------------------------------------------
// Products

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProductView {
    pub id: ProductId,
    pub producer_id: ProducerId,
    pub name: String,
    /// Free text: "bouteille 75 cl", "panier 3 kg"…
    pub packaging: String,
    pub description: String,
    pub active: bool,
}

/// A producer with its notice period and products (what a référent edits).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProducerDetail {
    pub id: ProducerId,
    pub name: String,
    pub description: String,
    pub notice_days: u32,
    pub active: bool,
    /// Its producer accounts may receive and remit its cheques.
    pub handles_cheques: bool,
    /// The caller may edit it, its catalogue and its templates (the server's decision).
    pub may_manage: bool,
    /// The caller may open its cheque register (receive, remit).
    pub may_handle_cheques: bool,
    pub referents: Vec<PersonRef>,
    pub users: Vec<PersonRef>,
    pub products: Vec<ProductView>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct ProducerForm {
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 120,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub name: String,
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 2048,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub description: String,
    /// "Délai de prévenance", in days.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]|[1-5][0-9]|60)?$"))]
    pub notice_days: String,
    /// "on"/"true" keeps the producer active; absent archives it (a checkbox).
    pub active: Option<String>,
    /// "on"/"true": the producer's accounts handle its cheques (a checkbox, absent is off).
    /// A new producer starts active, its cheques handled by its référents only.
    pub handles_cheques: Option<String>,
}

#[derive(Debug)]
pub struct ProducerInput {
    pub name: String,
    pub description: String,
    pub notice_days: u32,
    pub active: bool,
    pub handles_cheques: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct ProductForm {
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 100,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub name: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 100, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub packaging: String,
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 2048,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub description: String,
    /// A checkbox: absent means archived (no longer offered in new templates).
    pub active: Option<String>,
}

#[derive(Debug)]
pub struct ProductInput {
    pub name: String,
    pub packaging: String,
    pub description: String,
    pub active: bool,
}

/// Trimmed free text. Control characters are refused (a NUL byte cannot even be stored by
/// PostgreSQL); line breaks and tabs are allowed in long texts only.
pub(crate) fn text(
    problems: &mut Problems,
    field: &str,
    raw: &str,
    max: usize,
    required: bool,
) -> String {
    let value = raw.trim();
    let multiline = max > 200;
    if value
        .chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
    {
        problems.push(Problem::new(field, ProblemCode::Malformed));
    } else if required && value.is_empty() {
        problems.push(Problem::new(field, ProblemCode::Required));
    } else if value.chars().count() > max {
        problems.push(Problem::with_limit(field, ProblemCode::TooLong, max as u32));
    }
    value.to_owned()
}

fn number(problems: &mut Problems, field: &str, raw: &str, max: u32) -> Option<u32> {
    let value = raw.trim();
    if value.is_empty() {
        return Some(0);
    }
    match value.parse::<u32>() {
        Ok(n) if n <= max => Some(n),
        Ok(_) => {
            problems.push(Problem::with_limit(field, ProblemCode::AtMost, max));
            None
        }
        Err(_) => {
            problems.push(Problem::new(field, ProblemCode::Malformed));
            None
        }
    }
}

pub(crate) fn checked(raw: &Option<String>) -> bool {
    raw.as_deref()
        .is_some_and(|v| matches!(v, "on" | "true" | "1" | "yes"))
}

pub(crate) fn date(problems: &mut Problems, field: &str, raw: &str) -> Option<NaiveDate> {
    let value = raw.trim();
    if value.is_empty() {
        problems.push(Problem::new(field, ProblemCode::Required));
        return None;
    }
    parse_date(value).or_else(|| {
        problems.push(Problem::new(field, ProblemCode::InvalidDate));
        None
    })
}

/// `2026-12-03` (what `<input type="date">` sends) or `03/12/2026` (what people type).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(raw, "%d/%m/%Y"))
        .ok()
}

/// A free list of dates separated by spaces, commas, semicolons or new lines.
pub(crate) fn date_list(problems: &mut Problems, field: &str, raw: &str) -> Vec<NaiveDate> {
    let mut dates = Vec::new();
    for part in raw
        .split([' ', ',', ';', '\n', '\r', '\t'])
        .filter(|p| !p.is_empty())
    {
        match parse_date(part) {
            Some(d) => dates.push(d),
            None => problems.push(Problem::new(field, ProblemCode::InvalidDate)),
        }
    }
    normalize(dates)
}

fn id_list(problems: &mut Problems, field: &str, raw: &str) -> Vec<ProductId> {
    let mut ids = Vec::new();
    for part in raw.split([' ', ',', ';']).filter(|p| !p.is_empty()) {
        match part.parse::<i64>() {
            Ok(id) => ids.push(ProductId(id)),
            Err(_) => problems.push(Problem::new(field, ProblemCode::Malformed)),
        }
    }
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl ProducerForm {
    pub fn parse(&self) -> Result<ProducerInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let name = text(&mut problems, "name", &self.name, 120, true);
        let description = text(&mut problems, "description", &self.description, 2048, false);
        let notice_days = number(&mut problems, "notice_days", &self.notice_days, 60);
        let active = checked(&self.active);
        let handles_cheques = checked(&self.handles_cheques);
        problems.finish(|| {
            Some(ProducerInput {
                name,
                description,
                notice_days: notice_days?,
                active,
                handles_cheques,
            })
        })
    }
}

impl ProductForm {
    pub fn parse(&self) -> Result<ProductInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let name = text(&mut problems, "name", &self.name, 100, true);
        let packaging = text(&mut problems, "packaging", &self.packaging, 100, false);
        let description = text(&mut problems, "description", &self.description, 2048, false);
        problems.finish(|| {
            Some(ProductInput {
                name,
                packaging,
                description,
                active: checked(&self.active),
            })
        })
    }
}

// ---------------------------------------------------------------------------------------
// Templates

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TemplateSummary {
    pub id: TemplateId,
    pub name: String,
    pub producer: ProducerRef,
    pub nature: Nature,
    pub state: TemplateState,
    pub deadline: NaiveDate,
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub date_count: u32,
    pub subscriber_count: u32,
}

/// One product column of a template, with its price there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TemplateProductView {
    pub id: ProductId,
    pub name: String,
    pub packaging: String,
    pub price: Money,
}

/// How much of a stock counter is taken (date × stock product).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StockStatus {
    pub date: NaiveDate,
    pub product: ProductId,
    pub capacity: u32,
    pub used: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TemplateView {
    pub summary: TemplateSummary,
    pub description: String,
    pub producer_notice_days: u32,
    pub late_joiners: bool,
    pub prepaid_notice_days: u32,
    pub jokers: JokerPolicy,
    pub rules: Vec<RuleView>,
    pub dates: Vec<NaiveDate>,
    pub products: Vec<TemplateProductView>,
    pub exclusions: Vec<Exclusion>,
    pub stock_shared: bool,
    pub stock_limits: Vec<StockLimit>,
    pub conversions: Vec<Conversion>,
    pub stock: Vec<StockStatus>,
    /// The producer's products not (yet) in this template.
    pub other_products: Vec<ProductView>,
    /// Nobody signed up: it may be deleted (otherwise archived).
    pub may_delete: bool,
}

/// One entry rule with the id that deletes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RuleView {
    pub id: RuleId,
    #[serde(flatten)]
    pub rule: EntryRule,
}

/// Create (or edit the header of) a template. Calendar fields are read on creation only;
/// afterwards dates change through [`ChangeForm`].
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct TemplateForm {
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,18})?$"))]
    pub producer_id: String,
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 100,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub name: String,
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 2048,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub description: String,
    /// `fixed_basket` (ABONNEMENT), `free` (LIBRE) or `prepaid_card` (CARTE_PREPAYEE).
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = Nature))]
    pub nature: String,
    /// Last sign-up day (`2026-12-03` or `03/12/2026`).
    #[cfg_attr(feature = "ssr", schema(required = true, format = Date))]
    pub deadline: String,
    /// `once`, `weekly`, `fortnightly`, `monthly_same_weekday` or `list`.
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "^(once|weekly|fortnightly|monthly_same_weekday|list)?$")
    )]
    pub frequency: String,
    pub first_date: String,
    pub last_date: String,
    /// With `frequency=list`: the dates, separated by spaces, commas or new lines.
    pub dates: String,
    pub late_joiners: Option<String>,
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]|[1-5][0-9]|60)?$"))]
    pub prepaid_notice_days: String,
    /// `none`, `absence` or `postponement`.
    #[cfg_attr(feature = "ssr", schema(pattern = "^(none|absence|postponement)?$"))]
    pub joker_kind: String,
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]|[1-4][0-9]|5[0-2])?$"))]
    pub joker_min: String,
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]|[1-4][0-9]|5[0-2])?$"))]
    pub joker_max: String,
    /// Empty: jokers only at sign-up; N: changeable until N days before each date.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]|[1-5][0-9]|60)?$"))]
    pub joker_days: String,
    pub stock_shared: Option<String>,
}

/// A parsed [`TemplateForm`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateInput {
    pub producer_id: Option<ProducerId>,
    pub name: String,
    pub description: String,
    pub nature: Nature,
    pub deadline: NaiveDate,
    /// Empty when the form carried no calendar (header edit).
    pub dates: Vec<NaiveDate>,
    pub late_joiners: bool,
    pub prepaid_notice_days: u32,
    pub jokers: JokerPolicy,
    pub stock_shared: bool,
}

/// One of the listed wire names; empty is `Required`, anything else `UnknownValue`.
pub(crate) fn one_of<T: Copy>(
    problems: &mut Problems,
    field: &str,
    raw: &str,
    choices: &[(&str, T)],
) -> Option<T> {
    let raw = raw.trim();
    let found = choices
        .iter()
        .find(|(name, _)| *name == raw)
        .map(|(_, value)| *value);
    if found.is_none() {
        let code = if raw.is_empty() {
            ProblemCode::Required
        } else {
            ProblemCode::UnknownValue
        };
        problems.push(Problem::new(field, code));
    }
    found
}

/// One of an enum's names (the domain's one list); empty is `Required`, anything else
/// `UnknownValue`.
pub(crate) fn named<T: Copy>(
    problems: &mut Problems,
    field: &str,
    raw: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    let raw = raw.trim();
    let found = parse(raw);
    if found.is_none() {
        let code = if raw.is_empty() {
            ProblemCode::Required
        } else {
            ProblemCode::UnknownValue
        };
        problems.push(Problem::new(field, code));
    }
    found
}

fn joker_kind(problems: &mut Problems, raw: &str) -> Option<JokerKind> {
    if raw.trim().is_empty() {
        return Some(JokerKind::None);
    }
    named(problems, "joker_kind", raw, JokerKind::parse)
}

impl TemplateForm {
    /// `with_calendar`: creation (dates required) or header edit (calendar ignored).
    pub fn parse(&self, with_calendar: bool) -> Result<TemplateInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let producer_id = match self.producer_id.trim() {
            "" if with_calendar => {
                problems.push(Problem::new("producer_id", ProblemCode::Required));
                None
            }
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) => Some(ProducerId(id)),
                Err(_) => {
                    problems.push(Problem::new("producer_id", ProblemCode::UnknownValue));
                    None
                }
            },
        };
        let name = text(&mut problems, "name", &self.name, 100, true);
        let description = text(&mut problems, "description", &self.description, 2048, false);
        let nature = named(&mut problems, "nature", &self.nature, Nature::parse);
        let deadline = date(&mut problems, "deadline", &self.deadline);
        let dates = if with_calendar {
            self.calendar(&mut problems)
        } else {
            Vec::new()
        };
        let prepaid_notice_days = number(
            &mut problems,
            "prepaid_notice_days",
            &self.prepaid_notice_days,
            60,
        );
        let kind = joker_kind(&mut problems, &self.joker_kind);
        let joker_min = number(&mut problems, "joker_min", &self.joker_min, 52);
        let joker_max = number(&mut problems, "joker_max", &self.joker_max, 52);
        let joker_days = match self.joker_days.trim() {
            "" => Some(None),
            raw => number(&mut problems, "joker_days", raw, 60).map(Some),
        };
        if let (Some(min), Some(max)) = (joker_min, joker_max)
            && min > max
        {
            problems.push(Problem::with_limit("joker_min", ProblemCode::AtMost, max));
        }
        if let Some(deadline) = deadline {
            problems.take(check_deadline(deadline, &dates, "deadline"));
        }
        if nature == Some(Nature::PrepaidCard) && with_calendar && dates.len() == 1 {
            // Reference §2.1: a prepaid card cannot have a single delivery.
            problems.push(Problem::with_limit("dates", ProblemCode::AtLeast, 2));
        }
        problems.finish(|| {
            Some(TemplateInput {
                producer_id,
                name,
                description,
                nature: nature?,
                deadline: deadline?,
                dates,
                late_joiners: checked(&self.late_joiners),
                prepaid_notice_days: prepaid_notice_days?,
                jokers: JokerPolicy {
                    kind: kind?,
                    min: joker_min?,
                    max: joker_max?,
                    mode: match joker_days? {
                        None => JokerMode::AtSignUp,
                        Some(days) => JokerMode::UntilDaysBefore(days),
                    },
                },
                stock_shared: checked(&self.stock_shared),
            })
        })
    }

    fn calendar(&self, problems: &mut Problems) -> Vec<NaiveDate> {
        let frequency = match self.frequency.trim() {
            "list" => None,
            "once" => Some(Frequency::Once),
            "weekly" => Some(Frequency::Weekly),
            "fortnightly" => Some(Frequency::Fortnightly),
            "monthly_same_weekday" => Some(Frequency::MonthlySameWeekday),
            "" => {
                problems.push(Problem::new("frequency", ProblemCode::Required));
                return Vec::new();
            }
            _ => {
                problems.push(Problem::new("frequency", ProblemCode::UnknownValue));
                return Vec::new();
            }
        };
        let dates = match frequency {
            None => date_list(problems, "dates", &self.dates),
            Some(frequency) => {
                let first = date(problems, "first_date", &self.first_date);
                let last = if frequency == Frequency::Once {
                    first
                } else {
                    date(problems, "last_date", &self.last_date)
                };
                match (first, last) {
                    (Some(first), Some(last)) if last < first => {
                        problems.push(Problem::new("last_date", ProblemCode::InvalidDate));
                        Vec::new()
                    }
                    (Some(first), Some(last)) => generate_dates(frequency, first, last),
                    _ => return Vec::new(),
                }
            }
        };
        if dates.is_empty() {
            problems.push(Problem::new("dates", ProblemCode::Required));
        } else if dates.len() > 366 {
            problems.push(Problem::with_limit("dates", ProblemCode::AtMost, 366));
        }
        dates
    }
}

/// Move a template along draft → active → archived (or back).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct StateForm {
    /// `draft`, `active` or `archived`.
    #[cfg_attr(feature = "ssr", schema(required = true, value_type = TemplateState))]
    pub state: String,
}

impl StateForm {
    pub fn parse(&self) -> Result<TemplateState, Vec<Problem>> {
        let mut problems = Problems::new();
        let state = named(&mut problems, "state", &self.state, TemplateState::parse);
        problems.finish(|| state)
    }
}

/// "Créer à partir de…": a copy with products and prices, dates cleared and replaced by a new
/// calendar.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct CopyForm {
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 100,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub name: String,
    #[cfg_attr(feature = "ssr", schema(required = true, format = Date))]
    pub deadline: String,
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            pattern = "^(once|weekly|fortnightly|monthly_same_weekday|list)$"
        )
    )]
    pub frequency: String,
    pub first_date: String,
    pub last_date: String,
    pub dates: String,
}

#[derive(Debug)]
pub struct CopyInput {
    pub name: String,
    pub deadline: NaiveDate,
    pub dates: Vec<NaiveDate>,
}

impl CopyForm {
    pub fn parse(&self) -> Result<CopyInput, Vec<Problem>> {
        let as_template = TemplateForm {
            producer_id: "0".into(),
            name: self.name.clone(),
            nature: "free".into(),
            deadline: self.deadline.clone(),
            frequency: self.frequency.clone(),
            first_date: self.first_date.clone(),
            last_date: self.last_date.clone(),
            dates: self.dates.clone(),
            ..TemplateForm::default()
        };
        let input = as_template.parse(true)?;
        Ok(CopyInput {
            name: input.name,
            deadline: input.deadline,
            dates: input.dates,
        })
    }
}

/// One entry rule, flat (reference §2.4).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct RuleForm {
    /// `each_date`, `whole_contract`, `one_date` or `several_dates`.
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            pattern = "^(each_date|whole_contract|one_date|several_dates)$"
        )
    )]
    pub date_scope: String,
    /// The date(s) for `one_date` / `several_dates`.
    pub dates: String,
    /// `one`, `several` or `all`.
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^(one|several|all)$")
    )]
    pub product_scope: String,
    /// Product id(s) for `one` / `several`, separated by commas.
    pub products: String,
    /// `equal`, `at_least`, `at_most` or `multiple_of`.
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^(equal|at_least|at_most|multiple_of)$")
    )]
    pub operator: String,
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, pattern = "^([0-9]{1,4}|10000)$")
    )]
    pub value: String,
    /// The référent's own wording (optional).
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 200, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub message: String,
    /// A checkbox: present means the rule binds référents too.
    pub everyone: Option<String>,
}

impl RuleForm {
    pub fn parse(&self) -> Result<EntryRule, Vec<Problem>> {
        let mut problems = Problems::new();
        let dates = match self.date_scope.trim() {
            "each_date" => Some(DateScope::EachDate),
            "whole_contract" => Some(DateScope::WholeContract),
            "one_date" => date(&mut problems, "dates", &self.dates).map(DateScope::OneDate),
            "several_dates" => {
                let list = date_list(&mut problems, "dates", &self.dates);
                if list.is_empty() {
                    problems.push(Problem::new("dates", ProblemCode::Required));
                }
                Some(DateScope::SeveralDates(list))
            }
            "" => {
                problems.push(Problem::new("date_scope", ProblemCode::Required));
                None
            }
            _ => {
                problems.push(Problem::new("date_scope", ProblemCode::UnknownValue));
                None
            }
        };
        let products = match self.product_scope.trim() {
            "all" => Some(ProductScope::All),
            scope @ ("one" | "several") => {
                let ids = id_list(&mut problems, "products", &self.products);
                match (scope, ids.as_slice()) {
                    (_, []) => {
                        problems.push(Problem::new("products", ProblemCode::Required));
                        None
                    }
                    ("one", [id]) => Some(ProductScope::One(*id)),
                    ("one", _) => {
                        problems.push(Problem::with_limit("products", ProblemCode::AtMost, 1));
                        None
                    }
                    _ => Some(ProductScope::Several(ids)),
                }
            }
            "" => {
                problems.push(Problem::new("product_scope", ProblemCode::Required));
                None
            }
            _ => {
                problems.push(Problem::new("product_scope", ProblemCode::UnknownValue));
                None
            }
        };
        let operators = [
            ("equal", Operator::Equal),
            ("at_least", Operator::AtLeast),
            ("at_most", Operator::AtMost),
            ("multiple_of", Operator::MultipleOf),
        ];
        let operator = one_of(&mut problems, "operator", &self.operator, &operators);
        let value = if self.value.trim().is_empty() {
            problems.push(Problem::new("value", ProblemCode::Required));
            None
        } else {
            number(&mut problems, "value", &self.value, 10_000)
        };
        let message = text(&mut problems, "message", &self.message, 200, false);
        problems.finish(|| {
            Some(EntryRule {
                dates: dates?,
                products: products?,
                operator: operator?,
                value: value?,
                message: Some(message).filter(|m| !m.is_empty()),
                binds: if checked(&self.everyone) {
                    Binds::Everyone
                } else {
                    Binds::MembersOnly
                },
            })
        })
    }
}

/// Set (or with an empty `available`, remove) a stock limit.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct StockForm {
    #[cfg_attr(feature = "ssr", schema(required = true, pattern = "^[0-9]{1,18}$"))]
    pub product_id: String,
    /// Empty: the same quantity on every date.
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub date: String,
    /// Empty: remove the limit.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,6}|1000000)?$"))]
    pub available: String,
    /// For a conversion: ordering `product_id` consumes `coefficient` × `stock_product_id`.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,18})?$"))]
    pub stock_product_id: String,
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,3}|1000)?$"))]
    pub coefficient: String,
}

/// What a [`StockForm`] asks for.
pub use crate::domain::contract::stock_change::StockChange;

fn product_id(problems: &mut Problems, field: &str, raw: &str) -> Option<ProductId> {
    match raw.trim().parse::<i64>() {
        Ok(id) => Some(ProductId(id)),
        Err(_) if raw.trim().is_empty() => {
            problems.push(Problem::new(field, ProblemCode::Required));
            None
        }
        Err(_) => {
            problems.push(Problem::new(field, ProblemCode::UnknownValue));
            None
        }
    }
}

impl StockForm {
    pub fn parse(&self) -> Result<StockChange, Vec<Problem>> {
        let mut problems = Problems::new();
        let product = product_id(&mut problems, "product_id", &self.product_id);
        if !self.stock_product_id.trim().is_empty() {
            let stock_product =
                product_id(&mut problems, "stock_product_id", &self.stock_product_id);
            let coefficient = number(&mut problems, "coefficient", &self.coefficient, 1000);
            return problems.finish(|| {
                Some(StockChange::SetConversion(Conversion {
                    product: product?,
                    stock_product: stock_product?,
                    coefficient: coefficient?,
                }))
            });
        }
        let date = match self.date.trim() {
            "" => Some(None),
            raw => parse_date(raw).map(Some).or_else(|| {
                problems.push(Problem::new("date", ProblemCode::InvalidDate));
                None
            }),
        };
        let available = match self.available.trim() {
            "" => Some(None),
            raw => number(&mut problems, "available", raw, 1_000_000).map(Some),
        };
        problems.finish(|| {
            Some(match available? {
                None => StockChange::RemoveLimit {
                    product: product?,
                    date: date?,
                },
                Some(available) => StockChange::SetLimit(StockLimit {
                    product: product?,
                    date: date?,
                    available,
                }),
            })
        })
    }
}

/// A change to a live template. With `apply` absent, nothing changes: the answer lists the
/// members whose contract it would touch ("Modifier en masse", reference §2.3).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct ChangeForm {
    /// `add_dates`, `move_date`, `delete_date`, `cancel`, `restore`, `set_price`,
    /// `add_product`, `remove_product`.
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            pattern = "^(add_dates|move_date|delete_date|cancel|restore|set_price|add_product|remove_product)$"
        )
    )]
    pub kind: String,
    /// The date concerned (or, for `add_dates`, a list).
    pub date: String,
    /// `move_date`: the new date.
    pub to: String,
    /// `cancel`/`restore` one product on one date, `set_price`, `add_product`, `remove_product`.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,18})?$"))]
    pub product_id: String,
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "^(-?[0-9]{1,7}([.,][0-9]{1,2})?)?$")
    )]
    pub price: String,
    /// "on"/"true": apply; otherwise only preview.
    pub apply: Option<String>,
}

pub use crate::domain::contract::changes::TemplateChange;

impl ChangeForm {
    pub fn parse(&self) -> Result<(TemplateChange, bool), Vec<Problem>> {
        let mut problems = Problems::new();
        let price = |problems: &mut Problems| problems.take(Money::parse("price", &self.price));
        let optional_product = |problems: &mut Problems| match self.product_id.trim() {
            "" => Some(None),
            raw => product_id(problems, "product_id", raw).map(Some),
        };
        let change = match self.kind.trim() {
            "add_dates" => {
                let dates = date_list(&mut problems, "date", &self.date);
                if dates.is_empty() {
                    problems.push(Problem::new("date", ProblemCode::Required));
                }
                Some(TemplateChange::AddDates(dates))
            }
            "move_date" => {
                let from = date(&mut problems, "date", &self.date);
                let to = date(&mut problems, "to", &self.to);
                from.zip(to)
                    .map(|(from, to)| TemplateChange::MoveDate { from, to })
            }
            "delete_date" => {
                date(&mut problems, "date", &self.date).map(TemplateChange::DeleteDate)
            }
            kind @ ("cancel" | "restore") => {
                let day = date(&mut problems, "date", &self.date);
                let product = optional_product(&mut problems);
                day.zip(product).map(|(date, product)| {
                    let exclusion = Exclusion { date, product };
                    if kind == "cancel" {
                        TemplateChange::Cancel(exclusion)
                    } else {
                        TemplateChange::Restore(exclusion)
                    }
                })
            }
            kind @ ("set_price" | "add_product") => {
                let product = product_id(&mut problems, "product_id", &self.product_id);
                let price = price(&mut problems);
                product.zip(price).map(|(product, price)| {
                    if kind == "set_price" {
                        TemplateChange::SetPrice { product, price }
                    } else {
                        TemplateChange::AddProduct { product, price }
                    }
                })
            }
            "remove_product" => product_id(&mut problems, "product_id", &self.product_id)
                .map(TemplateChange::RemoveProduct),
            "" => {
                problems.push(Problem::new("kind", ProblemCode::Required));
                None
            }
            _ => {
                problems.push(Problem::new("kind", ProblemCode::UnknownValue));
                None
            }
        };
        let apply = checked(&self.apply);
        problems.finish(|| Some((change?, apply)))
    }
}

/// A member whose contract a change touches, with the amounts before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Impact {
    pub member: PersonRef,
    pub amount_before: Money,
    pub amount_after: Money,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChangeOutcome {
    pub applied: bool,
    pub impacted: Vec<Impact>,
}

/// One subscription in a template's list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SubscriptionRow {
    pub member: PersonRef,
    pub late: bool,
    pub edited_by_referent: bool,
    /// Dates with at least one unit.
    pub dates: u32,
    pub units: u32,
    pub amount: Money,
}

// ---------------------------------------------------------------------------------------
// Calls

pub async fn list(slug: String) -> Result<Vec<TemplateSummary>, ApiError> {
    client::get(templates_path(&slug)).await
}

pub async fn show(slug: String, id: TemplateId) -> Result<TemplateView, ApiError> {
    client::get(template_path(&slug, id)).await
}

pub async fn subscriptions(slug: String, id: TemplateId) -> Result<Vec<SubscriptionRow>, ApiError> {
    client::get(format!("{}/subscriptions", template_path(&slug, id))).await
}

/// Active members without a contract on the template (names only).
pub async fn candidates(slug: String, id: TemplateId) -> Result<Vec<PersonRef>, ApiError> {
    client::get(format!("{}/candidates", template_path(&slug, id))).await
}

pub async fn producer(slug: String, id: ProducerId) -> Result<ProducerDetail, ApiError> {
    client::get(format!("{}/producers/{id}", amap_path(&slug))).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_but_descriptions_keep_their_lines() {
        let form = ProductForm {
            name: "Vin\u{0}".into(),
            description: "Rouge.\nÉlevé en fût.".into(),
            ..ProductForm::default()
        };
        let problems = form.parse().expect_err("NUL refused");
        assert_eq!(problems, vec![Problem::new("name", ProblemCode::Malformed)]);
        let form = ProductForm {
            name: "Vin rouge".into(),
            ..form
        };
        assert_eq!(
            form.parse().map(|p| p.description).ok().as_deref(),
            Some("Rouge.\nÉlevé en fût.")
        );
    }

    #[test]
    fn a_calendar_is_generated_and_the_deadline_may_not_follow_the_first_delivery() {
        let form = TemplateForm {
            producer_id: "1".into(),
            name: "Légumes".into(),
            nature: "fixed_basket".into(),
            deadline: "2026-12-04".into(),
            frequency: "weekly".into(),
            first_date: "03/12/2026".into(),
            last_date: "2026-12-24".into(),
            ..TemplateForm::default()
        };
        let problems = form.parse(true).expect_err("deadline after first date");
        assert_eq!(
            problems,
            vec![Problem::new("deadline", ProblemCode::InvalidDate)]
        );
        let form = TemplateForm {
            deadline: "2026-12-01".into(),
            ..form
        };
        let input = form.parse(true).expect("valid");
        assert_eq!(input.dates.len(), 4);
        assert_eq!(input.jokers, JokerPolicy::default());
    }

    #[test]
    fn rules_read_from_flat_fields() {
        let form = RuleForm {
            date_scope: "each_date".into(),
            product_scope: "one".into(),
            products: "7".into(),
            operator: "multiple_of".into(),
            value: "6".into(),
            ..RuleForm::default()
        };
        let rule = form.parse().expect("valid");
        assert_eq!(rule.products, ProductScope::One(ProductId(7)));
        assert_eq!(
            (rule.operator, rule.value, rule.binds),
            (Operator::MultipleOf, 6, Binds::MembersOnly)
        );
        let missing = RuleForm::default().parse().expect_err("empty form");
        assert_eq!(missing.len(), 4, "{missing:?}");
    }
}
