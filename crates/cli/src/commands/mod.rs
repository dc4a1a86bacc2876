//! One module per subcommand.

pub mod aws_options;
pub mod check;
pub mod deploy;
pub mod diff;
pub mod export;
pub mod fmt;
pub mod import;
pub mod parameters;
pub mod report;
pub mod rule;
pub mod rules;
pub mod scan;
pub mod schema;
pub mod validate;
