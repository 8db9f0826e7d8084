//! Passwords without a session: `/mot-de-passe-oublie` asks for a link by e-mail, and
//! `/mot-de-passe?jeton=…` (the link of an invitation or reset mail) chooses the password.
//! Both are plain forms; the server answers the same whether or not an address exists.

use crate::api::auth::{CONFIRM_EMAIL, PASSWORD_BY_LINK, PASSWORD_RESET};
use crate::i18n::{t, t_string, use_i18n};
use crate::messages::problem_message;
use crate::ui::kit::notice::FlashNotice;
use crate::ui::kit::{Echo, Form, Input};
use crate::ui::paths;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let form = "forgot".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let email = echo.value(&form, "email", "");
    view! {
        <Title text=t_string!(i18n, password.forgot_title)/>
        <main class="page narrow">
            <section class="card">
                <h1>{t!(i18n, password.forgot_title)}</h1>
                <FlashNotice/>
                <p>{t!(i18n, password.forgot_intro)}</p>
                <Form form=form.clone() action=PASSWORD_RESET.to_owned() here=paths::FORGOT_PASSWORD.to_owned() errors>
                    <Input form=form.clone() name="email" kind="email" autocomplete="username" label=t_string!(i18n, login.email).to_owned() errors value=email/>
                    <button type="submit" class="primary">{t!(i18n, password.forgot_submit)}</button>
                </Form>
                <p><a href=paths::LOGIN>{t!(i18n, password.back_to_login)}</a></p>
            </section>
            <super::layout::LanguageSwitch/>
        </main>
    }
}

#[component]
pub fn NewPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_query_map()
        .get_untracked()
        .get("jeton")
        .unwrap_or_default();
    let form = "new-password".to_owned();
    let errors = Echo::current().errors(&form);
    // A used or expired link has no field of its own: say it above the form, with the way out.
    let link_problem = errors.with_untracked(|e| {
        e.field("token")
            .map(|p| problem_message(i18n.get_locale_untracked(), p))
    });
    let here = paths::new_password(&token);
    let limits = t_string!(
        i18n,
        password.new_hint,
        min = crate::domain::Password::MIN_CHARS
    )
    .to_string();
    view! {
        <Title text=t_string!(i18n, password.new_title)/>
        <main class="page narrow">
            <section class="card">
                <h1>{t!(i18n, password.new_title)}</h1>
                {link_problem.map(|text| view! {
                    <p class="alert" role="alert" data-testid="link-problem">{text}" "<a href=paths::FORGOT_PASSWORD>{t!(i18n, password.ask_again)}</a></p>
                })}
                <Form form=form.clone() action=PASSWORD_BY_LINK.to_owned() here next=paths::LOGIN.to_owned() errors>
                    <input type="hidden" name="token" value=token/>
                    <Input form=form.clone() name="password" kind="password" autocomplete="new-password" label=t_string!(i18n, password.new_label).to_owned() hint=limits errors/>
                    <button type="submit" class="primary">{t!(i18n, password.new_submit)}</button>
                </Form>
            </section>
        </main>
    }
}

/// The page a new address's link opens: one button, so that a mail scanner following the
/// link changes nothing.
#[component]
pub fn ConfirmEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let token = use_query_map()
        .get_untracked()
        .get("jeton")
        .unwrap_or_default();
    let form = "confirm-email".to_owned();
    let errors = Echo::current().errors(&form);
    let link_problem = errors.with_untracked(|e| {
        e.field("token")
            .map(|p| problem_message(i18n.get_locale_untracked(), p))
    });
    let here = paths::confirm_email(&token);
    view! {
        <Title text=t_string!(i18n, password.confirm_title)/>
        <main class="page narrow">
            <section class="card">
                <h1>{t!(i18n, password.confirm_title)}</h1>
                {link_problem.map(|text| view! { <p class="alert" role="alert" data-testid="link-problem">{text}</p> })}
                <p>{t!(i18n, password.confirm_intro)}</p>
                <Form form=form.clone() action=CONFIRM_EMAIL.to_owned() here next=paths::LOGIN.to_owned() errors>
                    <input type="hidden" name="token" value=token/>
                    <button type="submit" class="primary">{t!(i18n, password.confirm_submit)}</button>
                </Form>
            </section>
        </main>
    }
}
