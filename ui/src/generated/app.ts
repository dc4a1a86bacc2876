// Generated from src-tauri by `cargo test -p zta-designer` with ZTA_UPDATE_GENERATED=1.
// Do not edit: change the Rust types instead.

import type { Design as RawDesign } from "./model";

export type ErrorPayload = { 
/**
 * A stable, machine-readable code such as `load_failed` or `no_file`.
 */
code: string, 
/**
 * A sentence for the person at the keyboard.
 */
message: string, };

export type OpenedDesign = { 
/**
 * The file name for the title bar, or none for a design never saved.
 */
file_name: string | null, 
/**
 * The design, in the JSON form of the file format.
 */
design: RawDesign, 
/**
 * Whether this is an autosaved copy recovered after a crash (so it is unsaved work).
 */
recovered: boolean, };

export type ExampleInfo = { 
/**
 * The name `new_design` takes.
 */
name: string, 
/**
 * The design's own name, for the menu.
 */
title: string, };

export type RecentFile = { 
/**
 * The full path, shown as a tooltip and passed back to `open_recent`.
 */
path: string, 
/**
 * The file name, shown in the menu.
 */
name: string, };

export type Validation = { 
/**
 * Problems that would stop the file from loading (dangling references and the like).
 */
problems: Array<Problem>, 
/**
 * The rules' findings, in the stable JSON shape of `zta validate --format json`.
 */
findings: Array<Finding>, };

export type Problem = { 
/**
 * Where in the document, e.g. `components[3].segment`.
 */
path: string, 
/**
 * What is wrong.
 */
message: string, 
/**
 * The obvious fix, when there is one.
 */
help: string | null, };

export type Finding = { 
/**
 * The rule's stable code, e.g. `ZT-NET-004`.
 */
rule: string, 
/**
 * The rule's severity.
 */
severity: Severity, 
/**
 * The rule's title.
 */
title: string, 
/**
 * What is wrong, naming the elements concerned.
 */
message: string, 
/**
 * The ids of the elements concerned, the subject first (the UI highlights them).
 */
elements: Array<string>, 
/**
 * For path findings, the ordered ids along the path: the origin zone, then alternately
 * the flow taken and the element reached. Empty for other findings.
 */
path: Array<string>, 
/**
 * What to change in the design.
 */
remediation: string, 
/**
 * Whether an element named in the finding accepts this rule as a risk.
 */
suppressed: boolean, 
/**
 * The reason given by the suppression, when suppressed.
 */
suppression_reason?: string, 
/**
 * For findings about the carried CloudFormation, which names no element: the carried
 * resource, output or parameter concerned, as `carried_cloudformation.Resources.Id`, so
 * that a scan points at its logical id in the template.
 */
carried?: string, };

export type Severity = "info" | "low" | "medium" | "high" | "critical";

export type ComplianceView = { 
/**
 * One entry per framework, in report order.
 */
frameworks: Array<FrameworkView>, 
/**
 * The ZTMM pillars and cross-cutting capabilities.
 */
pillars: Array<PillarView>, 
/**
 * The findings controls cite, by their report reference.
 */
findings: Array<FindingReference>, };

export type FrameworkView = { 
/**
 * The stable name: `pci-dss`, `gdpr` or `iso27001`.
 */
id: string, 
/**
 * The framework's name, e.g. `PCI DSS`.
 */
name: string, 
/**
 * Its version, e.g. `4.0.1`.
 */
version: string, 
/**
 * Name and version for a heading.
 */
title: string, 
/**
 * Why the whole framework does not apply to this design, when it does not.
 */
not_applicable: string | null, 
/**
 * How many controls have each status.
 */
totals: StatusTotals, 
/**
 * Every control, in catalog order.
 */
controls: Array<ControlView>, };

export type StatusTotals = { 
/**
 * Controls the design alone satisfies.
 */
satisfied: number, 
/**
 * Controls with a finding against them or a failed prerequisite.
 */
not_satisfied: number, 
/**
 * Controls none of whose rules had anything to judge.
 */
not_evaluated: number, 
/**
 * Controls the design shows in part; the rest needs attestation.
 */
evidenced_attestation_required: number, 
/**
 * Controls that need evidence from outside the design.
 */
attestation_required: number, 
/**
 * Controls that cannot apply to this design.
 */
not_applicable: number, };

export type ControlStatus = "satisfied" | "not_satisfied" | "not_evaluated" | "evidenced_attestation_required" | "attestation_required" | "not_applicable";

export type ControlView = { 
/**
 * The control's id in its framework, e.g. `1.3.1` or `A.8.20`.
 */
id: string, 
/**
 * Its title.
 */
title: string, 
/**
 * The catalog group it belongs to.
 */
group: string, 
/**
 * Its status.
 */
status: ControlStatus, 
/**
 * Why it has that status.
 */
rationale: string, 
/**
 * References of the open findings against it (`F-001`).
 */
findings: Array<string>, 
/**
 * How many suppressed findings against it were accepted as risks.
 */
accepted_risks: number, 
/**
 * The rules mapped to it.
 */
rules: Array<string>, 
/**
 * How many of its mapped rules evaluated at least one subject.
 */
rules_evaluated: number, 
/**
 * How many subjects they evaluated in all.
 */
subjects: number, 
/**
 * `k of n mapped rules evaluated, m subjects`.
 */
coverage: string, 
/**
 * What the design shows.
 */
evidence: Array<string>, 
/**
 * What the auditor must still see.
 */
attestation: Array<string>, };

export type Stage = "not_assessed" | "traditional" | "initial" | "advanced" | "optimal";

export type PillarView = { 
/**
 * Its stable id.
 */
id: string, 
/**
 * Its name, e.g. `Identity`.
 */
name: string, 
/**
 * Whether it is a cross-cutting capability rather than a pillar.
 */
cross_cutting: boolean, 
/**
 * The stage the design reaches.
 */
stage: Stage, 
/**
 * How many rules check it, and how many of them pass.
 */
rules: number, 
/**
 * How many of its rules evaluated at least one subject.
 */
rules_evaluated: number, 
/**
 * How many of its rules pass.
 */
rules_passing: number, 
/**
 * Open findings against its rules.
 */
open_findings: number, 
/**
 * Why it is at that stage.
 */
rationale: string, };

export type FindingReference = { 
/**
 * `F-001` and so on, as in the PDF report.
 */
reference: string, 
/**
 * The rule code.
 */
rule: string, 
/**
 * The elements it is about.
 */
elements: Array<string>, };

export type ImportedDesign = { 
/**
 * The new design; it has no file until the user saves it.
 */
design: RawDesign, 
/**
 * One sentence: how many resources were mapped, absorbed and carried.
 */
summary: string, 
/**
 * The full import report, resource by resource.
 */
report: string, };

export type CloudFormationExported = { 
/**
 * The file or folder written, by name.
 */
location: string, 
/**
 * The files written, by name, templates first and then the manifest.
 */
files: Array<string>, 
/**
 * The stacks, in deployment order.
 */
stacks: Array<string>, 
/**
 * What the exporter wants the user to know.
 */
warnings: Array<string>, 
/**
 * What CloudFormation cannot do and a person must, each with its command or console path.
 */
manual_steps: Array<ManualStep>, 
/**
 * Stacks whose template must go through S3 to be deployed (over the inline limit).
 */
over_inline_limit: Array<string>, };

export type ReportExported = { 
/**
 * The report's file name.
 */
file_name: string, 
/**
 * Its size in bytes.
 */
bytes: number, };

export type ManualStep = { 
/**
 * The design element the step completes.
 */
element: string, 
/**
 * The account segment (or `main`) whose stack the step belongs to.
 */
account: string, 
/**
 * What to do, in a few words.
 */
title: string, 
/**
 * Why the step is needed and when to take it.
 */
instructions: string, 
/**
 * How to take it: the exact AWS CLI command, console path or template edit, with what the
 * design does not know (an ARN, a secret) in angle brackets. Every step has at least one.
 */
actions: Array<StepAction>, };

export type StepAction = { "kind": "command", "text": string } | { "kind": "console", "text": string } | { "kind": "template", "text": string };

export type DeployTarget = { 
/**
 * The named profile of the shared AWS config files.
 */
profile: string | null, 
/**
 * The region to deploy to.
 */
region: string | null, 
/**
 * The stack's name when the design becomes one stack.
 */
stack_name: string | null, };

export type DeployPlanView = { 
/**
 * The account the credentials belong to.
 */
account_id: string, 
/**
 * The region deployed to.
 */
region: string, 
/**
 * The stacks deployed in this account, in order.
 */
stacks: Array<PlannedStackView>, 
/**
 * The stacks the design places in other accounts, for their own credentials.
 */
elsewhere: Array<PlannedStackView>, 
/**
 * What a person must do by hand, each with its command or console path.
 */
manual_steps: Array<ManualStep>, };

export type PlannedStackView = { 
/**
 * The stack's name.
 */
name: string, 
/**
 * The account the design places it in, if it names one.
 */
account_id: string | null, 
/**
 * The parameters its template declares that no earlier stack's output provides: the
 * deployer gives those that have no default (images, Identity Center groups and the like).
 */
parameters: Array<string>, };

export type ChangeSetView = { 
/**
 * The stack it changes.
 */
stack_name: string, 
/**
 * `CREATE` or `UPDATE`.
 */
change_set_type: string, 
/**
 * What it would do to each resource.
 */
changes: Array<ChangeView>, 
/**
 * The capabilities it acknowledges, such as `CAPABILITY_NAMED_IAM`.
 */
capabilities: Array<string>, 
/**
 * Replacements and removals worth a second look.
 */
warnings: Array<string>, };

export type ChangeView = { 
/**
 * `add`, `modify`, `remove`, `import` or `dynamic`.
 */
action: string, 
/**
 * The resource's logical id.
 */
logical_id: string, 
/**
 * Its CloudFormation type.
 */
resource_type: string, 
/**
 * `never`, `conditional` or `always`.
 */
replacement: string, };

export type DeployEvent = { "kind": "review", 
/**
 * The change set.
 */
change_set: ChangeSetView, } | { "kind": "progress", 
/**
 * The event, as zta-aws reports it.
 */
progress: DeployProgress, };

export type DeployProgress = { "kind": "validating", 
/**
 * The stack being deployed.
 */
stack_name: string, 
/**
 * The template's size in bytes.
 */
template_bytes: number, } | { "kind": "template_staged", 
/**
 * The stack being deployed.
 */
stack_name: string, 
/**
 * The staging bucket.
 */
bucket: string, 
/**
 * The object key.
 */
key: string, } | { "kind": "creating_change_set", 
/**
 * The stack being deployed.
 */
stack_name: string, 
/**
 * `CREATE` for a new stack, `UPDATE` for an existing one.
 */
change_set_type: string, } | { "kind": "change_set_ready", 
/**
 * The stack being deployed.
 */
stack_name: string, 
/**
 * How many resources it adds, modifies or removes.
 */
resource_changes: number, } | { "kind": "executing", 
/**
 * The stack being deployed.
 */
stack_name: string, 
/**
 * How many resources it touches, for a progress bar's length.
 */
resource_changes: number, } | { "kind": "stack_event" } & StackEventRecord | { "kind": "finished", 
/**
 * The stack.
 */
stack_name: string, 
/**
 * Its final status, e.g. `CREATE_COMPLETE` or `UPDATE_ROLLBACK_COMPLETE`.
 */
status: string, 
/**
 * Whether the deployment succeeded.
 */
succeeded: boolean, } | { "kind": "stack_set_operation", 
/**
 * The StackSet.
 */
stack_set_name: string, 
/**
 * The operation id.
 */
operation_id: string, 
/**
 * `RUNNING`, `SUCCEEDED`, `FAILED`, `STOPPED`...
 */
status: string, };

export type StackEventRecord = { 
/**
 * The stack the event belongs to.
 */
stack_name: string, 
/**
 * When it happened, as RFC 3339.
 */
timestamp: string, 
/**
 * The resource's logical id (the stack's own name for stack-level events).
 */
logical_id: string, 
/**
 * The resource type, e.g. `AWS::S3::Bucket`.
 */
resource_type: string, 
/**
 * The resource's status, e.g. `CREATE_IN_PROGRESS`, `CREATE_FAILED`.
 */
status: string, 
/**
 * CloudFormation's reason, when it gave one.
 */
reason: string | null, };

export type DeploySummary = { 
/**
 * The stacks deployed (or found unchanged), in order.
 */
deployed: Array<string>, 
/**
 * The stack whose change set the user declined, which stopped the deployment.
 */
declined_at: string | null, };
