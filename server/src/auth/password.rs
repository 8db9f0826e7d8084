//! argon2id password hashes (OWASP parameters: 19 MiB, 2 passes), computed off the async
//! runtime so a burst of logins never stalls other requests, and at most one per core at a
//! time: each computation holds 19 MiB, so a login storm queues instead of taking gigabytes.

use crate::error::AppError;
use anyhow::Context;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::LazyLock;
use tokio::sync::Semaphore;

/// One argon2 computation per core at the most.
static SLOTS: LazyLock<Semaphore> =
    LazyLock::new(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())));

/// Runs one argon2 computation on the blocking pool once a slot is free.
async fn limited<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let _slot = SLOTS.acquire().await.context("argon2 slots closed")?;
    Ok(tokio::task::spawn_blocking(work)
        .await
        .context("argon2 task")?)
}

fn hasher() -> Argon2<'static> {
    Argon2::new(Algorithm::Argon2id, Version::V0x13, Params::default())
}

pub fn hash_blocking(password: &str) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(hasher()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("hash: {e}"))?
        .to_string())
}

pub async fn hash(password: String) -> Result<String, AppError> {
    limited(move || hash_blocking(&password)).await?
}

/// A hash of nothing anyone knows, verified when the e-mail is unknown so that the answer
/// takes the same time whether or not an account exists.
static DECOY: LazyLock<Option<String>> =
    LazyLock::new(|| hash_blocking("decoy password, never valid").ok());

/// True when `password` matches `stored`; always spends one argon2 verification.
pub async fn verify(stored: Option<String>, password: String) -> Result<bool, AppError> {
    limited(move || {
        let (hash, real) = match stored {
            Some(hash) => (hash, true),
            None => (DECOY.clone().unwrap_or_default(), false),
        };
        let Ok(parsed) = PasswordHash::new(&hash) else {
            return false;
        };
        hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && real
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let stored = hash("correct horse battery".into()).await.expect("hash");
        assert!(stored.starts_with("$argon2id$"));
        assert!(
            verify(Some(stored.clone()), "correct horse battery".into())
                .await
                .expect("verify")
        );
        assert!(!verify(Some(stored), "wrong".into()).await.expect("verify"));
        assert!(
            !verify(None, "decoy password, never valid".into())
                .await
                .expect("verify")
        );
    }
}
