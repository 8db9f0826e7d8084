use super::super::prelude::*;
use crate::auth::session::removal_cookie;
use axum_extra::extract::cookie::CookieJar;

/// Log out: the browser forgets its session cookie.
///
/// Bearer tokens simply expire; API clients drop them.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", security(()),
    responses(
        (status = 204, description = "Session cookie removed"),
    ))]
pub async fn logout(jar: CookieJar) -> (CookieJar, StatusCode) {
    (jar.add(removal_cookie()), StatusCode::NO_CONTENT)
}
