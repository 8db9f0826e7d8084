//! `/login`: e-mail and password, then back to the page that asked for a session.

use crate::api::auth::LOGIN;
use crate::api::form::local_path;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::notice::FlashNotice;
use crate::ui::kit::{Echo, Form, Input};
use crate::ui::paths;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map().get_untracked();
    let next = local_path(query.get("next").as_deref(), "/");
    let here = match query.get("next") {
        Some(_) => paths::login_then(&next),
        None => paths::LOGIN.to_owned(),
    };
    let form = "login".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let email = echo.value(&form, "email", "");
    view! {
        <Title text=t_string!(i18n, login.title)/>
        <main class="page narrow">
            <header class="brand">
                <h1>{t!(i18n, app_name)}</h1>
                <p class="tagline">{t!(i18n, tagline)}</p>
            </header>
            <section class="card">
                <h2>{t!(i18n, login.title)}</h2>
                <FlashNotice/>
                <p>{t!(i18n, login.intro)}</p>
                <Form form=form.clone() action=LOGIN.to_owned() here next errors>
                    <Input form=form.clone() name="email" kind="email" autocomplete="username" label=t_string!(i18n, login.email).to_owned() errors value=email/>
                    <Input form=form.clone() name="password" kind="password" autocomplete="current-password" label=t_string!(i18n, login.password).to_owned() errors/>
                    <button type="submit" class="primary">{t!(i18n, login.submit)}</button>
                </Form>
                <p><a href=paths::FORGOT_PASSWORD>{t!(i18n, login.forgot)}</a></p>
            </section>
            <super::layout::LanguageSwitch/>
        </main>
    }
}
