//! Artifacts generated from the Rust types for other consumers: the JSON Schema that editors use
//! for completion, and the TypeScript types and kind catalog that the desktop UI imports. Each is
//! committed and pinned by a test that fails when it is stale, so the types are written once.

use schemars::schema_for;
use serde::Serialize;
use ts_rs::{Config, TS};

use crate::{
    AccessKey, Actor, ActorKind, Auth, Category, Component, ComponentKind, ComponentProperties,
    DataClass, Design, Effect, EndpointType, FederationProtocol, Flow, FlowRoute, FunctionUrlAuth,
    Identity, IdentityKind, LaunchType, Layout, MfaMode, NodeBox, OrganizationRole, Placement,
    PolicyStatement, PortRange, Principal, PrincipalKind, Protocol, RoutePoint, Scheme, Segment,
    SegmentKind, ServiceProvider, Suppression, Tier, Tls, TransferIdentityProvider,
    TransferProtocol, TransferSafeguard, TrustConditions, UserActivity, component_kind::CATALOG,
};

/// The JSON Schema of the design file, pretty-printed, ending in a newline.
pub fn json_schema() -> String {
    let mut schema = schema_for!(Design);
    schema.insert(
        "$id".into(),
        "https://zta-designer.invalid/schema/design.schema.json".into(),
    );
    schema.insert("title".into(), "ZTA Designer design".into());
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// The TypeScript declarations of every model type, in one module.
pub fn typescript() -> String {
    let config = Config::new();
    let declarations = [
        Design::decl(&config),
        Segment::decl(&config),
        SegmentKind::decl(&config),
        Tier::decl(&config),
        OrganizationRole::decl(&config),
        Component::decl(&config),
        ComponentKind::decl(&config),
        ComponentProperties::decl(&config),
        Scheme::decl(&config),
        EndpointType::decl(&config),
        FunctionUrlAuth::decl(&config),
        TransferProtocol::decl(&config),
        TransferIdentityProvider::decl(&config),
        LaunchType::decl(&config),
        Category::decl(&config),
        Placement::decl(&config),
        Identity::decl(&config),
        IdentityKind::decl(&config),
        Principal::decl(&config),
        PrincipalKind::decl(&config),
        TrustConditions::decl(&config),
        MfaMode::decl(&config),
        FederationProtocol::decl(&config),
        AccessKey::decl(&config),
        UserActivity::decl(&config),
        PolicyStatement::decl(&config),
        Effect::decl(&config),
        Actor::decl(&config),
        ActorKind::decl(&config),
        ServiceProvider::decl(&config),
        Flow::decl(&config),
        Protocol::decl(&config),
        PortRange::decl(&config),
        Tls::decl(&config),
        Auth::decl(&config),
        DataClass::decl(&config),
        Suppression::decl(&config),
        TransferSafeguard::decl(&config),
        Layout::decl(&config),
        NodeBox::decl(&config),
        FlowRoute::decl(&config),
        RoutePoint::decl(&config),
    ];
    let mut text = String::from(
        "// Generated from crates/model by `cargo test -p zta-model` with ZTA_UPDATE_GENERATED=1.\n\
         // Do not edit: change the Rust types instead.\n\n",
    );
    for declaration in declarations {
        text.push_str("export ");
        text.push_str(&declaration);
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

/// The component kind catalog as JSON, for the palette and inspector.
pub fn catalog_json() -> String {
    #[derive(Serialize)]
    struct Row {
        kind: ComponentKind,
        label: &'static str,
        category: Category,
        placement: Placement,
        data_store: bool,
        workload: bool,
        properties: &'static [&'static str],
    }
    let rows: Vec<Row> = CATALOG
        .iter()
        .map(|info| Row {
            kind: info.kind,
            label: info.label,
            category: info.category,
            placement: info.placement,
            data_store: info.data_store,
            workload: info.workload,
            properties: info.properties,
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&rows).expect("the catalog serialises");
    text.push('\n');
    text
}
