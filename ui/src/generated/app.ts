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

export type DeployEvent = { "kind": "review", 
/**
 * The change set.
 */
change_set: ChangeSetReview, } | { "kind": "progress", 
/**
 * The event, as zta-aws reports it.
 */
progress: DeployProgress, };

export type DesignValidation = { 
/**
 * Problems that would stop the file from loading (dangling references and the like).
 */
problems: Array<DesignProblem>, 
/**
 * The rules' findings, in the stable JSON shape of `zta validate --format json`.
 */
findings: Array<Finding>, };

export type DesignProblem = { 
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

export type ComplianceAssessment = { 
/**
 * One assessment per framework, in report order.
 */
frameworks: Array<FrameworkAssessment>, 
/**
 * The ZTMM stages and NIST tenet coverage.
 */
zero_trust: ZeroTrustScore, 
/**
 * The findings the controls cite by reference.
 */
findings: Array<AssessedFinding>, };

export type AssessedFinding = { 
/**
 * The reference controls cite, the same as in the PDF report.
 */
reference: string, 
/**
 * The rule code.
 */
rule: string, 
/**
 * The ids of the elements the finding is about.
 */
elements: Array<string>, };

export type FrameworkAssessment = { framework: Framework, name: string, version: string, 
/**
 * Name and version as reports print them (`ISO/IEC 27001:2022`).
 */
title: string, 
/**
 * Set when the framework as a whole does not apply to the design, with the reason.
 */
not_applicable: string | null, totals: StatusTotals, controls: Array<ControlAssessment>, };

export type Framework = "pci-dss" | "gdpr" | "iso27001" | "nist-800-207" | "cisa-ztmm";

export type StatusTotals = { satisfied: number, not_satisfied: number, not_evaluated: number, evidenced_attestation_required: number, attestation_required: number, not_applicable: number, };

export type ControlAssessment = { id: string, title: string, group: string, evidence_level: EvidenceLevel, status: ControlStatus, 
/**
 * Why the control has this status, in a sentence.
 */
rationale: string, 
/**
 * What the design shows: the mapped rules that evaluated subjects and passed, and the
 * report artifacts that show the control.
 */
evidence: Array<string>, 
/**
 * What the auditor must still see: clauses the design does not show, rules that had
 * nothing to judge, operation to attest.
 */
attestation: Array<string>, 
/**
 * The open findings against it (report references).
 */
findings: Array<string>, accepted_risks: Array<AcceptedRisk>, 
/**
 * The rules mapped to it.
 */
rules: Array<string>, 
/**
 * What each mapped rule judged.
 */
rule_results: Array<RuleResult>, coverage: ControlCoverage, 
/**
 * The capabilities it requires, and whether they hold.
 */
prerequisites: Array<PrerequisiteResult>, };

export type ControlStatus = "satisfied" | "not-satisfied" | "not-evaluated" | "evidenced-attestation-required" | "attestation-required" | "not-applicable";

export type EvidenceLevel = "design" | "partial" | "process" | "inherited";

export type AcceptedRisk = { finding: string, rule: string, reason: string, };

export type RuleResult = { code: string, title: string, 
/**
 * Subjects the rule evaluated in the design.
 */
subjects: number, 
/**
 * Its findings, open and accepted.
 */
findings: number, 
/**
 * The clauses of the control it judges.
 */
clauses: Array<string>, };

export type ControlCoverage = { 
/**
 * Rules mapped to the control.
 */
rules_mapped: number, 
/**
 * Mapped rules that evaluated at least one subject.
 */
rules_evaluated: number, 
/**
 * Subjects evaluated, summed over the mapped rules.
 */
subjects: number, };

export type PrerequisiteResult = { id: string, description: string, state: PrerequisiteState, 
/**
 * Why, naming rules and findings.
 */
detail: string, };

export type PrerequisiteState = "holds" | "fails" | "unknown";

export type ZeroTrustScore = { pillars: Array<PillarScore>, tenets: Array<TenetCoverage>, };

export type PillarScore = { id: string, name: string, cross_cutting: boolean, stage: Stage, 
/**
 * Rules tagged with the pillar, how many evaluated at least one subject, and how many of
 * those have no open finding.
 */
rules: number, rules_evaluated: number, rules_passing: number, open_findings: SeverityCounts, accepted_risks: number, rationale: string, };

export type Stage = "not-assessed" | "traditional" | "initial" | "advanced" | "optimal";

export type SeverityCounts = { critical: number, high: number, medium: number, low: number, info: number, };

export type TenetCoverage = { id: string, title: string, rules: number, 
/**
 * The tenet's rules that evaluated at least one subject.
 */
rules_evaluated: number, rules_passing: number, 
/**
 * Passing rules as a share of the tenet's evaluated rules, 0 to 100 (0 when none
 * evaluated anything).
 */
coverage_percent: number, 
/**
 * Codes of the tenet's rules with open findings.
 */
failing_rules: Array<string>, };

export type AccountPlan = { 
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
stacks: Array<StackPlan>, 
/**
 * The stacks the design places in other accounts, for their own credentials.
 */
elsewhere: Array<StackPlan>, 
/**
 * What a person must do by hand, each with its command or console path.
 */
manual_steps: Array<ManualStep>, };

export type StackPlan = { 
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

export type ChangeSetReview = { 
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
changes: Array<ResourceChange>, 
/**
 * The capabilities it acknowledges, such as `CAPABILITY_NAMED_IAM`.
 */
capabilities: Array<string>, 
/**
 * Replacements and removals worth a second look.
 */
warnings: Array<string>, };

export type ResourceChange = { 
/**
 * Add, modify, remove...
 */
action: ChangeAction, 
/**
 * The resource's logical id in the template.
 */
logical_id: string, 
/**
 * Its physical id, for resources that exist.
 */
physical_id?: string, 
/**
 * Its type, e.g. `AWS::RDS::DBInstance`.
 */
resource_type: string, 
/**
 * Whether a modification replaces the resource (a new physical resource, the old one
 * deleted: data in it is lost unless it is retained or snapshotted).
 */
replacement: Replacement, 
/**
 * The properties whose change drives the modification.
 */
changed_properties: Array<string>, };

export type ChangeAction = "add" | "modify" | "remove" | "import" | "dynamic";

export type Replacement = "never" | "conditional" | "always";

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

export type StackManifestOutcome = { 
/**
 * The stacks deployed (or found unchanged), in order.
 */
deployed: Array<DeployOutcome>, 
/**
 * The stack whose change set was declined; it and the stacks after it were not deployed.
 */
declined_at: string | null, };

export type DeployOutcome = { 
/**
 * The stack.
 */
stack_name: string, 
/**
 * Its final status, e.g. `CREATE_COMPLETE`.
 */
final_status: string, 
/**
 * The stack's outputs, in CloudFormation's order.
 */
outputs: Array<StackOutput>, 
/**
 * The events of this execution, oldest first.
 */
events: Array<StackEventRecord>, 
/**
 * Whether termination protection was turned on.
 */
termination_protection: boolean, };

export type StackOutput = { 
/**
 * The output's key.
 */
key: string, 
/**
 * Its value.
 */
value: string, 
/**
 * The template's description of it.
 */
description?: string, 
/**
 * The export name, when other stacks can import it.
 */
export_name?: string, };
