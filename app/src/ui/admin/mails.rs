//! The AMAP's mails (admins): each one's recipient, subject and state, the SMTP server's
//! reason when it failed (with "send again"), and its text. Without an SMTP server, mails are
//! held and read here — the demo works with no mail server.

use crate::api::mails::{MailView, MailsPage, mails, retry_path};
use crate::domain::mail::MailState;
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::ui::kit::format::local_time;
use crate::ui::kit::{ErrorNotice, Form};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn MailsPage() -> impl IntoView {
    let slug = use_slug();
    let loaded = Resource::new(move || slug.get(), mails);
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok(page) => view! { <Mails page slug=slug.get_untracked()/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

fn state_label(locale: Locale, state: MailState) -> &'static str {
    match state {
        MailState::Queued => td_string!(locale, mails.queued),
        MailState::Sending => td_string!(locale, mails.sending),
        MailState::Sent => td_string!(locale, mails.sent),
        MailState::Failed => td_string!(locale, mails.failed),
        MailState::Held => td_string!(locale, mails.held),
    }
}

#[component]
fn Mails(page: MailsPage, slug: String) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let here = Amap::new(slug.clone()).mails();
    let intro = if page.sends {
        t_string!(i18n, mails.intro_sends)
    } else {
        t_string!(i18n, mails.intro_held)
    };
    let count = t_string!(i18n, mails.count, count = page.total).to_string();
    let rows = page
        .mails
        .into_iter()
        .map(|mail| view! { <Mail mail locale time_zone=page.time_zone.clone() slug=slug.clone() here=here.clone()/> })
        .collect_view();
    view! {
        <Title text=t_string!(i18n, mails.title)/>
        <main class="page">
            <h1>{t!(i18n, mails.title)}</h1>
            <p><a href=Amap::new(slug.clone()).write()>{t!(i18n, write.link)}</a></p>
            <p>{intro}</p>
            <p class="muted">{count}</p>
            <ul class="plain mail-list" data-testid="mails">{rows}</ul>
        </main>
    }
}

#[component]
fn Mail(
    mail: MailView,
    locale: Locale,
    time_zone: String,
    slug: String,
    here: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let when = local_time(locale, &time_zone, mail.sent_at.unwrap_or(mail.created_at));
    let state = state_label(locale, mail.state);
    let class = format!("badge mail-{}", mail.state.as_str());
    let form = format!("retry-{}", mail.id);
    let errors = RwSignal::new(Default::default());
    let retry = mail.may_retry.then(|| {
        view! {
            <Form form action=retry_path(&slug, mail.id) here errors class="inline-form">
                <button type="submit" class="secondary">{t!(i18n, mails.retry)}</button>
            </Form>
        }
    });
    view! {
        <li class="card" data-testid="mail">
            <p><strong>{mail.subject.clone()}</strong>" "<span class=class>{state}</span></p>
            <p>{mail.recipient.clone()}" · "{when}</p>
            {mail.last_error.clone().map(|reason| view! { <p class="field-error">{reason}</p> })}
            {retry}
            <details>
                <summary>{t!(i18n, mails.read)}</summary>
                <pre class="mail-text">{mail.text.clone()}</pre>
            </details>
        </li>
    }
}
