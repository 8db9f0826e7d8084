//! Forms, HTML first: a real `<form method=post>` to the API, which answers with a redirect
//! (`http::errors::form_posts` on the server). A failed post comes back to `here` with its
//! errors and what was typed, through the flash cookie; [`Echo`] reads them back so that the
//! one form that failed shows them beside its fields.

use crate::api::form::{FORM_MARK, Flash, FormErrors, METHOD_FIELD};
use crate::api::{ApiError, BACK_FIELD, NEXT_FIELD};
use crate::i18n::{Locale, use_i18n};
use crate::messages::error_message;
use leptos::prelude::*;

/// What the last form post left for this page (nothing when there was none).
pub fn flash() -> Flash {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Flash>().cloned())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    Flash::default()
}

/// What a failed post brought back, for the forms of a page.
#[derive(Clone, Debug, Default)]
pub struct Echo(Flash);

impl Echo {
    pub fn current() -> Self {
        Self(flash())
    }

    pub fn flash(&self) -> &Flash {
        &self.0
    }

    /// The errors to show first in `form` (none when another form failed).
    pub fn errors(&self, form: &str) -> RwSignal<FormErrors> {
        RwSignal::new(self.0.errors_for(form))
    }

    /// What was typed in `field` of `form` before the failed post, else `fallback`.
    pub fn value(&self, form: &str, field: &str, fallback: impl Into<String>) -> String {
        self.0
            .value(form, field)
            .map_or_else(|| fallback.into(), str::to_owned)
    }

    /// A checkbox as it was posted (absent means unticked), else `fallback`.
    pub fn checked(&self, form: &str, field: &str, fallback: bool) -> bool {
        if self.0.is_for(form) {
            self.0.value(form, field).is_some()
        } else {
            fallback
        }
    }
}

pub(crate) fn locale() -> Locale {
    use_i18n().get_locale_untracked()
}

/// A form of the page. `form` names it (unique on the page; it also prefixes its inputs'
/// ids); a failed post returns to `here`, a successful one lands on `next` (default `here`).
/// `method` asks the API for another verb than POST (`DELETE`, `PUT`, `PATCH`).
#[component]
pub fn Form(
    form: String,
    action: String,
    here: String,
    #[prop(optional)] next: Option<String>,
    errors: RwSignal<FormErrors>,
    #[prop(optional)] method: &'static str,
    #[prop(optional)] class: &'static str,
    /// For inputs outside the form that name it with `form=` (the register's tick boxes).
    #[prop(optional)]
    id: &'static str,
    children: Children,
) -> impl IntoView {
    let next = next.unwrap_or_else(|| here.clone());
    let id = (!id.is_empty()).then_some(id);
    view! {
        <form method="post" action=action class=class id=id novalidate>
            <input type="hidden" name=NEXT_FIELD value=next/>
            <input type="hidden" name=BACK_FIELD value=here/>
            <input type="hidden" name=FORM_MARK value=form/>
            {(!method.is_empty()).then(|| view! { <input type="hidden" name=METHOD_FIELD value=method/> })}
            <FormAlert errors/>
            {children()}
        </form>
    }
}

/// The form-wide message (wrong password, forbidden…), announced to screen readers.
#[component]
pub fn FormAlert(errors: RwSignal<FormErrors>) -> impl IntoView {
    errors
        .with_untracked(|e| e.kind)
        .map(|kind| view! { <p class="alert" role="alert">{error_message(locale(), kind)}</p> })
}

/// Shows an API error that is not tied to a form.
#[component]
pub fn ErrorNotice(error: ApiError) -> impl IntoView {
    use crate::api::ErrorKind;
    // The page answers with the error's status (a forbidden page is a 403, not a 200), and
    // offers a way back: the AMAP's home inside an AMAP, the start page elsewhere.
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.kind.status())
    {
        response.set_status(status);
    }
    let text = error_message(locale(), error.kind);
    let i18n = use_i18n();
    let back = crate::ui::shell::layout::home_here();
    let way_back = matches!(error.kind, ErrorKind::Forbidden | ErrorKind::NotFound).then(|| {
        view! { <p><a href=back>{crate::i18n::t_string!(i18n, not_found.back)}</a></p> }
    });
    view! { <p class="alert" role="alert">{text}</p>{way_back} }
}
