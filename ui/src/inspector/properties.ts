// How the inspector edits each component property. The table is typed against the generated
// `ComponentProperties`, so adding a property in Rust fails the UI build until it has an editor.
import type { ComponentKind, ComponentProperties } from "../model/types";
import * as v from "./validate";

export type PropertyEditor =
  | { kind: "bool"; label: string }
  | { kind: "text"; label: string; validate?: v.Validator; placeholder?: string }
  | { kind: "number"; label: string; validate: v.Validator }
  | { kind: "enum"; label: string; options: [string, string][] }
  | { kind: "list"; label: string; validate?: v.Validator; placeholder?: string }
  | { kind: "ref"; label: string; of: ComponentKind[] }
  | { kind: "refs"; label: string; of: ComponentKind[] | "vpcs" | "accounts" | "components" }
  | { kind: "policy"; label: string };

export const propertyEditors: Record<keyof ComponentProperties, PropertyEditor> = {
  engine: { kind: "text", label: "Engine", placeholder: "postgres" },
  engine_version: { kind: "text", label: "Engine version" },
  instance_type: { kind: "text", label: "Instance type", placeholder: "db.t4g.medium" },
  multi_az: { kind: "bool", label: "Multi-AZ" },
  publicly_accessible: { kind: "bool", label: "Publicly accessible" },
  iam_auth: { kind: "bool", label: "IAM authentication" },
  managed_password: { kind: "bool", label: "Password managed in Secrets Manager" },
  encrypted_at_rest: { kind: "bool", label: "Encrypted at rest" },
  encrypted_in_transit: { kind: "bool", label: "Encrypted in transit" },
  enhanced_vpc_routing: { kind: "bool", label: "Enhanced VPC routing" },
  deletion_protection: { kind: "bool", label: "Deletion protection" },
  backup_retention_days: { kind: "number", label: "Backup retention (days)", validate: v.wholeNumber },
  point_in_time_recovery: { kind: "bool", label: "Point-in-time recovery" },
  scheme: { kind: "enum", label: "Scheme", options: [["internet_facing", "Internet-facing"], ["internal", "Internal"]] },
  tracing: { kind: "bool", label: "Tracing (X-Ray)" },
  function_url: { kind: "enum", label: "Function URL", options: [["iam", "IAM-signed callers"], ["none", "Anyone (no authentication)"]] },
  tls_policy: { kind: "text", label: "TLS policy", placeholder: "ELBSecurityPolicy-TLS13-1-2-2021-06" },
  http_redirect: { kind: "bool", label: "HTTP only redirects to HTTPS" },
  certificate: { kind: "ref", label: "Certificate", of: ["acm_certificate"] },
  domain_name: { kind: "text", label: "Domain name", validate: v.domainName, placeholder: "app.example.com" },
  versioning: { kind: "bool", label: "Versioning" },
  block_public_access: { kind: "bool", label: "Block public access" },
  vpc_endpoint_only: { kind: "bool", label: "Only through VPC endpoints" },
  resource_policy: { kind: "policy", label: "Resource policy" },
  endpoint_type: { kind: "enum", label: "Endpoint type", options: [["interface", "Interface"], ["gateway", "Gateway"]] },
  service: { kind: "text", label: "AWS service", placeholder: "secretsmanager" },
  launch_type: { kind: "enum", label: "Launch type", options: [["fargate", "Fargate"], ["ec2", "EC2"]] },
  cpu: { kind: "number", label: "CPU units", validate: v.positiveNumber },
  memory: { kind: "number", label: "Memory (MiB)", validate: v.positiveNumber },
  desired_count: { kind: "number", label: "Desired count", validate: v.wholeNumber },
  image: { kind: "text", label: "Image" },
  runtime: { kind: "text", label: "Runtime", placeholder: "python3.13" },
  os: { kind: "text", label: "Operating system", placeholder: "amazon_linux_2023" },
  imdsv2: { kind: "bool", label: "IMDSv2 required" },
  ssm_managed: { kind: "bool", label: "Managed by Systems Manager" },
  key_rotation: { kind: "bool", label: "Automatic key rotation" },
  rotation_days: { kind: "number", label: "Rotation (days)", validate: v.positiveNumber },
  retention_days: { kind: "number", label: "Retention (days)", validate: v.positiveNumber },
  multi_region: { kind: "bool", label: "All regions" },
  log_file_validation: { kind: "bool", label: "Log file validation" },
  standards: { kind: "list", label: "Standards", placeholder: "aws-foundational-security-best-practices" },
  scan_types: { kind: "list", label: "Scan types", placeholder: "ec2, ecr, lambda" },
  publish_to_security_hub: { kind: "bool", label: "Publish to Security Hub" },
  metric: { kind: "text", label: "Metric or event", placeholder: "root-account-usage" },
  managed_rule_groups: { kind: "list", label: "Managed rule groups", placeholder: "AWSManagedRulesSQLiRuleSet" },
  protects: { kind: "refs", label: "Protects", of: ["alb", "nlb", "api_gateway", "cloudfront"] },
  attachments: { kind: "refs", label: "Attached VPCs", of: "vpcs" },
  auto_accept_attachments: { kind: "bool", label: "Auto-accept attachments" },
  shares: { kind: "refs", label: "Shares", of: "components" },
  share_with: { kind: "refs", label: "Shared with accounts", of: "accounts" },
  scan_on_push: { kind: "bool", label: "Scan on push" },
  immutable_tags: { kind: "bool", label: "Immutable tags" },
  service_connect_namespace: { kind: "text", label: "Service Connect namespace", placeholder: "orders.internal" },
  service_connect_tls: { kind: "bool", label: "Service Connect TLS (private CA)" },
  allowed_domains: { kind: "list", label: "Allowed domains (egress)", validate: v.domainList, placeholder: "api.example.com, .example.org" },
  logging: { kind: "bool", label: "Publishes its own logs (audit, access, errors)" },
};
