//! The editor's calendar (cancel, restore, move, delete and add dates; cancel one product on
//! one date) and the way every change to a live template travels: once members have signed
//! up, the change form is a GET back to the editor, which asks the API for the impacted
//! contracts (a preview changes nothing) and shows them with a confirm form.

use super::form::ErrorNotice;
use super::manage_kit::{Echo, FieldNotes, Input, ManageForm, Select, TextArea, day};
use super::manage_template::TemplateCtx;
use crate::api::client;
use crate::api::form::FormErrors;
use crate::api::templates::{ChangeForm, ChangeOutcome, TemplateView, parse_date, template_path};
use crate::api::ApiError;
use crate::domain::TemplateId;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::messages::problem_message;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;

/// A change named in the editor's query string (`?kind=…&date=…`), waiting for confirmation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChangeQuery {
    pub kind: String,
    pub date: String,
    pub to: String,
    pub product_id: String,
    pub price: String,
}

impl ChangeQuery {
    pub fn from_query(query: &ParamsMap) -> Option<Self> {
        let get = |name: &str| query.get(name).unwrap_or_default();
        Some(Self {
            kind: query.get("kind").filter(|k| !k.is_empty())?,
            date: get("date"),
            to: get("to"),
            product_id: get("product_id"),
            price: get("price"),
        })
    }

    fn form(&self, apply: bool) -> ChangeForm {
        ChangeForm {
            kind: self.kind.clone(),
            date: self.date.clone(),
            to: self.to.clone(),
            product_id: self.product_id.clone(),
            price: self.price.clone(),
            apply: apply.then(|| "on".to_owned()),
        }
    }

    /// The contracts the change would touch (nothing is changed).
    pub async fn preview(self, slug: &str, id: TemplateId) -> Result<ChangeOutcome, ApiError> {
        let path = format!("{}/changes", template_path(slug, id));
        client::post(path, &self.form(false)).await
    }
}

/// A change form: applied at once while nobody has signed up, otherwise a GET to the editor
/// that previews it. `errors` serves the inputs among `children`; `notes` names the hidden
/// fields whose problems are listed under them.
#[component]
pub fn ChangeAction(
    ctx: TemplateCtx,
    form: String,
    kind: &'static str,
    errors: RwSignal<FormErrors>,
    #[prop(optional)] notes: &'static [&'static str],
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    if ctx.previews {
        return view! {
            <form method="get" action=ctx.here.clone() class=class>
                <input type="hidden" name="kind" value=kind/>
                {children()}
            </form>
        }
        .into_any();
    }
    view! {
        <ManageForm form action=ctx.changes() here=ctx.here.clone() errors on_success=ctx.on_change class>
            <input type="hidden" name="kind" value=kind/>
            <input type="hidden" name="apply" value="on"/>
            {children()}
            <FieldNotes errors fields=notes/>
        </ManageForm>
    }
    .into_any()
}

fn product_name(template: &TemplateView, raw: &str) -> String {
    template
        .products
        .iter()
        .map(|p| (p.id, &p.name))
        .chain(template.other_products.iter().map(|p| (p.id, &p.name)))
        .find(|(id, _)| id.to_string() == raw.trim())
        .map_or_else(|| raw.to_owned(), |(_, name)| name.clone())
}

fn shown_date(raw: &str) -> String {
    parse_date(raw).map_or_else(|| raw.to_owned(), day)
}

/// What the change does, in a sentence.
fn describe(request: &ChangeQuery, template: &TemplateView) -> String {
    let i18n = use_i18n();
    let date = shown_date(&request.date);
    let to = shown_date(&request.to);
    let product = product_name(template, &request.product_id);
    let price = request.price.clone();
    let whole_date = request.product_id.trim().is_empty();
    match request.kind.as_str() {
        "add_dates" => t_string!(i18n, manage.change_add_dates, dates = request.date.clone()).to_string(),
        "move_date" => t_string!(i18n, manage.change_move_date, date = date, to = to).to_string(),
        "delete_date" => t_string!(i18n, manage.change_delete_date, date = date).to_string(),
        "cancel" if whole_date => t_string!(i18n, manage.change_cancel_date, date = date).to_string(),
        "cancel" => t_string!(i18n, manage.change_cancel_product, date = date, product = product).to_string(),
        "restore" if whole_date => t_string!(i18n, manage.change_restore_date, date = date).to_string(),
        "restore" => t_string!(i18n, manage.change_restore_product, date = date, product = product).to_string(),
        "set_price" => t_string!(i18n, manage.change_set_price, product = product, price = price).to_string(),
        "add_product" => t_string!(i18n, manage.change_add_product, product = product, price = price).to_string(),
        "remove_product" => t_string!(i18n, manage.change_remove_product, product = product).to_string(),
        other => other.to_owned(),
    }
}

/// The impacted contracts of a previewed change, and the form that applies it.
#[component]
pub fn PreviewPanel(
    ctx: TemplateCtx,
    request: ChangeQuery,
    outcome: Result<ChangeOutcome, ApiError>,
    template: TemplateView,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale: Locale = i18n.get_locale_untracked();
    let sentence = describe(&request, &template);
    let body = match outcome {
        Err(error) => {
            let problems = error
                .fields
                .iter()
                .map(|f| view! { <p class="field-error">{problem_message(locale, &f.problem())}</p> })
                .collect_view();
            view! { <ErrorNotice error/> {problems} <p><a href=ctx.here.clone()>{t!(i18n, manage.back)}</a></p> }.into_any()
        }
        Ok(outcome) => view! { <Confirm ctx request impacted=outcome/> }.into_any(),
    };
    view! {
        <section class="card preview" aria-labelledby="preview-title">
            <h2 id="preview-title">{t!(i18n, manage.preview_title)}</h2>
            <p>{sentence}</p>
            {body}
        </section>
    }
}

#[component]
fn Confirm(ctx: TemplateCtx, request: ChangeQuery, impacted: ChangeOutcome) -> impl IntoView {
    let i18n = use_i18n();
    let list = if impacted.impacted.is_empty() {
        view! { <p class="empty">{t!(i18n, manage.no_impact)}</p> }.into_any()
    } else {
        let rows = impacted
            .impacted
            .into_iter()
            .map(|i| {
                view! {
                    <tr>
                        <td data-label=t_string!(i18n, manage.member)>{i.member.name}</td>
                        <td data-label=t_string!(i18n, manage.amount_before)>{i.amount_before.to_string()}</td>
                        <td data-label=t_string!(i18n, manage.amount_after)>{i.amount_after.to_string()}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="members impacts">
                <thead><tr>
                    <th scope="col">{t!(i18n, manage.member)}</th>
                    <th scope="col">{t!(i18n, manage.amount_before)}</th>
                    <th scope="col">{t!(i18n, manage.amount_after)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    let form = "confirm".to_owned();
    let errors = ctx.echo.errors(&form);
    let navigate = use_navigate();
    let here = ctx.here.clone();
    let on_change = ctx.on_change;
    let on_success = Callback::new(move |value| {
        navigate(&here, Default::default());
        on_change.run(value);
    });
    view! {
        {list}
        <ManageForm form action=ctx.changes() here=ctx.here.clone() errors on_success class="actions">
            <input type="hidden" name="kind" value=request.kind/>
            <input type="hidden" name="date" value=request.date/>
            <input type="hidden" name="to" value=request.to/>
            <input type="hidden" name="product_id" value=request.product_id/>
            <input type="hidden" name="price" value=request.price/>
            <input type="hidden" name="apply" value="on"/>
            <FieldNotes errors fields=&["kind", "date", "to", "product_id", "price"]/>
            <button type="submit" class="primary">{t!(i18n, manage.confirm)}</button>
            <a href=ctx.here.clone()>{t!(i18n, manage.cancel)}</a>
        </ManageForm>
    }
}

#[component]
pub fn CalendarSection(ctx: TemplateCtx, view: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let echo = ctx.echo.clone();
    let rows = view
        .dates
        .iter()
        .map(|d| view! { <DateRow ctx=ctx.clone() date=*d template=view.clone()/> })
        .collect_view();
    let add = "add-dates".to_owned();
    let add_errors = echo.errors(&add);
    let cancel = "cancel-product".to_owned();
    let cancel_errors = echo.errors(&cancel);
    let date_options: Vec<(String, String)> =
        view.dates.iter().map(|d| (d.to_string(), day(*d))).collect();
    let product_options: Vec<(String, String)> = view
        .products
        .iter()
        .map(|p| (p.id.to_string(), p.name.clone()))
        .collect();
    view! {
        <section class="card">
            <h2>{t!(i18n, manage.calendar)}</h2>
            <table class="members calendar">
                <thead><tr>
                    <th scope="col">{t!(i18n, manage.date)}</th>
                    <th scope="col">{t!(i18n, manage.status)}</th>
                    <th scope="col">{t!(i18n, manage.actions)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
            <h3>{t!(i18n, manage.add_dates)}</h3>
            <ChangeAction ctx=ctx.clone() form=add.clone() kind="add_dates" errors=add_errors class="stack-form">
                <TextArea form=add.clone() name="date" label=t_string!(i18n, manage.new_dates).to_owned() errors=add_errors value=echo.value(&add, "date", "") hint=t_string!(i18n, manage.date_list_hint).to_owned()/>
                <button type="submit" class="secondary">{t!(i18n, manage.add_dates)}</button>
            </ChangeAction>
            <h3>{t!(i18n, manage.cancel_product)}</h3>
            <ChangeAction ctx form=cancel.clone() kind="cancel" errors=cancel_errors class="stack-form">
                <Select form=cancel.clone() name="date" label=t_string!(i18n, manage.date).to_owned() errors=cancel_errors options=date_options selected=echo.value(&cancel, "date", "")/>
                <Select form=cancel.clone() name="product_id" label=t_string!(i18n, manage.product).to_owned() errors=cancel_errors options=product_options selected=echo.value(&cancel, "product_id", "")/>
                <button type="submit" class="secondary">{t!(i18n, manage.cancel_product_button)}</button>
            </ChangeAction>
        </section>
    }
}

/// One delivery date: its state, and the buttons that cancel, restore, delete or move it.
#[component]
fn DateRow(ctx: TemplateCtx, date: NaiveDate, template: TemplateView) -> impl IntoView {
    let i18n = use_i18n();
    let echo: Echo = ctx.echo.clone();
    let shown = day(date);
    let iso = date.to_string();
    let whole = template
        .exclusions
        .iter()
        .any(|e| e.date == date && e.product.is_none());
    let cancelled_products: Vec<(String, String)> = template
        .exclusions
        .iter()
        .filter(|e| e.date == date)
        .filter_map(|e| e.product)
        .map(|p| (p.to_string(), product_name(&template, &p.to_string())))
        .collect();
    let status = if whole {
        t_string!(i18n, manage.date_cancelled).to_owned()
    } else {
        t_string!(i18n, manage.date_open).to_owned()
    };
    let sheet = format!("{}/livraison/{iso}", ctx.here);
    let (toggle_kind, toggle_label) = if whole {
        ("restore", t_string!(i18n, manage.restore_date, date = shown.clone()).to_string())
    } else {
        ("cancel", t_string!(i18n, manage.cancel_date, date = shown.clone()).to_string())
    };
    let toggle = format!("toggle-{iso}");
    let delete = format!("delete-{iso}");
    let moving = format!("move-{iso}");
    let move_errors = echo.errors(&moving);
    let restores = cancelled_products
        .into_iter()
        .map(|(id, name)| {
            let form = format!("restore-{iso}-{id}");
            let label = t_string!(i18n, manage.restore_product, product = name.clone(), date = shown.clone()).to_string();
            view! {
                <li>
                    {t!(i18n, manage.product_cancelled, product = name)}
                    <ChangeAction ctx=ctx.clone() form=form.clone() kind="restore" errors=echo.errors(&form) class="inline">
                        <input type="hidden" name="date" value=iso.clone()/>
                        <input type="hidden" name="product_id" value=id/>
                        <button type="submit" class="link" aria-label=label>{t!(i18n, manage.restore)}</button>
                    </ChangeAction>
                </li>
            }
        })
        .collect_view();
    view! {
        <tr data-date=iso.clone()>
            <td data-label=t_string!(i18n, manage.date)><a href=sheet>{shown.clone()}</a></td>
            <td data-label=t_string!(i18n, manage.status)>{status}<ul class="plain">{restores}</ul></td>
            <td data-label=t_string!(i18n, manage.actions)>
                <ChangeAction ctx=ctx.clone() form=toggle.clone() kind=toggle_kind errors=echo.errors(&toggle) notes=&["date"] class="inline">
                    <input type="hidden" name="date" value=iso.clone()/>
                    <button type="submit" class="link">{toggle_label}</button>
                </ChangeAction>
                " · "
                <ChangeAction ctx=ctx.clone() form=delete.clone() kind="delete_date" errors=echo.errors(&delete) notes=&["date"] class="inline">
                    <input type="hidden" name="date" value=iso.clone()/>
                    <button type="submit" class="link">{t!(i18n, manage.delete_date, date = shown.clone())}</button>
                </ChangeAction>
                <ChangeAction ctx form=moving.clone() kind="move_date" errors=move_errors class="row-form">
                    <input type="hidden" name="date" value=iso.clone()/>
                    <Input form=moving.clone() name="to" kind="date" label=t_string!(i18n, manage.move_to, date = shown.clone()).to_string() errors=move_errors value=echo.value(&moving, "to", "")/>
                    <button type="submit" class="secondary">{t!(i18n, manage.move)}</button>
                </ChangeAction>
            </td>
        </tr>
    }
}
