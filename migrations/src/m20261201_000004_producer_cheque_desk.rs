//! A producer may be entrusted with its own cheques: its producer accounts then see the cheque
//! register, receive cheques and hand them over (AmapJ's `accesEcran = PRODUCTEUR` on the
//! reception and remittance screens, chosen per producer here). Off by default.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Producer {
    Table,
    HandlesCheques,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Producer::Table)
                    .add_column(boolean(Producer::HandlesCheques).default(false))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Producer::Table)
                    .drop_column(Producer::HandlesCheques)
                    .to_owned(),
            )
            .await
    }
}
