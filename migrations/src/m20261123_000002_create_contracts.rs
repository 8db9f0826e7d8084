//! Products, contract templates (dates, exclusions, products with prices, stock limits and
//! conversions), members' subscriptions (cells, jokers) and stock counters.
//!
//! Quantities are integers, money is integer cents, dates are DATE. The stock counters carry
//! `CHECK (used <= capacity)`: the database itself refuses an oversold basket.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Amap {
    Table,
}

#[derive(DeriveIden)]
enum AppUser {
    Table,
}

#[derive(DeriveIden)]
enum Producer {
    Table,
}

#[derive(DeriveIden)]
enum Product {
    Table,
    Id,
    AmapId,
    ProducerId,
    Name,
    Packaging,
    Description,
    Active,
}

#[derive(DeriveIden)]
enum ContractTemplate {
    Table,
    Id,
    AmapId,
    ProducerId,
    Name,
    Description,
    Nature,
    State,
    Deadline,
    PrepaidNoticeDays,
    LateJoiners,
    JokerKind,
    JokerMin,
    JokerMax,
    /// NULL: jokers only at sign-up; else the days before a date after which it is frozen.
    JokerDays,
    /// JSON array of entry rules (the domain's `EntryRule`).
    EntryRules,
    /// Stock counted per producer across templates instead of per template.
    StockShared,
}

#[derive(DeriveIden)]
enum TemplateProduct {
    Table,
    Id,
    TemplateId,
    ProductId,
    Position,
    PriceCents,
}

#[derive(DeriveIden)]
enum DeliveryDate {
    Table,
    Id,
    TemplateId,
    Date,
}

#[derive(DeriveIden)]
enum Exclusion {
    Table,
    Id,
    TemplateId,
    DeliveryDateId,
    ProductId,
}

#[derive(DeriveIden)]
enum StockLimit {
    Table,
    Id,
    AmapId,
    ProducerId,
    /// NULL: a producer-wide limit (templates with `stock_shared`).
    TemplateId,
    ProductId,
    /// NULL: the same quantity on every date.
    Date,
    Available,
}

#[derive(DeriveIden)]
enum StockConversion {
    Table,
    Id,
    TemplateId,
    ProductId,
    StockProductId,
    Coefficient,
}

#[derive(DeriveIden)]
enum StockCounter {
    Table,
    Id,
    /// `t{template id}` or `p{producer id}` (shared stock).
    Pool,
    ProductId,
    Date,
    Capacity,
    Used,
}

#[derive(DeriveIden)]
enum Subscription {
    Table,
    Id,
    AmapId,
    TemplateId,
    UserId,
    Late,
    EditedByReferent,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SubscriptionCell {
    Table,
    Id,
    SubscriptionId,
    DeliveryDateId,
    ProductId,
    Qty,
}

#[derive(DeriveIden)]
enum SubscriptionJoker {
    Table,
    Id,
    SubscriptionId,
    DeliveryDateId,
    TargetDateId,
}

fn fk(from: (impl IntoIden, impl IntoIden), to: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to, Alias::new("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn unique(name: &str, cols: Vec<DynIden>) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).unique();
    for col in cols {
        index.col(col);
    }
    index.to_owned()
}

fn index(name: &str, table: impl IntoIden, col: impl IntoIden) -> IndexCreateStatement {
    Index::create().name(name).table(table).col(col).to_owned()
}

fn created_updated(table: &mut TableCreateStatement) -> &mut TableCreateStatement {
    table
        .col(timestamp_with_time_zone(Alias::new("created_at")).default(Expr::current_timestamp()))
        .col(timestamp_with_time_zone(Alias::new("updated_at")).default(Expr::current_timestamp()))
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut product = Table::create();
        product
            .table(Product::Table)
            .col(big_pk_auto(Product::Id))
            .col(big_integer(Product::AmapId))
            .col(big_integer(Product::ProducerId))
            .col(string_len(Product::Name, 100))
            .col(string_len(Product::Packaging, 100).default(""))
            .col(text(Product::Description).default(""))
            .col(boolean(Product::Active).default(true))
            .foreign_key(&mut fk((Product::Table, Product::AmapId), Amap::Table))
            .foreign_key(&mut fk(
                (Product::Table, Product::ProducerId),
                Producer::Table,
            ))
            .index(&mut unique(
                "ux_product_producer_name",
                vec![Product::ProducerId.into_iden(), Product::Name.into_iden()],
            ));
        manager
            .create_table(created_updated(&mut product).to_owned())
            .await?;

        let mut template = Table::create();
        template
            .table(ContractTemplate::Table)
            .col(big_pk_auto(ContractTemplate::Id))
            .col(big_integer(ContractTemplate::AmapId))
            .col(big_integer(ContractTemplate::ProducerId))
            .col(string_len(ContractTemplate::Name, 100))
            .col(text(ContractTemplate::Description).default(""))
            .col(string_len(ContractTemplate::Nature, 20))
            .col(string_len(ContractTemplate::State, 20).default("draft"))
            .col(date(ContractTemplate::Deadline))
            .col(integer(ContractTemplate::PrepaidNoticeDays).default(0))
            .col(boolean(ContractTemplate::LateJoiners).default(false))
            .col(string_len(ContractTemplate::JokerKind, 20).default("none"))
            .col(integer(ContractTemplate::JokerMin).default(0))
            .col(integer(ContractTemplate::JokerMax).default(0))
            .col(integer_null(ContractTemplate::JokerDays))
            .col(text(ContractTemplate::EntryRules).default("[]"))
            .col(boolean(ContractTemplate::StockShared).default(false))
            .foreign_key(&mut fk(
                (ContractTemplate::Table, ContractTemplate::AmapId),
                Amap::Table,
            ))
            .foreign_key(&mut fk(
                (ContractTemplate::Table, ContractTemplate::ProducerId),
                Producer::Table,
            ))
            .index(&mut unique(
                "ux_template_amap_name",
                vec![
                    ContractTemplate::AmapId.into_iden(),
                    ContractTemplate::Name.into_iden(),
                ],
            ));
        manager
            .create_table(created_updated(&mut template).to_owned())
            .await?;
        manager
            .create_index(index(
                "ix_template_producer",
                ContractTemplate::Table,
                ContractTemplate::ProducerId,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(TemplateProduct::Table)
                    .col(big_pk_auto(TemplateProduct::Id))
                    .col(big_integer(TemplateProduct::TemplateId))
                    .col(big_integer(TemplateProduct::ProductId))
                    .col(integer(TemplateProduct::Position).default(0))
                    .col(big_integer(TemplateProduct::PriceCents))
                    .foreign_key(&mut fk(
                        (TemplateProduct::Table, TemplateProduct::TemplateId),
                        ContractTemplate::Table,
                    ))
                    .foreign_key(&mut fk(
                        (TemplateProduct::Table, TemplateProduct::ProductId),
                        Product::Table,
                    ))
                    .index(&mut unique(
                        "ux_template_product",
                        vec![
                            TemplateProduct::TemplateId.into_iden(),
                            TemplateProduct::ProductId.into_iden(),
                        ],
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DeliveryDate::Table)
                    .col(big_pk_auto(DeliveryDate::Id))
                    .col(big_integer(DeliveryDate::TemplateId))
                    .col(date(DeliveryDate::Date))
                    .foreign_key(&mut fk(
                        (DeliveryDate::Table, DeliveryDate::TemplateId),
                        ContractTemplate::Table,
                    ))
                    .index(&mut unique(
                        "ux_delivery_date",
                        vec![
                            DeliveryDate::TemplateId.into_iden(),
                            DeliveryDate::Date.into_iden(),
                        ],
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Exclusion::Table)
                    .col(big_pk_auto(Exclusion::Id))
                    .col(big_integer(Exclusion::TemplateId))
                    .col(big_integer(Exclusion::DeliveryDateId))
                    .col(big_integer_null(Exclusion::ProductId))
                    .foreign_key(&mut fk(
                        (Exclusion::Table, Exclusion::TemplateId),
                        ContractTemplate::Table,
                    ))
                    .foreign_key(&mut fk(
                        (Exclusion::Table, Exclusion::DeliveryDateId),
                        DeliveryDate::Table,
                    ))
                    .foreign_key(&mut fk(
                        (Exclusion::Table, Exclusion::ProductId),
                        Product::Table,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_exclusion_template",
                Exclusion::Table,
                Exclusion::TemplateId,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StockLimit::Table)
                    .col(big_pk_auto(StockLimit::Id))
                    .col(big_integer(StockLimit::AmapId))
                    .col(big_integer(StockLimit::ProducerId))
                    .col(big_integer_null(StockLimit::TemplateId))
                    .col(big_integer(StockLimit::ProductId))
                    .col(date_null(StockLimit::Date))
                    .col(integer(StockLimit::Available))
                    .check(Expr::col(StockLimit::Available).gte(0))
                    .foreign_key(&mut fk(
                        (StockLimit::Table, StockLimit::AmapId),
                        Amap::Table,
                    ))
                    .foreign_key(&mut fk(
                        (StockLimit::Table, StockLimit::ProducerId),
                        Producer::Table,
                    ))
                    .foreign_key(&mut fk(
                        (StockLimit::Table, StockLimit::TemplateId),
                        ContractTemplate::Table,
                    ))
                    .foreign_key(&mut fk(
                        (StockLimit::Table, StockLimit::ProductId),
                        Product::Table,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_stock_limit_producer",
                StockLimit::Table,
                StockLimit::ProducerId,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StockConversion::Table)
                    .col(big_pk_auto(StockConversion::Id))
                    .col(big_integer(StockConversion::TemplateId))
                    .col(big_integer(StockConversion::ProductId))
                    .col(big_integer(StockConversion::StockProductId))
                    .col(integer(StockConversion::Coefficient))
                    .check(Expr::col(StockConversion::Coefficient).gte(0))
                    .foreign_key(&mut fk(
                        (StockConversion::Table, StockConversion::TemplateId),
                        ContractTemplate::Table,
                    ))
                    .foreign_key(&mut fk(
                        (StockConversion::Table, StockConversion::ProductId),
                        Product::Table,
                    ))
                    .foreign_key(&mut fk(
                        (StockConversion::Table, StockConversion::StockProductId),
                        Product::Table,
                    ))
                    .index(&mut unique(
                        "ux_stock_conversion",
                        vec![
                            StockConversion::TemplateId.into_iden(),
                            StockConversion::ProductId.into_iden(),
                        ],
                    ))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(StockCounter::Table)
                    .col(big_pk_auto(StockCounter::Id))
                    .col(string_len(StockCounter::Pool, 24))
                    .col(big_integer(StockCounter::ProductId))
                    .col(date(StockCounter::Date))
                    .col(integer(StockCounter::Capacity))
                    .col(integer(StockCounter::Used).default(0))
                    // The invariant of the whole stock feature, held by the database.
                    .check(Expr::col(StockCounter::Used).lte(Expr::col(StockCounter::Capacity)))
                    .check(Expr::col(StockCounter::Used).gte(0))
                    .foreign_key(&mut fk(
                        (StockCounter::Table, StockCounter::ProductId),
                        Product::Table,
                    ))
                    .index(&mut unique(
                        "ux_stock_counter",
                        vec![
                            StockCounter::Pool.into_iden(),
                            StockCounter::ProductId.into_iden(),
                            StockCounter::Date.into_iden(),
                        ],
                    ))
                    .to_owned(),
            )
            .await?;

        let mut subscription = Table::create();
        subscription
            .table(Subscription::Table)
            .col(big_pk_auto(Subscription::Id))
            .col(big_integer(Subscription::AmapId))
            .col(big_integer(Subscription::TemplateId))
            .col(big_integer(Subscription::UserId))
            .col(boolean(Subscription::Late).default(false))
            .col(boolean(Subscription::EditedByReferent).default(false))
            .col(
                timestamp_with_time_zone(Subscription::CreatedAt)
                    .default(Expr::current_timestamp()),
            )
            .col(
                timestamp_with_time_zone(Subscription::UpdatedAt)
                    .default(Expr::current_timestamp()),
            )
            .foreign_key(&mut fk(
                (Subscription::Table, Subscription::AmapId),
                Amap::Table,
            ))
            .foreign_key(&mut fk(
                (Subscription::Table, Subscription::TemplateId),
                ContractTemplate::Table,
            ))
            .foreign_key(&mut fk(
                (Subscription::Table, Subscription::UserId),
                AppUser::Table,
            ))
            // One contract per member per template (reference §13 rule 1).
            .index(&mut unique(
                "ux_subscription_template_user",
                vec![
                    Subscription::TemplateId.into_iden(),
                    Subscription::UserId.into_iden(),
                ],
            ));
        manager.create_table(subscription.to_owned()).await?;
        manager
            .create_index(index(
                "ix_subscription_user",
                Subscription::Table,
                Subscription::UserId,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SubscriptionCell::Table)
                    .col(big_pk_auto(SubscriptionCell::Id))
                    .col(big_integer(SubscriptionCell::SubscriptionId))
                    .col(big_integer(SubscriptionCell::DeliveryDateId))
                    .col(big_integer(SubscriptionCell::ProductId))
                    .col(integer(SubscriptionCell::Qty))
                    .check(Expr::col(SubscriptionCell::Qty).gt(0))
                    .foreign_key(&mut fk(
                        (SubscriptionCell::Table, SubscriptionCell::SubscriptionId),
                        Subscription::Table,
                    ))
                    .foreign_key(&mut fk(
                        (SubscriptionCell::Table, SubscriptionCell::DeliveryDateId),
                        DeliveryDate::Table,
                    ))
                    .foreign_key(&mut fk(
                        (SubscriptionCell::Table, SubscriptionCell::ProductId),
                        Product::Table,
                    ))
                    .index(&mut unique(
                        "ux_subscription_cell",
                        vec![
                            SubscriptionCell::SubscriptionId.into_iden(),
                            SubscriptionCell::DeliveryDateId.into_iden(),
                            SubscriptionCell::ProductId.into_iden(),
                        ],
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "ix_cell_date",
                SubscriptionCell::Table,
                SubscriptionCell::DeliveryDateId,
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(SubscriptionJoker::Table)
                    .col(big_pk_auto(SubscriptionJoker::Id))
                    .col(big_integer(SubscriptionJoker::SubscriptionId))
                    .col(big_integer(SubscriptionJoker::DeliveryDateId))
                    .col(big_integer_null(SubscriptionJoker::TargetDateId))
                    .foreign_key(&mut fk(
                        (SubscriptionJoker::Table, SubscriptionJoker::SubscriptionId),
                        Subscription::Table,
                    ))
                    .foreign_key(&mut fk(
                        (SubscriptionJoker::Table, SubscriptionJoker::DeliveryDateId),
                        DeliveryDate::Table,
                    ))
                    .foreign_key(&mut fk(
                        (SubscriptionJoker::Table, SubscriptionJoker::TargetDateId),
                        DeliveryDate::Table,
                    ))
                    .index(&mut unique(
                        "ux_subscription_joker",
                        vec![
                            SubscriptionJoker::SubscriptionId.into_iden(),
                            SubscriptionJoker::DeliveryDateId.into_iden(),
                        ],
                    ))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            SubscriptionJoker::Table.into_iden(),
            SubscriptionCell::Table.into_iden(),
            Subscription::Table.into_iden(),
            StockCounter::Table.into_iden(),
            StockConversion::Table.into_iden(),
            StockLimit::Table.into_iden(),
            Exclusion::Table.into_iden(),
            DeliveryDate::Table.into_iden(),
            TemplateProduct::Table.into_iden(),
            ContractTemplate::Table.into_iden(),
            Product::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
