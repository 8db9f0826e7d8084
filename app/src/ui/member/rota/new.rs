//! The coordinator's forms of the rota list: a new period (its rules, dates, places and
//! participants) and the AMAP's roles on duty. The rules' fields are shared with the period's
//! own "Règles du planning" form (`manage.rs`).

use crate::api::rota::{RoleView, role_path, roles_path, rotas_path, template_box};
use crate::domain::rota::calendar::Frequency;
use crate::domain::rota::{SignUpRule, WindowKind};
use crate::domain::{PeriodId, TemplateId};
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::ui::kit::{Check, Echo, FieldNotes, Form, Input, Select, TextArea};
use crate::ui::paths::Amap;
use chrono::NaiveDate;
use leptos::prelude::*;

/// A period's rules as its form shows them (the defaults for a new one).
#[derive(Clone, Debug)]
pub(super) struct Rules {
    pub name: String,
    pub description: String,
    pub rule: SignUpRule,
    pub window: WindowKind,
    pub until: Option<NaiveDate>,
    pub days: Option<u32>,
    pub over_quota: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            name: String::new(),
            description: String::new(),
            rule: SignUpRule::OnePerDate,
            window: WindowKind::Until,
            until: None,
            days: None,
            over_quota: false,
        }
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(v, l)| ((*v).to_owned(), (*l).to_owned()))
        .collect()
}

fn rule_options(locale: Locale) -> Vec<(String, String)> {
    pairs(&[
        (
            SignUpRule::OnePerDate.as_str(),
            td_string!(locale, rota.rule_one_per_date),
        ),
        (
            SignUpRule::OnePerRole.as_str(),
            td_string!(locale, rota.rule_one_per_role),
        ),
        (SignUpRule::Any.as_str(), td_string!(locale, rota.rule_any)),
    ])
}

fn window_options(locale: Locale) -> Vec<(String, String)> {
    pairs(&[
        (
            WindowKind::Until.as_str(),
            td_string!(locale, rota.window_kind_until),
        ),
        (
            WindowKind::DaysBefore.as_str(),
            td_string!(locale, rota.window_kind_days),
        ),
        (
            WindowKind::Imposed.as_str(),
            td_string!(locale, rota.window_kind_imposed),
        ),
    ])
}

fn frequency_options(locale: Locale) -> Vec<(String, String)> {
    pairs(&[
        (
            Frequency::Weekly.as_str(),
            td_string!(locale, rota.freq_weekly),
        ),
        (
            Frequency::Fortnightly.as_str(),
            td_string!(locale, rota.freq_fortnightly),
        ),
        (
            Frequency::Monthly.as_str(),
            td_string!(locale, rota.freq_monthly),
        ),
    ])
}

/// The fields of a period's rules (`RotaRulesForm`), with what `form`'s failed post typed.
#[component]
pub(super) fn RulesFields(form: String, rules: Rules) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: String| echo.value(&form, field, current)
    };
    let until = rules.until.map(|d| d.to_string()).unwrap_or_default();
    let days = rules.days.map(|d| d.to_string()).unwrap_or_default();
    view! {
        <Input form=form.clone() name="name" label=t_string!(i18n, rota.name).to_owned() errors value=v("name", rules.name.clone())/>
        <TextArea form=form.clone() name="description" label=t_string!(i18n, rota.description).to_owned() errors value=v("description", rules.description.clone())
            hint=t_string!(i18n, rota.description_hint).to_owned()/>
        <Select form=form.clone() name="rule" label=t_string!(i18n, rota.rule).to_owned() errors options=rule_options(locale)
            selected=v("rule", rules.rule.as_str().to_owned())/>
        <fieldset>
            <legend>{t!(i18n, rota.window)}</legend>
            <Select form=form.clone() name="window" label=t_string!(i18n, rota.window_kind).to_owned() errors options=window_options(locale)
                selected=v("window", rules.window.as_str().to_owned())/>
            <Input form=form.clone() name="window_until" kind="date" label=t_string!(i18n, rota.window_until_field).to_owned() errors value=v("window_until", until)/>
            <Input form=form.clone() name="window_days" inputmode="numeric" label=t_string!(i18n, rota.window_days_field).to_owned() errors value=v("window_days", days)
                hint=t_string!(i18n, rota.window_days_hint).to_owned()/>
        </fieldset>
        <Check form=form.clone() name="over_quota" label=t_string!(i18n, rota.over_quota).to_owned() errors
            checked=echo.checked(&form, "over_quota", rules.over_quota)/>
    }
}

/// "Nouveau planning": rules, then the dates (a frequency between two dates, or a template's
/// deliveries), the places per date and who takes part.
#[component]
pub(super) fn NewRota(
    slug: String,
    periods: Vec<(PeriodId, String)>,
    templates: Vec<(TemplateId, String)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let here = Amap::new(slug.clone()).rotas();
    let form = "new-rota".to_owned();
    let echo = Echo::current();
    let errors = echo.errors(&form);
    let v = {
        let (echo, form) = (echo.clone(), form.clone());
        move |field: &str, current: &str| echo.value(&form, field, current)
    };
    let template = (!templates.is_empty()).then(|| {
        let boxes = templates
            .iter()
            .map(|(id, name)| {
                let name_attr = template_box(*id);
                let box_id = format!("{form}-{name_attr}");
                let checked = echo.checked(&form, &name_attr, false);
                view! {
                    <li>
                        <input type="checkbox" id=box_id.clone() name=name_attr value="on" checked=checked/>
                        <label for=box_id>{name.clone()}</label>
                    </li>
                }
            })
            .collect_view();
        view! {
            <fieldset class="template-boxes">
                <legend>{t!(i18n, rota.template)}</legend>
                <FieldNotes errors fields=&["template_ids"]/>
                <ul class="plain absence-boxes">{boxes}</ul>
                <p class="hint">{t!(i18n, rota.template_hint)}</p>
            </fieldset>
        }
    });
    let mut who = vec![(
        "active".to_owned(),
        t_string!(i18n, rota.participants_active).to_owned(),
    )];
    who.push((
        "picked".to_owned(),
        t_string!(i18n, rota.participants_picked).to_owned(),
    ));
    let adhesion = (!periods.is_empty()).then(|| {
        who.push((
            "adhesion".to_owned(),
            t_string!(i18n, rota.participants_adhesion).to_owned(),
        ));
        let options = std::iter::once((
            String::new(),
            t_string!(i18n, rota.choose_period).to_owned(),
        ))
        .chain(periods.iter().map(|(id, name)| (id.to_string(), name.clone())))
        .collect();
        view! {
            <Select form=form.clone() name="adhesion_period_id" label=t_string!(i18n, rota.adhesion_period).to_owned() errors options
                selected=v("adhesion_period_id", "")/>
        }
    });
    view! {
        <section class="card" aria-labelledby="new-rota">
            <h2 id="new-rota">{t!(i18n, rota.new_title)}</h2>
            <Form form=form.clone() action=rotas_path(&slug) here errors class="stack-form">
                <RulesFields form=form.clone() rules=Rules::default()/>
                <fieldset>
                    <legend>{t!(i18n, rota.dates_legend)}</legend>
                    <Input form=form.clone() name="first_date" kind="date" label=t_string!(i18n, rota.first_date).to_owned() errors value=v("first_date", "")/>
                    <Input form=form.clone() name="last_date" kind="date" label=t_string!(i18n, rota.last_date).to_owned() errors value=v("last_date", "")/>
                    <Select form=form.clone() name="frequency" label=t_string!(i18n, rota.frequency).to_owned() errors options=frequency_options(locale)
                        selected=v("frequency", Frequency::Weekly.as_str())/>
                    {template}
                    <Input form=form.clone() name="places" inputmode="numeric" label=t_string!(i18n, rota.places).to_owned() errors value=v("places", "2")
                        hint=t_string!(i18n, rota.places_hint).to_owned()/>
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, rota.participants_legend)}</legend>
                    <Select form=form.clone() name="participants" label=t_string!(i18n, rota.participants).to_owned() errors options=who
                        selected=v("participants", "active")/>
                    {adhesion}
                    <Input form=form.clone() name="quota" inputmode="numeric" label=t_string!(i18n, rota.quota_each).to_owned() errors value=v("quota", "")
                        hint=t_string!(i18n, rota.quota_hint).to_owned()/>
                </fieldset>
                <button type="submit" class="primary">{t!(i18n, rota.create)}</button>
            </Form>
        </section>
    }
}

/// "Rôles de permanence": the AMAP's list, each removable while no place has it, and a form
/// to add one.
#[component]
pub(super) fn Roles(slug: String, roles: Vec<RoleView>) -> impl IntoView {
    let i18n = use_i18n();
    let here = Amap::new(slug.clone()).rotas();
    let echo = Echo::current();
    let empty = roles
        .is_empty()
        .then(|| view! { <p class="empty">{t!(i18n, rota.roles_none)}</p> });
    let items = roles
        .into_iter()
        .map(|role| {
            let form = format!("delete-role-{}", role.id);
            let errors = echo.errors(&form);
            let default = role
                .default
                .then(|| view! { " "<span class="badge">{t!(i18n, rota.role_default)}</span> });
            let places = t_string!(i18n, rota.role_places, count = role.places).to_string();
            view! {
                <li class="role-line" data-testid="duty-role">
                    <span class="role-name"><strong>{role.name.clone()}</strong>{default}</span>
                    <span class="muted">{places}</span>
                    <Form form action=role_path(&slug, role.id) here=here.clone() errors method="DELETE" class="inline-form">
                        <FieldNotes errors fields=&["role", "role_id"]/>
                        <button type="submit" class="secondary">
                            {t!(i18n, rota.delete_role)}<span class="sr-only">{format!(" : {}", role.name)}</span>
                        </button>
                    </Form>
                </li>
            }
        })
        .collect_view();
    let form = "add-role".to_owned();
    let errors = echo.errors(&form);
    view! {
        <section class="card" aria-labelledby="duty-roles">
            <h2 id="duty-roles">{t!(i18n, rota.roles_title)}</h2>
            <p class="hint">{t!(i18n, rota.roles_hint)}</p>
            {empty}
            <ul class="plain duty-roles">{items}</ul>
            <Form form=form.clone() action=roles_path(&slug) here errors class="row-form">
                <Input form=form.clone() name="name" label=t_string!(i18n, rota.role_name).to_owned() errors value=echo.value(&form, "name", "")/>
                <button type="submit" class="secondary">{t!(i18n, rota.add_role)}</button>
            </Form>
        </section>
    }
}
