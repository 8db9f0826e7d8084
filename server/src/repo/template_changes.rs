//! The writes behind "Modifier en masse". Cells reference dates by id, so moving a date
//! moves every basket with it.

use crate::db::entities::{
    delivery_date, exclusion, stock_conversion, stock_limit, subscription, subscription_cell,
    template_product,
};
use app::domain::{Money, ProductId};
use chrono::NaiveDate;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::ExprTrait as _;
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

pub async fn move_date(
    db: &impl ConnectionTrait,
    date_id: i64,
    to: NaiveDate,
) -> Result<(), DbErr> {
    delivery_date::Entity::update_many()
        .col_expr(delivery_date::Column::Date, Expr::value(to))
        .filter(delivery_date::Column::Id.eq(date_id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Cells, exclusions and jokers of the date go with it (foreign keys cascade).
pub async fn delete_date(db: &impl ConnectionTrait, date_id: i64) -> Result<(), DbErr> {
    delivery_date::Entity::delete_by_id(date_id)
        .exec(db)
        .await
        .map(|_| ())
}

/// The subscriptions of a template, as a sub-query.
fn subscriptions_of(template_id: i64) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(subscription::Column::Id)
        .from(subscription::Entity)
        .and_where(subscription::Column::TemplateId.eq(template_id))
        .to_owned()
}

pub async fn cancel(
    db: &impl ConnectionTrait,
    template_id: i64,
    date_id: i64,
    product: Option<ProductId>,
) -> Result<(), DbErr> {
    restore(db, template_id, date_id, product).await?;
    exclusion::Entity::insert(exclusion::ActiveModel {
        template_id: Set(template_id),
        delivery_date_id: Set(date_id),
        product_id: Set(product.map(|p| p.0)),
        ..Default::default()
    })
    .exec(db)
    .await?;
    let mut cells = subscription_cell::Entity::delete_many()
        .filter(subscription_cell::Column::DeliveryDateId.eq(date_id))
        .filter(
            subscription_cell::Column::SubscriptionId.in_subquery(subscriptions_of(template_id)),
        );
    if let Some(p) = product {
        cells = cells.filter(subscription_cell::Column::ProductId.eq(p.0));
    }
    cells.exec(db).await.map(|_| ())
}

pub async fn restore(
    db: &impl ConnectionTrait,
    template_id: i64,
    date_id: i64,
    product: Option<ProductId>,
) -> Result<(), DbErr> {
    let delete = exclusion::Entity::delete_many()
        .filter(exclusion::Column::TemplateId.eq(template_id))
        .filter(exclusion::Column::DeliveryDateId.eq(date_id));
    match product {
        Some(p) => delete.filter(exclusion::Column::ProductId.eq(p.0)),
        None => delete.filter(exclusion::Column::ProductId.is_null()),
    }
    .exec(db)
    .await
    .map(|_| ())
}

/// Existing cheques are not recomputed here (reference §2.3); the payments module proposes it.
pub async fn set_price(
    db: &impl ConnectionTrait,
    template_id: i64,
    product: ProductId,
    price: Money,
) -> Result<(), DbErr> {
    template_product::Entity::update_many()
        .col_expr(
            template_product::Column::PriceCents,
            Expr::value(price.cents()),
        )
        .filter(template_product::Column::TemplateId.eq(template_id))
        .filter(template_product::Column::ProductId.eq(product.0))
        .exec(db)
        .await
        .map(|_| ())
}

/// The product leaves the template with every quantity ordered of it.
pub async fn remove_product(
    db: &impl ConnectionTrait,
    template_id: i64,
    product: ProductId,
) -> Result<(), DbErr> {
    subscription_cell::Entity::delete_many()
        .filter(subscription_cell::Column::ProductId.eq(product.0))
        .filter(
            subscription_cell::Column::SubscriptionId.in_subquery(subscriptions_of(template_id)),
        )
        .exec(db)
        .await?;
    exclusion::Entity::delete_many()
        .filter(exclusion::Column::TemplateId.eq(template_id))
        .filter(exclusion::Column::ProductId.eq(product.0))
        .exec(db)
        .await?;
    stock_conversion::Entity::delete_many()
        .filter(stock_conversion::Column::TemplateId.eq(template_id))
        .filter(
            stock_conversion::Column::ProductId
                .eq(product.0)
                .or(stock_conversion::Column::StockProductId.eq(product.0)),
        )
        .exec(db)
        .await?;
    stock_limit::Entity::delete_many()
        .filter(stock_limit::Column::TemplateId.eq(template_id))
        .filter(stock_limit::Column::ProductId.eq(product.0))
        .exec(db)
        .await?;
    template_product::Entity::delete_many()
        .filter(template_product::Column::TemplateId.eq(template_id))
        .filter(template_product::Column::ProductId.eq(product.0))
        .exec(db)
        .await
        .map(|_| ())
}
