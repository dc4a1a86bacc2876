//! The file format: `NAME.zta.yaml` (JSON accepted on load), with a `schema_version`, a stable
//! order, and errors that name the file, line and column.

mod comments;
mod load;
mod save;
mod spans;
mod suggest;
mod version;

pub use comments::comments_after_header;
pub use load::load_str;
pub use save::{leading_comment, to_json, to_yaml};
pub use spans::{MAX_ALIAS_EXPANSION_CHARS, MAX_DEPTH, SpanIndex};
pub(crate) use suggest::closest as closest_id;
pub use version::check_schema_version;
