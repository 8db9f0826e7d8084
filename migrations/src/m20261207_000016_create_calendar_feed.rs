//! A member's calendar feed (iCal): the secret that is the feed's address, one per member and
//! AMAP. A table of its own rather than a column of `membership`: the membership row is read
//! by every request, the secret only by the feed and *Mon compte*.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CalendarFeed {
    Table,
    Id,
    AmapId,
    UserId,
    Token,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Amap {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CalendarFeed::Table)
                    .col(big_pk_auto(CalendarFeed::Id))
                    .col(big_integer(CalendarFeed::AmapId))
                    .col(big_integer(CalendarFeed::UserId))
                    .col(string_len_uniq(CalendarFeed::Token, 64))
                    .col(timestamp_with_time_zone(CalendarFeed::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_calendar_feed_amap")
                            .from(CalendarFeed::Table, CalendarFeed::AmapId)
                            .to(Amap::Table, Amap::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .name("fk_calendar_feed_user")
                            .from(CalendarFeed::Table, CalendarFeed::UserId)
                            .to(AppUser::Table, AppUser::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ux_calendar_feed_member")
                    .table(CalendarFeed::Table)
                    .col(CalendarFeed::AmapId)
                    .col(CalendarFeed::UserId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(CalendarFeed::Table).to_owned())
            .await
    }
}
