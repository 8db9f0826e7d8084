//! Accounts: choosing a password from an invitation or a reset link, and asking for such a
//! link (answers never tell whether an address has an account); changing one's password or
//! e-mail address from *Mon compte* (the current password first; a new address is used
//! only once its link is followed).

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

/// The page a link in a mail opens; the secret rides in the query string, read once by the
/// page's form (the page is served `no-store` and sends no `Referer`).
pub const PASSWORD_PAGE: &str = "/mot-de-passe";

fn password_link(mailer: &Mailer, secret: &str) -> String {
    mailer.link(&format!("{PASSWORD_PAGE}?jeton={secret}"))
}

/// The page a new address's confirmation link opens (it asks before changing anything: mail
/// scanners follow links).
pub const EMAIL_PAGE: &str = "/confirmer-email";

/// Checks the password the person typed as their current one, throttled like logins (the
/// form must not become a way to guess it). A wrong one is a problem on `current_password`.
async fn check_current(state: &AppState, account: &app_user::Model, typed: &str) -> AppResult<()> {
    let key = account.email.as_str();
    let (db, now) = (&state.db, state.clock.now());
    state.throttle.by_address.check(db, key, now).await?;
    if password::verify(account.password_hash.clone(), typed.to_owned()).await? {
        return Ok(());
    }
    state.throttle.by_address.record(db, key, now).await?;
    Err(AppError::field(Problem::new(
        "current_password",
        ProblemCode::WrongPassword,
    )))
}

/// A new password for oneself: every session and link issued before ends (the token epoch
/// moves on); the caller opens a fresh session for the device that asked. Returns the
/// account as it now is.
pub async fn change_password(
    state: &AppState,
    account: &app_user::Model,
    current: &str,
    new: Password,
) -> AppResult<app_user::Model> {
    check_current(state, account, current).await?;
    let hash = password::hash(new.expose().to_owned()).await?;
    let now = state.clock.now();
    let txn = repo::write_txn(&state.db).await?;
    repo::users::set_password_and_revoke(&txn, account.id, hash).await?;
    account_tokens::retire_password_links(&txn, UserId(account.id), now).await?;
    let account = repo::users::find(&txn, UserId(account.id))
        .await?
        .ok_or(AppError::Unauthenticated)?;
    txn.commit().await?;
    Ok(account)
}

/// Asks to log in with another address: a link is mailed to it; nothing changes before it
/// is followed. An address another account uses is refused (409 on `new_email`).
pub async fn request_email_change(
    state: &AppState,
    account: &app_user::Model,
    new_email: &Email,
    current: &str,
    locale: Locale,
) -> AppResult<()> {
    check_current(state, account, current).await?;
    let taken = || AppError::ConflictOn(vec![Problem::new("new_email", ProblemCode::Taken)]);
    if new_email.as_str() == account.email {
        return Err(taken());
    }
    if repo::users::find_by_email(&state.db, new_email.as_str())
        .await?
        .is_some()
    {
        return Err(taken());
    }
    let now = state.clock.now();
    let txn = repo::write_txn(&state.db).await?;
    let secret = account_tokens::issue(
        &txn,
        UserId(account.id),
        TokenPurpose::EmailChange,
        Some(new_email.as_str().to_owned()),
        now,
    )
    .await?;
    let link = state.mailer.link(&format!("{EMAIL_PAGE}?jeton={secret}"));
    let content = compose::email_change(locale, &account.first_name, new_email.as_str(), &link);
    let mail = NewMail::new(
        None,
        MailKind::EmailChange,
        new_email.as_str().to_owned(),
        content,
    );
    outbox::enqueue(&txn, &state.mailer, mail, now).await?;
    txn.commit().await?;
    state.mailer.wake();
    Ok(())
}

/// Follows a new address's link: the account logs in with it from now on, and the old
/// address is told. Returns the new address. The link works once; an address taken
/// meanwhile is a 409.
pub async fn confirm_email_change(
    state: &AppState,
    secret: &str,
    locale: Locale,
) -> AppResult<String> {
    let expired = || AppError::Validation(vec![Problem::new("token", ProblemCode::LinkExpired)]);
    let now = state.clock.now();
    let txn = repo::write_txn(&state.db).await?;
    let token = account_tokens::find_usable(&txn, secret, now)
        .await?
        .filter(|t| TokenPurpose::from(t.purpose) == TokenPurpose::EmailChange)
        .ok_or_else(expired)?;
    let new_email = token.new_email.clone().ok_or_else(expired)?;
    if !account_tokens::use_once(&txn, token.id, now).await? {
        return Err(expired());
    }
    let account = repo::users::find(&txn, UserId(token.user_id))
        .await?
        .ok_or_else(expired)?;
    if repo::users::find_by_email(&txn, &new_email)
        .await?
        .is_some()
    {
        return Err(AppError::ConflictOn(vec![Problem::new(
            "token",
            ProblemCode::Taken,
        )]));
    }
    repo::users::set_identity(
        &txn,
        account.id,
        &new_email,
        &account.first_name,
        &account.last_name,
    )
    .await
    .map_err(super::members::taken_meanwhile("token"))?;
    // Links mailed to the old address (a reset, another change) no longer open the account.
    account_tokens::retire_all_links(&txn, UserId(account.id), now).await?;
    let content = compose::email_changed(locale, &account.first_name, &new_email);
    let notice = NewMail::new(None, MailKind::EmailChange, account.email.clone(), content);
    outbox::enqueue(&txn, &state.mailer, notice, now).await?;
    txn.commit().await?;
    state.mailer.wake();
    Ok(new_email)
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
    let mail = NewMail::new(
        Some(AmapId(amap.id)),
        MailKind::Invitation,
        account.email.clone(),
        content,
    );
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
    let (db, moment) = (&state.db, state.clock.now());
    if let Some(ip) = client {
        let key = ip.to_string();
        state
            .reset_throttle
            .by_client
            .check(db, &key, moment)
            .await?;
        state
            .reset_throttle
            .by_client
            .record(db, &key, moment)
            .await?;
    }
    let address = email.as_str();
    if state
        .reset_throttle
        .by_address
        .check(db, address, moment)
        .await
        .is_err()
    {
        tracing::warn!("password reset: address over its hourly limit, nothing sent");
        return Ok(());
    }
    state
        .reset_throttle
        .by_address
        .record(db, address, moment)
        .await?;
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
    let mail = NewMail::new(
        None,
        MailKind::PasswordReset,
        account.email.clone(),
        content,
    );
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
