//! Logging in and out.

use super::client;
use super::error::ApiError;
use crate::domain::{Email, Problem, ProblemCode, UserId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub const LOGIN: &str = "/api/v1/auth/login";
pub const LOGOUT: &str = "/api/v1/auth/logout";
pub const REFRESH: &str = "/api/v1/auth/refresh";

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
