//! Session tokens: HS256 JWTs carrying the user id, the account's token epoch, issued-at and
//! expiry. A token whose epoch is behind the account's is refused: raising the epoch (a new
//! password, "log out everywhere") ends every session at once.
//! Roles are not in the token: they are read per request, so a revoked role or a
//! deactivated member takes effect at once.

use crate::error::AppError;
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: i64,
    /// The account's `token_epoch` when the session was opened.
    #[serde(default)]
    pub ver: i32,
    pub iat: i64,
    pub exp: i64,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    lifetime: Duration,
}

impl TokenKeys {
    pub fn new(secret: &[u8], lifetime: Duration) -> Self {
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            lifetime,
        }
    }

    pub fn lifetime(&self) -> Duration {
        self.lifetime
    }

    pub fn issue(
        &self,
        user_id: i64,
        epoch: i32,
        now: DateTime<Utc>,
    ) -> Result<(String, DateTime<Utc>), AppError> {
        let expires = now + self.lifetime;
        let claims = Claims {
            sub: user_id,
            ver: epoch,
            iat: now.timestamp(),
            exp: expires.timestamp(),
        };
        let token = encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| anyhow::anyhow!("jwt: {e}"))?;
        Ok((token, expires))
    }

    /// The claims of a well-signed, unexpired token; `None` otherwise.
    pub fn verify(&self, token: &str) -> Option<Claims> {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = 0;
        decode::<Claims>(token, &self.decoding, &validation)
            .ok()
            .map(|data| data.claims)
    }

    /// Past half its life, a token is replaced on the next request.
    pub fn needs_renewal(&self, claims: &Claims, now: DateTime<Utc>) -> bool {
        claims.exp - now.timestamp() < self.lifetime.num_seconds() / 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_verify_only_with_their_key_and_before_expiry() {
        let keys = TokenKeys::new(b"0123456789abcdef0123456789abcdef", Duration::hours(1));
        let (token, _) = keys.issue(42, 0, Utc::now()).expect("issue");
        assert_eq!(keys.verify(&token).expect("valid").sub, 42);
        let other = TokenKeys::new(b"another secret, another secret!!", Duration::hours(1));
        assert!(other.verify(&token).is_none());
        let (old, _) = keys
            .issue(42, 0, Utc::now() - Duration::hours(2))
            .expect("issue");
        assert!(keys.verify(&old).is_none());
        let (tampered, _) = keys.issue(43, 0, Utc::now()).expect("issue");
        let forged = format!(
            "{}.{}",
            &tampered[..tampered.rfind('.').unwrap_or(0)],
            &token[token.rfind('.').unwrap_or(0) + 1..]
        );
        assert!(keys.verify(&forged).is_none());
    }

    #[test]
    fn renewal_starts_at_half_life() {
        let keys = TokenKeys::new(b"0123456789abcdef0123456789abcdef", Duration::hours(10));
        let now = Utc::now();
        let fresh = Claims {
            sub: 1,
            ver: 0,
            iat: now.timestamp(),
            exp: (now + Duration::hours(9)).timestamp(),
        };
        let old = Claims {
            sub: 1,
            ver: 0,
            iat: now.timestamp(),
            exp: (now + Duration::hours(4)).timestamp(),
        };
        assert!(!keys.needs_renewal(&fresh, now));
        assert!(keys.needs_renewal(&old, now));
    }
}
