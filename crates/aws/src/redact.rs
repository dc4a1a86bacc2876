//! Scrubbing of credential-shaped text from anything this crate lets out.
//!
//! The SDK's own messages do not carry secrets, but a service can echo a request back (S3's
//! `SignatureDoesNotMatch` names the access key id), and error chains from the credential
//! providers quote configuration. Every message that leaves this crate passes through
//! [`scrub`] first, so a secret that slips into one is replaced before a user, a log or a
//! design file sees it.

use std::sync::{PoisonError, RwLock};

/// The prefixes of AWS access key ids: long-term (`AKIA`) and temporary (`ASIA`).
const KEY_ID_PREFIXES: [&str; 2] = ["AKIA", "ASIA"];

/// The length of an access key id.
const KEY_ID_LENGTH: usize = 20;

/// Secret access keys are 40 characters of base64; session tokens are much longer. Any run
/// of base64 characters this long is treated as a secret.
const SECRET_MIN_LENGTH: usize = 40;

/// What replaces a scrubbed credential.
pub const REDACTED: &str = "[REDACTED]";

/// Shortest value remembered as a secret: shorter text (an empty token, a placeholder) would
/// scrub ordinary words.
const MIN_REMEMBERED_LENGTH: usize = 8;

/// The exact credential values resolved in this process, scrubbed wherever they appear.
static REMEMBERED: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Remembers a credential value (an access key id, a secret access key, a session token) so
/// that [`scrub`] replaces it exactly, whatever its shape.
pub fn remember_secret(value: &str) {
    if value.len() < MIN_REMEMBERED_LENGTH {
        return;
    }
    let mut remembered = REMEMBERED.write().unwrap_or_else(PoisonError::into_inner);
    if !remembered.iter().any(|known| known == value) {
        remembered.push(value.to_owned());
        // The longest first, so that a value containing another is replaced whole.
        remembered.sort_by_key(|known| std::cmp::Reverse(known.len()));
    }
}

/// Replaces the remembered credential values, access key ids and secret-shaped base64 runs in
/// `text` with [`REDACTED`].
pub fn scrub(text: &str) -> String {
    let mut exact = text.to_owned();
    for known in REMEMBERED
        .read()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
    {
        if exact.contains(known.as_str()) {
            exact = exact.replace(known.as_str(), REDACTED);
        }
    }
    scrub_patterns(&exact)
}

fn scrub_patterns(text: &str) -> String {
    let characters: Vec<char> = text.chars().collect();
    let mut scrubbed = String::with_capacity(text.len());
    let mut index = 0;
    while index < characters.len() {
        if !is_secret_char(characters[index]) {
            scrubbed.push(characters[index]);
            index += 1;
            continue;
        }
        let run_end = characters[index..]
            .iter()
            .position(|&character| !is_secret_char(character))
            .map_or(characters.len(), |offset| index + offset);
        let run: String = characters[index..run_end].iter().collect();
        if looks_like_credential(&run) {
            scrubbed.push_str(REDACTED);
        } else {
            scrubbed.push_str(&run);
        }
        index = run_end;
    }
    scrubbed
}

/// Whether `text` contains anything [`scrub`] would replace.
pub fn contains_credential(text: &str) -> bool {
    scrub(text) != text
}

fn is_secret_char(character: char) -> bool {
    character.is_ascii_alphanumeric() || matches!(character, '+' | '/' | '=')
}

fn looks_like_credential(run: &str) -> bool {
    // A run is split on the characters that cannot be part of a key id, so that an id
    // inside a path (`user/AKIA...`) is still found.
    let is_key_id = run.split(['/', '+', '=']).any(|part| {
        part.len() == KEY_ID_LENGTH
            && KEY_ID_PREFIXES
                .iter()
                .any(|prefix| part.starts_with(prefix))
            && part
                .chars()
                .all(|character| character.is_ascii_uppercase() || character.is_ascii_digit())
    });
    // Long base64 runs are secrets only when they mix character classes as random keys
    // do; a long run of one case (a resource name, a hex digest) is left alone. A random key
    // may lack digits, so a `/` or `+` counts as well (a long CamelCase name has neither).
    let is_secret = run.len() >= SECRET_MIN_LENGTH
        && run.chars().any(|character| character.is_ascii_uppercase())
        && run.chars().any(|character| character.is_ascii_lowercase())
        && run
            .chars()
            .any(|character| character.is_ascii_digit() || matches!(character, '/' | '+'));
    is_key_id || is_secret
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrubs_access_key_ids_and_secrets() {
        let message = "SignatureDoesNotMatch for AKIAZTAFAKEKEY000001 with \
                       wJalrXUtnFEMI/K7MDENG/bPxRfiCYZTAFAKESECRET1 and ASIAZTAFAKEKEY000002";
        let scrubbed = scrub(message);
        assert_eq!(
            scrubbed,
            "SignatureDoesNotMatch for [REDACTED] with [REDACTED] and [REDACTED]"
        );
    }

    #[test]
    fn keeps_ordinary_text_arns_and_digests() {
        let message = "Stack arn:aws:cloudformation:us-east-1:123456789012:stack/web/\
                       0b8c1e30-1d4f-11ef-9b9a-0a1b2c3d4e5f failed; template \
                       e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(scrub(message), message);
        assert!(!contains_credential(message));
    }

    #[test]
    fn scrubs_remembered_values_whatever_their_shape() {
        let secret = "onlylowercaselettersnodigitsatallinthissecretkey";
        assert_eq!(scrub(secret), secret, "no pattern matches it");
        remember_secret(secret);
        assert_eq!(scrub(&format!("key={secret}.")), "key=[REDACTED].");
        remember_secret("short");
        assert_eq!(scrub("short"), "short");
    }

    #[test]
    fn a_secret_without_digits_is_scrubbed_by_pattern() {
        let secret = "wJalrXUtnFEMIK/MDENGbPxRfiCYZTAFAKESECRETK";
        assert_eq!(scrub(&format!("got {secret}")), "got [REDACTED]");
        let name = "ThisIsAVeryLongCamelCaseResourceNameForTesting";
        assert_eq!(scrub(name), name);
    }

    #[test]
    fn finds_a_key_id_inside_a_path() {
        assert_eq!(scrub("users/AKIAZTAFAKEKEY000001/x"), "[REDACTED]");
    }
}
