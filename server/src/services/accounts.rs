//! Accounts without a session: choosing a password from an invitation or a reset link, and
//! asking for such a link. Answers never tell whether an address has an account.

use crate::auth::password;
use crate::db::entities::{amap, app_user};
use crate::error::{AppError, AppResult};
use crate::mail::outbox::{self, NewMail};
use crate::mail::{Mailer, compose};
use crate::repo::{self, account_tokens};
use crate::state::AppState;
use app::domain::mail::{MailKind, TokenPurpose};
use app::domain::{AmapId, Email, Password, Problem, ProblemCode, UserId};
use app::i18n::Locale;
use chrono::{DateTime, Utc};
use sea_orm::ConnectionTrait;
use std::time::Instant;

/// The page a link in a mail opens; the secret rides in the query string, read once by the
/// page's form (the page is served `no-store` and sends no `Referer`).
pub const PASSWORD_PAGE: &str = "/mot-de-passe";

fn password_link(mailer: &Mailer, secret: &str) -> String {
    mailer.link(&format!("{PASSWORD_PAGE}?jeton={secret}"))
}

/// Queues `account`'s invitation to `amap` (in the caller's transaction): a link to choose
/// a password, valid a week. Call `Mailer::wake` after committing.
pub async fn invite(
    db: &impl ConnectionTrait,
    mailer: &Mailer,
    amap: &amap::Model,
    account: &app_user::Model,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let secret =
        account_tokens::issue(db, UserId(account.id), TokenPurpose::Invitation, None, now).await?;
    let content = compose::invitation(
        Locale::fr,
        &account.first_name,
        &amap.name,
        &account.email,
        &password_link(mailer, &secret),
    );
    let mail = NewMail {
        amap: Some(AmapId(amap.id)),
        kind: MailKind::Invitation,
        recipient: account.email.clone(),
        content,
    };
    outbox::enqueue(db, mailer, mail, now).await?;
    Ok(())
}

/// "Mot de passe oublié": mails a reset link when `raw_email` is an account that may log in.
/// The answer is the same either way; a flood is refused per client address (429) and
/// silently capped per e-mail address (so nobody can tell which addresses exist).
pub async fn request_reset(
    state: &AppState,
    raw_email: &str,
    client: Option<std::net::IpAddr>,
    locale: Locale,
) -> AppResult<()> {
    let email = Email::parse("email", raw_email).map_err(|p| AppError::Validation(vec![p]))?;
    let moment = Instant::now();
    if let Some(ip) = client {
        let key = ip.to_string();
        state
            .reset_throttle
            .by_client
            .check(&key, moment)
            .map_err(|retry_after| AppError::TooManyRequests { retry_after })?;
        state.reset_throttle.by_client.record_failure(&key, moment);
    }
    let address = email.as_str();
    if state
        .reset_throttle
        .by_address
        .check(address, moment)
        .is_err()
    {
        tracing::warn!("password reset: address over its hourly limit, nothing sent");
        return Ok(());
    }
    state
        .reset_throttle
        .by_address
        .record_failure(address, moment);
    let Some(account) = repo::users::find_by_email(&state.db, address).await? else {
        return Ok(());
    };
    if !account.operator && !repo::memberships::has_active(&state.db, account.id).await? {
        return Ok(());
    }
    let now = state.clock.now();
    let txn = repo::write_txn(&state.db).await?;
    let secret = account_tokens::issue(
        &txn,
        UserId(account.id),
        TokenPurpose::PasswordReset,
        None,
        now,
    )
    .await?;
    let content = compose::password_reset(
        locale,
        &account.first_name,
        &password_link(&state.mailer, &secret),
    );
    let mail = NewMail {
        amap: None,
        kind: MailKind::PasswordReset,
        recipient: account.email.clone(),
        content,
    };
    outbox::enqueue(&txn, &state.mailer, mail, now).await?;
    txn.commit().await?;
    state.mailer.wake();
    Ok(())
}

/// Chooses a password through an invitation or reset link: the link is used up, other such
/// links of the account end, and so does every session opened before (the token epoch).
/// Returns the account, whose e-mail the login page can then show.
pub async fn set_password_by_link(
    state: &AppState,
    secret: &str,
    password: Password,
) -> AppResult<app_user::Model> {
    let expired = || AppError::Validation(vec![Problem::new("token", ProblemCode::LinkExpired)]);
    let hash = password::hash(password.expose().to_owned()).await?;
    let now = state.clock.now();
    let txn = repo::write_txn(&state.db).await?;
    let token = account_tokens::find_usable(&txn, secret, now)
        .await?
        .filter(|t| TokenPurpose::from(t.purpose).sets_password())
        .ok_or_else(expired)?;
    if !account_tokens::use_once(&txn, token.id, now).await? {
        return Err(expired());
    }
    let user = UserId(token.user_id);
    repo::users::set_password_and_revoke(&txn, user.0, hash).await?;
    account_tokens::retire_password_links(&txn, user, now).await?;
    let account = repo::users::find(&txn, user).await?.ok_or_else(expired)?;
    txn.commit().await?;
    Ok(account)
}
