use super::super::prelude::*;
use crate::auth::password;
use crate::auth::session::open_session;
use crate::http::client::ClientIp;
use crate::repo;
use app::api::auth::{LoginForm, SessionView};
use axum_extra::extract::cookie::CookieJar;

/// Log in with e-mail and password.
///
/// Sets the HttpOnly session cookie and returns the same token for API clients. Refused for
/// unknown e-mails and wrong passwords alike (same answer, same time), for people whose every
/// membership is inactive, and after repeated failures for the address or from the client.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginForm, security(()),
    responses(
        (status = 200, description = "Logged in", body = SessionView),
        (status = 401, description = "Wrong e-mail or password", body = ApiError),
        (status = 403, description = "Account inactive", body = ApiError),
        (status = 429, description = "Too many failed attempts for this address, or from this client", body = ApiError),
    ))]
pub async fn login(
    State(state): State<AppState>,
    ClientIp(client): ClientIp,
    jar: CookieJar,
    Input(form): Input<LoginForm>,
) -> AppResult<(CookieJar, Json<SessionView>)> {
    let attempt = form.parse().map_err(AppError::Validation)?;
    let key = attempt.email.as_str();
    let (db, now) = (&state.db, state.clock.now());
    state.throttle.check(db, key, client, now).await?;
    let account = repo::users::find_by_email(db, key).await?;
    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    let verified = password::verify(stored, attempt.password).await?;
    let Some(account) = account.filter(|_| verified) else {
        state.throttle.record_failure(db, key, client, now).await?;
        return Err(AppError::InvalidCredentials);
    };
    let session = open_session(&state, jar, &account).await?;
    state.throttle.clear(db, key).await?;
    Ok(session)
}
