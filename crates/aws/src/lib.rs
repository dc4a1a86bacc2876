//! AWS access for ZTA Designer: deploying CloudFormation through change sets with streamed
//! progress, and importing what is already deployed (IAM identities, stack templates).
//!
//! Everything here is async on tokio and reaches AWS only through the official SDKs with
//! the standard credential chain ([`AwsConnection::connect`]). Progress goes to a
//! [`ProgressSink`], so the CLI and the desktop app render the same events their own way;
//! this crate knows nothing of Tauri. No credential ever leaves it: errors and reasons pass
//! through [`redact::scrub`], and imported access keys keep only their dates.

pub mod connection;
pub mod deploy;
pub mod error;
pub mod import;
pub mod progress;
pub mod redact;

pub use connection::{AwsConnection, ConnectionOptions};
pub use error::{Error, Result};
pub use progress::{DeployProgress, NoProgress, ProgressSink, StackEventRecord};
