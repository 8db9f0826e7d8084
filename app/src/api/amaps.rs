//! AMAPs of a deployment and the caller's place in them.

use super::auth::UserView;
use super::client;
use super::error::ApiError;
use crate::domain::access::RoleLevel;
use crate::domain::{AmapName, City, Email, Problem, ProblemCode, Problems, Slug};
use serde::{Deserialize, Serialize};

pub fn amap_path(slug: &str) -> String {
    format!("{}/amaps/{slug}", super::BASE)
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AmapView {
    pub slug: String,
    pub name: String,
    pub city: String,
    pub time_zone: String,
    /// Where distributions happen (free text, may be empty).
    pub distribution_place: String,
    /// When they happen ("jeudi 18 h 30 – 19 h 30"), free text.
    pub distribution_hours: String,
    /// Days before a duty that its reminder mail leaves (0: no reminder).
    pub duty_reminder_days: u32,
    /// Offers to a stand-in close this many days before the duty.
    pub swap_close_days: u32,
}

/// One AMAP the caller belongs to, with their highest role there.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MembershipView {
    pub amap: AmapView,
    pub level: RoleLevel,
}

/// Who is calling, and where they belong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MeView {
    pub user: UserView,
    pub operator: bool,
    pub memberships: Vec<MembershipView>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreateAmapForm {
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, max_length = 120, pattern = "^.*\\S.*$")
    )]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, max_length = 120, pattern = "^.*\\S.*$")
    )]
    pub city: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            min_length = 2,
            max_length = 40,
            pattern = "^[a-z0-9]+(-[a-z0-9]+)*$"
        )
    )]
    pub slug: String,
    /// IANA name; Europe/Paris when absent.
    #[serde(default)]
    pub time_zone: Option<String>,
    /// An existing account to make the first admin.
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 254,
            pattern = "^[^@\\s\\u0000-\\u001F\\u007F-\\u009F]+@[^@\\s.\\u0000-\\u001F\\u007F-\\u009F][^@\\s\\u0000-\\u001F\\u007F-\\u009F]*\\.[^@\\s\\u0000-\\u001F\\u007F-\\u009F]*[^@\\s.\\u0000-\\u001F\\u007F-\\u009F]$"
        )
    )]
    pub admin_email: Option<String>,
}

/// A parsed [`CreateAmapForm`]; the time zone name is checked by the server against its database.
pub struct NewAmap {
    pub name: AmapName,
    pub city: City,
    pub slug: Slug,
    pub time_zone: String,
    pub admin_email: Option<Email>,
}

pub const DEFAULT_TIME_ZONE: &str = "Europe/Paris";

impl CreateAmapForm {
    pub fn parse(&self) -> Result<NewAmap, Vec<Problem>> {
        let mut problems = Problems::new();
        let name = problems.take(AmapName::parse("name", &self.name));
        let city = problems.take(City::parse("city", &self.city));
        let slug = problems.take(Slug::parse("slug", &self.slug));
        let admin_email = match self
            .admin_email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
        {
            Some(raw) => problems.take(Email::parse("admin_email", raw)).map(Some),
            None => Some(None),
        };
        let time_zone = self
            .time_zone
            .as_deref()
            .map(str::trim)
            .filter(|tz| !tz.is_empty())
            .unwrap_or(DEFAULT_TIME_ZONE)
            .to_owned();
        problems.finish(|| {
            Some(NewAmap {
                name: name?,
                city: city?,
                slug: slug?,
                time_zone,
                admin_email: admin_email?,
            })
        })
    }
}

/// An AMAP's settings as an admin edits them.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AmapSettingsForm {
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, max_length = 120, pattern = "^.*\\S.*$")
    )]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, max_length = 120, pattern = "^.*\\S.*$")
    )]
    pub city: String,
    /// IANA name ("Europe/Paris"); the server checks it exists.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(required = true, max_length = 64))]
    pub time_zone: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 200, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub distribution_place: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(max_length = 100, pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*$")
    )]
    pub distribution_hours: String,
    /// Days before each duty that the people on duty get a reminder, 0 to
    /// [`REMINDER_DAYS_MAX`] (0: none); absent: unchanged.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^(0?[0-9]|1[0-4])$"))]
    pub duty_reminder_days: Option<String>,
    /// Offers to a stand-in close this many days before the duty, 0 to
    /// [`REMINDER_DAYS_MAX`]; absent: unchanged.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^(0?[0-9]|1[0-4])$"))]
    pub swap_close_days: Option<String>,
}

/// The longest a duty reminder can leave ahead (two weeks: further is no reminder).
pub const REMINDER_DAYS_MAX: u32 = 14;

/// A parsed [`AmapSettingsForm`].
pub struct AmapSettings {
    pub name: AmapName,
    pub city: City,
    pub time_zone: String,
    pub distribution_place: String,
    pub distribution_hours: String,
    /// None: keep what is stored.
    pub duty_reminder_days: Option<u32>,
    pub swap_close_days: Option<u32>,
}

impl AmapSettingsForm {
    pub fn parse(&self) -> Result<AmapSettings, Vec<Problem>> {
        let mut problems = Problems::new();
        let name = problems.take(AmapName::parse("name", &self.name));
        let city = problems.take(City::parse("city", &self.city));
        let time_zone = self.time_zone.trim();
        if time_zone.is_empty() {
            problems.push(Problem::new("time_zone", ProblemCode::Required));
        }
        let place = super::templates::fields::text(
            &mut problems,
            "distribution_place",
            &self.distribution_place,
            200,
            false,
        );
        let hours = super::templates::fields::text(
            &mut problems,
            "distribution_hours",
            &self.distribution_hours,
            100,
            false,
        );
        let reminder = days(
            &mut problems,
            "duty_reminder_days",
            &self.duty_reminder_days,
        );
        let swap_close = days(&mut problems, "swap_close_days", &self.swap_close_days);
        problems.finish(|| {
            Some(AmapSettings {
                name: name?,
                city: city?,
                time_zone: time_zone.to_owned(),
                distribution_place: place,
                distribution_hours: hours,
                duty_reminder_days: reminder?,
                swap_close_days: swap_close?,
            })
        })
    }
}

/// An optional count of days: absent is `Some(None)` (unchanged), present must be 0 to
/// [`REMINDER_DAYS_MAX`].
fn days(problems: &mut Problems, field: &str, raw: &Option<String>) -> Option<Option<u32>> {
    match raw.as_deref().map(str::trim) {
        None => Some(None),
        Some("") => {
            problems.push(Problem::new(field, ProblemCode::Required));
            None
        }
        Some(raw) => {
            super::templates::fields::number(problems, field, raw, REMINDER_DAYS_MAX).map(Some)
        }
    }
}

pub async fn amap(slug: String) -> Result<AmapView, ApiError> {
    client::get(amap_path(&slug)).await
}

pub async fn me() -> Result<MeView, ApiError> {
    client::get(format!("{}/me", super::BASE)).await
}
