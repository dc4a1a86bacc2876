//! The commands the UI calls. Each is a thin call into the `zta` crate; the logic lives there.

pub mod cloudformation;
pub mod compliance;
pub mod deploy;
pub mod file;
pub mod report;
pub mod validate;
