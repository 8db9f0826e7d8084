//! The distribution's papers as tables: a rota period's planning and a date's sign-in sheet
//! (*feuille d'émargement*), in either layout.

use super::{Cell, Table};
use app::api::distributions::{SheetLayout, SignInSheet};
use app::api::rota::{PlanningCell, PlanningView};

/// Date | one column per place slot ("Accueil", "Distribution 1"…): who is on duty, "libre"
/// for a free place, empty where the date has no such place.
pub fn planning_table(p: &PlanningView) -> Table {
    let mut headers = vec!["Date".to_owned()];
    headers.extend(p.columns.iter().cloned());
    let rows = p
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::Date(row.day)];
            cells.extend(row.cells.iter().map(|cell| match cell {
                PlanningCell::Held { name } => Cell::text(name),
                PlanningCell::Free => Cell::text("libre"),
                PlanningCell::NoPlace => Cell::Empty,
            }));
            cells
        })
        .collect();
    Table {
        sheet: "Planning",
        headers,
        rows,
        total: Vec::new(),
    }
}

/// The sign-in sheet: Nom | Prénom | the products (a column each, or one column "Produits"
/// in the list layout) | Émargement, an empty column to sign or tick; the totals below. The
/// people on duty are the sheet's title in the page; a file has them in its last row.
pub fn sign_in_table(s: &SignInSheet, layout: SheetLayout) -> Table {
    let mut headers = vec!["Nom".to_owned(), "Prénom".to_owned()];
    match layout {
        SheetLayout::Grid => headers.extend(
            s.products
                .iter()
                .map(|p| format!("{} — {}", p.contract, p.name)),
        ),
        SheetLayout::List => headers.push("Produits".to_owned()),
    }
    headers.push("Émargement".to_owned());
    let rows = s
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![Cell::text(&row.last_name), Cell::text(&row.first_name)];
            match layout {
                SheetLayout::Grid => cells.extend(
                    row.quantities
                        .iter()
                        .map(|&q| if q == 0 { Cell::Empty } else { Cell::Count(q) }),
                ),
                SheetLayout::List => cells.push(Cell::text(&s.collects(row))),
            }
            cells.push(Cell::Empty);
            cells
        })
        .collect();
    let on_duty: Vec<String> = s
        .on_duty
        .iter()
        .map(|d| format!("{} ({})", d.name, d.role))
        .collect();
    let mut total = vec![Cell::text("Total"), Cell::Empty];
    match layout {
        SheetLayout::Grid => total.extend(s.totals.iter().map(|&q| Cell::Count(q))),
        SheetLayout::List => total.push(Cell::Empty),
    }
    total.push(Cell::text(&if on_duty.is_empty() {
        String::new()
    } else {
        format!("De permanence : {}", on_duty.join(", "))
    }));
    Table {
        sheet: "Émargement",
        headers,
        rows,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::api::distributions::{OnDutyView, SheetProduct, SignInRow};
    use app::api::rota::PlanningRow;
    use app::domain::{DutyPeriodId, TemplateId};
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 10).expect("a date")
    }

    #[test]
    fn the_planning_says_free_where_a_place_waits_and_nothing_where_there_is_none() {
        let table = planning_table(&PlanningView {
            period_id: DutyPeriodId(1),
            name: "Hiver".into(),
            amap_name: "AMAP".into(),
            columns: vec!["Accueil".into(), "Distribution".into()],
            rows: vec![
                PlanningRow {
                    day: day(),
                    cells: vec![
                        PlanningCell::Held {
                            name: "Marie Dubois".into(),
                        },
                        PlanningCell::Free,
                    ],
                },
                PlanningRow {
                    day: day(),
                    cells: vec![PlanningCell::NoPlace, PlanningCell::Free],
                },
            ],
        });
        assert_eq!(table.headers, ["Date", "Accueil", "Distribution"]);
        assert_eq!(
            table.rows[0],
            [
                Cell::Date(day()),
                Cell::text("Marie Dubois"),
                Cell::text("libre")
            ]
        );
        assert_eq!(table.rows[1][1], Cell::Empty);
    }

    #[test]
    fn both_layouts_keep_a_column_to_sign_and_name_who_is_on_duty() {
        let sheet = SignInSheet {
            day: day(),
            amap_name: "AMAP".into(),
            place: String::new(),
            hours: String::new(),
            on_duty: vec![OnDutyView {
                name: "Jean Bonnet".into(),
                role: "Accueil".into(),
            }],
            products: vec![SheetProduct {
                template_id: TemplateId(1),
                contract: "Légumes".into(),
                producer: "Ferme".into(),
                name: "Panier".into(),
            }],
            rows: vec![SignInRow {
                last_name: "Dubois".into(),
                first_name: "Marie".into(),
                quantities: vec![2],
            }],
            totals: vec![2],
        };
        let grid = sign_in_table(&sheet, SheetLayout::Grid);
        assert_eq!(
            grid.headers,
            ["Nom", "Prénom", "Légumes — Panier", "Émargement"]
        );
        assert_eq!(grid.rows[0][2], Cell::Count(2));
        assert_eq!(grid.rows[0][3], Cell::Empty);
        let list = sign_in_table(&sheet, SheetLayout::List);
        assert_eq!(list.headers, ["Nom", "Prénom", "Produits", "Émargement"]);
        assert_eq!(list.rows[0][2], Cell::text("Légumes : 2 × Panier"));
        assert_eq!(
            list.total[3],
            Cell::text("De permanence : Jean Bonnet (Accueil)")
        );
    }
}
