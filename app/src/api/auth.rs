//! Logging in and out.

use super::client;
use super::error::ApiError;
use crate::domain::{Email, Problem, ProblemCode, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const LOGIN: &str = "/api/v1/auth/login";
pub const LOGOUT: &str = "/api/v1/auth/logout";
pub const REFRESH: &str = "/api/v1/auth/refresh";
pub const PASSWORD_RESET: &str = "/api/v1/auth/password-reset";
pub const PASSWORD_BY_LINK: &str = "/api/v1/auth/password";
pub const LOGOUT_EVERYWHERE: &str = "/api/v1/auth/logout-everywhere";

/// "Mot de passe oublié": the address to send a link to.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ResetRequestForm {
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 254,
            pattern = "^[^@\\s\\u0000-\\u001F\\u007F-\\u009F]+@[^@\\s.\\u0000-\\u001F\\u007F-\\u009F][^@\\s\\u0000-\\u001F\\u007F-\\u009F]*\\.[^@\\s\\u0000-\\u001F\\u007F-\\u009F]*[^@\\s.\\u0000-\\u001F\\u007F-\\u009F]$"
        )
    )]
    pub email: String,
}

/// A new password chosen through an invitation or reset link.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewPasswordForm {
    /// The secret from the link (`?jeton=`).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, max_length = 200))]
    pub token: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, min_length = 8, max_length = 128)
    )]
    pub password: String,
}

impl NewPasswordForm {
    pub fn parse(&self) -> Result<(String, crate::domain::Password), Vec<Problem>> {
        let mut problems = Vec::new();
        let token = self.token.trim();
        if token.is_empty() || token.len() > 200 {
            problems.push(Problem::new("token", ProblemCode::LinkExpired));
        }
        let password = crate::domain::Password::parse("password", &self.password)
            .map_err(|p| problems.push(p))
            .ok();
        match password {
            Some(password) if problems.is_empty() => Ok((token.to_owned(), password)),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LoginForm {
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 254,
            pattern = "^[^@\\s\\u0000-\\u001F\\u007F-\\u009F]+@[^@\\s.\\u0000-\\u001F\\u007F-\\u009F][^@\\s\\u0000-\\u001F\\u007F-\\u009F]*\\.[^@\\s\\u0000-\\u001F\\u007F-\\u009F]*[^@\\s.\\u0000-\\u001F\\u007F-\\u009F]$"
        )
    )]
    pub email: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, min_length = 1, max_length = 1024)
    )]
    pub password: String,
}

/// A login form whose fields are present and plausible; the password is checked by the server.
pub struct LoginAttempt {
    pub email: Email,
    pub password: String,
}

impl LoginForm {
    /// Refuses empty fields before anything is sent; a malformed e-mail is reported as such.
    pub fn parse(&self) -> Result<LoginAttempt, Vec<Problem>> {
        let mut problems = Vec::new();
        let email = Email::parse("email", &self.email)
            .map_err(|p| problems.push(p))
            .ok();
        if self.password.is_empty() {
            problems.push(Problem::new("password", ProblemCode::Required));
        } else if self.password.chars().count() > 1024 {
            problems.push(Problem::with_limit("password", ProblemCode::TooLong, 1024));
        }
        match email {
            Some(email) if problems.is_empty() => Ok(LoginAttempt {
                email,
                password: self.password.clone(),
            }),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct UserView {
    pub id: UserId,
    pub email: String,
    pub first_name: String,
    pub last_name: String,
}

impl UserView {
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// A session: the token is also set as an HttpOnly cookie; API clients send it as a Bearer.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SessionView {
    pub token: String,
    pub expires_at: DateTime<Utc>,
    pub user: UserView,
}

pub async fn login(form: LoginForm) -> Result<SessionView, ApiError> {
    client::post(LOGIN.to_owned(), &form).await
}

/// "Mon compte": change my password; the current one is asked first.
pub const MY_PASSWORD: &str = "/api/v1/me/password";
/// "Mon compte": change my e-mail address (confirmed by a link sent to the new one).
pub const MY_EMAIL: &str = "/api/v1/me/email";
/// The new address's link leads here (through the page that asks to confirm).
pub const CONFIRM_EMAIL: &str = "/api/v1/auth/email";

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PasswordChangeForm {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, max_length = 1024))]
    pub current_password: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, min_length = 8, max_length = 128)
    )]
    pub new_password: String,
}

/// The current password as typed (checked against the stored hash, never parsed further).
fn current(field: &str, raw: &str, problems: &mut Vec<Problem>) -> String {
    if raw.is_empty() {
        problems.push(Problem::new(field, ProblemCode::Required));
    } else if raw.chars().count() > 1024 {
        problems.push(Problem::with_limit(field, ProblemCode::TooLong, 1024));
    }
    raw.to_owned()
}

impl PasswordChangeForm {
    pub fn parse(&self) -> Result<(String, crate::domain::Password), Vec<Problem>> {
        let mut problems = Vec::new();
        let current = current("current_password", &self.current_password, &mut problems);
        let new = crate::domain::Password::parse("new_password", &self.new_password)
            .map_err(|p| problems.push(p))
            .ok();
        match new {
            Some(new) if problems.is_empty() => Ok((current, new)),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EmailChangeForm {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, max_length = 254))]
    pub new_email: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, max_length = 1024))]
    pub current_password: String,
}

impl EmailChangeForm {
    pub fn parse(&self) -> Result<(Email, String), Vec<Problem>> {
        let mut problems = Vec::new();
        let email = Email::parse("new_email", &self.new_email)
            .map_err(|p| problems.push(p))
            .ok();
        let current = current("current_password", &self.current_password, &mut problems);
        match email {
            Some(email) if problems.is_empty() => Ok((email, current)),
            _ => Err(problems),
        }
    }
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct EmailConfirmForm {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, max_length = 200))]
    pub token: String,
}
