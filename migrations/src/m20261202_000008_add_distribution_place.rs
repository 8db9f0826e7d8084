//! Where and when the AMAP distributes ("Salle des fêtes, 2 rue des Écoles", "jeudi
//! 18 h 30 – 19 h 30"): shown with the member's next delivery on the home page. Free text,
//! empty until an admin fills it in.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Amap {
    Table,
    DistributionPlace,
    DistributionHours,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one column at a time.
        for column in [Amap::DistributionPlace, Amap::DistributionHours] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Amap::Table)
                        .add_column(string(column).default(""))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [Amap::DistributionPlace, Amap::DistributionHours] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Amap::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
