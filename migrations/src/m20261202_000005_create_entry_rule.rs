//! Entry rules get a table of their own, one row per rule with a stable id, instead of a JSON
//! array rewritten whole on the template row: two référents adding or deleting rules at once
//! no longer overwrite each other, and a rule is deleted by id rather than by its position.
//!
//! The rule itself stays the JSON the program writes (scopes × operator). Existing arrays are
//! split into rows in their order, then the template's column goes.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ContractTemplate {
    Table,
    Id,
    EntryRules,
}

#[derive(DeriveIden)]
enum EntryRule {
    Table,
    Id,
    TemplateId,
    Position,
    Rule,
    CreatedAt,
    UpdatedAt,
}

/// Each element of every template's array becomes a row, in array order.
const COPY_SQLITE: &str = "INSERT INTO entry_rule (template_id, position, rule) \
    SELECT t.id, CAST(j.key AS INTEGER), j.value \
    FROM contract_template t, json_each(t.entry_rules) j ORDER BY t.id, j.key";
const COPY_POSTGRES: &str = "INSERT INTO entry_rule (template_id, position, rule) \
    SELECT t.id, e.ord - 1, e.value::text \
    FROM contract_template t, jsonb_array_elements(t.entry_rules::jsonb) WITH ORDINALITY AS e(value, ord) \
    ORDER BY t.id, e.ord";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(EntryRule::Table)
                    .col(big_pk_auto(EntryRule::Id))
                    .col(big_integer(EntryRule::TemplateId))
                    .col(integer(EntryRule::Position))
                    .col(text(EntryRule::Rule))
                    .col(
                        timestamp_with_time_zone(EntryRule::CreatedAt)
                            .default(Expr::current_timestamp()),
                    )
                    .col(
                        timestamp_with_time_zone(EntryRule::UpdatedAt)
                            .default(Expr::current_timestamp()),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(EntryRule::Table, EntryRule::TemplateId)
                            .to(ContractTemplate::Table, ContractTemplate::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_entry_rule_template")
                    .table(EntryRule::Table)
                    .col(EntryRule::TemplateId)
                    .col(EntryRule::Position)
                    .to_owned(),
            )
            .await?;
        let copy = match manager.get_database_backend() {
            sea_orm_migration::sea_orm::DatabaseBackend::Postgres => COPY_POSTGRES,
            _ => COPY_SQLITE,
        };
        manager.get_connection().execute_unprepared(copy).await?;
        manager
            .get_connection()
            .execute_unprepared("ALTER TABLE contract_template DROP COLUMN entry_rules")
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(ContractTemplate::Table)
                    .add_column(text(ContractTemplate::EntryRules).default("[]"))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(Table::drop().table(EntryRule::Table).to_owned())
            .await
    }
}
