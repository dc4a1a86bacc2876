//! The ZTA Designer design document: what an architect draws (segments, components, identities,
//! actors, data flows), its file format (`NAME.zta.yaml`), its JSON Schema, and atomic load and
//! save with errors that name the file, line and column.
//!
//! **Boundary:** this crate knows nothing of rules, CloudFormation or the UI. Its only I/O is
//! reading and writing the design file a caller names ([`load_file`], [`save_file`]).

mod actor;
mod component;
pub mod component_kind;
mod data_class;
pub mod date;
mod design;
mod error;
pub mod fargate;
mod flow;
pub mod format;
mod fs;
pub mod generated;
mod identity;
mod index;
pub mod integrity;
mod layout;
mod normalize;
pub mod organization;
mod policy;
mod properties;
mod segment;
mod suppression;
pub mod synthetic;
pub mod transfer;
pub mod zones;

pub use actor::{Actor, ActorKind, ServiceProvider};
pub use component::Component;
pub use component_kind::{Category, ComponentKind, KindInfo, Placement};
pub use data_class::DataClass;
pub use design::{Design, ElementRef, SCHEMA_VERSION};
pub use error::{Error, LoadError, Location, Problem, Result};
pub use flow::{Auth, Flow, PortRange, Protocol, Tls};
pub use format::{load_str, to_json, to_yaml};
pub use fs::{
    MAX_DESIGN_BYTES, SaveOptions, load_file, read_design_text, render_for_path, save_file,
    save_file_with, write_atomic, write_atomic_with,
};
pub use identity::{
    AccessKey, COGNITO_IDENTITY_ISSUER, FederationProtocol, GUEST_AMR, Identity, IdentityKind,
    MfaMode, Principal, PrincipalKind, TrustConditions, UserActivity,
};
pub use index::{DesignIndex, Place, Zone};
pub use integrity::DesignProblem;
pub use layout::{FlowRoute, Layout, NodeBox, RoutePoint};
pub use policy::{Effect, PolicyStatement};
pub use properties::{
    ComponentProperties, EndpointType, FunctionUrlAuth, LaunchType, Scheme,
    TransferIdentityProvider, TransferProtocol,
};
pub use segment::{OrganizationRole, Segment, SegmentKind, Tier};
pub use suppression::Suppression;
pub use transfer::TransferSafeguard;
