//! How the cheque pages name things: cheque states, audit actions, the payment presets and
//! their custom settings, and a member's cheque dates as months.

use crate::api::payments::{DATE_RULES, KINDS, PRESETS};
use crate::domain::payment::{ChequeEvent, ChequeState};
use crate::i18n::{Locale, t_string, td_string, use_i18n};
use crate::ui::kit::labels::month_name;
use chrono::{Datelike, NaiveDate};

/// Also used inside the contract island, hence the explicit language.
pub fn state_label(locale: Locale, state: ChequeState) -> &'static str {
    match state {
        ChequeState::Promised => td_string!(locale, payments.state_promised),
        ChequeState::Received => td_string!(locale, payments.state_received),
        ChequeState::Remitted => td_string!(locale, payments.state_remitted),
    }
}

pub fn action_label(action: ChequeEvent) -> &'static str {
    let i18n = use_i18n();
    match action {
        ChequeEvent::Promised => t_string!(i18n, payments.action_promised),
        ChequeEvent::Changed => t_string!(i18n, payments.action_changed),
        ChequeEvent::Deleted => t_string!(i18n, payments.action_deleted),
        ChequeEvent::Received => t_string!(i18n, payments.action_received),
        ChequeEvent::Unreceived => t_string!(i18n, payments.action_unreceived),
        ChequeEvent::Remitted => t_string!(i18n, payments.action_remitted),
        ChequeEvent::RemittanceDeleted => t_string!(i18n, payments.action_remittance_deleted),
        ChequeEvent::CreditIn => t_string!(i18n, payments.action_credit_in),
        ChequeEvent::CreditOut => t_string!(i18n, payments.action_credit_out),
        ChequeEvent::Credit => t_string!(i18n, payments.action_credit),
    }
}

fn preset_label(name: &str) -> &'static str {
    let i18n = use_i18n();
    match name {
        "monthly_smoothed_editable" => t_string!(i18n, payments.preset_monthly_smoothed_editable),
        "monthly_smoothed_fixed" => t_string!(i18n, payments.preset_monthly_smoothed_fixed),
        "per_delivery" => t_string!(i18n, payments.preset_per_delivery),
        "monthly_first_of_month_editable" => {
            t_string!(i18n, payments.preset_monthly_first_of_month_editable)
        }
        "not_managed" => t_string!(i18n, payments.preset_not_managed),
        _ => t_string!(i18n, payments.preset_custom),
    }
}

fn kind_label(name: &str) -> &'static str {
    let i18n = use_i18n();
    match name {
        "split_strict" => t_string!(i18n, payments.kind_split_strict),
        "pay_ahead_strict" => t_string!(i18n, payments.kind_pay_ahead_strict),
        "pay_ahead_rounded" => t_string!(i18n, payments.kind_pay_ahead_rounded),
        _ => t_string!(i18n, payments.kind_split_rounded),
    }
}

fn dates_label(name: &str) -> &'static str {
    let i18n = use_i18n();
    match name {
        "first_of_month" => t_string!(i18n, payments.dates_first_of_month),
        "each_delivery" => t_string!(i18n, payments.dates_each_delivery),
        "free" => t_string!(i18n, payments.dates_free),
        _ => t_string!(i18n, payments.dates_first_delivery_of_month),
    }
}

fn options(
    names: impl Iterator<Item = &'static str>,
    label: fn(&str) -> &'static str,
) -> Vec<(String, String)> {
    names.map(|n| (n.to_owned(), label(n).to_owned())).collect()
}

pub fn preset_options() -> Vec<(String, String)> {
    options(PRESETS.into_iter(), preset_label)
}

pub fn kind_options() -> Vec<(String, String)> {
    options(KINDS.iter().map(|(n, _)| *n), kind_label)
}

pub fn dates_options() -> Vec<(String, String)> {
    options(DATE_RULES.into_iter(), dates_label)
}

/// Whether dates fall in more than one year: then every month is named with its year.
pub fn spans_years<'a>(dates: impl IntoIterator<Item = &'a NaiveDate>) -> bool {
    let years: std::collections::BTreeSet<i32> = dates.into_iter().map(|d| d.year()).collect();
    years.len() > 1
}

/// "janvier, février, mars", or "décembre 2026, janvier 2027" when `with_year` (decided
/// over all the lines shown together, see [`spans_years`], so "mars" never stands alone
/// beside "février 2027").
pub fn months(dates: &[NaiveDate], with_year: bool) -> String {
    let i18n = use_i18n();
    dates
        .iter()
        .map(|d| {
            let month = month_name(i18n.get_locale_untracked(), d.month());
            if with_year {
                format!("{month} {}", d.year())
            } else {
                month.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The lines of cheques to give, one per amount ("3 chèques de 20,00 € : janvier, février,
/// mars"), the year named on every line as soon as the dates span two.
pub fn cheque_group_lines(groups: &[crate::api::payments::ChequeGroup]) -> Vec<String> {
    let i18n = use_i18n();
    let with_year = spans_years(groups.iter().flat_map(|g| &g.dates));
    groups
        .iter()
        .map(|g| {
            crate::i18n::t_string!(
                i18n,
                payments.group,
                count = g.dates.len(),
                amount = g.amount.to_string(),
                months = months(&g.dates, with_year)
            )
            .to_string()
        })
        .collect()
}
