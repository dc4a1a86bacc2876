// How flows read on the canvas: the label the Rust model computes (`Flow::label`), the styling by
// encryption and data class, and sensible defaults for a newly drawn flow.
import type { Auth, ComponentKind, DataClass, Flow, Protocol, Tls } from "./types";

export const protocolLabels: Record<Protocol, string> = {
  https: "HTTPS",
  http: "HTTP",
  grpc: "gRPC",
  aws_api: "AWS API",
  postgresql: "PostgreSQL",
  mysql: "MySQL",
  redis: "Redis",
  memcached: "Memcached",
  kafka: "Kafka",
  ssh: "SSH",
  rdp: "RDP",
  dns: "DNS",
  smtp: "SMTP",
  ldap: "LDAP",
  tcp: "TCP",
  udp: "UDP",
};

export const defaultPorts: Partial<Record<Protocol, number>> = {
  https: 443,
  grpc: 443,
  aws_api: 443,
  http: 80,
  postgresql: 5432,
  mysql: 3306,
  redis: 6379,
  memcached: 11211,
  kafka: 9092,
  ssh: 22,
  rdp: 3389,
  dns: 53,
  smtp: 587,
  ldap: 636,
};

export const tlsLabels: Record<Tls, string> = {
  none: "None (plaintext)",
  "1.0": "TLS 1.0+ (obsolete)",
  "1.1": "TLS 1.1+ (obsolete)",
  "1.2": "TLS 1.2+",
  "1.3": "TLS 1.3",
};

/** Data classes from least to most sensitive, as in the Rust `DataClass` order. */
export const dataClasses: DataClass[] = ["public", "internal", "confidential", "pii", "cardholder"];

export const dataClassLabels: Record<DataClass, string> = {
  public: "Public",
  internal: "Internal",
  confidential: "Confidential",
  pii: "PII",
  cardholder: "Cardholder",
};

export const dataClassColors: Record<DataClass, string> = {
  public: "#64748b",
  internal: "#2563eb",
  confidential: "#7c3aed",
  pii: "#ea580c",
  cardholder: "#dc2626",
};

const authLabels: Record<Auth, string | null> = {
  none: null,
  iam: "IAM",
  jwt: "JWT",
  mtls: "mTLS",
  password: "password",
  api_key: "API key",
};

/** The short name of an authentication method, or null for anonymous flows. */
export function authLabel(auth: Auth): string | null {
  return authLabels[auth];
}

/** The label of a flow, identical to the Rust `Flow::label`: `PostgreSQL 5432 · IAM`. */
export function flowLabel(flow: Flow): string {
  const ports = flow.ports.map(String).join(",");
  let label = protocolLabels[flow.protocol];
  if (ports) label += ` ${ports}`;
  const auth = authLabel(flow.auth);
  if (auth) label += ` · ${auth}`;
  return label;
}

/** The most sensitive class a flow carries, or null. */
export function mostSensitive(classes: DataClass[]): DataClass | null {
  let best: DataClass | null = null;
  for (const cls of classes) {
    if (best === null || dataClasses.indexOf(cls) > dataClasses.indexOf(best)) best = cls;
  }
  return best;
}

/** The stroke of a flow: coloured by data class, dashed when not encrypted. */
export function flowStroke(flow: Flow): { color: string; dashed: boolean } {
  const cls = mostSensitive(flow.data);
  return { color: cls ? dataClassColors[cls] : "#475569", dashed: flow.tls === "none" };
}

/** The protocol a new flow into a component of this kind most likely uses. */
export function defaultProtocolFor(target: ComponentKind | null): Protocol {
  switch (target) {
    case "rds":
      return "postgresql";
    case "elasticache":
      return "redis";
    case "s3_bucket":
    case "dynamodb_table":
    case "secret":
    case "kms_key":
    case "sqs_queue":
    case "sns_topic":
    case "log_group":
    case "kinesis_stream":
    case "firehose_stream":
    case "step_functions_state_machine":
      return "aws_api";
    case "msk_cluster":
      return "kafka";
    default:
      return "https";
  }
}
