//! Members of an AMAP and their roles (treasurers and admins).

use super::amaps::amap_path;
use super::client;
use super::directory::{Contact, ContactForm};
use super::error::ApiError;
use super::producers::ProducerRef;
use crate::domain::{Email, Password, PersonName, Problem, Problems, ProducerId, UserId};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RolesView {
    pub admin: bool,
    pub treasurer: bool,
    /// Coordinates the duty rota.
    #[serde(default)]
    pub coordinator: bool,
    pub referent_of: Vec<ProducerRef>,
    pub producer_of: Vec<ProducerRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MemberView {
    pub id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub active: bool,
    pub roles: RolesView,
    /// Phones and address, as the member keeps them (admins and treasurers see them all).
    pub contact: ContactForm,
    /// Has chosen a password (else an invitation is pending or was never sent).
    pub has_password: bool,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreateMemberForm {
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
        schema(required = true, max_length = 100, pattern = "^.*\\S.*$")
    )]
    pub first_name: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(required = true, max_length = 100, pattern = "^.*\\S.*$")
    )]
    pub last_name: String,
    /// Optional initial password; without one the account waits for a reset link.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(min_length = 8, max_length = 128))]
    pub password: Option<String>,
}

pub struct NewMember {
    pub email: Email,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub password: Option<Password>,
}

impl CreateMemberForm {
    pub fn parse(&self) -> Result<NewMember, Vec<Problem>> {
        let mut problems = Problems::new();
        let email = problems.take(Email::parse("email", &self.email));
        let first_name = problems.take(PersonName::parse("first_name", &self.first_name));
        let last_name = problems.take(PersonName::parse("last_name", &self.last_name));
        let password = match self.password.as_deref().filter(|p| !p.is_empty()) {
            Some(raw) => problems.take(Password::parse("password", raw)).map(Some),
            None => Some(None),
        };
        problems.finish(|| {
            Some(NewMember {
                email: email?,
                first_name: first_name?,
                last_name: last_name?,
                password: password?,
            })
        })
    }
}

/// A role that can be granted inside an AMAP.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    Admin,
    Treasurer,
    Referent,
    Producer,
    /// The duty rota's coordinator ("permanences").
    Coordinator,
}

/// Grant (`granted: true`) or revoke a role; référent and producer roles name a producer.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoleChangeForm {
    /// Required; an empty form field (nobody chosen yet) counts as absent.
    #[serde(default, deserialize_with = "super::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = i64, required = true))]
    pub member_id: Option<UserId>,
    /// Required; an empty form field (no role chosen yet) counts as absent.
    #[serde(default, deserialize_with = "super::form::blank_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = RoleKind, required = true))]
    pub role: Option<RoleKind>,
    /// Required for `referent` and `producer`; an empty form field counts as absent.
    #[serde(default, deserialize_with = "super::form::empty_as_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub producer_id: Option<ProducerId>,
    pub granted: bool,
    /// Granting `admin` needs this ticked (`true`, or `on` from a form): an admin can change
    /// everything, so the form never does it in one tap.
    #[serde(default, deserialize_with = "super::form::checkbox")]
    pub confirm_admin: bool,
}

/// A role change with its producer when the role needs one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleChange {
    Admin(bool),
    Treasurer(bool),
    Coordinator(bool),
    Referent(ProducerId, bool),
    Producer(ProducerId, bool),
}

impl RoleChange {
    /// Whether this change could cut its author off (see `domain::access::locks_oneself_out`).
    pub fn risk(self) -> Option<crate::domain::access::RiskyChange> {
        (self == RoleChange::Admin(false))
            .then_some(crate::domain::access::RiskyChange::RevokeAdmin)
    }

    pub fn kind(self) -> RoleKind {
        match self {
            RoleChange::Admin(_) => RoleKind::Admin,
            RoleChange::Treasurer(_) => RoleKind::Treasurer,
            RoleChange::Coordinator(_) => RoleKind::Coordinator,
            RoleChange::Referent(..) => RoleKind::Referent,
            RoleChange::Producer(..) => RoleKind::Producer,
        }
    }

    pub fn granted(self) -> bool {
        match self {
            RoleChange::Admin(on)
            | RoleChange::Treasurer(on)
            | RoleChange::Coordinator(on)
            | RoleChange::Referent(_, on)
            | RoleChange::Producer(_, on) => on,
        }
    }
}

/// Whose role changes, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RoleGrant {
    pub member: UserId,
    pub change: RoleChange,
}

impl RoleChangeForm {
    /// Every missing choice is named on its field: the member, the role, the producer a
    /// référent or producer role needs, the confirmation admin rights need.
    pub fn parse(&self) -> Result<RoleGrant, Vec<Problem>> {
        use crate::domain::ProblemCode;
        let mut problems = Problems::new();
        let required = |field| Problem::new(field, ProblemCode::Required);
        let member = self.member_id;
        if member.is_none() {
            problems.push(required("member_id"));
        }
        let producer = || self.producer_id.ok_or_else(|| required("producer_id"));
        let change = match self.role {
            None => Err(required("role")),
            Some(RoleKind::Admin) if self.granted && !self.confirm_admin => {
                Err(Problem::new("confirm_admin", ProblemCode::ConfirmAdmin))
            }
            Some(RoleKind::Admin) => Ok(RoleChange::Admin(self.granted)),
            Some(RoleKind::Treasurer) => Ok(RoleChange::Treasurer(self.granted)),
            Some(RoleKind::Coordinator) => Ok(RoleChange::Coordinator(self.granted)),
            Some(RoleKind::Referent) => producer().map(|p| RoleChange::Referent(p, self.granted)),
            Some(RoleKind::Producer) => producer().map(|p| RoleChange::Producer(p, self.granted)),
        };
        let change = problems.take(change);
        problems.finish(|| {
            Some(RoleGrant {
                member: member?,
                change: change?,
            })
        })
    }
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ActiveForm {
    pub active: bool,
}

/// An admin's correction of a member's name, e-mail and contact details.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MemberEditForm {
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
        schema(
            required = true,
            max_length = 100,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub first_name: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            required = true,
            max_length = 100,
            pattern = "^[^\\u0000-\\u001F\\u007F-\\u009F]*[^\\s\\u0000-\\u001F\\u007F-\\u009F][^\\u0000-\\u001F\\u007F-\\u009F]*$"
        )
    )]
    pub last_name: String,
    #[serde(flatten)]
    pub contact: ContactForm,
}

pub struct MemberEdit {
    pub email: Email,
    pub first_name: PersonName,
    pub last_name: PersonName,
    pub contact: Contact,
}

impl MemberEditForm {
    pub fn parse(&self) -> Result<MemberEdit, Vec<Problem>> {
        let mut problems = Problems::new();
        let email = problems.take(Email::parse("email", &self.email));
        let first_name = problems.take(PersonName::parse("first_name", &self.first_name));
        let last_name = problems.take(PersonName::parse("last_name", &self.last_name));
        let contact = match self.contact.parse() {
            Ok(contact) => Some(contact),
            Err(found) => {
                found.into_iter().for_each(|p| problems.push(p));
                None
            }
        };
        problems.finish(|| {
            Some(MemberEdit {
                email: email?,
                first_name: first_name?,
                last_name: last_name?,
                contact: contact?,
            })
        })
    }
}

/// Several members at once ("Désactiver la sélection"). JSON sends `member_ids`; an HTML
/// form ticks one `member_<id>` box per member instead (forms cannot send a list).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SelectionForm {
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(value_type = Vec<i64>, required = true, min_items = 1)
    )]
    pub member_ids: Vec<UserId>,
    #[serde(flatten)]
    #[cfg_attr(feature = "ssr", schema(ignore))]
    pub ticked: std::collections::BTreeMap<String, serde_json::Value>,
}

/// The tick box of one member in a selection form.
pub fn selection_box(member: UserId) -> String {
    format!("member_{member}")
}

impl SelectionForm {
    /// Every member chosen, either way; none is a problem on `member_ids`.
    pub fn parse(&self) -> Result<Vec<UserId>, Vec<Problem>> {
        let mut ids = self.member_ids.clone();
        ids.extend(
            self.ticked
                .keys()
                .filter_map(|k| k.strip_prefix("member_")?.parse::<i64>().ok().map(UserId)),
        );
        ids.sort_unstable_by_key(|id| id.0);
        ids.dedup();
        if ids.is_empty() {
            return Err(vec![Problem::new(
                "member_ids",
                crate::domain::ProblemCode::Required,
            )]);
        }
        Ok(ids)
    }
}

/// What a selection form did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SelectionDone {
    pub changed: u32,
}

pub fn member_path(slug: &str, member: UserId) -> String {
    format!("{}/members/{member}", amap_path(slug))
}

pub fn deactivate_path(slug: &str) -> String {
    format!("{}/members/deactivate", amap_path(slug))
}

pub fn members_path(slug: &str) -> String {
    format!("{}/members", amap_path(slug))
}

pub fn roles_path(slug: &str) -> String {
    format!("{}/roles", amap_path(slug))
}

pub fn active_path(slug: &str, member: UserId) -> String {
    format!("{}/members/{member}/active", amap_path(slug))
}

pub async fn show(slug: String, member: UserId) -> Result<MemberView, ApiError> {
    client::get(member_path(&slug, member)).await
}

pub async fn list(slug: String) -> Result<Vec<MemberView>, ApiError> {
    client::get(members_path(&slug)).await
}

pub async fn change_role(slug: String, form: RoleChangeForm) -> Result<MemberView, ApiError> {
    client::post(roles_path(&slug), &form).await
}
