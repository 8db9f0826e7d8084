use super::form::{ApiForm, Field, errors_from_query};
use crate::api::auth::LOGIN;
use crate::api::form::local_path;
use crate::i18n::{t, t_string, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_navigate, use_query_map};

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let errors = errors_from_query();
    let query = use_query_map().get_untracked();
    let next = local_path(query.get("next").as_deref(), "/");
    let back = match query.get("next") {
        Some(_) => format!("/login?next={}", urlencode(&next)),
        None => "/login".to_owned(),
    };
    let navigate = use_navigate();
    let destination = next.clone();
    let on_success = Callback::new(move |_| navigate(&destination, Default::default()));
    view! {
        <Title text=t_string!(i18n, login.title)/>
        <main class="page narrow">
            <header class="brand">
                <h1>{t!(i18n, app_name)}</h1>
                <p class="tagline">{t!(i18n, tagline)}</p>
            </header>
            <section class="card">
                <h2>{t!(i18n, login.title)}</h2>
                <p>{t!(i18n, login.intro)}</p>
                <ApiForm action=LOGIN.to_owned() next back errors on_success>
                    <Field name="email" kind="email" autocomplete="username" label=t_string!(i18n, login.email).to_owned() errors/>
                    <Field name="password" kind="password" autocomplete="current-password" label=t_string!(i18n, login.password).to_owned() errors/>
                    <button type="submit" class="primary">{t!(i18n, login.submit)}</button>
                </ApiForm>
            </section>
            <super::layout::LanguageSwitch/>
        </main>
    }
}

/// Percent-encodes a path for use as a query value.
pub(super) fn urlencode(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
