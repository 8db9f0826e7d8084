//! Entry rules: one row per rule with a stable id. Adding one inserts a row and deleting one
//! deletes its row, so concurrent edits cannot overwrite each other (the JSON array they
//! replace could). A stored rule that does not read back is an error, never "no rule".

use crate::db::entities::entry_rule;
use app::domain::contract::EntryRule;
use app::domain::{RuleId, TemplateId};
use chrono::Utc;
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
};
use std::collections::HashMap;

fn decode(row: entry_rule::Model) -> Result<(RuleId, EntryRule), DbErr> {
    serde_json::from_str(&row.rule)
        .map(|rule| (RuleId(row.id), rule))
        .map_err(|e| DbErr::Type(format!("entry rule {}: {e}", row.id)))
}

fn encode(rule: &EntryRule) -> Result<String, DbErr> {
    serde_json::to_string(rule).map_err(|e| DbErr::Type(format!("entry rule: {e}")))
}

/// The rules of many templates, each in its order.
pub async fn of_templates(
    db: &impl ConnectionTrait,
    template_ids: Vec<i64>,
) -> Result<HashMap<i64, Vec<(RuleId, EntryRule)>>, DbErr> {
    let mut by_template: HashMap<i64, Vec<(RuleId, EntryRule)>> = HashMap::new();
    for chunk in template_ids.chunks(500) {
        for row in entry_rule::Entity::find()
            .filter(entry_rule::Column::TemplateId.is_in(chunk.to_vec()))
            .order_by_asc(entry_rule::Column::Position)
            .order_by_asc(entry_rule::Column::Id)
            .all(db)
            .await?
        {
            let template = row.template_id;
            by_template.entry(template).or_default().push(decode(row)?);
        }
    }
    Ok(by_template)
}

pub async fn of_template(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
) -> Result<Vec<(RuleId, EntryRule)>, DbErr> {
    Ok(of_templates(db, vec![template_id.0])
        .await?
        .remove(&template_id.0)
        .unwrap_or_default())
}

/// Appends rules after the template's last one.
pub async fn add(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
    rules: &[EntryRule],
) -> Result<Vec<RuleId>, DbErr> {
    let first = entry_rule::Entity::find()
        .filter(entry_rule::Column::TemplateId.eq(template_id.0))
        .count(db)
        .await?;
    let now = Utc::now();
    let mut ids = Vec::with_capacity(rules.len());
    for (offset, rule) in rules.iter().enumerate() {
        let position = i32::try_from(first + offset as u64).unwrap_or(i32::MAX);
        let row = entry_rule::Entity::insert(entry_rule::ActiveModel {
            template_id: Set(template_id.0),
            position: Set(position),
            rule: Set(encode(rule)?),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec_with_returning(db)
        .await?;
        ids.push(RuleId(row.id));
    }
    Ok(ids)
}

/// Deletes one rule of the template; false when the template has no such rule.
pub async fn delete(
    db: &impl ConnectionTrait,
    template_id: TemplateId,
    rule: RuleId,
) -> Result<bool, DbErr> {
    let result = entry_rule::Entity::delete_many()
        .filter(entry_rule::Column::TemplateId.eq(template_id.0))
        .filter(entry_rule::Column::Id.eq(rule.0))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}
