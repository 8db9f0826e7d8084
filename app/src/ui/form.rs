//! Forms that work twice: a plain HTML post (JavaScript off: the server redirects back with
//! the errors in the query string) and, once hydrated, an in-page submit with instant messages.

use crate::api::form::FormErrors;
use crate::api::{ApiError, BACK_FIELD, NEXT_FIELD};
use crate::i18n::{Locale, use_i18n};
use crate::messages::{error_message, problem_message};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The errors a page's form should show first: those a no-JS post brought back.
pub fn errors_from_query() -> RwSignal<FormErrors> {
    let query = use_query_map().get_untracked();
    let fields = query.get_all("field").unwrap_or_default();
    RwSignal::new(FormErrors::from_query(
        query.get("error").as_deref(),
        &fields,
    ))
}

fn locale() -> Locale {
    use_i18n().get_locale_untracked()
}

#[component]
pub fn ApiForm(
    action: String,
    /// Where a successful no-JS post lands.
    next: String,
    /// Where a failed no-JS post returns (with its errors).
    back: String,
    errors: RwSignal<FormErrors>,
    /// Called with the JSON answer after a successful hydrated submit.
    on_success: Callback<serde_json::Value>,
    /// Empty the form after a successful hydrated submit, so that fields re-rendered with the
    /// new data show it rather than what was typed.
    #[prop(optional)]
    reset: bool,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let target = action.clone();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            ev.prevent_default();
            let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            let body = web_sys::FormData::new_with_form(&form)
                .and_then(|data| web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data))
                .map(|params| String::from(params.to_string()))
                .unwrap_or_default();
            let target = target.clone();
            // While the post is in flight another form's answer may rebuild this part of the
            // page (a register refetched after a reception, say), disposing this form's
            // signals: hence the `try_` calls. The callback usually belongs to the page and
            // still refreshes it; the DOM form is plain JavaScript and outlives the signals.
            leptos::task::spawn_local(async move {
                match crate::api::client::post_form(target, body).await {
                    Ok(value) => {
                        if reset {
                            form.reset();
                        }
                        errors.try_set(FormErrors::default());
                        on_success.try_run(value);
                    }
                    Err(error) => {
                        errors.try_set(FormErrors::from_api(&error));
                    }
                }
            });
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (&ev, &target, &on_success, reset);
    };
    view! {
        <form method="post" action=action class=class on:submit=on_submit novalidate>
            <input type="hidden" name=NEXT_FIELD value=next/>
            <input type="hidden" name=BACK_FIELD value=back/>
            <FormAlert errors/>
            {children()}
        </form>
    }
}

/// The form-wide message (wrong password, forbidden…), announced to screen readers.
#[component]
pub fn FormAlert(errors: RwSignal<FormErrors>) -> impl IntoView {
    let text = move || {
        errors
            .with(|e| e.kind)
            .map(|kind| error_message(locale(), kind))
    };
    view! {
        <Show when=move || text().is_some()>
            <p class="alert" role="alert">{text}</p>
        </Show>
    }
}

/// Shows an API error that is not tied to a form.
#[component]
pub fn ErrorNotice(error: ApiError) -> impl IntoView {
    let text = error_message(locale(), error.kind);
    view! { <p class="alert" role="alert">{text}</p> }
}

/// A labelled input with its own error message underneath.
#[component]
pub fn Field(
    name: &'static str,
    label: String,
    errors: RwSignal<FormErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] autocomplete: &'static str,
    #[prop(optional)] value: String,
) -> impl IntoView {
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let message = move || errors.with(|e| e.field(name).map(|p| problem_message(locale(), p)));
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                name=name
                type=kind
                value=value
                autocomplete=autocomplete
                aria-invalid=move || if message().is_some() { "true" } else { "false" }
                aria-describedby=error_id.clone()
            />
            <p class="field-error" id=error_id>{message}</p>
        </div>
    }
}
