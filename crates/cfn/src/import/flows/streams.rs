//! Flows of delivery streams: Firehose reads its source stream and writes to its destinations
//! (and to the buckets that stage or back up their records) with its role; an endpoint outside
//! AWS is reached over the internet.

use zta_model::{Auth, Protocol, Tls};

use super::NewFlow;
use crate::import::Importer;
use crate::import::eval::Sym;
use crate::kinds::data::firehose_stream::{
    BUCKET_PATHS, ENDPOINT_DESTINATIONS, OBJECT_ACTIONS, RESOURCE_TYPE, SERVICE_DESTINATIONS,
    SOURCE_STREAM, STREAM_ACTIONS, destinations,
};

impl Importer<'_> {
    pub(super) fn firehose_flows(&mut self) {
        for key in self.resources_of_type(RESOURCE_TYPE) {
            let Some(element) = self.element_for(&key).cloned() else {
                continue;
            };
            let source = self.property(key.0, &key.1, &SOURCE_STREAM);
            if let Some(stream) = self.element_of(&source) {
                self.add_flow(signed(&element, stream, &STREAM_ACTIONS, "reads"));
            }
            for configuration in destinations(self, &key) {
                let mut targets: Vec<(Vec<&str>, &[&str])> = BUCKET_PATHS
                    .iter()
                    .map(|path| {
                        let mut full = vec![configuration];
                        full.extend_from_slice(path);
                        (full, &OBJECT_ACTIONS[..])
                    })
                    .collect();
                if let Some((_, property)) = SERVICE_DESTINATIONS
                    .iter()
                    .find(|(name, _)| *name == configuration)
                {
                    targets.push((vec![configuration, property], &[]));
                }
                for (path, actions) in targets {
                    let target = self.property(key.0, &key.1, &path);
                    if let Some(target) = self.element_of(&target) {
                        self.add_flow(signed(&element, target, actions, "delivers to"));
                    }
                }
                let Some(endpoint) = ENDPOINT_DESTINATIONS
                    .iter()
                    .find(|endpoint| endpoint.configuration == configuration)
                else {
                    continue;
                };
                let at = |path: &[&'static str]| {
                    let mut full = vec![configuration];
                    full.extend_from_slice(path);
                    full
                };
                let url = self.text(&key, &at(endpoint.url));
                let presents_key = endpoint
                    .credentials
                    .iter()
                    .any(|path| !matches!(self.property(key.0, &key.1, &at(path)), Sym::NoValue));
                let internet = self.internet();
                self.add_flow(NewFlow {
                    source: element.clone(),
                    target: internet,
                    protocol: Protocol::Https,
                    ports: Vec::new(),
                    // Firehose delivers only to HTTPS endpoints; a URL that says plain HTTP is
                    // taken at its word.
                    tls: match &url {
                        Some(url) if url.to_ascii_lowercase().starts_with("http://") => Tls::None,
                        _ => Tls::Tls12,
                    },
                    auth: if presents_key {
                        Auth::ApiKey
                    } else {
                        Auth::None
                    },
                    issuer: None,
                    actions: Vec::new(),
                    description: Some(format!(
                        "Firehose delivers to {}.",
                        url.as_deref().unwrap_or("an endpoint outside AWS")
                    )),
                });
            }
        }
    }
}

/// A signed call from a delivery stream's role to an AWS service.
fn signed(source: &str, target: String, actions: &[&str], what: &str) -> NewFlow {
    NewFlow {
        source: source.to_owned(),
        target,
        protocol: Protocol::AwsApi,
        ports: Vec::new(),
        tls: Tls::Tls12,
        auth: Auth::Iam,
        issuer: None,
        actions: actions.iter().map(|a| (*a).to_owned()).collect(),
        description: Some(format!("Firehose {what} it with its role.")),
    }
}
