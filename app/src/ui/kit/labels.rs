//! How the management pages name things: dates, template states and natures, calendar
//! frequencies, and the download links of the producer outputs.

use super::format::{long_date, short_date};
use crate::domain::contract::{Nature, TemplateState};
use crate::i18n::{Locale, t_string, td_string, use_i18n};
use chrono::NaiveDate;
use leptos::prelude::*;

/// "jeudi 5 juin 2026": a date as people read it, in the page's language.
pub fn day(date: NaiveDate) -> String {
    long_date(use_i18n().get_locale_untracked(), date)
}

/// "5 juin 2026 → 24 juillet 2026", or one date, or nothing yet.
pub fn date_span(first: Option<NaiveDate>, last: Option<NaiveDate>) -> String {
    let locale = use_i18n().get_locale_untracked();
    match (first, last) {
        (Some(f), Some(l)) if f != l => {
            format!("{} → {}", short_date(locale, f), short_date(locale, l))
        }
        (Some(f), _) => short_date(locale, f),
        _ => String::new(),
    }
}

fn template_state_label(state: TemplateState) -> &'static str {
    let i18n = use_i18n();
    match state {
        TemplateState::Draft => t_string!(i18n, manage.state_draft),
        TemplateState::Active => t_string!(i18n, manage.state_active),
        TemplateState::Archived => t_string!(i18n, manage.state_archived),
    }
}

fn state_class(state: TemplateState) -> &'static str {
    match state {
        TemplateState::Draft => "badge draft",
        TemplateState::Active => "badge active",
        TemplateState::Archived => "badge archived",
    }
}

#[component]
pub fn StateBadge(state: TemplateState) -> impl IntoView {
    view! { <span class=state_class(state)>{template_state_label(state)}</span> }
}

pub fn nature_label(nature: Nature) -> &'static str {
    let i18n = use_i18n();
    match nature {
        Nature::FixedBasket => t_string!(i18n, manage.nature_subscription),
        Nature::Free => t_string!(i18n, manage.nature_free),
        Nature::PrepaidCard => t_string!(i18n, manage.nature_prepaid),
    }
}

/// The (value, label) options of a nature select.
pub fn nature_options() -> Vec<(String, String)> {
    Nature::ALL
        .iter()
        .map(|nature| (nature.as_str().to_owned(), nature_label(*nature).to_owned()))
        .collect()
}

pub fn nature_value(nature: Nature) -> &'static str {
    nature.as_str()
}

/// The (value, label) options of a calendar frequency select.
pub fn frequency_options() -> Vec<(String, String)> {
    let i18n = use_i18n();
    [
        ("weekly", t_string!(i18n, manage.freq_weekly)),
        ("fortnightly", t_string!(i18n, manage.freq_fortnightly)),
        ("monthly_same_weekday", t_string!(i18n, manage.freq_monthly)),
        ("once", t_string!(i18n, manage.freq_once)),
        ("list", t_string!(i18n, manage.freq_list)),
    ]
    .into_iter()
    .map(|(v, l)| (v.to_owned(), l.to_owned()))
    .collect()
}

/// Links to the API's CSV and XLSX downloads of `api_path` (plain links: the router lets the
/// browser fetch them).
#[component]
pub fn Downloads(api_path: String) -> impl IntoView {
    let i18n = use_i18n();
    // The path may already carry a query (the sign-in sheet's layout).
    let join = if api_path.contains('?') { '&' } else { '?' };
    let csv = format!("{api_path}{join}format=csv");
    let xlsx = format!("{api_path}{join}format=xlsx");
    view! {
        <p class="downloads">
            <a href=csv rel="external" download="">{t_string!(i18n, manage.download_csv)}</a>
            <a href=xlsx rel="external" download="">{t_string!(i18n, manage.download_xlsx)}</a>
        </p>
    }
}

/// The month's name ("Janvier").
pub fn month_name(locale: Locale, month: u32) -> &'static str {
    match month {
        1 => td_string!(locale, contracts.month_1),
        2 => td_string!(locale, contracts.month_2),
        3 => td_string!(locale, contracts.month_3),
        4 => td_string!(locale, contracts.month_4),
        5 => td_string!(locale, contracts.month_5),
        6 => td_string!(locale, contracts.month_6),
        7 => td_string!(locale, contracts.month_7),
        8 => td_string!(locale, contracts.month_8),
        9 => td_string!(locale, contracts.month_9),
        10 => td_string!(locale, contracts.month_10),
        11 => td_string!(locale, contracts.month_11),
        _ => td_string!(locale, contracts.month_12),
    }
}

/// "Chèque", "Espèces", "Virement".
pub fn payment_kind(locale: Locale, kind: crate::domain::adhesion::PaymentKind) -> &'static str {
    use crate::domain::adhesion::PaymentKind;
    match kind {
        PaymentKind::Cheque => td_string!(locale, adhesions.kind_cheque),
        PaymentKind::Cash => td_string!(locale, adhesions.kind_cash),
        PaymentKind::Transfer => td_string!(locale, adhesions.kind_transfer),
    }
}

/// "À régler", "Encaissée".
pub fn adhesion_state(
    locale: Locale,
    state: crate::domain::adhesion::AdhesionState,
) -> &'static str {
    use crate::domain::adhesion::AdhesionState;
    match state {
        AdhesionState::ToProvide => td_string!(locale, adhesions.state_to_provide),
        AdhesionState::Cashed => td_string!(locale, adhesions.state_cashed),
    }
}

/// "Adhésion en ligne", "Saisie par le trésorier".
pub fn enrolment_label(
    locale: Locale,
    enrolment: crate::domain::adhesion::Enrolment,
) -> &'static str {
    use crate::domain::adhesion::Enrolment;
    match enrolment {
        Enrolment::Online => td_string!(locale, adhesions.enrolment_online),
        Enrolment::Treasurer => td_string!(locale, adhesions.enrolment_treasurer),
    }
}
