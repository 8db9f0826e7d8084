//! Every enum column holds one of its names, and the database says so: a template's nature,
//! state and joker kind, a cheque event's action and states, a stock counter's pool (`t{id}`
//! or `p{id}`). The program already refuses to read anything else; now nothing else can be
//! written either. (`cheque.state` has carried its `CHECK` since migration 3.)
//!
//! The ABONNEMENT nature is renamed `fixed_basket` first, so that "subscription" means one
//! thing only: a member's contract.
//!
//! PostgreSQL gets `CHECK` constraints. SQLite cannot add one to an existing table, so it gets
//! the equivalent: triggers that abort an insert or update carrying another value.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

const CHEQUE_STATES: &str = "'promised', 'received', 'remitted'";

/// (table, constraint name, condition every row satisfies); `{c}` stands before each column
/// (nothing in a `CHECK`, `NEW.` in a trigger).
fn rules(postgres: bool) -> Vec<(&'static str, &'static str, String)> {
    let pool = if postgres {
        "{c}pool ~ '^[tp][0-9]+$'".to_owned()
    } else {
        "({c}pool GLOB 't[0-9]*' OR {c}pool GLOB 'p[0-9]*') \
         AND substr({c}pool, 2) NOT GLOB '*[^0-9]*'"
            .to_owned()
    };
    vec![
        (
            "contract_template",
            "ck_template_nature",
            "{c}nature IN ('fixed_basket', 'free', 'prepaid_card')".to_owned(),
        ),
        (
            "contract_template",
            "ck_template_state",
            "{c}state IN ('draft', 'active', 'archived')".to_owned(),
        ),
        (
            "contract_template",
            "ck_template_joker_kind",
            "{c}joker_kind IN ('none', 'absence', 'postponement')".to_owned(),
        ),
        (
            "cheque_event",
            "ck_cheque_event_action",
            "{c}action IN ('promised', 'changed', 'deleted', 'received', 'unreceived', \
             'remitted', 'remittance_deleted', 'credit', 'credit_out', 'credit_in')"
                .to_owned(),
        ),
        (
            "cheque_event",
            "ck_cheque_event_from",
            format!("{{c}}from_state IS NULL OR {{c}}from_state IN ({CHEQUE_STATES})"),
        ),
        (
            "cheque_event",
            "ck_cheque_event_to",
            format!("{{c}}to_state IS NULL OR {{c}}to_state IN ({CHEQUE_STATES})"),
        ),
        ("stock_counter", "ck_stock_counter_pool", pool),
    ]
}

/// The SQLite stand-in for one `CHECK`: refuse an insert or update that breaks `condition`.
fn triggers(table: &str, name: &str, condition: &str) -> [String; 2] {
    let new = condition.replace("{c}", "NEW.");
    ["INSERT", "UPDATE"].map(|event| {
        format!(
            "CREATE TRIGGER {name}_{verb} BEFORE {event} ON {table} FOR EACH ROW \
             WHEN NOT ({new}) BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: {name}'); END",
            verb = event.to_lowercase(),
        )
    })
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared(
            "UPDATE contract_template SET nature = 'fixed_basket' WHERE nature = 'subscription'",
        )
        .await?;
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        for (table, name, condition) in rules(postgres) {
            if postgres {
                let condition = condition.replace("{c}", "");
                db.execute_unprepared(&format!(
                    "ALTER TABLE {table} ADD CONSTRAINT {name} CHECK ({condition})"
                ))
                .await?;
            } else {
                for trigger in triggers(table, name, &condition) {
                    db.execute_unprepared(&trigger).await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let postgres = manager.get_database_backend() == DatabaseBackend::Postgres;
        for (table, name, _) in rules(postgres) {
            if postgres {
                db.execute_unprepared(&format!("ALTER TABLE {table} DROP CONSTRAINT {name}"))
                    .await?;
            } else {
                for verb in ["insert", "update"] {
                    db.execute_unprepared(&format!("DROP TRIGGER {name}_{verb}"))
                        .await?;
                }
            }
        }
        db.execute_unprepared(
            "UPDATE contract_template SET nature = 'subscription' WHERE nature = 'fixed_basket'",
        )
        .await
        .map(|_| ())
    }
}
