//! Cheques: each template's payment plan, the cheques members promise, the deposit slips
//! ("remises") that hand them to the producer, each contract's credit ("avoir") and the audit
//! trail of every cheque event.
//!
//! Money is integer cents, payment dates are DATE. The database holds the life cycle's two
//! hard invariants itself: a cheque is in a slip exactly when it is `remitted` (CHECK), and a
//! template has at most one slip per payment date (unique index) — two treasurers remitting
//! the same date at once get one slip, never two.

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
enum ContractTemplate {
    Table,
}

#[derive(DeriveIden)]
enum Subscription {
    Table,
    CreditCents,
}

#[derive(DeriveIden)]
enum PaymentPlan {
    Table,
    TemplateId,
    AmapId,
    /// JSON: the domain's `Strategy` (a preset, or every setting chosen by hand).
    Strategy,
    /// "Ordre des chèques".
    Payee,
    /// The date by which members hand their cheques in.
    HandInBy,
    MinimumCents,
    /// The référent who collects the cheques; NULL: the producer's first référent.
    CollectorUserId,
    /// Shown to members instead of a schedule when payments are not managed.
    Message,
}

#[derive(DeriveIden)]
enum Cheque {
    Table,
    Id,
    AmapId,
    TemplateId,
    SubscriptionId,
    PaymentDate,
    AmountCents,
    State,
    Bank,
    Number,
    Drawer,
    Comment,
    RemittanceId,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Remittance {
    Table,
    Id,
    AmapId,
    TemplateId,
    PaymentDate,
    HandedOn,
    TotalCents,
    ChequeCount,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ChequeEvent {
    Table,
    Id,
    AmapId,
    TemplateId,
    /// No foreign keys to the contract or cheque: the trail outlives both.
    SubscriptionId,
    ChequeId,
    MemberUserId,
    ActorUserId,
    At,
    Action,
    FromState,
    ToState,
    PaymentDate,
    AmountCents,
}

fn fk(from: (impl IntoIden, impl IntoIden), to: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from.0, from.1)
        .to(to, Alias::new("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Subscription::Table)
                    .add_column(big_integer(Subscription::CreditCents).default(0))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(PaymentPlan::Table)
                    .col(big_integer(PaymentPlan::TemplateId).primary_key())
                    .col(big_integer(PaymentPlan::AmapId))
                    .col(text(PaymentPlan::Strategy))
                    .col(string_len(PaymentPlan::Payee, 200).default(""))
                    .col(date_null(PaymentPlan::HandInBy))
                    .col(big_integer(PaymentPlan::MinimumCents).default(0))
                    .col(big_integer_null(PaymentPlan::CollectorUserId))
                    .col(text(PaymentPlan::Message).default(""))
                    .check(Expr::col(PaymentPlan::MinimumCents).gte(0))
                    .foreign_key(&mut fk(
                        (PaymentPlan::Table, PaymentPlan::TemplateId),
                        ContractTemplate::Table,
                    ))
                    .foreign_key(&mut fk(
                        (PaymentPlan::Table, PaymentPlan::AmapId),
                        Amap::Table,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PaymentPlan::Table, PaymentPlan::CollectorUserId)
                            .to(AppUser::Table, Alias::new("id"))
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Remittance::Table)
                    .col(big_pk_auto(Remittance::Id))
                    .col(big_integer(Remittance::AmapId))
                    .col(big_integer(Remittance::TemplateId))
                    .col(date(Remittance::PaymentDate))
                    .col(date(Remittance::HandedOn))
                    .col(big_integer(Remittance::TotalCents))
                    .col(integer(Remittance::ChequeCount))
                    .col(big_integer(Remittance::CreatedBy))
                    .col(
                        timestamp_with_time_zone(Remittance::CreatedAt)
                            .default(Expr::current_timestamp()),
                    )
                    .foreign_key(&mut fk(
                        (Remittance::Table, Remittance::AmapId),
                        Amap::Table,
                    ))
                    .foreign_key(&mut fk(
                        (Remittance::Table, Remittance::TemplateId),
                        ContractTemplate::Table,
                    ))
                    .index(
                        Index::create()
                            .name("ux_remittance_date")
                            .unique()
                            .col(Remittance::TemplateId)
                            .col(Remittance::PaymentDate),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Cheque::Table)
                    .col(big_pk_auto(Cheque::Id))
                    .col(big_integer(Cheque::AmapId))
                    .col(big_integer(Cheque::TemplateId))
                    .col(big_integer(Cheque::SubscriptionId))
                    .col(date(Cheque::PaymentDate))
                    .col(big_integer(Cheque::AmountCents))
                    .col(string_len(Cheque::State, 16).default("promised"))
                    .col(string_len(Cheque::Bank, 100).default(""))
                    .col(string_len(Cheque::Number, 50).default(""))
                    .col(string_len(Cheque::Drawer, 100).default(""))
                    .col(string_len(Cheque::Comment, 500).default(""))
                    .col(big_integer_null(Cheque::RemittanceId))
                    .col(
                        timestamp_with_time_zone(Cheque::UpdatedAt)
                            .default(Expr::current_timestamp()),
                    )
                    // Zero-amount cheques are not stored (reference §13 rule 1).
                    .check(Expr::col(Cheque::AmountCents).gt(0))
                    .check(Expr::col(Cheque::State).is_in(["promised", "received", "remitted"]))
                    // In a slip exactly when remitted: no path can leave one half-done.
                    .check(Expr::cust(
                        "(state = 'remitted' AND remittance_id IS NOT NULL) \
                         OR (state <> 'remitted' AND remittance_id IS NULL)",
                    ))
                    .foreign_key(&mut fk((Cheque::Table, Cheque::AmapId), Amap::Table))
                    .foreign_key(&mut fk(
                        (Cheque::Table, Cheque::TemplateId),
                        ContractTemplate::Table,
                    ))
                    .foreign_key(&mut fk(
                        (Cheque::Table, Cheque::SubscriptionId),
                        Subscription::Table,
                    ))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Cheque::Table, Cheque::RemittanceId)
                            .to(Remittance::Table, Alias::new("id")),
                    )
                    .index(
                        Index::create()
                            .name("ux_cheque_date")
                            .unique()
                            .col(Cheque::SubscriptionId)
                            .col(Cheque::PaymentDate),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_cheque_template")
                    .table(Cheque::Table)
                    .col(Cheque::TemplateId)
                    .col(Cheque::PaymentDate)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ChequeEvent::Table)
                    .col(big_pk_auto(ChequeEvent::Id))
                    .col(big_integer(ChequeEvent::AmapId))
                    .col(big_integer(ChequeEvent::TemplateId))
                    .col(big_integer_null(ChequeEvent::SubscriptionId))
                    .col(big_integer_null(ChequeEvent::ChequeId))
                    .col(big_integer_null(ChequeEvent::MemberUserId))
                    .col(big_integer(ChequeEvent::ActorUserId))
                    .col(
                        timestamp_with_time_zone(ChequeEvent::At)
                            .default(Expr::current_timestamp()),
                    )
                    .col(string_len(ChequeEvent::Action, 32))
                    .col(string_len_null(ChequeEvent::FromState, 16))
                    .col(string_len_null(ChequeEvent::ToState, 16))
                    .col(date_null(ChequeEvent::PaymentDate))
                    .col(big_integer(ChequeEvent::AmountCents).default(0))
                    .foreign_key(&mut fk(
                        (ChequeEvent::Table, ChequeEvent::AmapId),
                        Amap::Table,
                    ))
                    .foreign_key(&mut fk(
                        (ChequeEvent::Table, ChequeEvent::TemplateId),
                        ContractTemplate::Table,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("ix_cheque_event_template")
                    .table(ChequeEvent::Table)
                    .col(ChequeEvent::TemplateId)
                    .col(ChequeEvent::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ChequeEvent::Table.into_iden(),
            Cheque::Table.into_iden(),
            Remittance::Table.into_iden(),
            PaymentPlan::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Subscription::Table)
                    .drop_column(Subscription::CreditCents)
                    .to_owned(),
            )
            .await
    }
}
