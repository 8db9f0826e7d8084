//! The distribution duty rota (permanences).
//!
//! - `duty_role`: the AMAP's list of roles on duty (accueil, distribution, caisse…).
//! - `duty_period`: a rota period, its sign-up rule and window.
//! - `duty_date`: one distribution date of a period (unique per period).
//! - `duty_place`: one place on one date, in one role; `user_id` is who holds it (NULL:
//!   free), `proposed_user_id` the automatic assignment's proposal not yet published.
//!   A place is taken by a statement conditional on `user_id IS NULL`, and
//!   `(date_id, user_id, exclusive_key)` is unique: the key the period's rule derives
//!   (`date` for one duty per date, `role:<id>` for one per role) makes a double booking a
//!   constraint violation, whatever the timing of two requests. Free places have a NULL
//!   `user_id`, which unique indexes never compare.
//! - `duty_participant`: who takes part in a period and how many duties they owe.
//! - `duty_absence`: dates a member cannot do, AMAP-wide (a holiday is a holiday in every
//!   period).
//! - `duty_move`: the period's history (who took, left, was given a place; when; by whom).
//! - `membership.coordinator`: the per-AMAP role "permanences".
//! - `amap.duty_reminder_days`: how many days before a duty its reminder leaves (0: none);
//!   `amap.swap_close_days`: offers to a stand-in close this many days before the duty.
//! - `duty_place.offered_at`: the holder offers the duty to a stand-in (NULL: not offered).
//!
//! Deleting an account frees its places and keeps the history with the name gone (SET NULL):
//! a rota is about the future, and a deleted account has none.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DutyRole {
    Table,
    Id,
    AmapId,
    Name,
    Position,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DutyPeriod {
    Table,
    Id,
    AmapId,
    Name,
    Description,
    Rule,
    WindowKind,
    WindowUntil,
    WindowDays,
    OverQuota,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DutyDate {
    Table,
    Id,
    AmapId,
    PeriodId,
    Day,
}

#[derive(DeriveIden)]
enum DutyPlace {
    Table,
    Id,
    AmapId,
    PeriodId,
    DateId,
    RoleId,
    Position,
    UserId,
    ExclusiveKey,
    ProposedUserId,
    TakenAt,
    RemindedAt,
    OfferedAt,
}

#[derive(DeriveIden)]
enum DutyParticipant {
    Table,
    Id,
    AmapId,
    PeriodId,
    UserId,
    Quota,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DutyAbsence {
    Table,
    Id,
    AmapId,
    UserId,
    Day,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DutyMove {
    Table,
    Id,
    AmapId,
    PeriodId,
    PlaceId,
    Day,
    RoleName,
    Kind,
    ActorId,
    FromUserId,
    ToUserId,
    At,
}

#[derive(DeriveIden)]
enum Amap {
    Table,
    Id,
    DutyReminderDays,
    SwapCloseDays,
}

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Membership {
    Table,
    Coordinator,
}

fn reference(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
    on_delete: ForeignKeyAction,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(on_delete)
        .to_owned()
}

fn unique(name: &str, table: impl IntoIden, columns: Vec<DynIden>) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table).unique();
    for column in columns {
        index.col(column);
    }
    index.to_owned()
}

use ForeignKeyAction::{Cascade, Restrict, SetNull};

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DutyRole::Table)
                    .col(big_pk_auto(DutyRole::Id))
                    .col(big_integer(DutyRole::AmapId))
                    .col(string_len(DutyRole::Name, 100))
                    .col(integer(DutyRole::Position))
                    .col(timestamp_with_time_zone(DutyRole::CreatedAt))
                    .foreign_key(&mut reference(
                        "fk_duty_role_amap",
                        (DutyRole::Table, DutyRole::AmapId),
                        (Amap::Table, Amap::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_duty_role_amap_name",
                DutyRole::Table,
                vec![DutyRole::AmapId.into_iden(), DutyRole::Name.into_iden()],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DutyPeriod::Table)
                    .col(big_pk_auto(DutyPeriod::Id))
                    .col(big_integer(DutyPeriod::AmapId))
                    .col(string_len(DutyPeriod::Name, 100))
                    .col(text(DutyPeriod::Description))
                    .col(string_len(DutyPeriod::Rule, 20).check(Expr::cust(
                        "rule IN ('one_per_date', 'one_per_role', 'any')",
                    )))
                    .col(string_len(DutyPeriod::WindowKind, 20).check(Expr::cust(
                        "window_kind IN ('until', 'days_before', 'imposed')",
                    )))
                    .col(date_null(DutyPeriod::WindowUntil))
                    .col(integer_null(DutyPeriod::WindowDays))
                    .col(boolean(DutyPeriod::OverQuota))
                    .col(timestamp_with_time_zone(DutyPeriod::CreatedAt))
                    .col(timestamp_with_time_zone(DutyPeriod::UpdatedAt))
                    .foreign_key(&mut reference(
                        "fk_duty_period_amap",
                        (DutyPeriod::Table, DutyPeriod::AmapId),
                        (Amap::Table, Amap::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_duty_period_amap_name",
                DutyPeriod::Table,
                vec![DutyPeriod::AmapId.into_iden(), DutyPeriod::Name.into_iden()],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DutyDate::Table)
                    .col(big_pk_auto(DutyDate::Id))
                    .col(big_integer(DutyDate::AmapId))
                    .col(big_integer(DutyDate::PeriodId))
                    .col(date(DutyDate::Day))
                    .foreign_key(&mut reference(
                        "fk_duty_date_period",
                        (DutyDate::Table, DutyDate::PeriodId),
                        (DutyPeriod::Table, DutyPeriod::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_duty_date_period_day",
                DutyDate::Table,
                vec![DutyDate::PeriodId.into_iden(), DutyDate::Day.into_iden()],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DutyPlace::Table)
                    .col(big_pk_auto(DutyPlace::Id))
                    .col(big_integer(DutyPlace::AmapId))
                    .col(big_integer(DutyPlace::PeriodId))
                    .col(big_integer(DutyPlace::DateId))
                    .col(big_integer(DutyPlace::RoleId))
                    .col(integer(DutyPlace::Position))
                    .col(big_integer_null(DutyPlace::UserId))
                    .col(string_len_null(DutyPlace::ExclusiveKey, 40))
                    .col(big_integer_null(DutyPlace::ProposedUserId))
                    .col(timestamp_with_time_zone_null(DutyPlace::TakenAt))
                    .col(timestamp_with_time_zone_null(DutyPlace::RemindedAt))
                    .col(timestamp_with_time_zone_null(DutyPlace::OfferedAt))
                    .check(Expr::cust("(user_id IS NULL) = (exclusive_key IS NULL)"))
                    .foreign_key(&mut reference(
                        "fk_duty_place_period",
                        (DutyPlace::Table, DutyPlace::PeriodId),
                        (DutyPeriod::Table, DutyPeriod::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_place_date",
                        (DutyPlace::Table, DutyPlace::DateId),
                        (DutyDate::Table, DutyDate::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_place_role",
                        (DutyPlace::Table, DutyPlace::RoleId),
                        (DutyRole::Table, DutyRole::Id),
                        Restrict,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_place_user",
                        (DutyPlace::Table, DutyPlace::UserId),
                        (AppUser::Table, AppUser::Id),
                        SetNull,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_place_proposed_user",
                        (DutyPlace::Table, DutyPlace::ProposedUserId),
                        (AppUser::Table, AppUser::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_duty_place_one_booking",
                DutyPlace::Table,
                vec![
                    DutyPlace::DateId.into_iden(),
                    DutyPlace::UserId.into_iden(),
                    DutyPlace::ExclusiveKey.into_iden(),
                ],
            ))
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_duty_place_period")
                    .table(DutyPlace::Table)
                    .col(DutyPlace::PeriodId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_duty_place_user")
                    .table(DutyPlace::Table)
                    .col(DutyPlace::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DutyParticipant::Table)
                    .col(big_pk_auto(DutyParticipant::Id))
                    .col(big_integer(DutyParticipant::AmapId))
                    .col(big_integer(DutyParticipant::PeriodId))
                    .col(big_integer(DutyParticipant::UserId))
                    .col(integer(DutyParticipant::Quota).check(Expr::cust("quota >= 0")))
                    .col(timestamp_with_time_zone(DutyParticipant::CreatedAt))
                    .foreign_key(&mut reference(
                        "fk_duty_participant_period",
                        (DutyParticipant::Table, DutyParticipant::PeriodId),
                        (DutyPeriod::Table, DutyPeriod::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_participant_user",
                        (DutyParticipant::Table, DutyParticipant::UserId),
                        (AppUser::Table, AppUser::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_duty_participant_period_user",
                DutyParticipant::Table,
                vec![
                    DutyParticipant::PeriodId.into_iden(),
                    DutyParticipant::UserId.into_iden(),
                ],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DutyAbsence::Table)
                    .col(big_pk_auto(DutyAbsence::Id))
                    .col(big_integer(DutyAbsence::AmapId))
                    .col(big_integer(DutyAbsence::UserId))
                    .col(date(DutyAbsence::Day))
                    .col(timestamp_with_time_zone(DutyAbsence::CreatedAt))
                    .foreign_key(&mut reference(
                        "fk_duty_absence_amap",
                        (DutyAbsence::Table, DutyAbsence::AmapId),
                        (Amap::Table, Amap::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_absence_user",
                        (DutyAbsence::Table, DutyAbsence::UserId),
                        (AppUser::Table, AppUser::Id),
                        Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(unique(
                "ux_duty_absence_amap_user_day",
                DutyAbsence::Table,
                vec![
                    DutyAbsence::AmapId.into_iden(),
                    DutyAbsence::UserId.into_iden(),
                    DutyAbsence::Day.into_iden(),
                ],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DutyMove::Table)
                    .col(big_pk_auto(DutyMove::Id))
                    .col(big_integer(DutyMove::AmapId))
                    .col(big_integer(DutyMove::PeriodId))
                    .col(big_integer_null(DutyMove::PlaceId))
                    .col(date(DutyMove::Day))
                    .col(string_len(DutyMove::RoleName, 100))
                    .col(string_len(DutyMove::Kind, 20).check(Expr::cust(
                        "kind IN ('take', 'leave', 'assign', 'unassign', 'publish', 'clear', 'offer', 'withdraw', 'accept')",
                    )))
                    .col(big_integer_null(DutyMove::ActorId))
                    .col(big_integer_null(DutyMove::FromUserId))
                    .col(big_integer_null(DutyMove::ToUserId))
                    .col(timestamp_with_time_zone(DutyMove::At))
                    .foreign_key(&mut reference(
                        "fk_duty_move_period",
                        (DutyMove::Table, DutyMove::PeriodId),
                        (DutyPeriod::Table, DutyPeriod::Id),
                        Cascade,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_move_place",
                        (DutyMove::Table, DutyMove::PlaceId),
                        (DutyPlace::Table, DutyPlace::Id),
                        SetNull,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_move_actor",
                        (DutyMove::Table, DutyMove::ActorId),
                        (AppUser::Table, AppUser::Id),
                        SetNull,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_move_from",
                        (DutyMove::Table, DutyMove::FromUserId),
                        (AppUser::Table, AppUser::Id),
                        SetNull,
                    ))
                    .foreign_key(&mut reference(
                        "fk_duty_move_to",
                        (DutyMove::Table, DutyMove::ToUserId),
                        (AppUser::Table, AppUser::Id),
                        SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_duty_move_period")
                    .table(DutyMove::Table)
                    .col(DutyMove::PeriodId)
                    .to_owned(),
            )
            .await?;

        manager
            .alter_table(
                Table::alter()
                    .table(Membership::Table)
                    .add_column(boolean(Membership::Coordinator).default(false))
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Amap::Table)
                    .add_column(integer(Amap::DutyReminderDays).default(2))
                    .to_owned(),
            )
            .await?;
        // One column per statement: SQLite alters one thing at a time.
        manager
            .alter_table(
                Table::alter()
                    .table(Amap::Table)
                    .add_column(integer(Amap::SwapCloseDays).default(1))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Amap::Table)
                    .drop_column(Amap::DutyReminderDays)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Amap::Table)
                    .drop_column(Amap::SwapCloseDays)
                    .to_owned(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Membership::Table)
                    .drop_column(Membership::Coordinator)
                    .to_owned(),
            )
            .await?;
        for table in [
            DutyMove::Table.into_iden(),
            DutyAbsence::Table.into_iden(),
            DutyParticipant::Table.into_iden(),
            DutyPlace::Table.into_iden(),
            DutyDate::Table.into_iden(),
            DutyPeriod::Table.into_iden(),
            DutyRole::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
