//! The contract island: the server's HTML stays as it is (the island's children are never
//! re-rendered); at each keystroke the browser reads the form's fields, asks the domain for
//! the verdict — the very functions the server runs on save — and writes it where the server
//! put its own: `f-{field}-error` messages and `aria-invalid`, `data-total` outputs, the
//! `data-foot` list, the `data-preview` proposal, and for "Mon échéancier" the
//! `data-adjust` line and `pay-{date}-error` messages. "Copier la 1ère ligne partout"
//! (`data-copy-first`) appears only here.

use super::payload::LiveData;
use leptos::prelude::*;

/// The island has no props: its data ([`LiveData`], encoded) travels in a `data-live`
/// attribute of the server's HTML. Island props are JSON, and reading JSON would bring a
/// JSON parser (and float formatting for its errors) into the bundle for one string.
#[island]
pub fn LiveContract(children: Children) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let live = StoredValue::new_local(browser::Live::new());
        Effect::new(move |_| live.with_value(|l| l.start()));
        let on_input = move |ev: leptos::ev::Event| live.with_value(|l| l.input(&ev));
        let on_click = move |ev: leptos::ev::MouseEvent| live.with_value(|l| l.click(&ev));
        view! { <div class="live" on:input=on_input on:change=on_input on:click=on_click>{children()}</div> }
    }
    #[cfg(not(feature = "hydrate"))]
    view! { <div class="live">{children()}</div> }
}

/// Where the island finds its data, rendered by the page inside the island.
#[component]
pub fn LiveSource(data: LiveData) -> impl IntoView {
    view! { <div hidden data-live=data.encode()></div> }
}

#[cfg(feature = "hydrate")]
mod browser {
    use super::super::model::{Model, Phrases};
    use super::super::payload::LiveData;
    use super::super::preview::{offered, proposal, row_cells};
    use crate::api::contracts::SignUpPage;
    use crate::api::form::FormErrors;
    use crate::api::templates::parse_date;
    use crate::domain::collect;
    use crate::domain::contract::entry::CellState;
    use crate::domain::contract::signup::cell_field;
    use crate::domain::payment::LineRole;
    use crate::i18n::Locale;
    use crate::ui::member::schedule::line_message;
    use crate::ui::member::schedule::model::Schedule;
    use chrono::NaiveDate;
    use std::collections::BTreeMap;
    use wasm_bindgen::JsCast;
    use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

    pub struct Live {
        data: Option<(Locale, Phrases, Model, Option<Schedule>)>,
    }

    fn document() -> Option<Document> {
        web_sys::window()?.document()
    }

    /// The element's value, if it is an input or a select.
    fn value_of(element: &Element) -> Option<(String, String)> {
        if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            return Some((input.name(), input.value()));
        }
        let select = element.dyn_ref::<HtmlSelectElement>()?;
        Some((select.name(), select.value()))
    }

    /// Every element matching `selector` in the document.
    fn all(doc: &Document, selector: &str) -> Vec<Element> {
        let Ok(list) = doc.query_selector_all(selector) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    /// The form's fields whose names start with one of `prefixes`, as they are now.
    fn fields(doc: &Document, prefixes: &[&str]) -> BTreeMap<String, String> {
        collect::map(
            all(doc, "input[name], select[name]")
                .iter()
                .filter_map(value_of)
                .filter(|(name, _)| prefixes.iter().any(|p| name.starts_with(p))),
        )
    }

    fn set_text(doc: &Document, id: &str, text: Option<&str>) {
        if let Some(element) = doc.get_element_by_id(id) {
            element.set_text_content(text);
        }
    }

    fn set_invalid(doc: &Document, id: &str, invalid: bool) {
        if let Some(element) = doc.get_element_by_id(id) {
            let _ = element.set_attribute("aria-invalid", if invalid { "true" } else { "false" });
        }
    }

    fn show(element: &Element, shown: bool) {
        if let Some(element) = element.dyn_ref::<HtmlElement>() {
            element.set_hidden(!shown);
        }
    }

    /// An element to build: its tag, its attributes, and its children as (tag, text).
    struct Built {
        tag: &'static str,
        attributes: Vec<(&'static str, String)>,
        children: Vec<(&'static str, String)>,
    }

    /// Replaces `parent`'s children by `rows` (texts are set as text, never parsed as HTML:
    /// an entry rule's wording is a référent's free text).
    fn rebuild(doc: &Document, parent: &Element, rows: Vec<Built>) {
        parent.set_text_content(None);
        for Built {
            tag,
            attributes,
            children: cells,
        } in rows
        {
            let Ok(row) = doc.create_element(tag) else {
                continue;
            };
            for (name, value) in attributes {
                let _ = row.set_attribute(name, &value);
            }
            for (cell_tag, text) in cells {
                if let Ok(cell) = doc.create_element(cell_tag) {
                    cell.set_text_content(Some(&text));
                    let _ = row.append_child(&cell);
                }
            }
            let _ = parent.append_child(&row);
        }
    }

    impl Live {
        pub fn new() -> Self {
            let prop = document()
                .and_then(|doc| doc.query_selector("[data-live]").ok().flatten())
                .and_then(|element| element.get_attribute("data-live"));
            let data =
                prop.as_deref()
                    .and_then(LiveData::decode)
                    .map(|LiveData { locale, page }| {
                        let schedule = Schedule::of(&page);
                        (locale, Phrases::new(locale), Model::new(page), schedule)
                    });
            if data.is_none() {
                leptos::logging::warn!("contract island: unreadable data");
            }
            Self { data }
        }

        /// Once hydrated: shows what only works here, and tells tests the island runs.
        pub fn start(&self) {
            let Some(doc) = document() else { return };
            for button in all(&doc, "[data-copy-first]") {
                show(&button, true);
            }
            if let Some(body) = doc.body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        }

        pub fn input(&self, event: &web_sys::Event) {
            let Some(name) = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .and_then(|e| value_of(&e))
                .map(|(name, _)| name)
            else {
                return;
            };
            if name.starts_with("pay.") {
                self.refresh_schedule();
            } else if name.starts_with("q.") || name.starts_with("joker.") {
                self.refresh_contract();
            }
        }

        pub fn click(&self, event: &web_sys::MouseEvent) {
            let copy = event
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|e| e.closest("[data-copy-first]").ok().flatten().is_some());
            if copy {
                self.copy_first_row();
                self.refresh_contract();
            }
        }

        fn refresh_contract(&self) {
            let (Some(doc), Some((locale, phrases, model, _))) = (document(), &self.data) else {
                return;
            };
            let review = model.review(&fields(&doc, &["q.", "joker."]));
            let messages = model.messages(&review.problems, &FormErrors::default(), phrases);
            for field in &model.placed {
                let message = messages.get(field).map(String::as_str);
                set_text(&doc, &format!("f-{field}-error"), message);
                set_invalid(&doc, &format!("f-{field}"), message.is_some());
            }
            if let Some(foot) = all(&doc, "[data-foot]").first() {
                let items = messages
                    .iter()
                    .filter(|(field, _)| !model.placed.contains(*field))
                    .map(|(field, text)| {
                        let attributes = vec![
                            ("class", "field-error".to_owned()),
                            ("data-field", field.clone()),
                        ];
                        Built {
                            tag: "li",
                            attributes,
                            children: vec![("span", text.clone())],
                        }
                    })
                    .collect();
                rebuild(&doc, foot, items);
            }
            for (key, text) in model.totals(&review.grid, phrases) {
                for output in all(&doc, &format!("[data-total=\"{key}\"]")) {
                    output.set_text_content(Some(&text));
                }
            }
            self.refresh_preview(&doc, *locale, &model.page, &review.grid);
        }

        fn refresh_preview(
            &self,
            doc: &Document,
            locale: Locale,
            page: &SignUpPage,
            grid: &crate::domain::contract::Quantities,
        ) {
            if !offered(page) {
                return;
            }
            let lines = proposal(page, grid);
            for section in all(doc, "[data-preview]") {
                show(&section, !lines.is_empty());
            }
            if let Some(body) = all(doc, "[data-preview-rows]").first() {
                let rows = lines
                    .iter()
                    .map(|line| {
                        let (testid, date, amount) = row_cells(locale, line);
                        Built {
                            tag: "tr",
                            attributes: vec![("data-testid", testid)],
                            children: vec![("th", date), ("td", amount)],
                        }
                    })
                    .collect();
                rebuild(doc, body, rows);
            }
        }

        fn refresh_schedule(&self) {
            let (Some(doc), Some((_, phrases, _, Some(schedule)))) = (document(), &self.data)
            else {
                return;
            };
            let typed: BTreeMap<NaiveDate, String> = collect::map(
                fields(&doc, &["pay."])
                    .into_iter()
                    .filter_map(|(name, value)| {
                        Some((parse_date(name.strip_prefix("pay.")?)?, value))
                    }),
            );
            let (rows, problems) = schedule.live(&typed);
            for row in rows {
                let date = row.line.date;
                if row.role == LineRole::Adjust {
                    for output in all(&doc, &format!("[data-adjust=\"{date}\"]")) {
                        output.set_text_content(Some(&row.line.amount.to_string()));
                    }
                }
                let message = line_message(&problems, &FormErrors::default(), date, phrases);
                set_text(&doc, &format!("pay-{date}-error"), message.as_deref());
                set_invalid(&doc, &format!("pay-{date}"), message.is_some());
            }
        }

        /// "Copy the first row everywhere": the first date the entrant may change gives its
        /// quantities to every other cell that is open on both dates.
        fn copy_first_row(&self) {
            let (Some(doc), Some((_, _, model, _))) = (document(), &self.data) else {
                return;
            };
            let ctx = model.ctx();
            let offer = &model.page.offer;
            let Some(first) = ctx.first_open_date(&model.editable) else {
                return;
            };
            let open =
                |date, product| ctx.cell_state(&model.editable, date, product) == CellState::Open;
            let now = fields(&doc, &["q."]);
            for &date in offer.dates.iter().filter(|d| **d != first) {
                for p in offer
                    .products
                    .iter()
                    .filter(|p| open(first, p.id) && open(date, p.id))
                {
                    let from = cell_field(offer.nature, first, p.id);
                    let to = format!("f-{}", cell_field(offer.nature, date, p.id));
                    if let Some(input) = doc
                        .get_element_by_id(&to)
                        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
                    {
                        input.set_value(now.get(&from).map_or("", String::as_str));
                    }
                }
            }
        }
    }
}
