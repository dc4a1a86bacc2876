// Generated from crates/model by `cargo test -p zta-model` with ZTA_UPDATE_GENERATED=1.
// Do not edit: change the Rust types instead.

export type Design = { 
/**
 * The file format version; always [`SCHEMA_VERSION`] once loaded.
 */
schema_version: number, 
/**
 * The design's name, shown in the title bar and on the report cover.
 */
name: string, 
/**
 * The design's own version label, e.g. `2.3`, for the report cover.
 */
version?: string | null, 
/**
 * What the design is for.
 */
description?: string | null, 
/**
 * Accounts, regions, VPCs, subnets and outside zones, nested through `parent`.
 */
segments?: Array<Segment>, 
/**
 * AWS resources placed in segments.
 */
components?: Array<Component>, 
/**
 * IAM roles, users, groups, user pools, permission sets and identity providers.
 */
identities?: Array<Identity>, 
/**
 * People and outside systems.
 */
actors?: Array<Actor>, 
/**
 * Who talks to whom.
 */
flows?: Array<Flow>, 
/**
 * The legal basis recorded for transfers of personal data to AWS regions outside the EEA
 * (GDPR Chapter V), by region code (`us-east-1: standard_contractual_clauses`).
 */
transfer_safeguards?: { [key in string]: TransferSafeguard }, 
/**
 * CloudFormation content an import could not map onto the design, kept verbatim so that an
 * export writes it back unchanged: top-level template sections (`Resources`, `Parameters`,
 * `Conditions`, `Mappings`, `Outputs`...) in CloudFormation's JSON form.
 */
carried_cloudformation?: Record<string, unknown>, 
/**
 * Where the boxes are drawn; kept last so that moving a box does not touch the design above.
 */
layout?: Layout, };

export type Segment = { 
/**
 * Unique id across the whole design (lowercase letters, digits, `-` and `_`).
 */
id: string, 
/**
 * What kind of segment this is; it decides which parent it may have.
 */
kind: SegmentKind, 
/**
 * The name people read on the canvas and in reports.
 */
name: string, 
/**
 * The segment this one is nested in (a subnet's VPC, a VPC's account or region).
 */
parent?: string | null, 
/**
 * Free text for reviewers.
 */
description?: string | null, 
/**
 * The 12-digit AWS account id, for accounts, when known.
 */
account_id?: string | null, 
/**
 * For accounts: the account administers the organization's IAM Identity Center, as its
 * management account or as the delegated administrator. Permission sets and account
 * assignments deploy only from such an account, so the export writes them into its stack.
 */
organization_role?: OrganizationRole | null, 
/**
 * The AWS region code (e.g. `eu-west-1`), for regions.
 */
region?: string | null, 
/**
 * The IPv4 CIDR block, for VPCs, subnets and on-premises or partner networks.
 */
cidr?: string | null, 
/**
 * The availability zone, for subnets (e.g. `eu-west-1a`).
 */
az?: string | null, 
/**
 * The routing tier, for subnets.
 */
tier?: Tier | null, 
/**
 * Whether VPC flow logs are on, for VPCs; absent means the zero-trust default (on).
 */
flow_logs?: boolean | null, 
/**
 * The CloudFormation logical id this segment maps to, when it came from a template.
 */
logical_id?: string | null, 
/**
 * Rules accepted as risks for this segment.
 */
suppress?: Array<Suppression>, };

export type SegmentKind = "account" | "region" | "vpc" | "subnet" | "internet" | "on_premises" | "partner_network";

export type Tier = "public" | "private" | "isolated";

export type OrganizationRole = "management" | "delegated_administrator";

export type Component = { 
/**
 * Unique id across the whole design.
 */
id: string, 
/**
 * What the component is; it decides which properties apply.
 */
kind: ComponentKind, 
/**
 * The name people read on the canvas and in reports.
 */
name: string, 
/**
 * The segment the component sits in: a subnet for network-attached resources, a VPC for
 * VPC-wide ones, a region or account for regional and account-wide services.
 */
segment: string, 
/**
 * Free text for reviewers.
 */
description?: string | null, 
/**
 * The identity the component runs as (a task role, an instance role, a function role).
 */
identity?: string | null, 
/**
 * The classes of data the component stores.
 */
stores?: Array<DataClass>, 
/**
 * The KMS key component that encrypts the component's data at rest.
 */
encryption_key?: string | null, 
/**
 * The kind-specific properties.
 */
properties?: ComponentProperties, 
/**
 * Tags the exporter puts on the resources.
 */
tags?: { [key in string]: string }, 
/**
 * The CloudFormation logical id this component maps to, when it came from a template.
 */
logical_id?: string | null, 
/**
 * Rules accepted as risks for this component.
 */
suppress?: Array<Suppression>, 
/**
 * Properties the template this component was imported from does not tell (a template
 * parameter, another stack or a resource made outside the template decides them). The
 * rules do not judge them and say so; an export writes its zero-trust default for them.
 */
not_known?: Array<string>, };

export type ComponentKind = "nat_gateway" | "internet_gateway" | "transit_gateway" | "vpc_peering" | "vpn_connection" | "vpc_endpoint" | "endpoint_service" | "network_firewall" | "route53_zone" | "cloudfront" | "waf_web_acl" | "shield_protection" | "alb" | "nlb" | "classic_load_balancer" | "api_gateway" | "transfer_server" | "acm_certificate" | "ec2_instance" | "auto_scaling_group" | "lambda_function" | "ecs_cluster" | "ecs_service" | "eks_cluster" | "app_mesh" | "ecr_repository" | "rds" | "dynamodb_table" | "s3_bucket" | "elasticache" | "ebs_volume" | "secret" | "kms_key" | "sqs_queue" | "sns_topic" | "cloudtrail" | "log_group" | "cloudwatch_alarm" | "config_recorder" | "security_hub" | "guardduty" | "macie" | "inspector" | "access_analyzer" | "session_manager" | "patch_baseline" | "ram_share" | "efs_file_system" | "kinesis_stream" | "firehose_stream" | "step_functions_state_machine" | "appsync_api" | "documentdb_cluster" | "neptune_cluster" | "opensearch_domain" | "msk_cluster" | "mq_broker" | "redshift_cluster";

export type ComponentProperties = { 
/**
 * Database or cache engine, e.g. `postgres`, `aurora-postgresql`, `mysql`, `redis`, `valkey`.
 */
engine?: string | null, 
/**
 * Engine or platform version (database engine, Kubernetes version).
 */
engine_version?: string | null, 
/**
 * Instance class or type, e.g. `db.t4g.medium`, `cache.t4g.small`, `t3.micro`.
 */
instance_type?: string | null, 
/**
 * Whether the resource spans availability zones.
 */
multi_az?: boolean | null, 
/**
 * Whether the resource has a public address or endpoint.
 */
publicly_accessible?: boolean | null, 
/**
 * Whether a database accepts IAM authentication instead of passwords.
 */
iam_auth?: boolean | null, 
/**
 * Whether the master password is generated and rotated in Secrets Manager.
 */
managed_password?: boolean | null, 
/**
 * Whether data at rest is encrypted (with the component's `encryption_key` when set).
 */
encrypted_at_rest?: boolean | null, 
/**
 * Whether the service enforces encryption in transit on its own endpoint.
 */
encrypted_in_transit?: boolean | null, 
/**
 * Whether a data warehouse sends its COPY and UNLOAD traffic through the VPC (its
 * endpoints, security groups and flow logs) rather than over the service's public network.
 */
enhanced_vpc_routing?: boolean | null, 
/**
 * Whether deletion needs protection switched off first.
 */
deletion_protection?: boolean | null, 
/**
 * Days of automated backups kept.
 */
backup_retention_days?: number | null, 
/**
 * Whether point-in-time recovery is on.
 */
point_in_time_recovery?: boolean | null, 
/**
 * Whether a load balancer or API faces the internet.
 */
scheme?: Scheme | null, 
/**
 * The TLS security policy of a listener or distribution, e.g.
 * `ELBSecurityPolicy-TLS13-1-2-2021-06`.
 */
tls_policy?: string | null, 
/**
 * Whether a load balancer answers plain HTTP only with a redirect to HTTPS.
 */
http_redirect?: boolean | null, 
/**
 * The ACM certificate component that serves TLS for this endpoint.
 */
certificate?: string | null, 
/**
 * A DNS name: a certificate's domain, a distribution's or API's custom domain, a zone.
 */
domain_name?: string | null, 
/**
 * Whether a bucket keeps object versions.
 */
versioning?: boolean | null, 
/**
 * Whether a bucket blocks every form of public access.
 */
block_public_access?: boolean | null, 
/**
 * Whether a bucket accepts requests only through the design's VPC endpoints.
 */
vpc_endpoint_only?: boolean | null, 
/**
 * A resource policy (bucket, key, secret, queue, topic or endpoint policy).
 */
resource_policy?: Array<PolicyStatement>, 
/**
 * Interface or gateway endpoint.
 */
endpoint_type?: EndpointType | null, 
/**
 * The AWS service an endpoint reaches (`s3`, `secretsmanager`, `ecr.api`...).
 */
service?: string | null, 
/**
 * How ECS runs a service's tasks.
 */
launch_type?: LaunchType | null, 
/**
 * CPU units of a task.
 */
cpu?: number | null, 
/**
 * Memory of a task or function, in MiB.
 */
memory?: number | null, 
/**
 * How many tasks or instances run.
 */
desired_count?: number | null, 
/**
 * The container image or machine image.
 */
image?: string | null, 
/**
 * A function's runtime, e.g. `python3.13`.
 */
runtime?: string | null, 
/**
 * A function's URL: its own HTTPS endpoint on the internet, which callers reach without
 * any API or load balancer in front, and how AWS authenticates them. Absent: the function
 * has no URL.
 */
function_url?: FunctionUrlAuth | null, 
/**
 * Whether the component sends traces to X-Ray. On unless the design says otherwise.
 */
tracing?: boolean | null, 
/**
 * The operating system of instances or of a patch baseline (`amazon_linux_2023`...).
 */
os?: string | null, 
/**
 * Whether instance metadata requires session tokens (IMDSv2).
 */
imdsv2?: boolean | null, 
/**
 * Whether Systems Manager manages the instance (Session Manager, patching).
 */
ssm_managed?: boolean | null, 
/**
 * Whether a key rotates automatically.
 */
key_rotation?: boolean | null, 
/**
 * Days between automatic secret rotations, 1 to 1000; 0 means the secret does not rotate
 * (the export writes no rotation schedule, and ZT-DATA-004 flags it). Absent, the export
 * rotates every 30 days.
 */
rotation_days?: number | null, 
/**
 * Days that logs are kept.
 */
retention_days?: number | null, 
/**
 * Whether a trail records every region.
 */
multi_region?: boolean | null, 
/**
 * Whether a trail signs digests of its log files.
 */
log_file_validation?: boolean | null, 
/**
 * Security Hub standards to enable, e.g. `aws-foundational-security-best-practices`.
 */
standards?: Array<string>, 
/**
 * What Inspector scans: `ec2`, `ecr`, `lambda`.
 */
scan_types?: Array<string>, 
/**
 * Whether a detector's or scanner's findings go to Security Hub.
 */
publish_to_security_hub?: boolean | null, 
/**
 * The event or metric an alarm watches, e.g. `root-account-usage`.
 */
metric?: string | null, 
/**
 * WAF managed rule groups, e.g. `AWSManagedRulesSQLiRuleSet`.
 */
managed_rule_groups?: Array<string>, 
/**
 * The components a web ACL or Shield protection guards.
 */
protects?: Array<string>, 
/**
 * The VPCs a transit gateway or peering connection joins.
 */
attachments?: Array<string>, 
/**
 * Whether a transit gateway accepts attachments without review.
 */
auto_accept_attachments?: boolean | null, 
/**
 * The components a resource share shares.
 */
shares?: Array<string>, 
/**
 * The account segments a resource share shares with.
 */
share_with?: Array<string>, 
/**
 * Whether a repository scans images when they are pushed.
 */
scan_on_push?: boolean | null, 
/**
 * Whether image tags cannot be overwritten.
 */
immutable_tags?: boolean | null, 
/**
 * The Cloud Map namespace an ECS cluster's services join for ECS Service Connect, e.g.
 * `orders.internal`: the services then call each other by name through the Service Connect
 * proxy instead of through a mesh.
 */
service_connect_namespace?: string | null, 
/**
 * Whether Service Connect encrypts the traffic between a cluster's services with TLS
 * certificates from an AWS Private CA. On unless the design says otherwise, when the cluster
 * has a Service Connect namespace. It authenticates the called service to its caller, not
 * the caller to the service.
 */
service_connect_tls?: boolean | null, 
/**
 * The egress allow-list of a Network Firewall: the domains workloads may reach on the
 * internet, matched on the TLS server name (SNI) and the HTTP Host header. A leading dot
 * allows every subdomain (`.example.com`). Everything else is dropped.
 */
allowed_domains?: Array<string>, 
/**
 * Whether the service publishes its own logs: a delivery stream's delivery errors, a state
 * machine's execution events, a database's audit log of who connected and what they ran, a
 * search domain's audit and error logs, a broker's audit and general logs, an endpoint's
 * access log. Absent, the export turns them on.
 */
logging?: boolean | null, 
/**
 * The protocols a Transfer Family server accepts files over. Absent, the export offers
 * SFTP only.
 */
transfer_protocols?: Array<TransferProtocol>, 
/**
 * Who authenticates the users of a Transfer Family server. Absent, the export lets the
 * service manage them, with SSH keys.
 */
identity_provider?: TransferIdentityProvider | null, };

export type Scheme = "internet_facing" | "internal";

export type EndpointType = "interface" | "gateway";

export type FunctionUrlAuth = "none" | "iam";

export type TransferProtocol = "sftp" | "ftps" | "ftp" | "as2";

export type TransferIdentityProvider = "service_managed" | "api_gateway" | "aws_lambda" | "aws_directory_service";

export type LaunchType = "fargate" | "ec2";

export type Category = "network" | "edge" | "compute" | "data" | "security_monitoring";

export type Placement = "subnet" | "vpc" | "regional" | "account";

export type Identity = { 
/**
 * Unique id across the whole design.
 */
id: string, 
/**
 * What kind of identity this is.
 */
kind: IdentityKind, 
/**
 * The name people read on the canvas and in reports.
 */
name: string, 
/**
 * Free text for reviewers.
 */
description?: string | null, 
/**
 * The account segment the identity belongs to.
 */
account?: string | null, 
/**
 * Multi-factor authentication: for users, user pools, permission sets and roles assumed by
 * people (a role's trust then requires `aws:MultiFactorAuthPresent`).
 */
mfa?: MfaMode | null, 
/**
 * The longest session, in seconds, for roles and permission sets.
 */
session_duration_seconds?: number | null, 
/**
 * Who may assume a role.
 */
trusts?: Array<Principal>, 
/**
 * Inline permission statements.
 */
policies?: Array<PolicyStatement>, 
/**
 * ARNs of attached managed policies (AWS-managed or customer-managed).
 */
managed_policies?: Array<string>, 
/**
 * The ARN of a permissions boundary, for roles and users.
 */
permissions_boundary?: string | null, 
/**
 * The groups an IAM user belongs to (ids of `iam_group` identities).
 */
groups?: Array<string>, 
/**
 * Whether an IAM user has a console password.
 */
console_access?: boolean | null, 
/**
 * An IAM user's access keys (metadata only: never the secret).
 */
access_keys?: Array<AccessKey>, 
/**
 * What was observed of an IAM user's use of the account, as of a day. `zta import iam`
 * fills it from IAM's last-used data; a drawn design usually has none, and a user without
 * it is not judged for inactivity.
 */
activity?: UserActivity | null, 
/**
 * Identity providers a user pool or permission set federates with (ids of
 * `identity_provider` identities).
 */
federation?: Array<string>, 
/**
 * The protocol of an external identity provider.
 */
protocol?: FederationProtocol | null, 
/**
 * The issuer URL or SAML metadata location of an external identity provider.
 */
issuer?: string | null, 
/**
 * How long a user pool's access and id tokens live, in minutes.
 */
token_validity_minutes?: number | null, 
/**
 * The prefix of a user pool's hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`),
 * where federated users sign in: lower-case letters, digits and hyphens.
 */
domain_prefix?: string | null, 
/**
 * The URLs a user pool's app client may return users to after they sign in (OAuth 2.0
 * redirect URIs, HTTPS except on localhost).
 */
callback_urls?: Array<string>, 
/**
 * The OAuth scopes a user pool's app client may request, e.g. `openid`, `email`, `profile`.
 */
oauth_scopes?: Array<string>, 
/**
 * Whether the identity pool through which a user pool's users assume roles also accepts
 * the basic (classic) authentication flow, in which a client calls `GetOpenIdToken` and
 * then `AssumeRoleWithWebIdentity` itself with any role the trust admits, instead of the
 * enhanced flow, where the identity pool picks the role and scopes the session. Off unless
 * the design says otherwise.
 */
classic_flow?: boolean | null, 
/**
 * The accounts a permission set is assigned in (ids of account segments).
 */
assigned_accounts?: Array<string>, 
/**
 * The CloudFormation logical id this identity maps to, when it came from a template.
 */
logical_id?: string | null, 
/**
 * Rules accepted as risks for this identity.
 */
suppress?: Array<Suppression>, };

export type IdentityKind = "iam_role" | "iam_user" | "iam_group" | "cognito_user_pool" | "permission_set" | "identity_provider";

export type Principal = { 
/**
 * What kind of principal `id` names.
 */
kind: PrincipalKind, 
/**
 * The service name, element id or account id, as `kind` says.
 */
id: string, 
/**
 * What the trust statement requires besides the principal. The role's `mfa` says whether
 * people need a second factor; it applies to every trust of people and is not repeated
 * here.
 */
conditions?: TrustConditions | null, };

export type PrincipalKind = "service" | "identity" | "actor" | "account" | "external_account" | "federated";

export type TrustConditions = { 
/**
 * `sts:ExternalId`: the secret-less token a third party must present, against the
 * confused deputy problem of cross-account trust.
 */
external_id?: string | null, 
/**
 * `aws:SourceAccount`: the account on whose behalf a service may assume the role (a
 * 12-digit id, or the id of an account segment of the design).
 */
source_account?: string | null, 
/**
 * `aws:SourceArn`: the resource on whose behalf a service may assume the role (an ARN,
 * which may end in `*`, or the id of a component of the design).
 */
source_arn?: string | null, 
/**
 * `aws:PrincipalOrgID`: the AWS Organizations organization (`o-...`) the principal must
 * belong to.
 */
organization_id?: string | null, 
/**
 * The `aud` claim a web-identity or SAML token must carry (`<provider>:aud`): the client
 * id, or for a Cognito identity pool the identity pool id.
 */
audience?: string | null, 
/**
 * The `amr` value a Cognito identity must carry (`cognito-identity.amazonaws.com:amr`):
 * `authenticated` admits signed-in users only, `unauthenticated` admits guests.
 */
amr?: string | null, };

export type MfaMode = "off" | "optional" | "required";

export type FederationProtocol = "saml" | "oidc";

export type AccessKey = { 
/**
 * When the key was created (`YYYY-MM-DD`).
 */
created: string, 
/**
 * When the key was last used (`YYYY-MM-DD`), if ever.
 */
last_used?: string | null, 
/**
 * Whether the key is active.
 */
active: boolean, };

export type UserActivity = { 
/**
 * The day the dates were read (`YYYY-MM-DD`): inactivity is measured up to this day, not
 * up to the day the design is validated, so that results do not change with the clock.
 */
as_of: string, 
/**
 * When the user was created (`YYYY-MM-DD`).
 */
created?: string | null, 
/**
 * When the user's console password was last used (`YYYY-MM-DD`), if ever.
 */
password_last_used?: string | null, };

export type PolicyStatement = { 
/**
 * An optional statement id.
 */
sid?: string | null, 
/**
 * Whether the statement allows or denies.
 */
effect?: Effect, 
/**
 * Who the statement applies to, for resource policies (`*` for anyone).
 */
principals?: Array<string>, 
/**
 * IAM actions such as `s3:GetObject`; wildcards are kept as written.
 */
actions?: Array<string>, 
/**
 * Resource ARNs, or ids of design elements that the exporter turns into ARNs.
 */
resources?: Array<string>, 
/**
 * Conditions: operator → condition key → values, as in IAM.
 */
conditions?: { [key in string]: { [key in string]: Array<string> } }, };

export type Effect = "allow" | "deny";

export type Actor = { 
/**
 * Unique id across the whole design.
 */
id: string, 
/**
 * Who this actor is.
 */
kind: ActorKind, 
/**
 * The name people read on the canvas and in reports.
 */
name: string, 
/**
 * Free text for reviewers.
 */
description?: string | null, 
/**
 * The zone the actor connects from (an internet, on-premises or partner segment);
 * absent means the internet.
 */
zone?: string | null, 
/**
 * The identity the actor signs in with (a user pool, a permission set, an IAM user...).
 */
signs_in_with?: string | null, 
/**
 * Where the actor is established, as an ISO 3166 country code (`US`, `DE`), for GDPR
 * transfers of personal data to it; absent means not recorded.
 */
jurisdiction?: string | null, 
/**
 * The legal basis recorded for sending personal data to the actor when its jurisdiction
 * lies outside the EEA (GDPR Chapter V).
 */
transfer_safeguard?: TransferSafeguard | null, 
/**
 * Set when the actor is an outside party that provides services to the business, as
 * PCI DSS 12.8 lists them: what it provides and the written agreement that binds it.
 */
service_provider?: ServiceProvider | null, 
/**
 * Rules accepted as risks for this actor.
 */
suppress?: Array<Suppression>, };

export type ActorKind = "customer" | "workforce" | "administrator" | "developer" | "partner" | "external_system";

export type ServiceProvider = { 
/**
 * The services it provides, in a few words each (`payment authorisation`).
 */
services?: Array<string>, 
/**
 * Where the written agreement is kept (a contract number, a document URL); absent means
 * none is recorded.
 */
agreement?: string | null, };

export type Flow = { 
/**
 * Unique id across the whole design.
 */
id: string, 
/**
 * The element that opens the connection.
 */
source: string, 
/**
 * The element that accepts it.
 */
target: string, 
/**
 * An optional label; the canvas otherwise shows the protocol and port.
 */
name?: string | null, 
/**
 * Free text for reviewers.
 */
description?: string | null, 
/**
 * The application protocol.
 */
protocol: Protocol, 
/**
 * The target ports; a single port is written as a number, a range as `"from-to"`.
 */
ports?: Array<PortRange>, 
/**
 * Transport encryption: `none`, or the lowest TLS version accepted.
 */
tls: Tls, 
/**
 * How the caller proves who it is.
 */
auth: Auth, 
/**
 * For `jwt` authentication: the user pool or identity provider that issues the tokens.
 */
issuer?: string | null, 
/**
 * The classes of data the flow carries.
 */
data?: Array<DataClass>, 
/**
 * For calls to AWS APIs: the IAM actions used, e.g. `s3:GetObject`.
 */
actions?: Array<string>, 
/**
 * Components the flow passes through on its way (VPC endpoints, Transit Gateway, firewall).
 */
via?: Array<string>, 
/**
 * Rules accepted as risks for this flow.
 */
suppress?: Array<Suppression>, };

export type Protocol = "https" | "http" | "grpc" | "aws_api" | "postgresql" | "mysql" | "redis" | "memcached" | "kafka" | "ssh" | "rdp" | "dns" | "smtp" | "ldap" | "tcp" | "udp";

export type PortRange = number | string;

export type Tls = "none" | "1.0" | "1.1" | "1.2" | "1.3";

export type Auth = "none" | "iam" | "jwt" | "mtls" | "password" | "api_key";

export type DataClass = "public" | "internal" | "confidential" | "pii" | "cardholder";

export type Suppression = { 
/**
 * The stable code of the rule, e.g. `ZT-NET-004`.
 */
rule: string, 
/**
 * Why the risk is accepted; required so that no suppression is anonymous.
 */
reason: string, };

export type TransferSafeguard = "adequacy_decision" | "standard_contractual_clauses" | "binding_corporate_rules";

export type Layout = { 
/**
 * One box per element that has been placed; elements without one are laid out automatically.
 */
nodes?: { [key in string]: NodeBox }, 
/**
 * The route the canvas drew each flow along when the design was saved, by flow id, so
 * that the PDF report draws the flows where the architect saw them. The app writes the
 * routes that hold for the saved boxes; a route whose ends no longer touch its flow's
 * boxes is ignored by the report.
 */
routes?: { [key in string]: FlowRoute }, };

export type NodeBox = { 
/**
 * Left edge.
 */
x: number, 
/**
 * Top edge.
 */
y: number, 
/**
 * Width, for resizable nodes (segments).
 */
width?: number | null, 
/**
 * Height, for resizable nodes (segments).
 */
height?: number | null, };

export type FlowRoute = { 
/**
 * The route's start, corners and end.
 */
points: Array<RoutePoint>, 
/**
 * The centre of the flow's label, where the canvas placed it.
 */
label?: RoutePoint | null, };

export type RoutePoint = { x: number, y: number, };
