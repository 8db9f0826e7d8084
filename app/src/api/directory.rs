//! *Liste des adhérents*: the AMAP's active members with the contact fields the reader may
//! see (an AMAP setting per field, `domain::directory`), and one's own contact details.

use super::client;
use super::error::ApiError;
use crate::domain::directory::{Address, DirectoryRules, Phone};
use crate::domain::{Problem, UserId};
use serde::{Deserialize, Serialize};

pub fn directory_path(slug: &str) -> String {
    format!("{}/amaps/{slug}/directory", super::BASE)
}

pub const MY_CONTACT: &str = "/api/v1/me/contact";

/// One member as the reader sees them: hidden fields are absent, not blank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DirectoryEntry {
    pub id: UserId,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    /// Each phone given (none shown when the reader may not see phones).
    pub phones: Vec<String>,
    pub address: Option<Address>,
    /// The reader's own line.
    pub me: bool,
    /// Inactive members are listed only when asked for (admins and treasurers).
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DirectoryView {
    /// Active members, in French alphabetical order of last then first name.
    pub entries: Vec<DirectoryEntry>,
    /// Who sees what here (the page says so).
    pub rules: DirectoryRules,
    /// The reader may list inactive members and download the list (admins, treasurers).
    pub may_manage: bool,
}

/// Which members the list holds: the active ones (everyone), or also the others (admins and
/// treasurers, `?status=inactive|all`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum MemberStatus {
    #[default]
    Active,
    Inactive,
    All,
}

impl MemberStatus {
    pub fn value(self) -> &'static str {
        match self {
            MemberStatus::Active => "active",
            MemberStatus::Inactive => "inactive",
            MemberStatus::All => "all",
        }
    }

    pub fn parse(raw: &str) -> Option<MemberStatus> {
        [
            MemberStatus::Active,
            MemberStatus::Inactive,
            MemberStatus::All,
        ]
        .into_iter()
        .find(|s| s.value() == raw)
    }

    pub fn includes(self, active: bool) -> bool {
        match self {
            MemberStatus::Active => active,
            MemberStatus::Inactive => !active,
            MemberStatus::All => true,
        }
    }
}

/// "Mon compte": the phones and address a member keeps up to date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContactForm {
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 30,
            pattern = "^([ ]*\\+?[ .()/-]*([0-9][ .()/-]*){6,15})?$"
        )
    )]
    pub phone1: String,
    #[serde(default)]
    #[cfg_attr(
        feature = "ssr",
        schema(
            max_length = 30,
            pattern = "^([ ]*\\+?[ .()/-]*([0-9][ .()/-]*){6,15})?$"
        )
    )]
    pub phone2: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 200))]
    pub address: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 10))]
    pub postcode: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 100))]
    pub town: String,
}

/// A contact form whose every field is valid.
pub struct Contact {
    pub phone1: Phone,
    pub phone2: Phone,
    pub address: Address,
}

impl ContactForm {
    pub fn parse(&self) -> Result<Contact, Vec<Problem>> {
        let mut problems = Vec::new();
        let phone1 = Phone::parse("phone1", &self.phone1)
            .map_err(|p| problems.push(p))
            .ok();
        let phone2 = Phone::parse("phone2", &self.phone2)
            .map_err(|p| problems.push(p))
            .ok();
        let address = Address::parse(&self.address, &self.postcode, &self.town)
            .map_err(|mut p| problems.append(&mut p))
            .ok();
        match (phone1, phone2, address) {
            (Some(phone1), Some(phone2), Some(address)) if problems.is_empty() => Ok(Contact {
                phone1,
                phone2,
                address,
            }),
            _ => Err(problems),
        }
    }
}

pub async fn directory(slug: String, status: MemberStatus) -> Result<DirectoryView, ApiError> {
    let path = match status {
        MemberStatus::Active => directory_path(&slug),
        other => format!("{}?status={}", directory_path(&slug), other.value()),
    };
    client::get(path).await
}

pub async fn my_contact() -> Result<ContactForm, ApiError> {
    client::get(MY_CONTACT.to_owned()).await
}
