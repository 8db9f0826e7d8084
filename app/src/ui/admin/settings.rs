//! The AMAP's settings (admins): its name and town, its time zone, where and when it
//! distributes — what members read beside their next delivery — and, when it has one, its
//! own mail server; and the AMAP's archive to download.

use crate::api::amaps::{AmapView, amap, amap_path};
use crate::api::mails::{MailServerView, mail_server, mail_server_path};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::fields::Input;
use crate::ui::kit::{Echo, ErrorNotice, Form};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let slug = use_slug();
    let loaded = Resource::new(
        move || slug.get(),
        |slug| async move { Ok((amap(slug.clone()).await?, mail_server(slug).await?)) },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok((amap, server)) => view! { <Settings amap server/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Settings(amap: AmapView, server: MailServerView) -> impl IntoView {
    let i18n = use_i18n();
    let here = Amap::new(amap.slug.clone()).settings();
    let mail = view! { <MailServer server slug=amap.slug.clone() here=here.clone()/> };
    let form = "settings".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    view! {
        <Title text=t_string!(i18n, settings.title)/>
        <main class="page narrow">
            <h1>{t!(i18n, settings.title)}</h1>
            <section class="card">
                <Form form=form.clone() action=amap_path(&amap.slug) here errors method="PUT" class="stack-form">
                    <Input form=form.clone() name="name" label=t_string!(i18n, settings.name).to_owned() errors value=v("name", amap.name.clone())/>
                    <Input form=form.clone() name="city" label=t_string!(i18n, settings.city).to_owned() errors value=v("city", amap.city.clone())/>
                    <Input form=form.clone() name="distribution_place" label=t_string!(i18n, settings.place).to_owned() errors
                        value=v("distribution_place", amap.distribution_place.clone())
                        hint=t_string!(i18n, settings.place_hint).to_owned()/>
                    <Input form=form.clone() name="distribution_hours" label=t_string!(i18n, settings.hours).to_owned() errors
                        value=v("distribution_hours", amap.distribution_hours.clone())
                        hint=t_string!(i18n, settings.hours_hint).to_owned()/>
                    <Input form=form.clone() name="time_zone" label=t_string!(i18n, settings.time_zone).to_owned() errors
                        value=v("time_zone", amap.time_zone.clone())
                        hint=t_string!(i18n, settings.time_zone_hint).to_owned()/>
                    <Input form=form.clone() name="duty_reminder_days" inputmode="numeric" label=t_string!(i18n, settings.duty_reminder).to_owned() errors
                        value=v("duty_reminder_days", amap.duty_reminder_days.to_string())
                        hint=t_string!(i18n, settings.duty_reminder_hint).to_owned()/>
                    <Input form=form.clone() name="swap_close_days" inputmode="numeric" label=t_string!(i18n, settings.swap_close).to_owned() errors
                        value=v("swap_close_days", amap.swap_close_days.to_string())
                        hint=t_string!(i18n, settings.swap_close_hint).to_owned()/>
                    <button type="submit" class="primary">{t!(i18n, settings.save)}</button>
                </Form>
            </section>
            {mail}
            <section class="card">
                <h2>{t!(i18n, settings.archive_title)}</h2>
                <p>{t!(i18n, settings.archive_text)}</p>
                <p class="downloads">
                    <a href=format!("{}/archive", amap_path(&amap.slug)) rel="external" download="">
                        {t!(i18n, settings.archive_download)}
                    </a>
                </p>
            </section>
        </main>
    }
}

/// "Serveur de mail": the AMAP's own SMTP server, sender and reply-to, over the deployment's.
#[component]
fn MailServer(server: MailServerView, slug: String, here: String) -> impl IntoView {
    let i18n = use_i18n();
    let form = "mail-server".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    let status = match (server.own_server, server.deployment_sends) {
        (true, _) => t_string!(i18n, settings.mail_own),
        (false, true) => t_string!(i18n, settings.mail_deployment),
        (false, false) => t_string!(i18n, settings.mail_none),
    };
    view! {
        <section class="card">
            <h2>{t!(i18n, settings.mail_title)}</h2>
            <p data-testid="mail-server">{status}</p>
            <Form form=form.clone() action=mail_server_path(&slug) here errors method="PUT" class="stack-form">
                <Input form=form.clone() name="smtp_url" autocomplete="off" label=t_string!(i18n, settings.smtp_url).to_owned() errors
                    value=v("smtp_url", server.smtp_url.clone()) hint=t_string!(i18n, settings.smtp_url_hint).to_owned()/>
                <Input form=form.clone() name="mail_from" label=t_string!(i18n, settings.mail_from).to_owned() errors
                    value=v("mail_from", server.mail_from.clone()) hint=t_string!(i18n, settings.mail_from_hint).to_owned()/>
                <Input form=form.clone() name="mail_reply_to" label=t_string!(i18n, settings.mail_reply_to).to_owned() errors
                    value=v("mail_reply_to", server.mail_reply_to.clone())/>
                <button type="submit" class="primary">{t!(i18n, settings.save)}</button>
            </Form>
        </section>
    }
}
