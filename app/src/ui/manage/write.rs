//! "Écrire aux adhérents": a message to every active member (admins), to the members of one
//! contract (its référents and up) or to the people on duty one day (coordinators), one mail
//! each, replies to the author.

use crate::api::distributions::distributions;
use crate::api::home::member_home;
use crate::api::mails::{Audience, send_path};
use crate::api::templates::list;
use crate::domain::TemplateId;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::fields::{Input, TextArea};
use crate::ui::kit::format::long_date;
use crate::ui::kit::{Echo, ErrorNotice, Form, Select};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn WritePage() -> impl IntoView {
    let slug = use_slug();
    let loaded = Resource::new(
        move || slug.get(),
        |slug| async move {
            let home = member_home(slug.clone()).await?;
            // A coordinator who is no référent reads no template: none offered then.
            let templates = list(slug.clone()).await.unwrap_or_default();
            let days = if home.may_manage_rota {
                distributions(slug).await?
            } else {
                Vec::new()
            };
            Ok::<_, crate::api::ApiError>((home, templates, days))
        },
    );
    let chosen = use_query_map().with_untracked(|q| {
        let template = q
            .get_str("contrat")
            .and_then(|id| id.parse::<i64>().ok())
            .map(|id| Audience::Template(TemplateId(id)));
        let duty = q
            .get_str("permanence")
            .and_then(crate::domain::wire::parse_day)
            .map(Audience::OnDuty);
        template.or(duty).map(Audience::value).unwrap_or_default()
    });
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|result| match result {
                Ok((home, templates, days)) => {
                    let mut options = Vec::new();
                    let i18n = use_i18n();
                    let locale = i18n.get_locale_untracked();
                    if home.may_manage_amap {
                        options.push((Audience::Everyone.value(), t_string!(i18n, write.everyone).to_owned()));
                    }
                    options.extend(templates.into_iter().filter(|t| home.manages.contains(&t.producer.id)).map(|t| {
                        let label = t_string!(i18n, write.template, name = t.name.clone()).to_string();
                        (Audience::Template(t.id).value(), label)
                    }));
                    options.extend(days.into_iter().filter(|d| !d.on_duty.is_empty()).map(|d| {
                        let day = long_date(locale, d.day);
                        (Audience::OnDuty(d.day).value(), t_string!(i18n, write.on_duty, day = day).to_string())
                    }));
                    view! { <Write slug=slug.get_untracked() options chosen=chosen.clone()/> }.into_any()
                }
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Write(slug: String, options: Vec<(String, String)>, chosen: String) -> impl IntoView {
    let i18n = use_i18n();
    let here = Amap::new(slug.clone()).write();
    let form = "write".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let [audience, subject, body] =
        ["audience", "subject", "body"].map(|field| echo.value(&form, field, ""));
    let audience = if audience.is_empty() {
        chosen
    } else {
        audience
    };
    let mut choices = vec![(String::new(), t_string!(i18n, admin.choose).to_owned())];
    choices.extend(options);
    view! {
        <Title text=t_string!(i18n, write.title)/>
        <main class="page narrow">
            <h1>{t!(i18n, write.title)}</h1>
            <p class="hint">{t!(i18n, write.intro)}</p>
            <section class="card">
                <Form form=form.clone() action=send_path(&slug) here errors class="stack-form">
                    <Select form=form.clone() name="audience" label=t_string!(i18n, write.audience).to_owned() errors options=choices selected=audience/>
                    <Input form=form.clone() name="subject" label=t_string!(i18n, write.subject).to_owned() errors value=subject/>
                    <TextArea form=form.clone() name="body" label=t_string!(i18n, write.body).to_owned() errors value=body/>
                    <button type="submit" class="primary">{t!(i18n, write.submit)}</button>
                </Form>
            </section>
        </main>
    }
}
