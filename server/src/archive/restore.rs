//! Import: an archive's AMAP written into this deployment as a new AMAP, in one transaction
//! (all of it or nothing).

use super::tables::{self, AMAP, RowError, TABLES, Table, USERS};
use super::{Archive, ArchiveError, FORMAT, Row, VERSION, rekey};
use crate::db::entities::duty_place;
use crate::repo;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::Value;
use std::collections::HashMap;

/// Restores `archive` as a new AMAP (at `slug`, else the archive's own), and returns its id.
/// Accounts are matched by e-mail address: a member who already has an account here keeps
/// it (and its password); the others get one, with their archived password when the archive
/// holds it, else none (they choose one through "Mot de passe oublié").
pub async fn restore(
    db: &DatabaseConnection,
    archive: &Archive,
    slug: Option<&str>,
) -> Result<i64, ArchiveError> {
    if archive.format != FORMAT || archive.version != VERSION {
        return Err(ArchiveError::Version {
            format: archive.format.clone(),
            version: archive.version,
        });
    }
    if let Some(unknown) = archive
        .tables
        .keys()
        .find(|name| tables::find(name).is_none())
    {
        return Err(ArchiveError::UnknownTable(unknown.clone()));
    }
    let amaps = archive.rows(AMAP);
    if amaps.len() != 1 {
        return Err(ArchiveError::AmapCount(amaps.len()));
    }
    let slug = match slug {
        Some(slug) => slug.to_owned(),
        None => amaps[0]
            .get("slug")
            .and_then(Value::as_str)
            .ok_or_else(|| ArchiveError::row(AMAP, 1, "no slug"))?
            .to_owned(),
    };

    let txn = repo::write_txn(db).await?;
    if repo::amaps::find_by_slug(&txn, &slug).await?.is_some() {
        return Err(ArchiveError::SlugTaken(slug));
    }
    // Each table's archive number n → the new row's id, at n − 1.
    let mut ids: HashMap<&str, Vec<i64>> = HashMap::new();
    for table in TABLES {
        let mut rows = archive.rows(table.name).to_vec();
        for (row, number) in rows.iter_mut().zip(1..) {
            let fail = |reason: String| ArchiveError::row(table.name, number, reason);
            if table.has_id && row.get("id").and_then(Value::as_i64) != Some(number as i64) {
                return Err(fail(format!("id should be {number}")));
            }
            for (column, target) in table.refs {
                translate(row, column, &ids[target]).map_err(fail)?;
            }
        }
        let new_ids = match table.name {
            USERS => restore_accounts(&txn, table, rows).await?,
            AMAP => {
                rows[0].insert("slug".to_owned(), slug.clone().into());
                insert(&txn, table, rows, true).await?
            }
            "duty_place" => restore_places(&txn, table, rows, &ids["duty_role"]).await?,
            _ => insert(&txn, table, rows, table.is_referenced()).await?,
        };
        ids.insert(table.name, new_ids);
    }
    let amap_id = ids[AMAP][0];
    // The counters are not archived: rebuilt from the limits and the contracts.
    for template in repo::templates::list(&txn, amap_id).await? {
        let overbooked = repo::stock::recount(&txn, &template).await?;
        if !overbooked.is_empty() {
            return Err(ArchiveError::row(
                "contract_template",
                0,
                format!("{}: the contracts exceed the stock limits", template.name),
            ));
        }
    }
    txn.commit().await?;
    Ok(amap_id)
}

/// The new id of the row numbered `number` in the archive (numbers start at 1).
fn new_id(ids: &[i64], number: i64) -> Option<i64> {
    ids.get(usize::try_from(number).ok()?.checked_sub(1)?)
        .copied()
}

/// Replaces the archive number in `column` by the new row's id.
fn translate(row: &mut Row, column: &str, ids: &[i64]) -> Result<(), String> {
    match row.get_mut(column) {
        None => Err(format!("no column {column}")),
        Some(Value::Null) => Ok(()),
        Some(value) => {
            let id = value
                .as_i64()
                .and_then(|n| new_id(ids, n))
                .ok_or_else(|| format!("{column} {value} names no row of the archive"))?;
            *value = id.into();
            Ok(())
        }
    }
}

async fn insert(
    db: &impl ConnectionTrait,
    table: &Table,
    rows: Vec<Row>,
    returning: bool,
) -> Result<Vec<i64>, ArchiveError> {
    tables::insert(db, table, rows, returning)
        .await
        .map_err(|error| match error {
            RowError::Shape(index, reason) => ArchiveError::row(table.name, index + 1, reason),
            RowError::Db(error) => ArchiveError::Db(error),
        })
}

/// An account per archived one: the existing account with that address, or a new one.
async fn restore_accounts(
    db: &impl ConnectionTrait,
    table: &Table,
    rows: Vec<Row>,
) -> Result<Vec<i64>, ArchiveError> {
    let mut emails = Vec::with_capacity(rows.len());
    for (row, number) in rows.iter().zip(1..) {
        let email = row
            .get("email")
            .and_then(Value::as_str)
            .ok_or_else(|| ArchiveError::row(USERS, number, "no email"))?;
        emails.push(email.to_owned());
    }
    // One lookup for all of them, not one per member.
    let existing: HashMap<String, i64> = repo::users::by_emails(db, &emails)
        .await?
        .into_iter()
        .map(|user| (user.email, user.id))
        .collect();
    let mut ids = Vec::with_capacity(rows.len());
    for (mut row, email) in rows.into_iter().zip(&emails) {
        if let Some(id) = existing.get(email) {
            ids.push(*id);
            continue;
        }
        row.insert("operator".to_owned(), false.into());
        row.insert("token_epoch".to_owned(), 0.into());
        row.entry("password_hash").or_insert(Value::Null);
        ids.extend(insert(db, table, vec![row], true).await?);
    }
    Ok(ids)
}

/// Duty places: their `exclusive_key` may name the place itself, whose id is known once
/// written; such a place is written with a placeholder key (a taken place must have one),
/// then given its own.
async fn restore_places(
    db: &impl ConnectionTrait,
    table: &Table,
    mut rows: Vec<Row>,
    roles: &[i64],
) -> Result<Vec<i64>, ArchiveError> {
    let mut own_keys = Vec::new();
    for (row, number) in rows.iter_mut().zip(1..) {
        let fail = |reason: String| ArchiveError::row(table.name, number, reason);
        let names_itself = row
            .get("exclusive_key")
            .and_then(Value::as_str)
            .is_some_and(|key| key.starts_with("place:"));
        if names_itself {
            let key = row.insert(
                "exclusive_key".to_owned(),
                format!("import:{number}").into(),
            );
            own_keys.push((
                number,
                Row::from_iter([("exclusive_key".to_owned(), key.unwrap_or_default())]),
            ));
        } else {
            rekey(row, |n| new_id(roles, n), |_| None).map_err(fail)?;
        }
    }
    let ids = insert(db, table, rows, true).await?;
    for (number, mut key) in own_keys {
        rekey(&mut key, |_| None, |n| new_id(&ids, n))
            .map_err(|reason| ArchiveError::row(table.name, number, reason))?;
        let (Some(Value::String(key)), Some(id)) =
            (key.remove("exclusive_key"), new_id(&ids, number as i64))
        else {
            continue;
        };
        duty_place::Entity::update_many()
            .col_expr(duty_place::Column::ExclusiveKey, Expr::value(key))
            .filter(duty_place::Column::Id.eq(id))
            .exec(db)
            .await?;
    }
    Ok(ids)
}
