//! "Mails que je reçois": in each AMAP, a member may turn off the contract openings, the
//! summary after each sign-up and (référents, producer accounts) the delivery sheets. Every
//! choice starts on, as mails were sent before.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Membership {
    Table,
    MailOpenings,
    MailConfirmations,
    MailDeliverySheets,
}

const COLUMNS: [Membership; 3] = [
    Membership::MailOpenings,
    Membership::MailConfirmations,
    Membership::MailDeliverySheets,
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for column in COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table(Membership::Table)
                        .add_column(boolean(column).default(true))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table(Membership::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
