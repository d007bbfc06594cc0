//! Encryption at rest, blind indexes, password hashing and random tokens.
//!
//! One 32-byte secret per deployment (kept outside the database) derives the field-encryption
//! key and the blind-index key, so a stolen database file alone reveals no NIR or IBAN.

use aes_gcm::{
    Aes256Gcm, Key, Nonce,
    aead::{Aead, KeyInit, Payload},
};
use argon2::{Algorithm, Argon2, Params, PasswordHash, PasswordHasher, PasswordVerifier, Version};
use base64::{Engine, engine::general_purpose::STANDARD};
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

type HmacSha256 = Hmac<Sha256>;

/// Why a secret or a ciphertext was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CryptoError {
    /// The configured secret is not base64 of 32 bytes.
    #[error(
        "the secret key must be 32 random bytes in base64 (generate one with `portail keygen`)"
    )]
    BadSecret,
    /// The secret is a well-known or degenerate value.
    #[error("the secret key is a default or trivial value; generate one with `portail keygen`")]
    WeakSecret,
    /// A stored value could not be decrypted with this key and context.
    #[error("a stored value could not be decrypted (wrong key or tampered data)")]
    Decrypt,
    /// The operating system's random generator failed.
    #[error("the system random generator failed")]
    Random,
    /// Password hashing failed.
    #[error("password hashing failed")]
    Hash,
}

/// The example value shown in the documentation; refused in production.
pub const DOCUMENTED_EXAMPLE_SECRET: &str = "cGxlYXNlLWdlbmVyYXRlLWEtcmVhbC1rZXktaGVyZSE=";

/// Derived keys of one deployment.
#[derive(Clone)]
pub struct Keys {
    field: Aes256Gcm,
    index: [u8; 32],
}

const CIPHER_VERSION: u8 = 1;
const NONCE_LEN: usize = 12;

impl Keys {
    /// Parses a base64 secret and refuses default or trivial ones.
    pub fn from_base64(secret: &str) -> Result<Keys, CryptoError> {
        let trimmed = secret.trim();
        if trimmed == DOCUMENTED_EXAMPLE_SECRET {
            return Err(CryptoError::WeakSecret);
        }
        let bytes = STANDARD
            .decode(trimmed)
            .map_err(|_| CryptoError::BadSecret)?;
        let secret: [u8; 32] = bytes.try_into().map_err(|_| CryptoError::BadSecret)?;
        let distinct = {
            let mut seen = secret.to_vec();
            seen.sort_unstable();
            seen.dedup();
            seen.len()
        };
        if distinct < 8 {
            return Err(CryptoError::WeakSecret);
        }
        Ok(Keys::from_secret(&secret))
    }

    /// Derives the keys from a 32-byte secret (HMAC-SHA256 with a label per purpose).
    pub fn from_secret(secret: &[u8; 32]) -> Keys {
        let field = derive(secret, b"portail/v1/field-encryption");
        let index = derive(secret, b"portail/v1/blind-index");
        Keys {
            field: Aes256Gcm::new(Key::<Aes256Gcm>::from_slice(&field)),
            index,
        }
    }

    /// Encrypts a value; `context` (table/column/row) is bound as associated data so a
    /// ciphertext copied to another row or column no longer decrypts.
    pub fn encrypt(&self, context: &str, plaintext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let nonce_bytes: [u8; NONCE_LEN] = random_bytes()?;
        let sealed = self
            .field
            .encrypt(
                Nonce::from_slice(&nonce_bytes),
                Payload {
                    msg: plaintext,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| CryptoError::Decrypt)?;
        let mut out = Vec::with_capacity(1 + NONCE_LEN + sealed.len());
        out.push(CIPHER_VERSION);
        out.extend_from_slice(&nonce_bytes);
        out.extend_from_slice(&sealed);
        Ok(out)
    }

    /// Decrypts a value sealed by [`Keys::encrypt`] with the same context.
    pub fn decrypt(&self, context: &str, blob: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if blob.len() < 1 + NONCE_LEN || blob[0] != CIPHER_VERSION {
            return Err(CryptoError::Decrypt);
        }
        let (nonce, sealed) = blob[1..].split_at(NONCE_LEN);
        self.field
            .decrypt(
                Nonce::from_slice(nonce),
                Payload {
                    msg: sealed,
                    aad: context.as_bytes(),
                },
            )
            .map_err(|_| CryptoError::Decrypt)
    }

    /// A keyed, deterministic digest for equality lookups (NIR at login) without storing the
    /// value in clear; `domain` separates indexes of different columns.
    pub fn blind_index(&self, domain: &str, value: &str) -> Vec<u8> {
        let mut mac = hmac_key(&self.index);
        mac.update(domain.as_bytes());
        mac.update(&[0]);
        mac.update(value.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

/// A fresh random secret in base64, for `portail keygen` and demo data folders.
pub fn generate_secret() -> Result<String, CryptoError> {
    let bytes: [u8; 32] = random_bytes()?;
    Ok(STANDARD.encode(bytes))
}

/// Bytes from the operating system's CSPRNG.
pub fn random_bytes<const N: usize>() -> Result<[u8; N], CryptoError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|_| CryptoError::Random)?;
    Ok(buf)
}

/// SHA-256 of a token, for storing session and reset tokens hashed.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// The `'sha256-…'` CSP source of an inline script.
pub fn csp_hash(script: &str) -> String {
    format!("'sha256-{}'", STANDARD.encode(sha256(script.as_bytes())))
}

/// Hashes a password with argon2id (m = 19456 KiB, t = 2, p = 1), as a PHC string.
pub fn hash_password(password: &str) -> Result<String, CryptoError> {
    let salt_bytes: [u8; 16] = random_bytes()?;
    let salt = argon2::password_hash::SaltString::encode_b64(&salt_bytes)
        .map_err(|_| CryptoError::Hash)?;
    argon2()?
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| CryptoError::Hash)
}

/// Checks a password against a PHC string; any malformed hash is a mismatch.
pub fn verify_password(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    argon2()
        .map(|a| a.verify_password(password.as_bytes(), &parsed).is_ok())
        .unwrap_or(false)
}

fn argon2() -> Result<Argon2<'static>, CryptoError> {
    let params = Params::new(19_456, 2, 1, None).map_err(|_| CryptoError::Hash)?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn derive(secret: &[u8; 32], label: &[u8]) -> [u8; 32] {
    let mut mac = hmac_key(secret);
    mac.update(label);
    mac.finalize().into_bytes().into()
}

// HMAC is defined for keys of every length, so this cannot fail.
#[allow(clippy::expect_used)]
fn hmac_key(key: &[u8]) -> HmacSha256 {
    <HmacSha256 as Mac>::new_from_slice(key).expect("HMAC accepts keys of any length")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys() -> Keys {
        Keys::from_secret(&[7u8; 32])
    }

    #[test]
    fn encrypted_value_round_trips_only_in_its_own_context() {
        let k = keys();
        let blob = k.encrypt("members.nir:1", b"295109912611193").unwrap();
        assert_ne!(&blob[1 + NONCE_LEN..], b"295109912611193");
        assert_eq!(
            k.decrypt("members.nir:1", &blob).unwrap(),
            b"295109912611193"
        );
        assert_eq!(k.decrypt("members.nir:2", &blob), Err(CryptoError::Decrypt));
        let other = Keys::from_secret(&[8u8; 32]);
        assert_eq!(
            other.decrypt("members.nir:1", &blob),
            Err(CryptoError::Decrypt)
        );
    }

    #[test]
    fn same_value_encrypts_differently_each_time() {
        let k = keys();
        assert_ne!(k.encrypt("c", b"x").unwrap(), k.encrypt("c", b"x").unwrap());
    }

    #[test]
    fn blind_index_is_deterministic_keyed_and_domain_separated() {
        let k = keys();
        assert_eq!(k.blind_index("nir", "1"), k.blind_index("nir", "1"));
        assert_ne!(k.blind_index("nir", "1"), k.blind_index("iban", "1"));
        assert_ne!(
            k.blind_index("nir", "1"),
            Keys::from_secret(&[9u8; 32]).blind_index("nir", "1")
        );
    }

    #[test]
    fn secrets_must_be_32_random_looking_bytes() {
        assert!(Keys::from_base64(&generate_secret().unwrap()).is_ok());
        assert_eq!(
            Keys::from_base64(DOCUMENTED_EXAMPLE_SECRET).err(),
            Some(CryptoError::WeakSecret)
        );
        assert_eq!(
            Keys::from_base64(&STANDARD.encode([0u8; 32])).err(),
            Some(CryptoError::WeakSecret)
        );
        assert_eq!(
            Keys::from_base64("c2hvcnQ=").err(),
            Some(CryptoError::BadSecret)
        );
        assert_eq!(
            Keys::from_base64("not base64!").err(),
            Some(CryptoError::BadSecret)
        );
    }

    #[test]
    fn password_hash_is_argon2id_with_the_baseline_parameters() {
        let phc = hash_password("correct horse battery staple").unwrap();
        assert!(phc.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{phc}");
        assert!(verify_password("correct horse battery staple", &phc));
        assert!(!verify_password("correct horse battery stapler", &phc));
        assert!(!verify_password("x", "not a hash"));
    }
}
