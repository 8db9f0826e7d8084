//! How every change to a live template travels ("Modifier en masse"): while nobody has signed
//! up it is applied at once; afterwards the change form is a GET back to the editor, which asks
//! the API for the impacted contracts (a preview changes nothing) and shows them with a
//! confirm form.

use super::ctx::TemplateCtx;
use crate::api::ApiError;
use crate::api::client;
use crate::api::form::FormErrors;
use crate::api::templates::{ChangeForm, ChangeOutcome, TemplateView, parse_date, template_path};
use crate::domain::TemplateId;
use crate::i18n::{Locale, t, t_string, use_i18n};
use crate::messages::problem_message;
use crate::ui::kit::ErrorNotice;
use crate::ui::kit::{FieldNotes, Form, day};
use crate::ui::paths::urlencode;
use leptos::prelude::*;
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

    /// The editor showing this preview again (where a failed confirmation returns).
    fn page(&self, here: &str) -> String {
        let pairs = [
            ("kind", &self.kind),
            ("date", &self.date),
            ("to", &self.to),
            ("product_id", &self.product_id),
            ("price", &self.price),
        ];
        let query = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", urlencode(v)))
            .collect::<Vec<_>>()
            .join("&");
        format!("{here}?{query}")
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
        <Form form action=ctx.changes() here=ctx.here.clone() errors class>
            <input type="hidden" name="kind" value=kind/>
            <input type="hidden" name="apply" value="on"/>
            {children()}
            <FieldNotes errors fields=notes/>
        </Form>
    }
    .into_any()
}

pub fn product_name(template: &TemplateView, raw: &str) -> String {
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
        "add_dates" => {
            t_string!(i18n, manage.change_add_dates, dates = request.date.clone()).to_string()
        }
        "move_date" => t_string!(i18n, manage.change_move_date, date = date, to = to).to_string(),
        "delete_date" => t_string!(i18n, manage.change_delete_date, date = date).to_string(),
        "cancel" if whole_date => {
            t_string!(i18n, manage.change_cancel_date, date = date).to_string()
        }
        "cancel" => t_string!(
            i18n,
            manage.change_cancel_product,
            date = date,
            product = product
        )
        .to_string(),
        "restore" if whole_date => {
            t_string!(i18n, manage.change_restore_date, date = date).to_string()
        }
        "restore" => t_string!(
            i18n,
            manage.change_restore_product,
            date = date,
            product = product
        )
        .to_string(),
        "set_price" => t_string!(
            i18n,
            manage.change_set_price,
            product = product,
            price = price
        )
        .to_string(),
        "add_product" => t_string!(
            i18n,
            manage.change_add_product,
            product = product,
            price = price
        )
        .to_string(),
        "remove_product" => {
            t_string!(i18n, manage.change_remove_product, product = product).to_string()
        }
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
    let back = request.page(&ctx.here);
    let form = "confirm".to_owned();
    let errors = ctx.echo.errors(&form);
    view! {
        {list}
        <Form form action=ctx.changes() here=back next=ctx.here.clone() errors class="actions">
            <input type="hidden" name="kind" value=request.kind/>
            <input type="hidden" name="date" value=request.date/>
            <input type="hidden" name="to" value=request.to/>
            <input type="hidden" name="product_id" value=request.product_id/>
            <input type="hidden" name="price" value=request.price/>
            <input type="hidden" name="apply" value="on"/>
            <FieldNotes errors fields=&["kind", "date", "to", "product_id", "price"]/>
            <button type="submit" class="primary">{t!(i18n, manage.confirm)}</button>
            <a href=ctx.here.clone()>{t!(i18n, manage.cancel)}</a>
        </Form>
    }
}
