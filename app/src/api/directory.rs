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
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DirectoryView {
    /// Active members, in French alphabetical order of last then first name.
    pub entries: Vec<DirectoryEntry>,
    /// Who sees what here (the page says so).
    pub rules: DirectoryRules,
}

/// "Mon compte": the phones and address a member keeps up to date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ContactForm {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 30))]
    pub phone1: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 30))]
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

pub async fn directory(slug: String) -> Result<DirectoryView, ApiError> {
    client::get(directory_path(&slug)).await
}

pub async fn my_contact() -> Result<ContactForm, ApiError> {
    client::get(MY_CONTACT.to_owned()).await
}
