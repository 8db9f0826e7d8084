//! Entry rules: the form and the rule as listed (with its id).

use super::*;

/// One entry rule with the id that deletes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RuleView {
    pub id: RuleId,
    #[serde(flatten)]
    pub rule: EntryRule,
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
