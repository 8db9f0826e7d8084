//! `/a/{slug}/gestion/contrats/{id}/cheques`: the treasurer's register of one template, made
//! for a phone at the distribution as much as for a desk: one card per member (their cheques
//! as large tick boxes, their balance, their other actions folded away), a filter box, and per
//! payment date who is missing, "everything received for this date" and the hand-over to the
//! producer (a deposit slip). Every form posts to the API and comes back to where it was.

mod dates;
mod members;

use crate::api::payments::{Register, cheques_path, register};
use crate::api::templates::template_path;
use crate::domain::{Money, TemplateId};
use crate::i18n::{t_string, use_i18n};
use crate::ui::kit::print::PrintButton;
use crate::ui::kit::{Downloads, Echo, ErrorNotice, FieldNotes, Form, day};
use crate::ui::manage::template::{not_found, use_template_id};
use crate::ui::paths::Amap;
use crate::ui::shell::document::Script;
use crate::ui::shell::layout::use_slug;
use dates::Dates;
use leptos::prelude::*;
use leptos_meta::Title;
use members::{Members, RECEPTION_FORM};

/// What every form of the page needs.
#[derive(Clone)]
struct Ctx {
    slug: String,
    id: TemplateId,
    here: String,
    echo: Echo,
}

impl Ctx {
    fn api(&self, rest: &str) -> String {
        format!("{}/{rest}", template_path(&self.slug, self.id))
    }

    /// This page, scrolled to `anchor` (where a form's answer brings the treasurer back).
    fn at(&self, anchor: &str) -> String {
        format!("{}#{anchor}", self.here)
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let slug = use_slug();
    let id = use_template_id();
    let data = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move { register(slug, id.ok_or_else(not_found)?).await },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || data.get().zip(id.get()).map(|(loaded, id)| match loaded {
                Ok(register) => {
                    let slug = slug.get();
                    let ctx = Ctx {
                        here: Amap::new(slug.clone()).register(id),
                        slug,
                        id,
                        echo: Echo::current(),
                    };
                    view! { <RegisterView ctx register/> }.into_any()
                }
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn RegisterView(ctx: Ctx, register: Register) -> impl IntoView {
    let i18n = use_i18n();
    let s = &register.template;
    let title = t_string!(i18n, payments.register_title, name = s.name.clone()).to_string();
    // A producer handling its own cheques does not edit the template: back to its page.
    let pages = Amap::new(ctx.slug.clone());
    let back = if register.may_settle {
        let editor = pages.template(ctx.id);
        view! { <a href=editor>{t_string!(i18n, manage.back_to_template)}</a> }
    } else {
        let page = pages.producer(s.producer.id);
        view! { <a href=page>{s.producer.name.clone()}</a> }
    };
    let audit = pages.audit(ctx.id);
    let api = cheques_path(&ctx.slug, ctx.id);
    let payee = t_string!(
        i18n,
        payments.payee,
        payee = register.settings.payee.clone()
    )
    .to_string();
    let next = register
        .next_to_remit
        .map(|d| t_string!(i18n, payments.next_to_remit, date = day(d)).to_string());
    let reception_errors = ctx.echo.errors(RECEPTION_FORM);
    view! {
        <Title text=title.clone()/>
        <main class="page wide register">
            <p class="no-print">{back}</p>
            <h1>{title}</h1>
            <p>{payee}</p>
            <nav class="actions no-print">
                <a href=audit>{t_string!(i18n, payments.audit_link)}</a>
                <PrintButton/>
            </nav>
            <details class="downloads-block no-print">
                <summary>{t_string!(i18n, payments.files)}</summary>
                <h2>{t_string!(i18n, payments.collection)}</h2>
                <Downloads api_path=format!("{api}/collection")/>
                <h2>{t_string!(i18n, payments.report)}</h2>
                <Downloads api_path=format!("{api}/report")/>
            </details>
            {register.may_settle.then(|| recompute_all(&ctx, &register))}
            <section class="card" id="dates" aria-labelledby="dates-title">
                <h2 id="dates-title">{t_string!(i18n, payments.dates_title)}</h2>
                {next.map(|n| view! { <p class="notice">{n}</p> })}
                <Dates ctx=ctx.clone() register=register.clone()/>
            </section>
            <section id="receptions" aria-labelledby="members-title">
                <h2 id="members-title">{t_string!(i18n, payments.members_title)}</h2>
                <div class="field filter" data-filter-box="" hidden>
                    <label for="member-filter">{t_string!(i18n, payments.filter)}</label>
                    <input id="member-filter" type="search" autocomplete="off" data-filter="#member-cards"/>
                </div>
                <Form form=RECEPTION_FORM.to_owned() id=RECEPTION_FORM action=ctx.api("cheques/receive") here=ctx.at("receptions") errors=reception_errors class="reception">
                    <FieldNotes errors=reception_errors fields=&[]/>
                </Form>
                <Members ctx=ctx.clone() register=register.clone()/>
                <p class="sticky-save">
                    <button type="submit" class="primary" form=RECEPTION_FORM>{t_string!(i18n, payments.receive_save)}</button>
                </p>
            </section>
            <Script name="filter"/>
        </main>
    }
}

/// After a price change or cancelled dates: every unbalanced contract's promised cheques
/// recomputed in one go (each member's card still previews its own).
fn recompute_all(ctx: &Ctx, register: &Register) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let count = register
        .rows
        .iter()
        .filter(|r| r.schedule_gap != Money::ZERO)
        .count();
    (count > 0).then(|| {
        let form = "recompute-all".to_owned();
        let errors = ctx.echo.errors(&form);
        view! {
            <Form form action=ctx.api("cheques/recompute") here=ctx.here.clone() errors class="inline-block recompute-all no-print">
                <FieldNotes errors fields=&[]/>
                <button type="submit" class="secondary">{t_string!(i18n, payments.recompute_all, count = count)}</button>
            </Form>
        }
    })
}
