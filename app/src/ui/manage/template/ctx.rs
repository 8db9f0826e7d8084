//! What every section of the template editor shares: the page's context, the route's
//! template id.

use crate::api::{ApiError, ErrorKind};
use crate::domain::TemplateId;
use crate::ui::kit::Echo;
use crate::ui::paths::Amap;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// What every section of the editor needs.
#[derive(Clone)]
pub struct TemplateCtx {
    pub slug: String,
    /// This page (where forms come back).
    pub here: String,
    /// The template's API path.
    pub api: String,
    /// Changes go through a preview of the impacted contracts first.
    pub previews: bool,
    pub echo: Echo,
}

impl TemplateCtx {
    pub fn changes(&self) -> String {
        format!("{}/changes", self.api)
    }

    pub fn list(&self) -> String {
        Amap::new(self.slug.clone()).templates()
    }
}

/// The `{id}` route parameter, as a template id.
pub fn use_template_id() -> Memo<Option<TemplateId>> {
    let params = use_params_map();
    Memo::new(move |_| {
        params.with(|p| p.get("id").and_then(|raw| raw.parse().ok()).map(TemplateId))
    })
}

pub fn not_found() -> ApiError {
    ApiError::new(ErrorKind::NotFound, "no such template")
}
