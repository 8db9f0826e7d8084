//! Producers as référents edit them, and their catalogues.

use super::*;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProductView {
    pub id: ProductId,
    pub producer_id: ProducerId,
    pub name: String,
    /// Free text: "bouteille 75 cl", "panier 3 kg"…
    pub packaging: String,
    pub description: String,
    pub active: bool,
}

/// A producer with its notice period and products (what a référent edits).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ProducerDetail {
    pub id: ProducerId,
    pub name: String,
    pub description: String,
    pub notice_days: u32,
    pub active: bool,
    /// Its producer accounts may receive and remit its cheques.
    pub handles_cheques: bool,
    /// The caller may edit it, its catalogue and its templates (the server's decision).
    pub may_manage: bool,
    /// The caller may open its cheque register (receive, remit).
    pub may_handle_cheques: bool,
    pub referents: Vec<PersonRef>,
    pub users: Vec<PersonRef>,
    pub products: Vec<ProductView>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct ProducerForm {
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 120,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub name: String,
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 2048,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub description: String,
    /// "Délai de prévenance", in days.
    #[cfg_attr(feature = "ssr", schema(pattern = "^([0-9]|[1-5][0-9]|60)?$"))]
    pub notice_days: String,
    /// "on"/"true" keeps the producer active; absent archives it (a checkbox).
    pub active: Option<String>,
    /// "on"/"true": the producer's accounts handle its cheques (a checkbox, absent is off).
    /// A new producer starts active, its cheques handled by its référents only.
    pub handles_cheques: Option<String>,
}

#[derive(Debug)]
pub struct ProducerInput {
    pub name: String,
    pub description: String,
    pub notice_days: u32,
    pub active: bool,
    pub handles_cheques: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
// Every field may be missing: a form posts only what it shows; `parse` says what is required.
#[serde(default)]
pub struct ProductForm {
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 100,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub name: String,
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 100, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub packaging: String,
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 2048,
            pattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub description: String,
    /// A checkbox: absent means archived (no longer offered in new templates).
    pub active: Option<String>,
}

#[derive(Debug)]
pub struct ProductInput {
    pub name: String,
    pub packaging: String,
    pub description: String,
    pub active: bool,
}

impl ProducerForm {
    pub fn parse(&self) -> Result<ProducerInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let name = text(&mut problems, "name", &self.name, 120, true);
        let description = text(&mut problems, "description", &self.description, 2048, false);
        let notice_days = number(&mut problems, "notice_days", &self.notice_days, 60);
        let active = checked(&self.active);
        let handles_cheques = checked(&self.handles_cheques);
        problems.finish(|| {
            Some(ProducerInput {
                name,
                description,
                notice_days: notice_days?,
                active,
                handles_cheques,
            })
        })
    }
}

impl ProductForm {
    pub fn parse(&self) -> Result<ProductInput, Vec<Problem>> {
        let mut problems = Problems::new();
        let name = text(&mut problems, "name", &self.name, 100, true);
        let packaging = text(&mut problems, "packaging", &self.packaging, 100, false);
        let description = text(&mut problems, "description", &self.description, 2048, false);
        problems.finish(|| {
            Some(ProductInput {
                name,
                packaging,
                description,
                active: checked(&self.active),
            })
        })
    }
}
