//! "Adhésion requise": the membership period a member must have joined before signing up
//! (paper contracts the référent enters are not held to it).

use super::ctx::TemplateCtx;
use crate::api::adhesions::{PeriodView, requirement_path};
use crate::api::templates::TemplateView;
use crate::i18n::{t, t_string, use_i18n};
use crate::ui::kit::fields::Select;
use crate::ui::kit::{Form, date_span};
use leptos::prelude::*;

#[component]
pub fn AdhesionSection(
    ctx: TemplateCtx,
    view: TemplateView,
    periods: Vec<PeriodView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = "adhesion".to_owned();
    let errors = ctx.echo.errors(&form);
    let options = std::iter::once((
        String::new(),
        t_string!(i18n, adhesions.no_requirement).to_owned(),
    ))
    .chain(periods.iter().map(|p| {
        let dates = date_span(Some(p.starts_on), Some(p.ends_on));
        (p.id.to_string(), format!("{} ({dates})", p.name))
    }))
    .collect();
    let selected = ctx.echo.value(
        &form,
        "period_id",
        view.adhesion_period_id
            .map(|p| p.to_string())
            .unwrap_or_default(),
    );
    let action = requirement_path(&ctx.slug, view.summary.id);
    view! {
        <section class="card" id="adhesion">
            <h2>{t!(i18n, adhesions.requirement_title)}</h2>
            <p class="muted">{t!(i18n, adhesions.requirement_intro)}</p>
            <Form form=form.clone() action here=ctx.here.clone() errors method="PUT" class="stack-form">
                <Select form=form.clone() name="period_id" label=t_string!(i18n, adhesions.requirement_label).to_owned() errors options selected/>
                <button type="submit" class="secondary">{t!(i18n, account.save)}</button>
            </Form>
        </section>
    }
}
