//! Flows of Transfer Family servers: from the internet to each protocol of an internet-facing
//! server, authenticated as its identity provider does, and from the server to the bucket or
//! file system each user's home directory is in.

use zta_model::{
    Auth, ComponentKind, PortRange, Protocol, Scheme, Tls, TransferIdentityProvider,
    TransferProtocol,
};

use super::NewFlow;
use crate::import::Importer;
use crate::kinds::edge::transfer_server::{RESOURCE_TYPE, USER};
use crate::value::Value;

impl Importer<'_> {
    pub(super) fn transfer_flows(&mut self) {
        for key in self.resources_of_type(RESOURCE_TYPE) {
            let Some(server) = self.element_for(&key).cloned() else {
                continue;
            };
            let Some(component) = self.design.component(&server) else {
                continue;
            };
            let internet_facing = component.properties.scheme == Some(Scheme::InternetFacing);
            let protocols = component.properties.transfer_protocols.clone();
            let auth = match component.properties.identity_provider {
                // Service-managed users sign in with an SSH key pair, proof of a private key as
                // a client certificate is.
                Some(TransferIdentityProvider::ServiceManaged) => Auth::Mtls,
                // A custom provider or a directory checks a password (or a key the template
                // cannot see), the weaker of what it may take.
                Some(_) => Auth::Password,
                None => Auth::None,
            };
            if internet_facing {
                let internet = self.internet();
                for protocol in protocols {
                    let (ports, tls, description) = match protocol {
                        // SSH encrypts SFTP with current algorithms; the flow is SFTP, not a
                        // shell, so it is TCP on 22 and not SSH remote administration.
                        TransferProtocol::Sftp => (vec![PortRange::single(22)], Tls::Tls12, "SFTP"),
                        TransferProtocol::Ftps => (
                            vec![
                                PortRange::single(21),
                                PortRange {
                                    from: 8192,
                                    to: 8200,
                                },
                            ],
                            Tls::Tls12,
                            "FTPS",
                        ),
                        TransferProtocol::Ftp => (
                            vec![
                                PortRange::single(21),
                                PortRange {
                                    from: 8192,
                                    to: 8200,
                                },
                            ],
                            Tls::None,
                            "FTP, user names, passwords and files in cleartext",
                        ),
                        // AS2 signs and encrypts each message; the transport is plain HTTP.
                        TransferProtocol::As2 => {
                            (vec![PortRange::single(5080)], Tls::None, "AS2 over HTTP")
                        }
                    };
                    self.add_flow(NewFlow {
                        source: internet.clone(),
                        target: server.clone(),
                        protocol: Protocol::Tcp,
                        ports,
                        tls,
                        auth,
                        issuer: None,
                        actions: Vec::new(),
                        description: Some(format!("{description} to the Transfer Family server.")),
                    });
                }
            }
            for user in self.referring(USER, &["ServerId"], &key) {
                let mut targets = Vec::new();
                let mut places = vec![self.property(user.0, &user.1, &["HomeDirectory"])];
                let mappings = self
                    .resource(&user)
                    .property("HomeDirectoryMappings")
                    .cloned()
                    .unwrap_or(Value::null());
                for mapping in self.list_items(user.0, &mappings) {
                    if let Some(target) = mapping.get("Target") {
                        places.push(self.eval(user.0, target));
                    }
                }
                for place in places {
                    let mut named = self.elements_of(&place);
                    if let Some(text) = place.as_text() {
                        named.extend(self.elements_named_in(user.0, text));
                    }
                    for element in named {
                        if !targets.contains(&element) {
                            targets.push(element);
                        }
                    }
                }
                for target in targets {
                    let actions = match self.design.component(&target).map(|c| c.kind) {
                        Some(ComponentKind::S3Bucket) => {
                            vec!["s3:GetObject", "s3:PutObject", "s3:ListBucket"]
                        }
                        Some(ComponentKind::EfsFileSystem) => vec![
                            "elasticfilesystem:ClientMount",
                            "elasticfilesystem:ClientWrite",
                        ],
                        _ => continue,
                    };
                    self.add_flow(NewFlow {
                        source: server.clone(),
                        target,
                        protocol: Protocol::AwsApi,
                        ports: Vec::new(),
                        tls: Tls::Tls12,
                        auth: Auth::Iam,
                        issuer: None,
                        actions: actions.into_iter().map(str::to_owned).collect(),
                        description: Some(format!("The home directory of Transfer Family user `{}`, reached as the user's role.", user.1)),
                    });
                }
            }
        }
    }
}
