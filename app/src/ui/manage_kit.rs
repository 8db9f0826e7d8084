//! Pieces shared by the management pages (templates, producers, outputs): forms that know
//! which of a page's many forms a failed plain post came from, and labelled inputs whose ids
//! stay unique on such pages. Labels of dates, states and natures are in `manage_labels`.

use super::form::ApiForm;
use crate::api::form::{FormErrors, echoed_values};
use crate::i18n::{Locale, use_i18n};
use crate::messages::problem_message;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use std::collections::BTreeMap;

pub use super::manage_labels::{
    Downloads, StateBadge, date_span, day, frequency_options, nature_label, nature_options,
    nature_value,
};

/// Hidden field naming a form among the page's others. The server echoes it back with the
/// other posted values after a failed plain post, so only that form shows the errors.
pub const FORM_MARK: &str = "form";

/// What the page's query brought back from a failed plain post (JavaScript off).
#[derive(Clone, Debug, Default)]
pub struct Echo {
    values: BTreeMap<String, String>,
    errors: FormErrors,
}

impl Echo {
    pub fn from_query() -> Self {
        let query = use_query_map().get_untracked();
        let values = echoed_values((&query).into_iter().map(|(k, v)| (k.as_ref(), v)));
        let fields = query.get_all("field").unwrap_or_default();
        let errors = FormErrors::from_query(query.get_str("error"), &fields);
        Self { values, errors }
    }

    fn is_for(&self, form: &str) -> bool {
        self.values.get(FORM_MARK).is_some_and(|f| f == form)
    }

    /// The errors to show first in `form` (none when another form failed).
    pub fn errors(&self, form: &str) -> RwSignal<FormErrors> {
        let errors = if self.is_for(form) {
            self.errors.clone()
        } else {
            FormErrors::default()
        };
        RwSignal::new(errors)
    }

    /// What was typed in `field` of `form` before the failed post, else `fallback`.
    pub fn value(&self, form: &str, field: &str, fallback: impl Into<String>) -> String {
        match self.values.get(field) {
            Some(typed) if self.is_for(form) => typed.clone(),
            _ => fallback.into(),
        }
    }

    /// A checkbox as it was posted (absent means unticked), else `fallback`.
    pub fn checked(&self, form: &str, field: &str, fallback: bool) -> bool {
        if self.is_for(form) {
            self.values.contains_key(field)
        } else {
            fallback
        }
    }
}

/// A management form: an [`ApiForm`] that comes back to `here` with its errors and names
/// itself with [`FORM_MARK`].
#[component]
pub fn ManageForm(
    /// Unique on the page; also prefixes the ids of the form's inputs.
    form: String,
    action: String,
    /// The page: where a failed plain post returns, and by default where a successful one lands.
    here: String,
    #[prop(optional)] next: Option<String>,
    errors: RwSignal<FormErrors>,
    on_success: Callback<serde_json::Value>,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let next = next.unwrap_or_else(|| here.clone());
    // Hydrated, the page is patched in place with the new data: emptying the form first lets
    // its fields show that data instead of what was typed.
    view! {
        <ApiForm action next back=here errors on_success reset=true class>
            <input type="hidden" name=FORM_MARK value=form/>
            {children()}
        </ApiForm>
    }
}

fn field_message(errors: RwSignal<FormErrors>, name: &'static str) -> Option<String> {
    let locale: Locale = use_i18n().get_locale_untracked();
    errors.with(|e| e.field(name).map(|p| problem_message(locale, p)))
}

/// A labelled input with its error underneath; its id is `{form}-{name}`.
#[component]
pub fn Input(
    form: String,
    name: &'static str,
    label: String,
    errors: RwSignal<FormErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] value: String,
    #[prop(optional)] hint: Option<String>,
    #[prop(optional)] inputmode: &'static str,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    let message = move || field_message(errors, name);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()
            />
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}

/// A labelled multi-line input.
#[component]
pub fn TextArea(
    form: String,
    name: &'static str,
    label: String,
    errors: RwSignal<FormErrors>,
    #[prop(optional)] value: String,
    #[prop(optional)] hint: Option<String>,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    let message = move || field_message(errors, name);
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea id=id name=name rows="3" aria-describedby=error_id.clone()>{value}</textarea>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}

/// A labelled select; `options` are (value, label) pairs.
#[component]
pub fn Select(
    form: String,
    name: &'static str,
    label: String,
    errors: RwSignal<FormErrors>,
    options: Vec<(String, String)>,
    #[prop(optional)] selected: String,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    let message = move || field_message(errors, name);
    let options = options
        .into_iter()
        .map(|(value, text)| {
            let chosen = value == selected;
            view! { <option value=value selected=chosen>{text}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=name aria-describedby=error_id.clone()>{options}</select>
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}

/// A labelled checkbox posting `on`.
#[component]
pub fn Check(form: String, name: &'static str, label: String, checked: bool) -> impl IntoView {
    let id = format!("{form}-{name}");
    view! {
        <div class="field check">
            <input id=id.clone() name=name type="checkbox" value="on" checked=checked/>
            <label for=id>{label}</label>
        </div>
    }
}

/// Problems of fields the form does not show as inputs (hidden ids, the template's dates…).
#[component]
pub fn FieldNotes(errors: RwSignal<FormErrors>, fields: &'static [&'static str]) -> impl IntoView {
    let messages = move || {
        fields
            .iter()
            .filter_map(|f| field_message(errors, f))
            .map(|m| view! { <p class="field-error">{m}</p> })
            .collect_view()
    };
    view! { {messages} }
}
