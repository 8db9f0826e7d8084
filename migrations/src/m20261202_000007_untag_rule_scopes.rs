//! Each entry rule is stored as the JSON the program writes (`entry_rule.rule`). Its date and
//! product scopes were written adjacently tagged (`{"scope":"one_date","dates":"…"}`); they are
//! now written the plain way (`{"one_date":"…"}`, `"each_date"`), which the contract island's
//! compact binary payload can also read. This rewrites the stored rules once; anything
//! unreadable is left as it was.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::ConnectionTrait;
use serde_json::Value;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// `{"scope":"one_date","dates":X}` → `{"one_date":X}`; `{"scope":"all"}` → `"all"`.
fn untag(scope: &Value, content: &str) -> Value {
    let Some(object) = scope.as_object() else {
        return scope.clone();
    };
    match (
        object.get("scope").and_then(Value::as_str),
        object.get(content),
    ) {
        (Some(tag), Some(inner)) => serde_json::json!({ tag: inner }),
        (Some(tag), None) => Value::String(tag.to_owned()),
        _ => scope.clone(),
    }
}

/// One stored rule, rewritten; `None` when there is nothing to change.
fn rewrite(stored: &str) -> Option<String> {
    let mut rule: Value = serde_json::from_str(stored).ok()?;
    let object = rule.as_object_mut()?;
    for field in ["dates", "products"] {
        if let Some(scope) = object.get(field) {
            let untagged = untag(scope, field);
            object.insert(field.to_owned(), untagged);
        }
    }
    let rewritten = serde_json::to_string(&rule).ok()?;
    (rewritten != stored).then_some(rewritten)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let select = Query::select()
            .columns([Alias::new("id"), Alias::new("rule")])
            .from(Alias::new("entry_rule"))
            .to_owned();
        let rows = db.query_all(&select).await?;
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let rule: String = row.try_get("", "rule")?;
            if let Some(rewritten) = rewrite(&rule) {
                let update = Query::update()
                    .table(Alias::new("entry_rule"))
                    .value(Alias::new("rule"), rewritten)
                    .and_where(Expr::col(Alias::new("id")).eq(id))
                    .to_owned();
                db.execute(&update).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // The old form is still readable by nothing; going back keeps the new one.
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn tagged_scopes_become_plain_ones() {
        let old = r#"{"dates":{"scope":"one_date","dates":"2025-06-05"},"products":{"scope":"several","products":[4]},"operator":"multiple_of","value":6,"binds":"everyone"}"#;
        let new = rewrite(old).expect("changed");
        assert!(
            new.contains(r#""dates":{"one_date":"2025-06-05"}"#),
            "{new}"
        );
        assert!(new.contains(r#""products":{"several":[4]}"#), "{new}");
        let each = rewrite(
            r#"{"dates":{"scope":"each_date"},"products":{"scope":"all"},"operator":"at_most","value":10,"binds":"members_only"}"#,
        )
        .expect("changed");
        assert!(each.contains(r#""dates":"each_date""#), "{each}");
        assert!(each.contains(r#""products":"all""#), "{each}");
        assert_eq!(rewrite(&new), None, "already plain");
        assert_eq!(rewrite("not json"), None);
    }
}
