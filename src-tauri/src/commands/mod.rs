//! The commands the UI calls. Each is a thin call into the `zta` crate; the logic lives there.

pub mod file;
pub mod validate;
