//! "Importer une liste d'adhérents": send a CSV, XLSX or ODS file, read its preview (every
//! line's problems with its line number), import it all at once. Works without JavaScript:
//! the file goes in a plain multipart form; the API sends the browser to the preview.

use crate::api::ErrorKind;
use crate::api::imports::{
    ImportLine, ImportPreview, example_path, import_path, imports_path, preview,
};
use crate::domain::Problem;
use crate::domain::import::Column;
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::messages::problem_message;
use crate::ui::kit::{Check, Downloads, Echo, ErrorNotice, Form};
use crate::ui::paths::Amap;
use crate::ui::shell::layout::use_slug;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// Lines shown when the whole file is fine: enough to recognise it.
const SAMPLE: usize = 10;

#[component]
pub fn ImportPage() -> impl IntoView {
    let slug = use_slug();
    let lot = use_query_map().with_untracked(|q| q.get_str("lot").unwrap_or_default().to_owned());
    let loaded = Resource::new(
        move || (slug.get(), lot.clone()),
        |(slug, lot)| async move {
            if lot.is_empty() {
                None
            } else {
                Some(preview(slug, lot).await)
            }
        },
    );
    view! {
        <Suspense fallback=|| ()>
            {move || loaded.get().map(|preview| view! { <Import slug=slug.get_untracked() preview/> })}
        </Suspense>
    }
}

#[component]
fn Import(
    slug: String,
    preview: Option<Result<ImportPreview, crate::api::ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shown = match preview {
        None => None,
        Some(Ok(preview)) => Some(view! { <Preview slug=slug.clone() preview/> }.into_any()),
        Some(Err(error)) if error.kind == ErrorKind::NotFound => {
            Some(view! { <p class="alert" role="alert">{t!(i18n, import.expired)}</p> }.into_any())
        }
        Some(Err(error)) => Some(view! { <ErrorNotice error/> }.into_any()),
    };
    let columns = Column::ALL
        .iter()
        .map(|c| {
            let required = Column::REQUIRED.contains(c);
            view! { <li><strong>{c.heading()}</strong>{required.then(|| t_string!(i18n, import.required))}</li> }
        })
        .collect_view();
    let back = Amap::new(slug.clone()).members_admin();
    view! {
        <Title text=t_string!(i18n, import.title)/>
        <main class="page">
            <p><a href=back>{t!(i18n, import.back)}</a></p>
            <h1>{t!(i18n, import.title)}</h1>
            {shown}
            <section class="card" aria-labelledby="import-file">
                <h2 id="import-file">{t!(i18n, import.file_title)}</h2>
                <p>{t!(i18n, import.file_intro)}</p>
                <ul class="columns">{columns}</ul>
                <p class="muted">{t!(i18n, import.file_rules)}</p>
                <p>{t!(i18n, import.example)}</p>
                <Downloads api_path=example_path(&slug)/>
                <form method="post" action=imports_path(&slug) enctype="multipart/form-data" class="grid-form">
                    <div class="field">
                        <label for="import-file-input">{t!(i18n, import.choose)}</label>
                        <input id="import-file-input" type="file" name="file" required
                            accept=".csv,.txt,.xlsx,.xls,.ods,text/csv"/>
                    </div>
                    <button type="submit" class="primary">{t!(i18n, import.read)}</button>
                </form>
            </section>
        </main>
    }
}

fn field_label(locale: Locale, field: &str) -> &'static str {
    match field {
        "last_name" => td_string!(locale, import.col_last_name),
        "first_name" => td_string!(locale, import.col_first_name),
        "email" => td_string!(locale, import.col_email),
        "phone1" => td_string!(locale, import.col_phone1),
        "phone2" => td_string!(locale, import.col_phone2),
        "address" => td_string!(locale, import.col_address),
        "postcode" => td_string!(locale, import.col_postcode),
        "town" => td_string!(locale, import.col_town),
        _ => td_string!(locale, import.col_file),
    }
}

fn problem_text(locale: Locale, problem: &Problem) -> String {
    format!(
        "{} : {}",
        field_label(locale, &problem.field),
        problem_message(locale, problem)
    )
}

#[component]
fn Preview(slug: String, preview: ImportPreview) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.get_locale_untracked();
    let total = preview.lines.len();
    let file_problems = preview
        .file_problems
        .iter()
        .map(|p| view! { <li>{problem_message(locale, p)}</li> })
        .collect_view();
    let ignored = (!preview.ignored_columns.is_empty()).then(|| {
        let list = preview.ignored_columns.join(", ");
        view! { <p class="muted">{t_string!(i18n, import.ignored, columns = list).to_string()}</p> }
    });
    let summary = (total > 0).then(|| {
        t_string!(
            i18n,
            import.summary,
            file = preview.file_name.clone(),
            count = total,
            ready = preview.ready as usize,
            wrong = total - preview.ready as usize
        )
        .to_string()
    });
    let (caption, shown): (String, Vec<ImportLine>) = if preview.importable {
        (
            t_string!(i18n, import.sample, count = SAMPLE.min(total)).to_string(),
            preview.lines.iter().take(SAMPLE).cloned().collect(),
        )
    } else {
        (
            t_string!(i18n, import.to_fix).to_string(),
            preview
                .lines
                .iter()
                .filter(|l| !l.problems.is_empty())
                .cloned()
                .collect(),
        )
    };
    let rows = shown
        .into_iter()
        .map(|line| {
            let problems = line
                .problems
                .iter()
                .map(|p| view! { <li>{problem_text(locale, p)}</li> })
                .collect_view();
            view! {
                <tr data-line=line.line>
                    <td data-label=t_string!(i18n, import.line)>{line.line}</td>
                    <td data-label=t_string!(i18n, import.col_last_name)>{format!("{} {}", line.last_name, line.first_name)}</td>
                    <td data-label=t_string!(i18n, import.col_email)>{line.email.clone()}</td>
                    <td data-label=t_string!(i18n, import.col_phone1)>{line.phone1.clone()}</td>
                    <td data-label=t_string!(i18n, import.col_town)>{line.town.clone()}</td>
                    <td data-label=t_string!(i18n, import.problems)><ul class="problems">{problems}</ul></td>
                </tr>
            }
        })
        .collect_view();
    let table = (total > 0).then(|| {
        view! {
            <table class="members import-lines">
                <caption>{caption}</caption>
                <thead><tr>
                    <th scope="col">{t!(i18n, import.line)}</th>
                    <th scope="col">{t!(i18n, import.col_last_name)}</th>
                    <th scope="col">{t!(i18n, import.col_email)}</th>
                    <th scope="col">{t!(i18n, import.col_phone1)}</th>
                    <th scope="col">{t!(i18n, import.col_town)}</th>
                    <th scope="col">{t!(i18n, import.problems)}</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    });
    let amap = Amap::new(slug.clone());
    let confirm = preview.importable.then(|| {
        let form = "import".to_owned();
        let echo = Echo::current();
        let errors = echo.errors(&form);
        let invite = echo.checked(&form, "invite", true);
        let here = amap.members_import(&preview.id);
        let label = t_string!(i18n, import.submit, count = total).to_string();
        view! {
            <Form form=form.clone() action=import_path(&slug, &preview.id) here next=amap.members_admin() errors class="grid-form">
                <Check form=form.clone() name="invite" label=t_string!(i18n, import.invite).to_owned() checked=invite errors/>
                <button type="submit" class="primary">{label}</button>
            </Form>
        }
    });
    let verdict = if preview.importable {
        None
    } else {
        Some(view! { <p class="alert" role="alert">{t!(i18n, import.not_importable)}</p> })
    };
    view! {
        <section class="card" aria-labelledby="import-preview">
            <h2 id="import-preview">{t!(i18n, import.preview_title)}</h2>
            {(!preview.file_problems.is_empty()).then(|| view! { <ul class="alert" role="alert">{file_problems}</ul> })}
            {summary.map(|s| view! { <p role="status">{s}</p> })}
            {ignored}
            {verdict}
            {table}
            {confirm}
        </section>
    }
}
