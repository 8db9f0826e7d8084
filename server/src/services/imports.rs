//! "Importer une liste": a file sent, read and checked against the AMAP (a preview), then
//! imported in one transaction — every line or none.

use super::Caller;
use crate::error::{AppError, AppResult};
use crate::imports::drafts::{Draft, Drafts};
use crate::imports::read;
use crate::mail::Mailer;
use crate::repo;
use app::api::imports::{ImportDone, ImportLine, ImportPreview};
use app::domain::import::{CheckedLine, Column, check, read_lines};
use app::domain::{Action, Problem, UserId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::HashSet;

/// Reads the sent file and keeps it for the preview; returns the preview's name. A file that
/// cannot be used is kept too, so that its problems are shown where the admin looks.
pub async fn receive(
    drafts: &Drafts,
    caller: &Caller<'_>,
    file_name: &str,
    bytes: bytes::Bytes,
) -> AppResult<String> {
    // Decompressing and parsing a spreadsheet is CPU work: off the request threads.
    let name = file_name.to_owned();
    let read = tokio::task::spawn_blocking(move || {
        read::rows(&name, &bytes)
            .map_err(|p| vec![p])
            .and_then(read_lines)
            .map(|(layout, lines)| (layout.ignored, lines))
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    Ok(drafts.keep(Draft::new(
        caller.amap.id,
        caller.user_id(),
        file_name.to_owned(),
        read,
    )))
}

fn draft(drafts: &Drafts, caller: &Caller<'_>, id: &str) -> AppResult<std::sync::Arc<Draft>> {
    caller.require(Action::ManageMembers)?;
    drafts
        .get(id, caller.amap.id, caller.user_id())
        .ok_or(AppError::NotFound)
}

/// The lines checked against the AMAP as it is now, and which addresses have an account.
async fn checked(
    db: &impl ConnectionTrait,
    amap_id: i64,
    draft: &Draft,
) -> AppResult<Option<Vec<CheckedLine>>> {
    let Ok((_, lines)) = &draft.read else {
        return Ok(None);
    };
    let members: HashSet<String> = repo::memberships::list_with_users(db, amap_id)
        .await?
        .into_iter()
        .map(|(_, account)| account.email)
        .collect();
    // Whether an address has an account elsewhere is never said: the preview knows only
    // this AMAP's members.
    let lines = check(lines.clone(), |e| members.contains(e.as_str()));
    Ok(Some(lines))
}

pub async fn preview(
    db: &DatabaseConnection,
    drafts: &Drafts,
    caller: &Caller<'_>,
    id: &str,
) -> AppResult<ImportPreview> {
    let draft = draft(drafts, caller, id)?;
    let checked = checked(db, caller.amap.id, &draft).await?;
    let (file_problems, ignored_columns) = match &draft.read {
        Ok((ignored, _)) => (Vec::new(), ignored.clone()),
        Err(problems) => (problems.clone(), Vec::new()),
    };
    let lines: Vec<ImportLine> = checked
        .map(|lines| lines.into_iter().map(line_view).collect())
        .unwrap_or_default();
    let ready = lines.iter().filter(|l| l.problems.is_empty()).count() as u32;
    Ok(ImportPreview {
        id: id.to_owned(),
        file_name: draft.file_name.clone(),
        importable: file_problems.is_empty() && !lines.is_empty() && ready as usize == lines.len(),
        file_problems,
        ignored_columns,
        lines,
        ready,
    })
}

fn line_view(line: CheckedLine) -> ImportLine {
    let raw = &line.raw;
    let text = |c: Column| raw.get(c).to_owned();
    let email = match &line.outcome {
        Ok(candidate) => candidate.email.as_str().to_owned(),
        Err(_) => text(Column::Email),
    };
    ImportLine {
        line: raw.line,
        last_name: text(Column::LastName),
        first_name: text(Column::FirstName),
        phone1: match &line.outcome {
            Ok(c) => c.phone1.as_str().to_owned(),
            Err(_) => text(Column::Phone1),
        },
        phone2: match &line.outcome {
            Ok(c) => c.phone2.as_str().to_owned(),
            Err(_) => text(Column::Phone2),
        },
        address: text(Column::Address),
        postcode: text(Column::Postcode),
        town: text(Column::Town),
        email,
        problems: line.outcome.err().unwrap_or_default(),
    }
}

/// Imports every line of the preview `id`, or none: the lines are checked again inside the
/// transaction (a member added meanwhile makes the import fail, naming the line). New
/// accounts get their contact details; existing accounts only join. With `invite`, every
/// account without a password is mailed an invitation, queued in the same transaction.
pub async fn import(
    db: &DatabaseConnection,
    drafts: &Drafts,
    mailer: &Mailer,
    caller: &Caller<'_>,
    id: &str,
    invite: bool,
) -> AppResult<ImportDone> {
    draft(drafts, caller, id)?;
    // Taken out while it runs: a double click does not import twice.
    let draft = drafts
        .take(id, caller.amap.id, caller.user_id())
        .ok_or(AppError::NotFound)?;
    let outcome = import_draft(db, mailer, caller, &draft, invite).await;
    if outcome.is_err() {
        drafts.restore(id, draft);
    } else if invite {
        mailer.wake();
    }
    outcome
}

async fn import_draft(
    db: &DatabaseConnection,
    mailer: &Mailer,
    caller: &Caller<'_>,
    draft: &Draft,
    invite: bool,
) -> AppResult<ImportDone> {
    let txn = repo::write_txn(db).await?;
    let Some(lines) = checked(&txn, caller.amap.id, draft).await? else {
        let problems = draft.read.as_ref().err().cloned().unwrap_or_default();
        return Err(AppError::Validation(problems));
    };
    let problems: Vec<Problem> = lines
        .iter()
        .filter_map(|l| Some((l.raw.line, l.outcome.as_ref().err()?)))
        .flat_map(|(line, problems)| {
            problems.iter().map(move |p| Problem {
                field: format!("line_{line}.{}", p.field),
                ..p.clone()
            })
        })
        .collect();
    if !problems.is_empty() {
        return Err(AppError::Validation(problems));
    }
    let candidates: Vec<_> = lines.into_iter().filter_map(|l| l.outcome.ok()).collect();
    let addresses: Vec<String> = candidates
        .iter()
        .map(|c| c.email.as_str().to_owned())
        .collect();
    let mut existing: std::collections::HashMap<String, _> =
        repo::users::by_emails(&txn, &addresses)
            .await?
            .into_iter()
            .map(|a| (a.email.clone(), a))
            .collect();
    let (mut added, mut invited) = (0, 0);
    for candidate in &candidates {
        let account = match existing.remove(candidate.email.as_str()) {
            Some(account) => account,
            None => {
                let row = repo::users::NewUserRow {
                    email: candidate.email.as_str(),
                    first_name: candidate.first_name.as_str(),
                    last_name: candidate.last_name.as_str(),
                    password_hash: None,
                    operator: false,
                };
                let contact = repo::users::ContactRow {
                    phone1: candidate.phone1.as_str(),
                    phone2: candidate.phone2.as_str(),
                    address: &candidate.address.street,
                    postcode: &candidate.address.postcode,
                    town: &candidate.address.town,
                };
                match repo::users::insert_with_contact(&txn, row, contact).await? {
                    Some(account) => account,
                    None => repo::users::find_by_email(&txn, candidate.email.as_str())
                        .await?
                        .ok_or(AppError::NotFound)?,
                }
            }
        };
        if !repo::memberships::ensure(&txn, caller.amap.id, UserId(account.id)).await? {
            return Err(AppError::ConflictOn(vec![Problem::new(
                "email",
                app::domain::ProblemCode::AlreadyMember,
            )]));
        }
        added += 1;
        if invite && account.password_hash.is_none() {
            super::accounts::invite(&txn, mailer, caller.amap, &account, caller.now).await?;
            invited += 1;
        }
    }
    txn.commit().await?;
    Ok(ImportDone { added, invited })
}
