//! *Mon compte*: my phones and address (what the member list shows to those allowed), my
//! password and e-mail address (the current password first; a new address is confirmed by
//! a link sent to it), which optional mails I receive here, and "log out everywhere" for a
//! lost phone or a shared computer.

use crate::api::amaps::me;
use crate::api::auth::{LOGOUT_EVERYWHERE, MY_EMAIL, MY_PASSWORD};
use crate::api::directory::{ContactForm, MY_CONTACT, my_contact};
use crate::api::mails::{MailChoicesView, mail_choices, mail_choices_path};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::fields::{Check, Input};
use crate::ui::kit::{Echo, ErrorNotice, Form};
use crate::ui::paths::{self, Amap};
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AccountPage() -> impl IntoView {
    let slug = use_slug();
    let loaded = Resource::new(
        move || slug.get(),
        |slug| async move {
            // An operator who is no member here has no mail choices nor calendar: those
            // sections are left out.
            let choices = mail_choices(slug.clone()).await.ok();
            let calendar = crate::api::calendar::mine(slug).await.ok();
            Ok((
                my_contact().await?,
                me().await?.user.email,
                choices,
                calendar,
            ))
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok((contact, email, choices, calendar)) => view! { <Account contact email choices calendar slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Account(
    contact: ContactForm,
    email: String,
    choices: Option<MailChoicesView>,
    calendar: Option<crate::api::calendar::CalendarLinks>,
    slug: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let here = Amap::new(slug.clone()).account();
    let mails = choices
        .map(|view| view! { <MailChoicesSection view slug=slug.clone() here=here.clone()/> });
    let calendar = calendar.map(|links| {
        view! { <super::calendar::CalendarSection links slug=slug.clone() here=here.clone()/> }
    });
    let form = "contact".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    let everywhere = RwSignal::new(Default::default());
    let password_errors = echo.errors("password");
    let email_errors = echo.errors("email");
    let new_email = echo.value("email", "new_email", "");
    let current_email = t_string!(i18n, account.email_current, email = email).to_string();
    view! {
        <Title text=t_string!(i18n, account.title)/>
        <main class="page narrow">
            <h1>{t!(i18n, account.title)}</h1>
            <section class="card">
                <h2>{t!(i18n, account.contact)}</h2>
                <p class="hint">{t!(i18n, account.contact_hint)}</p>
                <Form form=form.clone() action=MY_CONTACT.to_owned() here=here.clone() errors method="PUT" class="stack-form">
                    <Input form=form.clone() name="phone1" kind="tel" autocomplete="tel" label=t_string!(i18n, account.phone1).to_owned() errors value=v("phone1", contact.phone1.clone())/>
                    <Input form=form.clone() name="phone2" kind="tel" label=t_string!(i18n, account.phone2).to_owned() errors value=v("phone2", contact.phone2.clone())/>
                    <Input form=form.clone() name="address" autocomplete="street-address" label=t_string!(i18n, account.address).to_owned() errors value=v("address", contact.address.clone())/>
                    <Input form=form.clone() name="postcode" autocomplete="postal-code" inputmode="numeric" label=t_string!(i18n, account.postcode).to_owned() errors value=v("postcode", contact.postcode.clone())/>
                    <Input form=form.clone() name="town" autocomplete="address-level2" label=t_string!(i18n, account.town).to_owned() errors value=v("town", contact.town.clone())/>
                    <button type="submit" class="primary">{t!(i18n, account.save)}</button>
                </Form>
            </section>
            <section class="card">
                <h2>{t!(i18n, account.password_title)}</h2>
                <p class="hint">{t!(i18n, account.password_hint)}</p>
                <Form form="password".to_owned() action=MY_PASSWORD.to_owned() here=here.clone() errors=password_errors class="stack-form">
                    <Input form="password".to_owned() name="current_password" kind="password" autocomplete="current-password" label=t_string!(i18n, account.current_password).to_owned() errors=password_errors/>
                    <Input form="password".to_owned() name="new_password" kind="password" autocomplete="new-password" label=t_string!(i18n, account.new_password).to_owned() errors=password_errors/>
                    <button type="submit" class="primary">{t!(i18n, account.password_submit)}</button>
                </Form>
            </section>
            <section class="card">
                <h2>{t!(i18n, account.email_title)}</h2>
                <p>{current_email}</p>
                <p class="hint">{t!(i18n, account.email_hint)}</p>
                <Form form="email".to_owned() action=MY_EMAIL.to_owned() here=here.clone() errors=email_errors class="stack-form">
                    <Input form="email".to_owned() name="new_email" kind="email" autocomplete="email" label=t_string!(i18n, account.new_email).to_owned() errors=email_errors value=new_email/>
                    <Input form="email".to_owned() name="current_password" kind="password" autocomplete="current-password" label=t_string!(i18n, account.current_password).to_owned() errors=email_errors/>
                    <button type="submit" class="primary">{t!(i18n, account.email_submit)}</button>
                </Form>
            </section>
            {mails}
            {calendar}
            <section class="card">
                <h2>{t!(i18n, account.sessions)}</h2>
                <p>{t!(i18n, account.sessions_hint)}</p>
                <Form form="everywhere".to_owned() action=LOGOUT_EVERYWHERE.to_owned() here next=paths::LOGIN.to_owned() errors=everywhere>
                    <button type="submit" class="secondary">{t!(i18n, account.logout_everywhere)}</button>
                </Form>
            </section>
        </main>
    }
}

/// "Mails que je reçois": the optional mails, each a box; the others are named as always sent.
#[component]
fn MailChoicesSection(view: MailChoicesView, slug: String, here: String) -> impl IntoView {
    let i18n = use_i18n();
    let form = "mail-choices".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let c = view.choices;
    let sheets = view.sheets_apply.then(|| {
        view! { <Check form=form.clone() name="delivery_sheets" label=t_string!(i18n, account.mail_sheets).to_owned() checked=c.delivery_sheets/> }
    });
    view! {
        <section class="card">
            <h2>{t!(i18n, account.mails_title)}</h2>
            <Form form=form.clone() action=mail_choices_path(&slug) here errors method="PUT" class="stack-form">
                <Check form=form.clone() name="openings" label=t_string!(i18n, account.mail_openings).to_owned() checked=c.openings/>
                <Check form=form.clone() name="confirmations" label=t_string!(i18n, account.mail_confirmations).to_owned() checked=c.confirmations/>
                {sheets}
                <p class="hint">{t!(i18n, account.mails_always)}</p>
                <button type="submit" class="primary">{t!(i18n, account.save)}</button>
            </Form>
        </section>
    }
}
