//! The flash cookie: what a plain form post leaves for the next page (errors, typed values,
//! a confirmation). JSON, deflated, base64url; HttpOnly, SameSite=Lax, two minutes, read and
//! cleared by the first page that follows. It never holds a password (the form layer does not
//! echo them) and it keeps typed values out of URLs and access logs.

use app::api::form::Flash;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use std::io::{Read, Write};

pub const COOKIE: &str = "amapola_flash";
/// Browsers keep cookies up to 4 KiB; beyond this the typed values are left out (the errors
/// always fit).
const MAX_COOKIE: usize = 3800;
/// A flash inflates to a few kilobytes; anything larger is not ours.
const MAX_INFLATED: u64 = 256 * 1024;
const LIFETIME_SECS: i64 = 120;

fn pack(flash: &Flash) -> Option<String> {
    let json = serde_json::to_vec(flash).ok()?;
    let mut encoder = DeflateEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(&json).ok()?;
    Some(URL_SAFE_NO_PAD.encode(encoder.finish().ok()?))
}

/// The cookie value for `flash`; a flash too big for a cookie loses its typed values.
pub fn encode(flash: &Flash) -> Option<String> {
    let packed = pack(flash)?;
    if packed.len() <= MAX_COOKIE {
        return Some(packed);
    }
    tracing::debug!(
        bytes = packed.len(),
        "flash too large for a cookie: typed values left out"
    );
    pack(&Flash {
        values: Default::default(),
        ..flash.clone()
    })
    .filter(|p| p.len() <= MAX_COOKIE)
}

pub fn decode(value: &str) -> Option<Flash> {
    let deflated = URL_SAFE_NO_PAD.decode(value).ok()?;
    let mut json = Vec::new();
    DeflateDecoder::new(deflated.as_slice())
        .take(MAX_INFLATED)
        .read_to_end(&mut json)
        .ok()?;
    serde_json::from_slice(&json).ok()
}

/// The `Set-Cookie` value carrying `flash`, if it can be carried.
pub fn set_cookie(flash: &Flash) -> Option<HeaderValue> {
    let value = encode(flash)?;
    let cookie = Cookie::build((COOKIE, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(time::Duration::seconds(LIFETIME_SECS))
        .build();
    cookie.to_string().parse().ok()
}

fn removal() -> Option<HeaderValue> {
    Cookie::build((COOKIE, ""))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(time::Duration::ZERO)
        .build()
        .to_string()
        .parse()
        .ok()
}

/// Around the pages: hands a flash to the page being rendered (as a request extension, which
/// the page reads from its request parts) and clears the cookie, so it is shown once.
pub async fn consume(mut request: Request, next: Next) -> Response {
    let carried = CookieJar::from_headers(request.headers())
        .get(COOKIE)
        .map(|c| c.value().to_owned());
    if let Some(flash) = carried.as_deref().and_then(decode) {
        request.extensions_mut().insert(flash);
    }
    let mut response = next.run(request).await;
    if carried.is_some()
        && let Some(removal) = removal()
    {
        response.headers_mut().append(header::SET_COOKIE, removal);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::api::ErrorKind;
    use app::api::form::FormErrors;
    use app::domain::{Problem, ProblemCode};

    fn failed(values: usize) -> Flash {
        Flash {
            form: Some("schedule".into()),
            errors: FormErrors {
                kind: Some(ErrorKind::Validation),
                fields: vec![Problem::new("payments.2026-12-17", ProblemCode::Overpaid)],
            },
            values: (0..values)
                .map(|i| (format!("q.2026-12-{:02}.{i}", i % 28 + 1), format!("{i}")))
                .collect(),
            notice: None,
        }
    }

    #[test]
    fn a_flash_survives_the_cookie() {
        let flash = failed(40);
        let value = encode(&flash).expect("fits");
        assert!(value.len() < MAX_COOKIE);
        assert_eq!(decode(&value), Some(flash));
    }

    #[test]
    fn a_huge_form_keeps_its_errors_and_drops_its_values() {
        let flash = failed(20_000);
        let kept = decode(&encode(&flash).expect("errors fit")).expect("decodes");
        assert_eq!(kept.errors, flash.errors);
        assert!(kept.values.is_empty());
    }

    #[test]
    fn garbage_is_no_flash() {
        assert_eq!(decode("not base64 at all!"), None);
        assert_eq!(decode(&URL_SAFE_NO_PAD.encode(b"plain bytes")), None);
    }
}
