//! Distributions as the people who run them see them: the coming dates and each date's
//! sign-in sheet (*feuille d'émargement*): the people on duty, then every member collecting
//! that day with what they collect, a box to tick as they do.

use super::amaps::amap_path;
use super::client;
use super::error::ApiError;
use crate::domain::TemplateId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A distribution date and what happens on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DistributionView {
    #[serde(with = "crate::domain::wire::date")]
    pub day: NaiveDate,
    /// The contracts delivering that day ("Légumes — Ferme du Petit Pré").
    pub contracts: Vec<String>,
    /// "Prénom Nom (rôle)" of the people on duty.
    pub on_duty: Vec<String>,
    /// The caller may read its sign-in sheet.
    pub may_read_sheet: bool,
}

/// One person on duty, at the top of the sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OnDutyView {
    pub name: String,
    pub role: String,
}

/// One column of the sheet: a product of a contract delivering that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SheetProduct {
    pub template_id: TemplateId,
    /// The contract's name ("Légumes").
    pub contract: String,
    pub producer: String,
    /// The product with its packaging ("Grand panier (5 kg)").
    pub name: String,
}

/// One member collecting that day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignInRow {
    pub last_name: String,
    pub first_name: String,
    /// Units of each product, in the order of `SignInSheet::products`.
    pub quantities: Vec<u32>,
}

/// The sign-in sheet of one distribution.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SignInSheet {
    #[serde(with = "crate::domain::wire::date")]
    pub day: NaiveDate,
    pub amap_name: String,
    /// Where and when the AMAP distributes (free text, may be empty).
    pub place: String,
    pub hours: String,
    pub on_duty: Vec<OnDutyView>,
    pub products: Vec<SheetProduct>,
    /// By last name, then first name (French order).
    pub rows: Vec<SignInRow>,
    /// Units of each product over all rows.
    pub totals: Vec<u32>,
}

/// How the sheet is laid out: a column per product (grid) or each member's products in one
/// line (list, for AMAPs with many products).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SheetLayout {
    #[default]
    Grid,
    List,
}

impl SignInSheet {
    /// What one row collects, in words, contract by contract: "Légumes : 1 × Grand panier ·
    /// Œufs : 6 × Œuf" (the list layout's one cell).
    pub fn collects(&self, row: &SignInRow) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut current: Option<TemplateId> = None;
        for (product, quantity) in self.products.iter().zip(&row.quantities) {
            if *quantity == 0 {
                continue;
            }
            let item = format!("{quantity} × {}", product.name);
            match parts.last_mut() {
                Some(last) if current == Some(product.template_id) => {
                    last.push_str(", ");
                    last.push_str(&item);
                }
                _ => parts.push(format!("{} : {item}", product.contract)),
            }
            current = Some(product.template_id);
        }
        parts.join(" · ")
    }
}

pub fn distributions_path(slug: &str) -> String {
    format!("{}/distributions", amap_path(slug))
}

pub fn sign_in_sheet_path(slug: &str, day: NaiveDate) -> String {
    format!("{}/{day}/sign-in-sheet", distributions_path(slug))
}

pub async fn distributions(slug: String) -> Result<Vec<DistributionView>, ApiError> {
    client::get(distributions_path(&slug)).await
}

pub async fn sign_in_sheet(slug: String, day: NaiveDate) -> Result<SignInSheet, ApiError> {
    client::get(sign_in_sheet_path(&slug, day)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn product(template: i64, contract: &str, name: &str) -> SheetProduct {
        SheetProduct {
            template_id: TemplateId(template),
            contract: contract.into(),
            producer: "Ferme".into(),
            name: name.into(),
        }
    }

    #[test]
    fn a_row_says_what_it_collects_contract_by_contract() {
        let sheet = SignInSheet {
            day: NaiveDate::from_ymd_opt(2026, 12, 10).expect("a date"),
            amap_name: "AMAP".into(),
            place: String::new(),
            hours: String::new(),
            on_duty: Vec::new(),
            products: vec![
                product(1, "Légumes", "Petit panier"),
                product(1, "Légumes", "Grand panier"),
                product(2, "Œufs", "Boîte de 6"),
            ],
            rows: Vec::new(),
            totals: Vec::new(),
        };
        let row = |quantities: Vec<u32>| SignInRow {
            last_name: "Dubois".into(),
            first_name: "Marie".into(),
            quantities,
        };
        assert_eq!(
            sheet.collects(&row(vec![1, 2, 1])),
            "Légumes : 1 × Petit panier, 2 × Grand panier · Œufs : 1 × Boîte de 6"
        );
        assert_eq!(sheet.collects(&row(vec![0, 0, 3])), "Œufs : 3 × Boîte de 6");
        assert_eq!(sheet.collects(&row(vec![0, 0, 0])), "");
    }
}
