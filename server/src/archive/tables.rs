//! Which tables an archive holds, in the order they are restored (every table after those it
//! refers to), how each one's rows belong to the AMAP, and which columns hold another row's
//! id. The one place to change when a table is added.

use crate::db::entities::*;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, IntoActiveModel, Iterable,
    PrimaryKeyToColumn, QueryFilter, QueryOrder,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Row;

/// How a table's rows belong to one AMAP.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The AMAP's own row.
    Itself,
    /// An `amap_id` column.
    Amap,
    /// A `template_id` column, to one of the AMAP's contract templates.
    Template,
    /// A `subscription_id` column, to one of the AMAP's contracts.
    Subscription,
    /// Accounts: those the other tables refer to (members, former members, référents,
    /// whoever received a cheque or moved a duty).
    Referenced,
}

pub struct Table {
    pub name: &'static str,
    pub scope: Scope,
    /// Whether rows have an `id` of their own (renumbered from 1 in the archive).
    pub has_id: bool,
    /// Columns holding the id of a row of another table (the archive's id, in the archive).
    pub refs: &'static [(&'static str, &'static str)],
    /// Among `refs`, the journal's columns that keep the id of a row deleted since (a
    /// cheque re-proposed, a contract withdrawn): archived as null when that row is gone.
    pub loose: &'static [&'static str],
}

impl Table {
    /// Whether another table refers to this one's rows (then each insert returns its id).
    pub fn is_referenced(&self) -> bool {
        TABLES
            .iter()
            .any(|t| t.refs.iter().any(|(_, target)| *target == self.name))
    }
}

const fn table(
    name: &'static str,
    scope: Scope,
    refs: &'static [(&'static str, &'static str)],
) -> Table {
    Table {
        name,
        scope,
        has_id: true,
        refs,
        loose: &[],
    }
}

pub const USERS: &str = "app_user";
pub const AMAP: &str = "amap";

/// Left out, on purpose: secrets (passwords unless asked, sign-in links, calendar links, the
/// AMAP's mail server and its password), the mail queue (links inside), throttling counts,
/// and the stock counters, which are rebuilt from the limits and the contracts.
pub const TABLES: &[Table] = &[
    table(USERS, Scope::Referenced, &[]),
    table(AMAP, Scope::Itself, &[]),
    table("adhesion_period", Scope::Amap, &[("amap_id", AMAP)]),
    table(
        "adhesion",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("period_id", "adhesion_period"),
            ("user_id", USERS),
        ],
    ),
    table(
        "membership",
        Scope::Amap,
        &[("amap_id", AMAP), ("user_id", USERS)],
    ),
    table("producer", Scope::Amap, &[("amap_id", AMAP)]),
    table(
        "producer_referent",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("producer_id", "producer"),
            ("user_id", USERS),
        ],
    ),
    table(
        "producer_user",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("producer_id", "producer"),
            ("user_id", USERS),
        ],
    ),
    table(
        "product",
        Scope::Amap,
        &[("amap_id", AMAP), ("producer_id", "producer")],
    ),
    table(
        "contract_template",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("producer_id", "producer"),
            ("adhesion_period_id", "adhesion_period"),
        ],
    ),
    Table {
        name: "payment_plan",
        scope: Scope::Amap,
        has_id: false,
        refs: &[
            ("template_id", "contract_template"),
            ("amap_id", AMAP),
            ("collector_user_id", USERS),
        ],
        loose: &[],
    },
    table(
        "delivery_date",
        Scope::Template,
        &[("template_id", "contract_template")],
    ),
    table(
        "delivery_notice",
        Scope::Template,
        &[("template_id", "contract_template")],
    ),
    table(
        "template_product",
        Scope::Template,
        &[
            ("template_id", "contract_template"),
            ("product_id", "product"),
        ],
    ),
    table(
        "entry_rule",
        Scope::Template,
        &[("template_id", "contract_template")],
    ),
    table(
        "exclusion",
        Scope::Template,
        &[
            ("template_id", "contract_template"),
            ("delivery_date_id", "delivery_date"),
            ("product_id", "product"),
        ],
    ),
    table(
        "stock_conversion",
        Scope::Template,
        &[
            ("template_id", "contract_template"),
            ("product_id", "product"),
            ("stock_product_id", "product"),
        ],
    ),
    table(
        "stock_limit",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("producer_id", "producer"),
            ("template_id", "contract_template"),
            ("product_id", "product"),
        ],
    ),
    table(
        "subscription",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("template_id", "contract_template"),
            ("user_id", USERS),
        ],
    ),
    table(
        "subscription_cell",
        Scope::Subscription,
        &[
            ("subscription_id", "subscription"),
            ("delivery_date_id", "delivery_date"),
            ("product_id", "product"),
        ],
    ),
    table(
        "subscription_joker",
        Scope::Subscription,
        &[
            ("subscription_id", "subscription"),
            ("delivery_date_id", "delivery_date"),
            ("target_date_id", "delivery_date"),
        ],
    ),
    table(
        "remittance",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("template_id", "contract_template"),
            ("created_by", USERS),
        ],
    ),
    table(
        "cheque",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("template_id", "contract_template"),
            ("subscription_id", "subscription"),
            ("remittance_id", "remittance"),
        ],
    ),
    Table {
        loose: &["subscription_id", "cheque_id", "member_user_id"],
        ..table(
            "cheque_event",
            Scope::Amap,
            &[
                ("amap_id", AMAP),
                ("template_id", "contract_template"),
                ("subscription_id", "subscription"),
                ("cheque_id", "cheque"),
                ("member_user_id", USERS),
                ("actor_user_id", USERS),
            ],
        )
    },
    table("duty_role", Scope::Amap, &[("amap_id", AMAP)]),
    table("duty_period", Scope::Amap, &[("amap_id", AMAP)]),
    table(
        "duty_date",
        Scope::Amap,
        &[("amap_id", AMAP), ("period_id", "duty_period")],
    ),
    table(
        "duty_participant",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("period_id", "duty_period"),
            ("user_id", USERS),
        ],
    ),
    table(
        "duty_place",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("period_id", "duty_period"),
            ("date_id", "duty_date"),
            ("role_id", "duty_role"),
            ("user_id", USERS),
            ("proposed_user_id", USERS),
        ],
    ),
    table(
        "duty_absence",
        Scope::Amap,
        &[("amap_id", AMAP), ("user_id", USERS)],
    ),
    table(
        "duty_move",
        Scope::Amap,
        &[
            ("amap_id", AMAP),
            ("period_id", "duty_period"),
            ("place_id", "duty_place"),
            ("actor_id", USERS),
            ("from_user_id", USERS),
            ("to_user_id", USERS),
        ],
    ),
];

pub fn find(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// The condition selecting the AMAP's rows of a table; none for the accounts, which are those
/// the other rows name.
pub fn scope_condition(scope: Scope, amap_id: i64) -> Option<SimpleExpr> {
    let col = |name: &str| Expr::col(Alias::new(name));
    let ids_of = |table: &str| {
        Query::select()
            .column(Alias::new("id"))
            .from(Alias::new(table))
            .and_where(col("amap_id").eq(amap_id))
            .to_owned()
    };
    Some(match scope {
        Scope::Itself => col("id").eq(amap_id),
        Scope::Amap => col("amap_id").eq(amap_id),
        Scope::Template => col("template_id").in_subquery(ids_of("contract_template")),
        Scope::Subscription => col("subscription_id").in_subquery(ids_of("subscription")),
        Scope::Referenced => return None,
    })
}

/// Rows of `E` matching `condition`, by primary key, as JSON objects.
async fn select_rows<E>(db: &impl ConnectionTrait, condition: SimpleExpr) -> Result<Vec<Row>, DbErr>
where
    E: EntityTrait,
    E::Model: Serialize,
{
    let mut query = E::find().filter(condition);
    for key in E::PrimaryKey::iter() {
        query = query.order_by_asc(key.into_column());
    }
    query
        .all(db)
        .await?
        .into_iter()
        .map(|model| match serde_json::to_value(model) {
            Ok(serde_json::Value::Object(row)) => Ok(row),
            Ok(_) => Err(DbErr::Custom("a row is not an object".to_owned())),
            Err(error) => Err(DbErr::Custom(error.to_string())),
        })
        .collect()
}

/// Inserts rows of `E` (their `id`, when they have one, chosen by the database). Returns the
/// new ids in order when `returning`, else nothing (many rows per statement).
async fn insert_rows<E>(
    db: &impl ConnectionTrait,
    rows: Vec<Row>,
    has_id: bool,
    returning: bool,
) -> Result<Vec<i64>, RowError>
where
    E: EntityTrait,
    E::Model: DeserializeOwned + IntoActiveModel<E::ActiveModel>,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    <E::PrimaryKey as sea_orm::PrimaryKeyTrait>::ValueType: Into<i64>,
{
    let mut models = Vec::with_capacity(rows.len());
    for (index, mut row) in rows.into_iter().enumerate() {
        if has_id {
            // A placeholder the database replaces: the model needs one to deserialise.
            row.insert("id".to_owned(), 0.into());
        }
        let model: E::Model = serde_json::from_value(serde_json::Value::Object(row))
            .map_err(|error| RowError::Shape(index, error.to_string()))?;
        let mut active = model.into_active_model();
        if has_id {
            for key in E::PrimaryKey::iter() {
                active.not_set(key.into_column());
            }
        }
        models.push(active);
    }
    if returning {
        let mut ids = Vec::with_capacity(models.len());
        for active in models {
            ids.push(E::insert(active).exec(db).await?.last_insert_id.into());
        }
        return Ok(ids);
    }
    // 100 rows a statement stays far below both engines' limit on bound values.
    let mut models = models.into_iter().peekable();
    while models.peek().is_some() {
        let chunk: Vec<_> = models.by_ref().take(100).collect();
        E::insert_many(chunk).exec_without_returning(db).await?;
    }
    Ok(Vec::new())
}

/// Why rows could not be written.
#[derive(Debug)]
pub enum RowError {
    /// Row `index` does not have the table's columns and types.
    Shape(usize, String),
    Db(DbErr),
}

impl From<DbErr> for RowError {
    fn from(error: DbErr) -> Self {
        RowError::Db(error)
    }
}

/// Calls `$action::<entity>` for the entity of table `$name`.
macro_rules! dispatch {
    ($name:expr, $action:ident ( $($arg:expr),* )) => {
        match $name {
            "app_user" => $action::<app_user::Entity>($($arg),*).await,
            "amap" => $action::<amap::Entity>($($arg),*).await,
            "adhesion_period" => $action::<adhesion_period::Entity>($($arg),*).await,
            "adhesion" => $action::<adhesion::Entity>($($arg),*).await,
            "membership" => $action::<membership::Entity>($($arg),*).await,
            "producer" => $action::<producer::Entity>($($arg),*).await,
            "producer_referent" => $action::<producer_referent::Entity>($($arg),*).await,
            "producer_user" => $action::<producer_user::Entity>($($arg),*).await,
            "product" => $action::<product::Entity>($($arg),*).await,
            "contract_template" => $action::<contract_template::Entity>($($arg),*).await,
            "payment_plan" => $action::<payment_plan::Entity>($($arg),*).await,
            "delivery_date" => $action::<delivery_date::Entity>($($arg),*).await,
            "delivery_notice" => $action::<delivery_notice::Entity>($($arg),*).await,
            "template_product" => $action::<template_product::Entity>($($arg),*).await,
            "entry_rule" => $action::<entry_rule::Entity>($($arg),*).await,
            "exclusion" => $action::<exclusion::Entity>($($arg),*).await,
            "stock_conversion" => $action::<stock_conversion::Entity>($($arg),*).await,
            "stock_limit" => $action::<stock_limit::Entity>($($arg),*).await,
            "subscription" => $action::<subscription::Entity>($($arg),*).await,
            "subscription_cell" => $action::<subscription_cell::Entity>($($arg),*).await,
            "subscription_joker" => $action::<subscription_joker::Entity>($($arg),*).await,
            "remittance" => $action::<remittance::Entity>($($arg),*).await,
            "cheque" => $action::<cheque::Entity>($($arg),*).await,
            "cheque_event" => $action::<cheque_event::Entity>($($arg),*).await,
            "duty_role" => $action::<duty_role::Entity>($($arg),*).await,
            "duty_period" => $action::<duty_period::Entity>($($arg),*).await,
            "duty_date" => $action::<duty_date::Entity>($($arg),*).await,
            "duty_participant" => $action::<duty_participant::Entity>($($arg),*).await,
            "duty_place" => $action::<duty_place::Entity>($($arg),*).await,
            "duty_absence" => $action::<duty_absence::Entity>($($arg),*).await,
            "duty_move" => $action::<duty_move::Entity>($($arg),*).await,
            other => unreachable!("table {other} is not in TABLES"),
        }
    };
}

/// The rows of `table` matching `condition`, in primary-key order.
pub async fn select(
    db: &impl ConnectionTrait,
    table: &Table,
    condition: SimpleExpr,
) -> Result<Vec<Row>, DbErr> {
    dispatch!(table.name, select_rows(db, condition))
}

/// Writes rows of `table`; see [`insert_rows`].
pub async fn insert(
    db: &impl ConnectionTrait,
    table: &Table,
    rows: Vec<Row>,
    returning: bool,
) -> Result<Vec<i64>, RowError> {
    dispatch!(table.name, insert_rows(db, rows, table.has_id, returning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_comes_after_those_it_refers_to() {
        for (position, table) in TABLES.iter().enumerate() {
            for (column, target) in table.refs {
                let target_position = TABLES
                    .iter()
                    .position(|t| t.name == *target)
                    .unwrap_or_else(|| panic!("{}.{column}: no table {target}", table.name));
                assert!(
                    target_position < position,
                    "{}.{column} refers to {target}, restored later",
                    table.name
                );
            }
        }
    }
}
