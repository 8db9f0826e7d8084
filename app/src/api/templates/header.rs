//! A template's header, its calendar, its life cycle and its copies.

use super::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TemplateSummary {
    pub id: TemplateId,
    pub name: String,
    pub producer: ProducerRef,
    pub nature: Nature,
    pub state: TemplateState,
    #[serde(with = "crate::domain::wire::date")]
    pub deadline: NaiveDate,
    #[serde(with = "crate::domain::wire::opt_date")]
    pub first_date: Option<NaiveDate>,
    #[serde(with = "crate::domain::wire::opt_date")]
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
    #[serde(with = "crate::domain::wire::date")]
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
    #[serde(with = "crate::domain::wire::dates")]
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
    /// The membership period a member must have joined before signing up.
    pub adhesion_period_id: Option<crate::domain::PeriodId>,
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
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub first_date: String,
    #[cfg_attr(feature = "ssr", schema(format = Date))]
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
        if let (Some(nature), true) = (nature, with_calendar) {
            problems.take(nature.check_calendar(&dates));
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
                        // Said once, on the last date: not also "no dates".
                        problems.push(Problem::new("last_date", ProblemCode::InvalidDate));
                        return Vec::new();
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
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub first_date: String,
    #[cfg_attr(feature = "ssr", schema(format = Date))]
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
