//! AMAPs, accounts, memberships with roles, producers with their référents and users,
//! and the server's own secrets. Money is stored as integer cents (BIGINT), never REAL.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Amap {
    Table,
    Id,
    Slug,
    Name,
    City,
    TimeZone,
    MembershipFeeCents,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum AppUser {
    Table,
    Id,
    Email,
    FirstName,
    LastName,
    PasswordHash,
    Operator,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Membership {
    Table,
    Id,
    AmapId,
    UserId,
    Active,
    Admin,
    Treasurer,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Producer {
    Table,
    Id,
    AmapId,
    Name,
    Description,
    NoticeDays,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProducerReferent {
    Table,
    Id,
    AmapId,
    ProducerId,
    UserId,
    Position,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProducerUser {
    Table,
    Id,
    AmapId,
    ProducerId,
    UserId,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ServerSecret {
    Table,
    Name,
    Value,
    CreatedAt,
}

fn stamps(
    table: &mut TableCreateStatement,
    created: impl IntoIden,
    updated: impl IntoIden,
) -> &mut TableCreateStatement {
    table
        .col(timestamp_with_time_zone(created).default(Expr::current_timestamp()))
        .col(timestamp_with_time_zone(updated).default(Expr::current_timestamp()))
}

fn fk(
    name: &str,
    from: (impl IntoIden, impl IntoIden),
    to: (impl IntoIden, impl IntoIden),
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(name)
        .from(from.0, from.1)
        .to(to.0, to.1)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut amap = Table::create();
        amap.table(Amap::Table)
            .col(big_pk_auto(Amap::Id))
            .col(string_len(Amap::Slug, 40).unique_key())
            .col(string_len(Amap::Name, 120))
            .col(string_len(Amap::City, 120))
            .col(string_len(Amap::TimeZone, 64))
            .col(big_integer(Amap::MembershipFeeCents).default(0));
        manager
            .create_table(stamps(&mut amap, Amap::CreatedAt, Amap::UpdatedAt).to_owned())
            .await?;

        let mut user = Table::create();
        user.table(AppUser::Table)
            .col(big_pk_auto(AppUser::Id))
            .col(string_len(AppUser::Email, 254).unique_key())
            .col(string_len(AppUser::FirstName, 100))
            .col(string_len(AppUser::LastName, 100))
            .col(string_len_null(AppUser::PasswordHash, 255))
            .col(boolean(AppUser::Operator).default(false));
        manager
            .create_table(stamps(&mut user, AppUser::CreatedAt, AppUser::UpdatedAt).to_owned())
            .await?;

        let mut membership = Table::create();
        membership
            .table(Membership::Table)
            .col(big_pk_auto(Membership::Id))
            .col(big_integer(Membership::AmapId))
            .col(big_integer(Membership::UserId))
            .col(boolean(Membership::Active).default(true))
            .col(boolean(Membership::Admin).default(false))
            .col(boolean(Membership::Treasurer).default(false))
            .foreign_key(&mut fk(
                "fk_membership_amap",
                (Membership::Table, Membership::AmapId),
                (Amap::Table, Amap::Id),
            ))
            .foreign_key(&mut fk(
                "fk_membership_user",
                (Membership::Table, Membership::UserId),
                (AppUser::Table, AppUser::Id),
            ))
            .index(
                Index::create()
                    .name("ux_membership_amap_user")
                    .col(Membership::AmapId)
                    .col(Membership::UserId)
                    .unique(),
            );
        manager
            .create_table(
                stamps(
                    &mut membership,
                    Membership::CreatedAt,
                    Membership::UpdatedAt,
                )
                .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_membership_user")
                    .table(Membership::Table)
                    .col(Membership::UserId)
                    .to_owned(),
            )
            .await?;

        let mut producer = Table::create();
        producer
            .table(Producer::Table)
            .col(big_pk_auto(Producer::Id))
            .col(big_integer(Producer::AmapId))
            .col(string_len(Producer::Name, 120))
            .col(text(Producer::Description).default(""))
            .col(integer(Producer::NoticeDays).default(0))
            .col(boolean(Producer::Active).default(true))
            .foreign_key(&mut fk(
                "fk_producer_amap",
                (Producer::Table, Producer::AmapId),
                (Amap::Table, Amap::Id),
            ))
            .index(
                Index::create()
                    .name("ux_producer_amap_name")
                    .col(Producer::AmapId)
                    .col(Producer::Name)
                    .unique(),
            );
        manager
            .create_table(
                stamps(&mut producer, Producer::CreatedAt, Producer::UpdatedAt).to_owned(),
            )
            .await?;

        let mut referent = Table::create();
        referent
            .table(ProducerReferent::Table)
            .col(big_pk_auto(ProducerReferent::Id))
            .col(big_integer(ProducerReferent::AmapId))
            .col(big_integer(ProducerReferent::ProducerId))
            .col(big_integer(ProducerReferent::UserId))
            .col(integer(ProducerReferent::Position).default(0))
            .foreign_key(&mut fk(
                "fk_referent_amap",
                (ProducerReferent::Table, ProducerReferent::AmapId),
                (Amap::Table, Amap::Id),
            ))
            .foreign_key(&mut fk(
                "fk_referent_producer",
                (ProducerReferent::Table, ProducerReferent::ProducerId),
                (Producer::Table, Producer::Id),
            ))
            .foreign_key(&mut fk(
                "fk_referent_user",
                (ProducerReferent::Table, ProducerReferent::UserId),
                (AppUser::Table, AppUser::Id),
            ))
            .index(
                Index::create()
                    .name("ux_referent_producer_user")
                    .col(ProducerReferent::ProducerId)
                    .col(ProducerReferent::UserId)
                    .unique(),
            );
        manager
            .create_table(
                stamps(
                    &mut referent,
                    ProducerReferent::CreatedAt,
                    ProducerReferent::UpdatedAt,
                )
                .to_owned(),
            )
            .await?;

        let mut producer_user = Table::create();
        producer_user
            .table(ProducerUser::Table)
            .col(big_pk_auto(ProducerUser::Id))
            .col(big_integer(ProducerUser::AmapId))
            .col(big_integer(ProducerUser::ProducerId))
            .col(big_integer(ProducerUser::UserId))
            .foreign_key(&mut fk(
                "fk_producer_user_amap",
                (ProducerUser::Table, ProducerUser::AmapId),
                (Amap::Table, Amap::Id),
            ))
            .foreign_key(&mut fk(
                "fk_producer_user_producer",
                (ProducerUser::Table, ProducerUser::ProducerId),
                (Producer::Table, Producer::Id),
            ))
            .foreign_key(&mut fk(
                "fk_producer_user_user",
                (ProducerUser::Table, ProducerUser::UserId),
                (AppUser::Table, AppUser::Id),
            ))
            .index(
                Index::create()
                    .name("ux_producer_user")
                    .col(ProducerUser::ProducerId)
                    .col(ProducerUser::UserId)
                    .unique(),
            );
        manager
            .create_table(
                stamps(
                    &mut producer_user,
                    ProducerUser::CreatedAt,
                    ProducerUser::UpdatedAt,
                )
                .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ServerSecret::Table)
                    .col(string_len(ServerSecret::Name, 64).primary_key())
                    .col(text(ServerSecret::Value))
                    .col(
                        timestamp_with_time_zone(ServerSecret::CreatedAt)
                            .default(Expr::current_timestamp()),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProducerUser::Table.into_iden(),
            ProducerReferent::Table.into_iden(),
            Producer::Table.into_iden(),
            Membership::Table.into_iden(),
            AppUser::Table.into_iden(),
            Amap::Table.into_iden(),
            ServerSecret::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
