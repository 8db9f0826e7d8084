//! Labelled inputs whose error sits underneath (and whose ids, `{form}-{name}`, stay unique
//! on pages with many forms); the messages come from the failed post's flash.

use super::form::locale;
use crate::api::form::FormErrors;
use crate::messages::problem_message;
use leptos::prelude::*;

fn field_message(errors: RwSignal<FormErrors>, name: &'static str) -> Option<String> {
    errors.with_untracked(|e| e.field(name).map(|p| problem_message(locale(), p)))
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
    #[prop(optional)] autocomplete: &'static str,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    let message = field_message(errors, name);
    let invalid = if message.is_some() { "true" } else { "false" };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                inputmode=(!inputmode.is_empty()).then_some(inputmode)
                autocomplete=(!autocomplete.is_empty()).then_some(autocomplete)
                aria-invalid=invalid
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
    let message = field_message(errors, name);
    let invalid = if message.is_some() { "true" } else { "false" };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <textarea id=id name=name rows="3" aria-invalid=invalid aria-describedby=error_id.clone()>{value}</textarea>
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
    let message = field_message(errors, name);
    let invalid = if message.is_some() { "true" } else { "false" };
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
            <select id=id name=name aria-invalid=invalid aria-describedby=error_id.clone()>{options}</select>
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}

/// A labelled checkbox posting `on`, with its error underneath when `errors` is given.
#[component]
pub fn Check(
    form: String,
    name: &'static str,
    label: String,
    checked: bool,
    #[prop(optional)] errors: Option<RwSignal<FormErrors>>,
) -> impl IntoView {
    let id = format!("{form}-{name}");
    let error_id = format!("{id}-error");
    let message = errors.and_then(|e| field_message(e, name));
    let invalid = if message.is_some() { "true" } else { "false" };
    view! {
        <div class="field check">
            <input id=id.clone() name=name type="checkbox" value="on" checked=checked
                aria-invalid=invalid aria-describedby=error_id.clone()/>
            <label for=id>{label}</label>
            {message.map(|m| view! { <p class="field-error" id=error_id>{m}</p> })}
        </div>
    }
}

/// Problems of fields the form does not show as inputs (hidden ids, the template's dates…).
#[component]
pub fn FieldNotes(errors: RwSignal<FormErrors>, fields: &'static [&'static str]) -> impl IntoView {
    fields
        .iter()
        .filter_map(|f| field_message(errors, f))
        .map(|m| view! { <p class="field-error">{m}</p> })
        .collect_view()
}
