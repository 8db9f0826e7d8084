//! Cheque outputs as tables: the collection sheet (what each member still has to hand in),
//! the full report of a template and a deposit slip.

use super::{Cell, Table};
use app::api::payments::{Register, Slip};
use app::domain::Money;
use app::domain::payment::ChequeState;

/// Amapien | Chèques à remettre | Montant | Détail | Ordre | À remettre avant — members who
/// still owe cheques only.
pub fn collection_table(r: &Register) -> Table {
    let headers = [
        "Amapien",
        "Chèques à remettre",
        "Montant (€)",
        "Détail",
        "Ordre des chèques",
        "À remettre avant le",
    ];
    let due = match r.settings.hand_in_by {
        Some(date) => Cell::Date(date),
        None => Cell::Empty,
    };
    let mut count = 0;
    let mut sum = Money::ZERO;
    let rows = r
        .rows
        .iter()
        .filter_map(|row| {
            let promised: Vec<_> = row
                .cheques
                .iter()
                .filter(|c| c.state == ChequeState::Promised)
                .collect();
            if promised.is_empty() {
                return None;
            }
            let amount: Money = promised.iter().map(|c| c.amount).sum();
            count += promised.len() as u32;
            sum = sum + amount;
            let detail: Vec<String> = promised
                .iter()
                .map(|c| format!("{} : {}", c.date.format("%d/%m/%Y"), c.amount))
                .collect();
            Some(vec![
                Cell::Text(row.member.name.clone()),
                Cell::Count(promised.len() as u32),
                Cell::Money(amount),
                Cell::Text(detail.join(" ; ")),
                Cell::Text(r.settings.payee.clone()),
                due.clone(),
            ])
        })
        .collect();
    Table {
        sheet: "Chèques à collecter",
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows,
        total: vec![
            Cell::Text("Total".into()),
            Cell::Count(count),
            Cell::Money(sum),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
        ],
    }
}

/// Amapien | Commandé | Avoir | Promis | Reçus | Remis | Solde | one column per payment date.
pub fn report_table(r: &Register) -> Table {
    let mut headers: Vec<String> = [
        "Amapien",
        "Commandé (€)",
        "Avoir (€)",
        "Promis (€)",
        "Reçus (€)",
        "Remis (€)",
        "Solde (€)",
    ]
    .iter()
    .map(|h| (*h).to_owned())
    .collect();
    headers.extend(
        r.dates
            .iter()
            .map(|d| d.date.format("%d/%m/%Y").to_string()),
    );
    let rows = r
        .rows
        .iter()
        .map(|row| {
            let t = &row.tally;
            let mut cells = vec![
                Cell::Text(row.member.name.clone()),
                Cell::Money(t.ordered),
                Cell::Money(t.credit),
                Cell::Money(t.promised.amount),
                Cell::Money(t.received.amount),
                Cell::Money(t.remitted.amount),
                Cell::Money(row.balance),
            ];
            cells.extend(r.dates.iter().map(|d| {
                row.cheques
                    .iter()
                    .find(|c| c.date == d.date)
                    .map_or(Cell::Empty, |c| Cell::Money(c.amount))
            }));
            cells
        })
        .collect();
    let t = &r.totals;
    let mut total = vec![
        Cell::Text("Total".into()),
        Cell::Money(t.ordered),
        Cell::Money(t.credit),
        Cell::Money(t.promised.amount),
        Cell::Money(t.received.amount),
        Cell::Money(t.remitted.amount),
        Cell::Money(t.credit + t.remitted.amount - t.ordered),
    ];
    total.extend(r.dates.iter().map(|d| Cell::Money(d.amount)));
    Table {
        sheet: "État des chèques",
        headers,
        rows,
        total,
    }
}

/// Amapien | Banque | N° de chèque | Nom sur le chèque | Montant.
pub fn slip_table(s: &Slip) -> Table {
    let headers = [
        "Amapien",
        "Banque",
        "N° de chèque",
        "Nom sur le chèque",
        "Montant (€)",
    ];
    Table {
        sheet: "Bordereau de remise",
        headers: headers.iter().map(|h| (*h).to_owned()).collect(),
        rows: s
            .lines
            .iter()
            .map(|l| {
                vec![
                    Cell::Text(l.member.clone()),
                    Cell::Text(l.bank.clone()),
                    Cell::Text(l.number.clone()),
                    Cell::Text(l.drawer.clone()),
                    Cell::Money(l.amount),
                ]
            })
            .collect(),
        total: vec![
            Cell::Text(format!("Total ({} chèques)", s.count)),
            Cell::Empty,
            Cell::Empty,
            Cell::Empty,
            Cell::Money(s.total),
        ],
    }
}
