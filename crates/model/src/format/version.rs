//! The schema-version gate.
//!
//! Version 1 is the first published format, so there is nothing to migrate from yet. When a
//! later version changes the format, its migration from the previous version is added here and
//! applied to the parsed document before typed deserialisation; until then an older or newer
//! version is refused with a message that says which build to use.

use crate::SCHEMA_VERSION;

/// Checks the `schema_version` a file declares; the error is the sentence to show the user.
pub fn check_schema_version(version: Option<u64>) -> Result<(), String> {
    match version {
        None => Err(format!(
            "missing `schema_version`; add `schema_version: {SCHEMA_VERSION}` at the top"
        )),
        Some(version) if version == u64::from(SCHEMA_VERSION) => Ok(()),
        Some(version) if version > u64::from(SCHEMA_VERSION) => Err(format!(
            "this design uses schema version {version}, written by a newer ZTA Designer; \
             this build reads version {SCHEMA_VERSION}: upgrade to open it"
        )),
        Some(version) => Err(format!(
            "unknown schema version {version}; this build reads version {SCHEMA_VERSION}"
        )),
    }
}
