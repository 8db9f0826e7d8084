//! "Mon agenda" on *Mon compte*: the addresses of my calendar feeds — my deliveries and
//! duties, the AMAP's distributions — to subscribe to in one tap (`webcal://`) or to copy
//! into a calendar application, and the button that changes them (an address shared by
//! mistake).

use crate::api::calendar::{CalendarLinks, reset_calendar_path};
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::{Echo, Form};
use leptos::prelude::*;

#[component]
pub fn CalendarSection(links: CalendarLinks, slug: String, here: String) -> impl IntoView {
    let i18n = use_i18n();
    let form = "calendar-reset".to_owned();
    let errors = Echo::current().errors(&form);
    let feed = |id: &'static str, label: &'static str, url: String| {
        view! {
            <div class="field calendar-feed">
                <label for=id>{label}</label>
                <input id=id type="text" readonly value=url.clone() data-testid=id/>
                <a class="button" href=CalendarLinks::subscribe(&url) rel="external">{t!(i18n, account.calendar_subscribe)}</a>
            </div>
        }
    };
    view! {
        <section class="card" aria-labelledby="calendar">
            <h2 id="calendar">{t!(i18n, account.calendar_title)}</h2>
            <p class="hint">{t!(i18n, account.calendar_hint)}</p>
            {feed("calendar-member", t_string!(i18n, account.calendar_member), links.member)}
            {feed("calendar-distributions", t_string!(i18n, account.calendar_distributions), links.distributions)}
            <p class="hint">{t!(i18n, account.calendar_reset_hint)}</p>
            <Form form action=reset_calendar_path(&slug) here errors class="inline-form">
                <button type="submit" class="secondary" data-testid="calendar-reset">{t!(i18n, account.calendar_reset)}</button>
            </Form>
        </section>
    }
}
