//! Reports for ZTA Designer: one report model (design, findings with their evidence
//! chains, compliance matrices, zero-trust scores, PCI scope) built from a design and
//! its validation, and renderers that present it as PDF, JSON and Markdown.
//!
//! **Invariant:** rendering does no I/O; callers write the bytes where they want them.

pub mod error;
pub mod json;
pub mod markdown;
pub mod model;
pub mod pdf;

pub use error::{Error, Result};
pub use model::Report;
pub use pdf::Paper;
