//! The printed planning of a period: one row per date, one column per place *slot* — each
//! role of the AMAP's list as many times as some date has places of it ("Accueil",
//! "Distribution 1", "Distribution 2"…). A date's places of a role fill that role's columns in
//! their order, so every place has exactly one cell and a column never mixes two roles; a date
//! with fewer places of a role leaves the rest of its columns empty (nothing to fill there).

use super::super::ids::DutyRoleId;

/// One column: the role and, when the role has several columns, which one (1, 2…).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub role: DutyRoleId,
    /// 1-based; `None` when the role has a single column.
    pub nth: Option<u32>,
}

/// Where each place of each date goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub columns: Vec<Slot>,
    /// Per date, per place (in the order given): its column.
    pub cells: Vec<Vec<usize>>,
}

/// Lays out `dates` (each date's places as their roles, in place order). Roles come in
/// `order` (the AMAP's list); a role missing from it follows, in first-seen order.
pub fn lay_out(dates: &[Vec<DutyRoleId>], order: &[DutyRoleId]) -> Layout {
    let mut roles: Vec<DutyRoleId> = Vec::new();
    for role in order.iter().chain(dates.iter().flatten()) {
        if !roles.contains(role) {
            roles.push(*role);
        }
    }
    // The most places any one date has of each role.
    let widths: Vec<usize> = roles
        .iter()
        .map(|role| {
            dates
                .iter()
                .map(|places| places.iter().filter(|r| *r == role).count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut columns = Vec::new();
    let mut first_column = Vec::with_capacity(roles.len());
    for (role, &width) in roles.iter().zip(&widths) {
        first_column.push(columns.len());
        for n in 1..=width {
            columns.push(Slot {
                role: *role,
                nth: (width > 1).then_some(n as u32),
            });
        }
    }
    let cells = dates
        .iter()
        .map(|places| {
            let mut used = vec![0usize; roles.len()];
            places
                .iter()
                .map(|role| {
                    // Every role of a place is in `roles` (added above).
                    let index = roles.iter().position(|r| r == role).unwrap_or_default();
                    let column = first_column[index] + used[index];
                    used[index] += 1;
                    column
                })
                .collect()
        })
        .collect();
    Layout { columns, cells }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ACCUEIL: DutyRoleId = DutyRoleId(1);
    const DISTRIBUTION: DutyRoleId = DutyRoleId(2);
    const CAISSE: DutyRoleId = DutyRoleId(3);

    #[test]
    fn each_role_gets_as_many_columns_as_its_busiest_date() {
        let layout = lay_out(
            &[
                vec![ACCUEIL, DISTRIBUTION, DISTRIBUTION],
                vec![DISTRIBUTION, ACCUEIL],
                vec![CAISSE],
            ],
            &[ACCUEIL, DISTRIBUTION],
        );
        assert_eq!(
            layout.columns,
            [
                Slot {
                    role: ACCUEIL,
                    nth: None
                },
                Slot {
                    role: DISTRIBUTION,
                    nth: Some(1)
                },
                Slot {
                    role: DISTRIBUTION,
                    nth: Some(2)
                },
                Slot {
                    role: CAISSE,
                    nth: None
                },
            ]
        );
        assert_eq!(layout.cells, [vec![0, 1, 2], vec![1, 0], vec![3]]);
    }

    #[test]
    fn a_role_nobody_holds_has_no_column() {
        let layout = lay_out(&[vec![DISTRIBUTION]], &[ACCUEIL, DISTRIBUTION]);
        assert_eq!(
            layout.columns,
            [Slot {
                role: DISTRIBUTION,
                nth: None
            }]
        );
    }

    proptest! {
        #[test]
        fn every_place_has_its_own_cell_in_a_column_of_its_role(
            dates in prop::collection::vec(prop::collection::vec(1i64..5, 0..6), 0..12),
            order in prop::collection::vec(1i64..7, 0..4),
        ) {
            let dates: Vec<Vec<DutyRoleId>> = dates
                .into_iter()
                .map(|d| d.into_iter().map(DutyRoleId).collect())
                .collect();
            let order: Vec<DutyRoleId> = order.into_iter().map(DutyRoleId).collect();
            let layout = lay_out(&dates, &order);
            for (places, cells) in dates.iter().zip(&layout.cells) {
                prop_assert_eq!(places.len(), cells.len());
                let mut seen = cells.clone();
                seen.sort_unstable();
                seen.dedup();
                prop_assert_eq!(seen.len(), cells.len(), "two places in one cell");
                for (role, column) in places.iter().zip(cells) {
                    prop_assert_eq!(layout.columns[*column].role, *role);
                }
            }
            // No column is empty on every date.
            for column in 0..layout.columns.len() {
                prop_assert!(layout.cells.iter().any(|c| c.contains(&column)));
            }
        }
    }
}
