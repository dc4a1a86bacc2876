//! Data flows: who talks to whom, on what protocol and port, protected how, carrying what.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{DataClass, Suppression};

/// A data flow from a source element (actor, component or identity) to a target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    /// Unique id across the whole design.
    pub id: String,
    /// The element that opens the connection.
    pub source: String,
    /// The element that accepts it.
    pub target: String,
    /// An optional label; the canvas otherwise shows the protocol and port.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Free text for reviewers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The application protocol.
    pub protocol: Protocol,
    /// The target ports; a single port is written as a number, a range as `"from-to"`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ports: Vec<PortRange>,
    /// Transport encryption: `none`, or the lowest TLS version accepted.
    pub tls: Tls,
    /// How the caller proves who it is.
    pub auth: Auth,
    /// For `jwt` authentication: the user pool or identity provider that issues the tokens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// The classes of data the flow carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data: Vec<DataClass>,
    /// For calls to AWS APIs: the IAM actions used, e.g. `s3:GetObject`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
    /// Components the flow passes through on its way (VPC endpoints, Transit Gateway, firewall).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub via: Vec<String>,
    /// Rules accepted as risks for this flow.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suppress: Vec<Suppression>,
}

impl Flow {
    /// The most sensitive class of data the flow carries, if any.
    pub fn most_sensitive(&self) -> Option<DataClass> {
        self.data.iter().copied().max()
    }

    /// Whether the flow is encrypted in transit.
    pub fn is_encrypted(&self) -> bool {
        self.tls != Tls::None
    }

    /// The label the canvas and reports show, e.g. `HTTPS 443` or `PostgreSQL 5432 · IAM`.
    pub fn label(&self) -> String {
        let ports = self
            .ports
            .iter()
            .map(PortRange::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let mut label = self.protocol.label().to_string();
        if !ports.is_empty() {
            label.push(' ');
            label.push_str(&ports);
        }
        if let Some(auth) = self.auth.label() {
            label.push_str(" · ");
            label.push_str(auth);
        }
        label
    }
}

/// Application protocols the designer knows.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    /// HTTP over TLS.
    Https,
    /// Plain HTTP.
    Http,
    /// gRPC (over HTTP/2).
    Grpc,
    /// A signed call to an AWS service API (HTTPS with SigV4).
    AwsApi,
    /// PostgreSQL wire protocol.
    Postgresql,
    /// MySQL wire protocol.
    Mysql,
    /// Redis or Valkey protocol.
    Redis,
    /// Memcached protocol.
    Memcached,
    /// Kafka protocol.
    Kafka,
    /// SSH.
    Ssh,
    /// Remote Desktop Protocol.
    Rdp,
    /// DNS.
    Dns,
    /// SMTP.
    Smtp,
    /// LDAP.
    Ldap,
    /// Any other TCP protocol.
    Tcp,
    /// Any other UDP protocol.
    Udp,
}

impl Protocol {
    /// The well-known port, used when a flow names none.
    pub fn default_port(self) -> Option<u16> {
        Some(match self {
            Protocol::Https | Protocol::Grpc | Protocol::AwsApi => 443,
            Protocol::Http => 80,
            Protocol::Postgresql => 5432,
            Protocol::Mysql => 3306,
            Protocol::Redis => 6379,
            Protocol::Memcached => 11211,
            Protocol::Kafka => 9092,
            Protocol::Ssh => 22,
            Protocol::Rdp => 3389,
            Protocol::Dns => 53,
            Protocol::Smtp => 587,
            Protocol::Ldap => 636,
            Protocol::Tcp | Protocol::Udp => return None,
        })
    }

    /// Whether the protocol gives an interactive shell or desktop (to be replaced by Session
    /// Manager in a zero-trust design).
    pub fn is_remote_admin(self) -> bool {
        matches!(self, Protocol::Ssh | Protocol::Rdp)
    }

    /// The human label, e.g. `PostgreSQL`.
    pub fn label(self) -> &'static str {
        match self {
            Protocol::Https => "HTTPS",
            Protocol::Http => "HTTP",
            Protocol::Grpc => "gRPC",
            Protocol::AwsApi => "AWS API",
            Protocol::Postgresql => "PostgreSQL",
            Protocol::Mysql => "MySQL",
            Protocol::Redis => "Redis",
            Protocol::Memcached => "Memcached",
            Protocol::Kafka => "Kafka",
            Protocol::Ssh => "SSH",
            Protocol::Rdp => "RDP",
            Protocol::Dns => "DNS",
            Protocol::Smtp => "SMTP",
            Protocol::Ldap => "LDAP",
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
        }
    }
}

/// Transport encryption of a flow.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
pub enum Tls {
    /// No encryption in transit.
    #[serde(rename = "none")]
    None,
    /// TLS 1.0 or later (obsolete).
    #[serde(rename = "1.0")]
    Tls10,
    /// TLS 1.1 or later (obsolete).
    #[serde(rename = "1.1")]
    Tls11,
    /// TLS 1.2 or later.
    #[serde(rename = "1.2")]
    Tls12,
    /// TLS 1.3 only.
    #[serde(rename = "1.3")]
    Tls13,
}

impl Tls {
    /// Whether the lowest accepted version is one that current guidance still allows.
    pub fn is_modern(self) -> bool {
        matches!(self, Tls::Tls12 | Tls::Tls13)
    }
}

/// How the caller of a flow authenticates.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum Auth {
    /// Anonymous.
    None,
    /// AWS Signature Version 4 with the caller's IAM identity.
    Iam,
    /// A JSON Web Token issued by the flow's `issuer` (a user pool or identity provider).
    Jwt,
    /// Mutual TLS with client certificates.
    Mtls,
    /// A shared password or connection string credential.
    Password,
    /// A static API key.
    ApiKey,
}

impl Auth {
    /// Whether the caller is authenticated at all.
    pub fn is_authenticated(&self) -> bool {
        *self != Auth::None
    }

    /// Whether the method rests on a long-lived shared secret (passwords, API keys).
    pub fn is_static_secret(&self) -> bool {
        matches!(self, Auth::Password | Auth::ApiKey)
    }

    /// The short label for the canvas, or none for anonymous flows.
    pub fn label(&self) -> Option<&'static str> {
        match self {
            Auth::None => None,
            Auth::Iam => Some("IAM"),
            Auth::Jwt => Some("JWT"),
            Auth::Mtls => Some("mTLS"),
            Auth::Password => Some("password"),
            Auth::ApiKey => Some("API key"),
        }
    }
}

/// An inclusive range of ports; a single port has `from == to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
#[ts(type = "number | string")]
pub struct PortRange {
    /// The first port.
    pub from: u16,
    /// The last port.
    pub to: u16,
}

impl PortRange {
    /// One port.
    pub fn single(port: u16) -> Self {
        Self {
            from: port,
            to: port,
        }
    }

    /// Whether the range holds the port.
    pub fn contains(&self, port: u16) -> bool {
        (self.from..=self.to).contains(&port)
    }

    /// Whether the range covers every port.
    pub fn is_all(&self) -> bool {
        self.from == 0 && self.to == u16::MAX
    }
}

impl fmt::Display for PortRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}-{}", self.from, self.to)
        }
    }
}

impl FromStr for PortRange {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let parse = |part: &str| {
            part.trim()
                .parse::<u16>()
                .map_err(|_| format!("`{text}` is not a port (0-65535) or a range `from-to`"))
        };
        let range = match text.split_once('-') {
            Some((from, to)) => PortRange {
                from: parse(from)?,
                to: parse(to)?,
            },
            None => PortRange::single(parse(text)?),
        };
        if range.from > range.to {
            return Err(format!("port range `{text}` ends before it starts"));
        }
        Ok(range)
    }
}

impl Serialize for PortRange {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.from == self.to {
            serializer.serialize_u16(self.from)
        } else {
            serializer.serialize_str(&self.to_string())
        }
    }
}

impl<'de> Deserialize<'de> for PortRange {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PortRangeVisitor;

        impl serde::de::Visitor<'_> for PortRangeVisitor {
            type Value = PortRange;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a port number or a range such as \"1024-65535\"")
            }

            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<PortRange, E> {
                u16::try_from(value)
                    .map(PortRange::single)
                    .map_err(|_| E::custom(format!("{value} is not a port (0-65535)")))
            }

            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<PortRange, E> {
                u16::try_from(value)
                    .map(PortRange::single)
                    .map_err(|_| E::custom(format!("{value} is not a port (0-65535)")))
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<PortRange, E> {
                value.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_any(PortRangeVisitor)
    }
}

impl JsonSchema for PortRange {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PortRange".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A port, or an inclusive range written \"from-to\".",
            "oneOf": [
                { "type": "integer", "minimum": 0, "maximum": 65535 },
                { "type": "string", "pattern": "^[0-9]{1,5}-[0-9]{1,5}$" }
            ]
        })
    }
}
