//! `/a/{slug}/contrats/{template_id}`: signing up, or changing one's contract — the contract
//! island (live sign-up form, then the proposed cheques or "Mon échéancier").

use super::contracts::nature_name;
use super::schedule::SCHEDULE_FORM;
use super::schedule::ScheduleSection;
use super::signup::{
    CONTRACT_FORM, ContractForm, LiveContract, LiveData, LiveSource, Posting, SchedulePreview,
    WITHDRAW_FORM, shown_grid,
};
use crate::api::contracts::{SignUpPage, my_contract_path, sign_up_page};
use crate::api::form::Flash;
use crate::api::{ApiError, ErrorKind};
use crate::domain::TemplateId;
use crate::i18n::{t_string, use_i18n};
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::form::flash;
use crate::ui::paths::Amap;
use crate::ui::shell::document::IslandScripts;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The contract form's posting: its errors are those of the form that failed, the
/// withdrawal's included (they concern the contract as a whole).
pub fn contract_posting(flash: &Flash, action: String, next: String, here: String) -> Posting {
    let failed = [CONTRACT_FORM, WITHDRAW_FORM]
        .into_iter()
        .find(|form| flash.is_for(form))
        .unwrap_or(CONTRACT_FORM);
    Posting {
        action,
        next,
        here,
        errors: flash.errors_for(failed),
        values: flash.values_for(CONTRACT_FORM),
    }
}

#[component]
pub fn ContractPage() -> impl IntoView {
    let slug = use_slug();
    let params = use_params_map();
    let id = Memo::new(move |_| {
        params.with(|p| p.get("template_id").and_then(|v| v.parse::<i64>().ok()))
    });
    let page = Resource::new(
        move || (slug.get(), id.get()),
        |(slug, id)| async move {
            match id {
                Some(id) => sign_up_page(slug, TemplateId(id)).await,
                None => Err(ApiError::new(ErrorKind::NotFound, "no such template")),
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || page.get().map(|result| match result {
                Ok(page) => view! { <Contract pages=Amap::new(slug.get()) page/> }.into_any(),
                Err(error) => view! { <main class="page"><ErrorNotice error/></main> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Contract(pages: Amap, page: SignUpPage) -> impl IntoView {
    let i18n = use_i18n();
    let api = my_contract_path(pages.slug(), page.template.id);
    let here = pages.contract(page.template.id);
    let flash = flash();
    let contract = contract_posting(&flash, api.clone(), pages.contracts(), here.clone());
    let schedule = page.mine.is_some().then(|| Posting {
        action: format!("{api}/payments"),
        next: format!("{here}#echeancier"),
        here: format!("{here}#echeancier"),
        errors: flash.errors_for(SCHEDULE_FORM),
        values: flash.values_for(SCHEDULE_FORM),
    });
    let name = page.template.name.clone();
    let producer = page.template.producer.name.clone();
    let nature = nature_name(i18n, page.template.nature);
    let description = page.description.clone();
    // The server refuses the sign-up too; this says so before the member fills the grid.
    let adhesion = page.adhesion_needed.clone().map(|period| {
        let text = t_string!(i18n, adhesions.needed, period = period.name).to_string();
        view! {
            <p class="alert" role="status" data-testid="adhesion-needed">
                {text}" "<a href=pages.adhesions()>{t_string!(i18n, adhesions.needed_link)}</a>
            </p>
        }
    });
    let data = LiveData {
        locale: i18n.get_locale_untracked(),
        page: page.clone(),
    };
    let grid = shown_grid(&page, &contract.values);
    let below = match schedule {
        Some(posting) => view! { <ScheduleSection page=page.clone() posting/> }.into_any(),
        None => view! { <SchedulePreview page=page.clone() grid/> }.into_any(),
    };
    view! {
        <Title text=name.clone()/>
        <main class="page">
            <p><a href=pages.contracts()>{t_string!(i18n, contracts.back)}</a></p>
            <h1>{name}</h1>
            <p class="muted">{producer}" · "{nature}</p>
            <p>{description}</p>
            {adhesion}
            <LiveContract>
                <LiveSource data/>
                <ContractForm page posting=contract/>
                {below}
            </LiveContract>
        </main>
        <IslandScripts/>
    }
}
