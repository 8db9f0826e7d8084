//! Export: one AMAP's rows, renumbered in the archive's own ids.

use super::tables::{self, AMAP, TABLES, USERS};
use super::{Archive, ArchiveError, FORMAT, Options, Row, VERSION, rekey};
use sea_orm::ConnectionTrait;
use sea_orm::sea_query::{Alias, Expr, ExprTrait};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Everything AMAP `amap_id` holds, read in one transaction by the caller when it needs a
/// consistent picture (a download runs inside a read snapshot).
pub async fn collect(
    db: &impl ConnectionTrait,
    amap_id: i64,
    options: Options,
) -> Result<Archive, ArchiveError> {
    let mut loaded: BTreeMap<&'static str, Vec<Row>> = BTreeMap::new();
    for table in TABLES {
        if let Some(condition) = tables::scope_condition(table.scope, amap_id) {
            loaded.insert(table.name, tables::select(db, table, condition).await?);
        }
    }
    if loaded.get(AMAP).is_none_or(Vec::is_empty) {
        return Err(ArchiveError::AmapCount(0));
    }
    let mut users = accounts_named(db, &loaded).await?;
    for user in &mut users {
        // Deployment matters, not the AMAP's: who operates the platform, sessions' epochs.
        user.remove("operator");
        user.remove("token_epoch");
        if !options.with_passwords {
            user.remove("password_hash");
        }
    }
    loaded.insert(USERS, users);

    // Each table's database id → its number in the archive (rows are in id order).
    let numbers: HashMap<&str, HashMap<i64, i64>> = TABLES
        .iter()
        .filter(|t| t.has_id)
        .map(|table| {
            let rows = loaded
                .get(table.name)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let numbered = rows
                .iter()
                .zip(1..)
                .filter_map(|(row, number)| Some((row.get("id")?.as_i64()?, number)))
                .collect();
            (table.name, numbered)
        })
        .collect();

    for table in TABLES {
        let Some(rows) = loaded.get_mut(table.name) else {
            continue;
        };
        for (row, number) in rows.iter_mut().zip(1..) {
            let fail = |reason: String| ArchiveError::row(table.name, number as usize, reason);
            if table.has_id {
                row.insert("id".to_owned(), number.into());
            }
            for (column, target) in table.refs {
                let loose = table.loose.contains(column);
                renumber(row, column, &numbers[target], loose).map_err(fail)?;
            }
            if table.name == "duty_place" {
                let roles = &numbers["duty_role"];
                let places = &numbers["duty_place"];
                rekey(
                    row,
                    |id| roles.get(&id).copied(),
                    |id| places.get(&id).copied(),
                )
                .map_err(fail)?;
            }
        }
    }
    Ok(Archive {
        format: FORMAT.to_owned(),
        version: VERSION,
        tables: loaded
            .into_iter()
            .map(|(name, rows)| (name.to_owned(), rows))
            .collect(),
    })
}

/// The accounts the AMAP's rows name, in id order.
async fn accounts_named(
    db: &impl ConnectionTrait,
    loaded: &BTreeMap<&'static str, Vec<Row>>,
) -> Result<Vec<Row>, ArchiveError> {
    let mut ids = BTreeSet::new();
    for table in TABLES {
        for (column, _) in table.refs.iter().filter(|(_, target)| *target == USERS) {
            for row in loaded
                .get(table.name)
                .map(Vec::as_slice)
                .unwrap_or_default()
            {
                ids.extend(row.get(*column).and_then(Value::as_i64));
            }
        }
    }
    let ids: Vec<i64> = ids.into_iter().collect();
    let users = tables::find(USERS).expect("the accounts' table");
    let mut rows = Vec::with_capacity(ids.len());
    // Ascending chunks, each read in id order: the whole stays in id order.
    for chunk in ids.chunks(500) {
        let condition = Expr::col(Alias::new("id")).is_in(chunk.iter().copied());
        rows.extend(tables::select(db, users, condition).await?);
    }
    Ok(rows)
}

/// Replaces the database id in `column` by its number in the archive (by null, for a `loose`
/// column naming a row deleted since).
fn renumber(
    row: &mut Row,
    column: &str,
    numbers: &HashMap<i64, i64>,
    loose: bool,
) -> Result<(), String> {
    match row.get_mut(column) {
        None => Err(format!("no column {column}")),
        Some(Value::Null) => Ok(()),
        Some(value) => {
            let id = value
                .as_i64()
                .ok_or_else(|| format!("{column} is not an id"))?;
            *value = match numbers.get(&id) {
                Some(number) => (*number).into(),
                None if loose => Value::Null,
                None => return Err(format!("{column} {id} names a row outside the AMAP")),
            };
            Ok(())
        }
    }
}
