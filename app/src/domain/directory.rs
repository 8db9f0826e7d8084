//! The member list (*Liste des adhérents*): which contact fields each reader sees, and the
//! contact values themselves, parsed once.
//!
//! As in AmapJ, each AMAP chooses per field who sees it: every member, référents and up
//! (treasurers and admins included), or nobody. A person always sees their own fields, and
//! the managers' list (`Action::ListMembers`) is not the directory: it shows everything to
//! those who manage members.

use super::access::{Grants, RoleLevel};
use super::names::names;
use super::problem::{Problem, ProblemCode};
use serde::{Deserialize, Serialize};

/// Who sees one contact field in the member list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Everyone,
    Referents,
    Nobody,
}

names!(Visibility {
    Everyone = "everyone",
    Referents = "referents",
    Nobody = "nobody",
});

/// A contact field of the member list whose visibility is a setting (names always show).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactField {
    Email,
    /// Both phone numbers.
    Phone,
    /// Street address, postcode and town.
    Address,
}

/// The AMAP's choice for each contact field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DirectoryRules {
    pub email: Visibility,
    pub phone: Visibility,
    pub address: Visibility,
}

impl Default for DirectoryRules {
    /// AmapJ's defaults: e-mail and phones for every member, the address for référents.
    fn default() -> Self {
        Self {
            email: Visibility::Everyone,
            phone: Visibility::Everyone,
            address: Visibility::Referents,
        }
    }
}

impl DirectoryRules {
    pub fn of(&self, field: ContactField) -> Visibility {
        match field {
            ContactField::Email => self.email,
            ContactField::Phone => self.phone,
            ContactField::Address => self.address,
        }
    }

    /// Whether `reader` sees `field` of an entry (`own_entry`: their own).
    pub fn shows(&self, reader: &Grants, field: ContactField, own_entry: bool) -> bool {
        if own_entry {
            return true;
        }
        // Only people of this AMAP read its list (an operator administers every AMAP).
        if !reader.member && !reader.operator {
            return false;
        }
        match self.of(field) {
            Visibility::Everyone => true,
            Visibility::Referents => reader.level() >= RoleLevel::Referent,
            Visibility::Nobody => false,
        }
    }
}

/// Optional free text: trimmed; empty is allowed; at most `max` characters.
fn optional_text(field: &str, raw: &str, max: u32) -> Result<String, Problem> {
    let text = raw.trim();
    if text.chars().count() > max as usize {
        return Err(Problem::with_limit(field, ProblemCode::TooLong, max));
    }
    Ok(text.to_owned())
}

/// A phone number as people write it ("06 12 34 56 78", "+33 6 12 34 56 78"): digits and
/// the usual separators, 6 to 15 digits. A French ten-digit number is stored in pairs, so
/// that the list reads the same whoever typed it. Empty means "none".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl Phone {
    pub const MAX_CHARS: u32 = 30;

    pub fn parse(field: &str, raw: &str) -> Result<Self, Problem> {
        let text = optional_text(field, raw, Self::MAX_CHARS)?;
        if text.is_empty() {
            return Ok(Self::default());
        }
        let allowed = |c: char| c.is_ascii_digit() || " .-/()+".contains(c);
        let digits: String = text.chars().filter(char::is_ascii_digit).collect();
        let plus_first = text.find('+').is_none_or(|at| at == 0) && text.matches('+').count() <= 1;
        if !text.chars().all(allowed) || !plus_first || !(6..=15).contains(&digits.len()) {
            return Err(Problem::new(field, ProblemCode::InvalidPhone));
        }
        if digits.len() == 10 && digits.starts_with('0') && !text.starts_with('+') {
            let pairs: Vec<&str> = (0..5).map(|i| &digits[2 * i..2 * i + 2]).collect();
            return Ok(Self(pairs.join(" ")));
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The `tel:` link target: the digits, with the leading `+` if any.
    pub fn dial(&self) -> String {
        self.0
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect()
    }
}

impl TryFrom<String> for Phone {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        Self::parse("phone", &raw).map_err(|p| p.code.as_str().to_owned())
    }
}

impl From<Phone> for String {
    fn from(value: Phone) -> String {
        value.0
    }
}

/// A postal address, every part optional (AmapJ's adresse, code postal, ville).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Address {
    pub street: String,
    pub postcode: String,
    pub town: String,
}

impl Address {
    pub const STREET_MAX: u32 = 200;
    pub const POSTCODE_MAX: u32 = 10;
    pub const TOWN_MAX: u32 = 100;

    /// Parses the three fields, reporting every problem (fields `address`, `postcode`, `town`).
    pub fn parse(street: &str, postcode: &str, town: &str) -> Result<Self, Vec<Problem>> {
        let street = optional_text("address", street, Self::STREET_MAX);
        let postcode = optional_text("postcode", postcode, Self::POSTCODE_MAX);
        let town = optional_text("town", town, Self::TOWN_MAX);
        match (street, postcode, town) {
            (Ok(street), Ok(postcode), Ok(town)) => Ok(Self {
                street,
                postcode,
                town,
            }),
            (street, postcode, town) => Err([street.err(), postcode.err(), town.err()]
                .into_iter()
                .flatten()
                .collect()),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.street.is_empty() && self.postcode.is_empty() && self.town.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ProducerId;
    use proptest::prelude::*;

    fn member() -> Grants {
        Grants {
            member: true,
            ..Grants::default()
        }
    }

    fn referent() -> Grants {
        Grants {
            referent_of: vec![ProducerId(1)],
            ..member()
        }
    }

    #[test]
    fn each_field_shows_to_whom_the_amap_chose() {
        let rules = DirectoryRules::default();
        assert!(rules.shows(&member(), ContactField::Email, false));
        assert!(rules.shows(&member(), ContactField::Phone, false));
        assert!(!rules.shows(&member(), ContactField::Address, false));
        assert!(rules.shows(&referent(), ContactField::Address, false));
        let producer = Grants {
            producer_of: vec![ProducerId(1)],
            ..member()
        };
        assert!(!rules.shows(&producer, ContactField::Address, false));
        let hidden = DirectoryRules {
            phone: Visibility::Nobody,
            ..rules
        };
        let admin = Grants {
            admin: true,
            ..member()
        };
        assert!(!hidden.shows(&admin, ContactField::Phone, false));
        assert!(hidden.shows(&member(), ContactField::Phone, true));
    }

    #[test]
    fn phones_read_the_same_whoever_typed_them() {
        for typed in [
            "0612345678",
            "06.12.34.56.78",
            " 06-12-34-56-78 ",
            "06 12 34 56 78",
        ] {
            assert_eq!(
                Phone::parse("phone1", typed).map(|p| p.as_str().to_owned()),
                Ok("06 12 34 56 78".to_owned()),
                "{typed}"
            );
        }
        let abroad = Phone::parse("phone1", "+32 470 12 34 56").expect("phone");
        assert_eq!(abroad.as_str(), "+32 470 12 34 56");
        assert_eq!(abroad.dial(), "+32470123456");
        assert_eq!(Phone::parse("phone1", "  "), Ok(Phone::default()));
        for bad in ["06 12 AB", "12345", "06+12345678", "0612345678901234567"] {
            assert_eq!(
                Phone::parse("phone1", bad).map_err(|p| p.code),
                Err(ProblemCode::InvalidPhone),
                "{bad}"
            );
        }
    }

    #[test]
    fn an_address_reports_every_overlong_part() {
        let long = "x".repeat(201);
        let problems = Address::parse(&long, "12345678901", "Lyon").expect_err("too long");
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["address", "postcode"]);
        assert!(Address::parse("", "", "").expect("empty").is_empty());
    }

    fn grants() -> impl Strategy<Value = Grants> {
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(member, admin, treasurer, referent, producer)| Grants {
                member,
                admin,
                treasurer,
                referent_of: if referent {
                    vec![ProducerId(1)]
                } else {
                    vec![]
                },
                producer_of: if producer {
                    vec![ProducerId(2)]
                } else {
                    vec![]
                },
                ..Grants::default()
            })
    }

    fn visibility() -> impl Strategy<Value = Visibility> {
        prop::sample::select(Visibility::ALL)
    }

    proptest! {
        /// Widening a field's visibility never hides it from anyone who saw it, and
        /// "nobody" hides another's field from every reader.
        #[test]
        fn visibility_is_ordered(reader in grants(), narrow in visibility(), wide in visibility()) {
            let rank = |v: Visibility| match v { Visibility::Nobody => 0, Visibility::Referents => 1, Visibility::Everyone => 2 };
            prop_assume!(rank(narrow) <= rank(wide));
            let with = |email| DirectoryRules { email, ..DirectoryRules::default() };
            if with(narrow).shows(&reader, ContactField::Email, false) {
                prop_assert!(with(wide).shows(&reader, ContactField::Email, false));
            }
            prop_assert!(!with(Visibility::Nobody).shows(&reader, ContactField::Email, false));
            prop_assert!(with(narrow).shows(&reader, ContactField::Email, true));
        }

        /// Whatever is typed, a phone either parses to something that parses to itself, or
        /// is refused with a field problem (never a panic).
        #[test]
        fn phones_are_stable(raw in "[0-9 .+()a-z-]{0,20}") {
            if let Ok(phone) = Phone::parse("phone1", &raw) {
                prop_assert_eq!(Phone::parse("phone1", phone.as_str()), Ok(phone.clone()));
            }
        }
    }
}
