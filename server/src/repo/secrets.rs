use crate::db::entities::server_secret;
use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};

/// Returns the stored secret, creating it with `generate` the first time. Two servers
/// starting at once agree on one value: the insert does nothing if a row appeared meanwhile.
pub async fn get_or_create(
    db: &impl ConnectionTrait,
    name: &str,
    generate: impl FnOnce() -> String,
) -> Result<String, DbErr> {
    if let Some(row) = server_secret::Entity::find_by_id(name.to_owned())
        .one(db)
        .await?
    {
        return Ok(row.value);
    }
    server_secret::Entity::insert(server_secret::ActiveModel {
        name: Set(name.to_owned()),
        value: Set(generate()),
        created_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::column(server_secret::Column::Name)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    server_secret::Entity::find_by_id(name.to_owned())
        .one(db)
        .await?
        .map(|row| row.value)
        .ok_or_else(|| DbErr::RecordNotFound(name.to_owned()))
}
