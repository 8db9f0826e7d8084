//! A template's payment settings: the stored plan and the référent's form.

use super::*;

/// How a template's contracts are paid, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PaymentSettings {
    pub plan: PaymentPlan,
    /// "Ordre des chèques".
    pub payee: String,
    /// The date by which cheques must be handed in.
    #[serde(with = "crate::domain::wire::opt_date")]
    pub hand_in_by: Option<NaiveDate>,
    /// Who collects the cheques (a référent of the producer); none: the first référent.
    pub collector: Option<PersonRef>,
    /// Shown to members instead of a schedule when the AMAP does not manage payments.
    pub message: String,
    /// The producer's référents, in order: who may be chosen as the collector.
    #[serde(default)]
    pub referents: Vec<PersonRef>,
}

/// The settings form. `strategy` is a preset name or `custom`; `kind`, `editable` and `dates`
/// count only with `custom`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct PaymentSettingsForm {
    /// `not_managed`, `monthly_smoothed_editable`, `monthly_smoothed_fixed`, `per_delivery`,
    /// `monthly_first_of_month_editable` or `custom`.
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            pattern = "^(not_managed|monthly_smoothed_editable|monthly_smoothed_fixed|per_delivery|monthly_first_of_month_editable|custom)$"
        )
    )]
    pub strategy: String,
    /// `split_strict`, `split_rounded`, `pay_ahead_strict` or `pay_ahead_rounded`.
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "^(split_strict|split_rounded|pay_ahead_strict|pay_ahead_rounded)?$")
    )]
    pub kind: String,
    /// A checkbox: the member may change the proposed amounts.
    pub editable: Option<String>,
    /// `first_delivery_of_month`, `first_of_month`, `each_delivery` or `free`.
    #[cfg_attr(
        feature = "ssr",
        schema(pattern = "^(first_delivery_of_month|first_of_month|each_delivery|free)?$")
    )]
    pub dates: String,
    /// With `dates=free`: the payment dates, separated by spaces, commas or new lines.
    pub free_dates: String,
    /// Minimum cheque in euros ("20" or "20,00"); empty: none.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,7}([.,][0-9]{1,2})?)?$"))]
    pub minimum: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 200, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub payee: String,
    #[cfg_attr(feature = "ssr", schema(format = Date))]
    pub hand_in_by: String,
    /// The collecting référent's user id; empty: the producer's first référent.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]{1,18})?$"))]
    pub collector: String,
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 2000,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub message: String,
}

/// A settings form that parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsInput {
    pub plan: PaymentPlan,
    pub payee: String,
    pub hand_in_by: Option<NaiveDate>,
    pub collector: Option<UserId>,
    pub message: String,
}

/// The form name of a strategy (the inverse of what `PaymentSettingsForm::parse` reads).
pub fn strategy_name(strategy: &Strategy) -> &'static str {
    match strategy {
        Strategy::NotManaged => "not_managed",
        Strategy::MonthlySmoothedEditable => "monthly_smoothed_editable",
        Strategy::MonthlySmoothedFixed => "monthly_smoothed_fixed",
        Strategy::PerDelivery => "per_delivery",
        Strategy::MonthlyFirstOfMonthEditable => "monthly_first_of_month_editable",
        Strategy::Custom { .. } => "custom",
    }
}

/// The form name of a payment-date rule.
pub fn dates_name(dates: &PaymentDates) -> &'static str {
    match dates {
        PaymentDates::FirstDeliveryOfMonth => "first_delivery_of_month",
        PaymentDates::FirstOfMonth => "first_of_month",
        PaymentDates::EachDelivery => "each_delivery",
        PaymentDates::Free(_) => "free",
    }
}

impl PaymentSettingsForm {
    /// The form prefilled with stored settings.
    pub fn from_settings(s: &PaymentSettings) -> Self {
        let mut form = Self {
            strategy: strategy_name(&s.plan.strategy).to_owned(),
            minimum: if s.plan.minimum == Money::ZERO {
                String::new()
            } else {
                s.plan.minimum.decimal().to_string().replace('.', ",")
            },
            payee: s.payee.clone(),
            hand_in_by: s.hand_in_by.map(|d| d.to_string()).unwrap_or_default(),
            collector: s
                .collector
                .as_ref()
                .map(|p| p.id.to_string())
                .unwrap_or_default(),
            message: s.message.clone(),
            ..Self::default()
        };
        let preset = s.plan.preset();
        form.kind = KINDS
            .iter()
            .find(|(_, k)| *k == preset.kind)
            .map(|(n, _)| (*n).to_owned())
            .unwrap_or_default();
        form.editable = preset.editable.then(|| "on".to_owned());
        form.dates = dates_name(&preset.dates).to_owned();
        if let PaymentDates::Free(dates) = &preset.dates {
            let list: Vec<String> = dates.iter().map(|d| d.to_string()).collect();
            form.free_dates = list.join(" ");
        }
        form
    }

    pub fn parse(&self) -> Result<SettingsInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let presets = [
            ("not_managed", Some(Strategy::NotManaged)),
            (
                "monthly_smoothed_editable",
                Some(Strategy::MonthlySmoothedEditable),
            ),
            (
                "monthly_smoothed_fixed",
                Some(Strategy::MonthlySmoothedFixed),
            ),
            ("per_delivery", Some(Strategy::PerDelivery)),
            (
                "monthly_first_of_month_editable",
                Some(Strategy::MonthlyFirstOfMonthEditable),
            ),
            ("custom", None),
        ];
        let chosen = presets
            .iter()
            .find(|(name, _)| *name == self.strategy.trim())
            .map(|(_, s)| s.clone());
        let strategy = match chosen {
            Some(Some(preset)) => Some(preset),
            Some(None) => self.custom(&mut problems),
            None => {
                let _: Option<()> = one_of(&mut problems, "strategy", &self.strategy, &[]);
                None
            }
        };
        let minimum = match self.minimum.trim() {
            "" => Some(Money::ZERO),
            raw => problems.take(Money::parse("minimum", raw)),
        };
        if minimum.is_some_and(|m| m < Money::ZERO) {
            problems.push(Problem::new("minimum", ProblemCode::InvalidAmount));
        }
        let payee = text(&mut problems, "payee", &self.payee, 200, false);
        let message = text(&mut problems, "message", &self.message, 2000, false);
        let hand_in_by = match self.hand_in_by.trim() {
            "" => None,
            raw => {
                let parsed = parse_date(raw);
                if parsed.is_none() {
                    problems.push(Problem::new("hand_in_by", ProblemCode::InvalidDate));
                }
                parsed
            }
        };
        let collector = match self.collector.trim() {
            "" => None,
            raw => match raw.parse::<i64>() {
                Ok(id) => Some(UserId(id)),
                Err(_) => {
                    problems.push(Problem::new("collector", ProblemCode::Malformed));
                    None
                }
            },
        };
        problems.finish(|| {
            Some(SettingsInput {
                plan: PaymentPlan {
                    strategy: strategy?,
                    minimum: minimum?,
                },
                payee,
                hand_in_by,
                collector,
                message,
            })
        })
    }

    fn custom(&self, problems: &mut Problems) -> Option<Strategy> {
        let kind = one_of(problems, "kind", &self.kind, &KINDS);
        let rules = [
            ("first_delivery_of_month", 0),
            ("first_of_month", 1),
            ("each_delivery", 2),
            ("free", 3),
        ];
        let dates = match one_of(problems, "dates", &self.dates, &rules)? {
            0 => PaymentDates::FirstDeliveryOfMonth,
            1 => PaymentDates::FirstOfMonth,
            2 => PaymentDates::EachDelivery,
            _ => {
                let list = date_list(problems, "free_dates", &self.free_dates);
                if list.is_empty() {
                    problems.push(Problem::new("free_dates", ProblemCode::Required));
                }
                PaymentDates::Free(list)
            }
        };
        Some(Strategy::Custom {
            managed: true,
            kind: kind?,
            editable: checked(&self.editable),
            dates,
        })
    }
}
