//! Values that identify people and AMAPs, each parsed once at the edge.
//!
//! Constructors trim, normalise and check; a value of these types is always valid.

use super::problem::{Problem, ProblemCode};
use serde::{Deserialize, Serialize};

/// Bounded free text: trimmed, non-empty, at most `max` characters.
fn bounded_text(field: &str, raw: &str, max: u32) -> Result<String, Problem> {
    let text = raw.trim();
    if text.is_empty() {
        return Err(Problem::new(field, ProblemCode::Required));
    }
    if text.chars().count() > max as usize {
        return Err(Problem::with_limit(field, ProblemCode::TooLong, max));
    }
    Ok(text.to_owned())
}

macro_rules! text_newtype {
    ($(#[$doc:meta])* $name:ident, $max:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub const MAX_CHARS: u32 = $max;

            pub fn parse(field: &str, raw: &str) -> Result<Self, Problem> {
                bounded_text(field, raw, Self::MAX_CHARS).map(Self)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = String;
            fn try_from(raw: String) -> Result<Self, String> {
                Self::parse("value", &raw).map_err(|p| p.code.as_str().to_owned())
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

text_newtype!(
    /// A first or last name.
    PersonName,
    100
);
text_newtype!(
    /// The display name of an AMAP.
    AmapName,
    120
);
text_newtype!(
    /// The town an AMAP distributes in.
    City,
    120
);

/// A login e-mail address, stored lower-case so that logins ignore case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    /// RFC 5321 limits a forward path to 254 characters.
    pub const MAX_CHARS: u32 = 254;

    /// Accepts `local@domain.tld` shapes; the mail server has the last word on deliverability.
    pub fn parse(field: &str, raw: &str) -> Result<Self, Problem> {
        let email = raw.trim().to_lowercase();
        if email.is_empty() {
            return Err(Problem::new(field, ProblemCode::Required));
        }
        if email.chars().count() > Self::MAX_CHARS as usize {
            return Err(Problem::with_limit(
                field,
                ProblemCode::TooLong,
                Self::MAX_CHARS,
            ));
        }
        let valid = match email.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            }
            None => false,
        };
        if valid {
            Ok(Self(email))
        } else {
            Err(Problem::new(field, ProblemCode::InvalidEmail))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        Self::parse("email", &raw).map_err(|p| p.code.as_str().to_owned())
    }
}

impl From<Email> for String {
    fn from(value: Email) -> String {
        value.0
    }
}

/// A new password: long enough to resist guessing, short enough to hash cheaply.
///
/// Deliberately not `Serialize`/`Debug`-printing its content.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub const MIN_CHARS: u32 = 8;
    pub const MAX_CHARS: u32 = 128;

    pub fn parse(field: &str, raw: &str) -> Result<Self, Problem> {
        let count = raw.chars().count();
        if count == 0 {
            return Err(Problem::new(field, ProblemCode::Required));
        }
        if count < Self::MIN_CHARS as usize {
            return Err(Problem::with_limit(
                field,
                ProblemCode::TooShort,
                Self::MIN_CHARS,
            ));
        }
        if count > Self::MAX_CHARS as usize {
            return Err(Problem::with_limit(
                field,
                ProblemCode::TooLong,
                Self::MAX_CHARS,
            ));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(***)")
    }
}

/// The URL name of an AMAP (`/a/{slug}`): lower-case ASCII letters, digits and inner hyphens.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub const MIN_CHARS: u32 = 2;
    pub const MAX_CHARS: u32 = 40;

    pub fn parse(field: &str, raw: &str) -> Result<Self, Problem> {
        let slug = raw.trim();
        if slug.is_empty() {
            return Err(Problem::new(field, ProblemCode::Required));
        }
        if slug.len() > Self::MAX_CHARS as usize {
            return Err(Problem::with_limit(
                field,
                ProblemCode::TooLong,
                Self::MAX_CHARS,
            ));
        }
        if slug.len() < Self::MIN_CHARS as usize {
            return Err(Problem::with_limit(
                field,
                ProblemCode::TooShort,
                Self::MIN_CHARS,
            ));
        }
        let allowed = slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !allowed || slug.starts_with('-') || slug.ends_with('-') || slug.contains("--") {
            return Err(Problem::new(field, ProblemCode::InvalidSlug));
        }
        Ok(Self(slug.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = String;
    fn try_from(raw: String) -> Result<Self, String> {
        Self::parse("slug", &raw).map_err(|p| p.code.as_str().to_owned())
    }
}

impl From<Slug> for String {
    fn from(value: Slug) -> String {
        value.0
    }
}

impl std::fmt::Display for Slug {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        let email = Email::parse("email", "  Marie.Dupont@Example.FR ").expect("valid");
        assert_eq!(email.as_str(), "marie.dupont@example.fr");
    }

    #[test]
    fn malformed_emails_are_refused_with_their_reason() {
        for bad in [
            "marie",
            "marie@",
            "@example.fr",
            "marie@example",
            "a b@example.fr",
            "a@b@c.fr",
        ] {
            assert_eq!(
                Email::parse("email", bad).expect_err(bad).code,
                ProblemCode::InvalidEmail,
                "{bad}"
            );
        }
        assert_eq!(
            Email::parse("email", "  ").expect_err("blank").code,
            ProblemCode::Required
        );
        let long = format!("{}@example.fr", "a".repeat(250));
        let problem = Email::parse("email", &long).expect_err("too long");
        assert_eq!(
            (problem.code, problem.limit),
            (ProblemCode::TooLong, Some(254))
        );
    }

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            PersonName::parse("first_name", "  Élodie ")
                .expect("ok")
                .as_str(),
            "Élodie"
        );
        assert_eq!(
            PersonName::parse("first_name", "").expect_err("empty").code,
            ProblemCode::Required
        );
        // 100 accented characters are fine even though they take 200 bytes.
        assert!(PersonName::parse("last_name", &"é".repeat(100)).is_ok());
        assert_eq!(
            PersonName::parse("last_name", &"é".repeat(101))
                .expect_err("long")
                .limit,
            Some(100)
        );
    }

    #[test]
    fn passwords_have_bounds_and_never_print() {
        assert_eq!(
            Password::parse("password", "short")
                .expect_err("short")
                .code,
            ProblemCode::TooShort
        );
        let password = Password::parse("password", "correct horse").expect("ok");
        assert_eq!(format!("{password:?}"), "Password(***)");
    }

    #[test]
    fn slugs_are_url_safe() {
        assert!(Slug::parse("slug", "amap-des-4-vents").is_ok());
        for bad in ["Amap", "amap_x", "-amap", "amap-", "am--ap", "amapé"] {
            assert_eq!(
                Slug::parse("slug", bad).expect_err(bad).code,
                ProblemCode::InvalidSlug,
                "{bad}"
            );
        }
        assert_eq!(
            Slug::parse("slug", "a").expect_err("short").code,
            ProblemCode::TooShort
        );
    }

    proptest! {
        #[test]
        fn any_parsed_email_reparses_to_itself(local in "[a-z0-9._%+-]{1,30}", domain in "[a-z0-9-]{1,20}\\.[a-z]{2,6}") {
            let email = Email::parse("email", &format!("{local}@{domain}")).expect("valid shape");
            prop_assert_eq!(Email::parse("email", email.as_str()).expect("reparse"), email);
        }

        #[test]
        fn person_names_never_exceed_their_bound(raw in "\\PC{0,200}") {
            if let Ok(name) = PersonName::parse("n", &raw) {
                prop_assert!(name.as_str().chars().count() <= 100);
                prop_assert!(!name.as_str().is_empty());
                prop_assert_eq!(name.as_str().trim(), name.as_str());
            }
        }

        #[test]
        fn slugs_only_contain_url_safe_bytes(raw in "[a-zA-Z0-9_ -]{0,50}") {
            if let Ok(slug) = Slug::parse("slug", &raw) {
                prop_assert!(slug.as_str().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
        }
    }
}
