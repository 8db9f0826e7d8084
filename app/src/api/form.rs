//! How a failed form post travels back to its page when JavaScript is off.
//!
//! The server answers a plain HTML form post with a redirect to the form's page, carrying
//! the error kind and each field problem in the query string; the page reads them back
//! and shows the same messages the hydrated form would. Nothing but codes travels.

use super::error::{ApiError, ErrorKind};
use crate::domain::{Problem, ProblemCode};

/// After a failed plain form post, each posted field `name` comes back in the page's query
/// as `v.name=value`, so the form can be filled in again as it was.
pub const VALUE_PREFIX: &str = "v.";

/// The echoed values of a query string, by field name.
pub fn echoed_values<'a>(
    query: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> std::collections::BTreeMap<String, String> {
    query
        .into_iter()
        .filter_map(|(k, v)| Some((k.strip_prefix(VALUE_PREFIX)?.to_owned(), v.to_owned())))
        .collect()
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
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

    /// `error=validation&field=email:invalid_email&field=last_name:too_long:100`
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if let Some(kind) = self.kind {
            pairs.push(("error", kind.as_str().to_owned()));
        }
        for p in &self.fields {
            let limit = p.limit.map(|l| format!(":{l}")).unwrap_or_default();
            pairs.push(("field", format!("{}:{}{limit}", p.field, p.code.as_str())));
        }
        pairs
    }

    /// Reads what [`FormErrors::to_query`] wrote; anything unreadable is ignored.
    pub fn from_query(error: Option<&str>, fields: &[String]) -> Self {
        let fields = fields
            .iter()
            .filter_map(|raw| {
                let mut parts = raw.splitn(3, ':');
                let field = parts.next()?;
                let code = ProblemCode::parse(parts.next()?)?;
                let limit = parts.next().and_then(|l| l.parse().ok());
                Some(Problem {
                    field: field.to_owned(),
                    code,
                    limit,
                    detail: None,
                })
            })
            .collect();
        Self {
            kind: error.and_then(ErrorKind::parse),
            fields,
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
        Number(i64),
        Text(String),
    }
    match Option::<Raw>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Raw::Number(n)) => Ok(Some(T::from(n))),
        Some(Raw::Text(t)) if t.trim().is_empty() => Ok(None),
        Some(Raw::Text(t)) => t
            .trim()
            .parse::<i64>()
            .map(|n| Some(T::from(n)))
            .map_err(serde::de::Error::custom),
    }
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

    #[test]
    fn errors_survive_the_query_string() {
        let errors = FormErrors {
            kind: Some(ErrorKind::Validation),
            fields: vec![
                Problem::new("email", ProblemCode::InvalidEmail),
                Problem::with_limit("last_name", ProblemCode::TooLong, 100),
            ],
        };
        let pairs = errors.to_query();
        let error = pairs
            .iter()
            .find(|(k, _)| *k == "error")
            .map(|(_, v)| v.as_str());
        let fields: Vec<String> = pairs
            .iter()
            .filter(|(k, _)| *k == "field")
            .map(|(_, v)| v.clone())
            .collect();
        assert_eq!(FormErrors::from_query(error, &fields), errors);
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
