//! How a form post answers a browser that is not running scripts (every form here: the
//! pages are server-rendered, islands only add live feedback while typing).
//!
//! The server answers a plain form post with a 303 redirect: to the form's `_next` page on
//! success, back to its `_back` page on failure. What the next page must show — the errors
//! beside their fields, what was typed, a confirmation — travels in a short-lived HttpOnly
//! cookie (the *flash*), never in the URL: typed values (a cheque number, a name) would
//! otherwise end up in browser history and access logs.

use super::error::{ApiError, ErrorKind};
use super::notice::Notice;
use crate::domain::Problem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Hidden field naming a form among the page's others, so that only that form shows the
/// errors and typed values a failed post brings back.
pub const FORM_MARK: &str = "form";

/// Hidden field of an HTML form asking for another verb than POST (`DELETE`, `PUT`, `PATCH`).
pub const METHOD_FIELD: &str = "_method";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormErrors {
    pub kind: Option<ErrorKind>,
    pub fields: Vec<Problem>,
}

impl FormErrors {
    pub fn from_api(error: &ApiError) -> Self {
        Self {
            kind: Some(error.kind),
            fields: error.fields.iter().map(|f| f.problem()).collect(),
        }
    }

    pub fn field(&self, name: &str) -> Option<&Problem> {
        self.fields.iter().find(|p| p.field == name)
    }

    pub fn is_empty(&self) -> bool {
        self.kind.is_none() && self.fields.is_empty()
    }
}

/// What a form post leaves for the page the browser is sent to next.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flash {
    /// The form that failed (its [`FORM_MARK`]), when it named itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    #[serde(default, skip_serializing_if = "FormErrors::is_empty")]
    pub errors: FormErrors,
    /// What was typed in the failed form, by field name (never passwords).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
    /// What a successful post did, said on the next page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<Notice>,
}

impl Flash {
    /// True when the failed post came from `form`.
    pub fn is_for(&self, form: &str) -> bool {
        self.form.as_deref() == Some(form)
    }

    /// The errors `form` should show first (none when another form failed).
    pub fn errors_for(&self, form: &str) -> FormErrors {
        if self.is_for(form) {
            self.errors.clone()
        } else {
            FormErrors::default()
        }
    }

    /// What was typed in `field` of `form` before the failed post.
    pub fn value(&self, form: &str, field: &str) -> Option<&str> {
        self.values
            .get(field)
            .filter(|_| self.is_for(form))
            .map(String::as_str)
    }

    /// The values typed in `form`, if it is the one that failed.
    pub fn values_for(&self, form: &str) -> BTreeMap<String, String> {
        if self.is_for(form) {
            self.values.clone()
        } else {
            BTreeMap::new()
        }
    }
}

/// Reads an optional id that JSON sends as a number and HTML forms as a (maybe empty) string.
pub fn empty_as_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: From<i64>,
{
    use serde::Deserialize;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        // Any id type reads whole numbers as JSON Schema means them (`808.0` too).
        Number(crate::domain::UserId),
        Text(String),
    }
    match Option::<Raw>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Raw::Number(n)) => Ok(Some(T::from(n.0))),
        Some(Raw::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(Raw::Text(t)) => t
            .trim()
            .parse::<i64>()
            .map(|n| Some(T::from(n)))
            .map_err(serde::de::Error::custom),
    }
}

/// Reads an optional choice (an enum named by a string) that an HTML form sends empty while
/// nothing is chosen.
pub fn blank_as_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::de::DeserializeOwned,
{
    use serde::Deserialize;
    use serde::de::IntoDeserializer;
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(t) if t.trim().is_empty() => Ok(None),
        Some(t) => {
            let value: serde::de::value::StringDeserializer<D::Error> = t.into_deserializer();
            T::deserialize(value).map(Some)
        }
    }
}

/// Reads a tick box that JSON sends as `true`/`false` and HTML forms as `on` (or not at all).
pub fn checkbox<'de, D>(deserializer: D) -> Result<bool, D::Error>
where
    D: serde::Deserializer<'de>,
{
    use serde::Deserialize;
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Flag(bool),
        Text(String),
    }
    Ok(match Option::<Raw>::deserialize(deserializer)? {
        None => false,
        Some(Raw::Flag(on)) => on,
        Some(Raw::Text(t)) => matches!(t.trim(), "on" | "true" | "1" | "yes"),
    })
}

/// Keeps redirects on this site: only absolute paths, never `//host` or a scheme.
pub fn local_path(candidate: Option<&str>, fallback: &str) -> String {
    match candidate {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && p.len() <= 512 =>
        {
            p.to_owned()
        }
        _ => fallback.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ProblemCode;

    #[test]
    fn a_flash_speaks_only_to_the_form_that_failed() {
        let flash = Flash {
            form: Some("price-3".into()),
            errors: FormErrors {
                kind: Some(ErrorKind::Validation),
                fields: vec![Problem::new("price", ProblemCode::InvalidAmount)],
            },
            values: [("price".to_owned(), "12,345".to_owned())].into(),
            notice: None,
        };
        assert_eq!(flash.value("price-3", "price"), Some("12,345"));
        assert_eq!(flash.value("price-4", "price"), None);
        assert!(flash.errors_for("price-4").is_empty());
        assert!(flash.errors_for("price-3").field("price").is_some());
        let json = serde_json::to_string(&Flash::default()).expect("serialises");
        assert_eq!(json, "{}", "an empty flash costs nothing");
    }

    #[test]
    fn redirects_stay_on_site() {
        assert_eq!(local_path(Some("/a/x?y=1"), "/"), "/a/x?y=1");
        for bad in ["//evil.example", "https://evil.example", "evil", "/\\evil"] {
            assert_eq!(local_path(Some(bad), "/"), "/", "{bad}");
        }
        assert_eq!(local_path(None, "/login"), "/login");
    }
}
