// Completion for IAM policy statements: every action of every AWS service (the list generated
// from parliament's IAM definition, see tools/iam/generate_actions.py), and the ARNs of the
// design's own resources, built from the account and region they sit in. Both fields hold comma
// separated lists, so completion works on the entry being typed, the last one.
import { parentOf } from "../model/edit";
import type { Component, Design } from "../model/types";

/** Actions by service prefix: `{ s3: ["GetObject", ...] }`. */
export type ActionList = Record<string, string[]>;

let actions: Promise<ActionList> | null = null;

/** The action list, loaded the first time a statement is edited (it is half a megabyte). */
export function loadActions(): Promise<ActionList> {
  actions ??= import("../generated/iam-actions.json").then((module) => module.default.services as ActionList);
  return actions;
}

/** The list's text before its last entry, and the last entry as typed so far. */
function lastEntry(draft: string): [string, string] {
  const comma = draft.lastIndexOf(",");
  const head = comma < 0 ? "" : `${draft.slice(0, comma + 1)} `;
  return [head, draft.slice(comma + 1).trim()];
}

/**
 * Completions for the last entry of a list of actions: services while the prefix is typed, then
 * that service's actions (matching anywhere in the name, those that start with the text first).
 * Each is the whole field's text with the entry completed, as the browser's completion list
 * expects.
 */
export function completeActions(draft: string, list: ActionList, limit = 40): string[] {
  const [head, entry] = lastEntry(draft);
  const colon = entry.indexOf(":");
  if (colon < 0) {
    const typed = entry.toLowerCase();
    return Object.keys(list)
      .filter((prefix) => prefix.startsWith(typed))
      .slice(0, limit)
      .map((prefix) => `${head}${prefix}:`);
  }
  const prefix = entry.slice(0, colon).toLowerCase();
  const typed = entry.slice(colon + 1).toLowerCase();
  const names = list[prefix] ?? [];
  const starting = names.filter((name) => name.toLowerCase().startsWith(typed));
  const containing = typed ? names.filter((name) => !name.toLowerCase().startsWith(typed) && name.toLowerCase().includes(typed)) : [];
  return [...starting, ...containing].slice(0, limit).map((name) => `${head}${prefix}:${name}`);
}

/**
 * A problem with a list of actions, checked against the action list: an unknown service, or an
 * action the service does not have (with the nearest ones it does). Wildcards match as IAM
 * matches them.
 */
export function unknownAction(text: string, list: ActionList): string | null {
  for (const action of text.split(",").map((a) => a.trim()).filter(Boolean)) {
    if (action === "*") continue;
    const [prefix, name = ""] = action.split(":", 2);
    const names = list[prefix.toLowerCase()];
    if (!names) return `'${prefix}' is not the prefix of an AWS service.`;
    const pattern = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    if (!names.some((n) => pattern.test(n))) {
      // The nearest names are those sharing the longest start with what was typed.
      const shared = (n: string) => {
        let i = 0;
        while (i < n.length && i < name.length && n[i].toLowerCase() === name[i].toLowerCase()) i++;
        return i;
      };
      const near = names
        .filter((n) => shared(n) >= 3)
        .sort((a, b) => shared(b) - shared(a) || a.length - b.length)
        .slice(0, 3);
      return `${prefix} has no action ${name}${near.length > 0 ? `; did you mean ${near.map((n) => `${prefix}:${n}`).join(", ")}?` : "."}`;
    }
  }
  return null;
}

/** The account id and region a component sits in, from the segments around it. */
function placeOf(design: Design, component: Component): { account: string; region: string } {
  let account = "${AWS::AccountId}";
  let region = "${AWS::Region}";
  const seen = new Set<string>();
  for (let id = parentOf(design, component.id); id && !seen.has(id); id = parentOf(design, id)) {
    seen.add(id);
    const segment = design.segments.find((s) => s.id === id);
    if (segment?.account_id && account.startsWith("$")) account = segment.account_id;
    if (segment?.region && region.startsWith("$")) region = segment.region;
  }
  return { account, region };
}

/**
 * The ARNs of the design's resources that a statement can name, for the kinds whose ARN follows
 * from what the design holds (its name, account and region); where the design does not say the
 * account or region, the ARN keeps CloudFormation's placeholder for it.
 */
export function designArns(design: Design): string[] {
  const arns: string[] = [];
  for (const component of design.components) {
    const { account, region } = placeOf(design, component);
    const name = component.id;
    switch (component.kind) {
      case "s3_bucket":
        arns.push(`arn:aws:s3:::${name}`, `arn:aws:s3:::${name}/*`);
        break;
      case "dynamodb_table":
        arns.push(`arn:aws:dynamodb:${region}:${account}:table/${name}`);
        break;
      case "sqs_queue":
        arns.push(`arn:aws:sqs:${region}:${account}:${name}`);
        break;
      case "sns_topic":
        arns.push(`arn:aws:sns:${region}:${account}:${name}`);
        break;
      case "lambda_function":
        arns.push(`arn:aws:lambda:${region}:${account}:function:${name}`);
        break;
      case "secret":
        arns.push(`arn:aws:secretsmanager:${region}:${account}:secret:${name}-*`);
        break;
      case "kms_key":
        arns.push(`arn:aws:kms:${region}:${account}:key/*`);
        break;
      case "log_group":
        arns.push(`arn:aws:logs:${region}:${account}:log-group:${name}:*`);
        break;
      case "ecr_repository":
        arns.push(`arn:aws:ecr:${region}:${account}:repository/${name}`);
        break;
      case "kinesis_stream":
        arns.push(`arn:aws:kinesis:${region}:${account}:stream/${name}`);
        break;
      case "mq_broker":
        // The broker's id is chosen by AWS, so the completion offers every broker of the name.
        arns.push(`arn:aws:mq:${region}:${account}:broker:${name}:*`);
        break;
      case "msk_cluster":
        // The cluster's id is chosen by AWS, so the completion offers every cluster.
        arns.push(`arn:aws:kafka:${region}:${account}:cluster/${name}/*`);
        break;
      case "opensearch_domain":
        arns.push(`arn:aws:es:${region}:${account}:domain/${name}/*`);
        break;
      case "firehose_stream":
        arns.push(`arn:aws:firehose:${region}:${account}:deliverystream/${name}`);
        break;
      case "step_functions_state_machine":
        // CloudFormation names the state machine, so the completion offers every one.
        arns.push(`arn:aws:states:${region}:${account}:stateMachine:*`);
        break;
      case "efs_file_system":
        // The file system's id is chosen by AWS, so the completion offers every file system.
        arns.push(`arn:aws:elasticfilesystem:${region}:${account}:file-system/*`);
        break;
      case "rds":
        arns.push(`arn:aws:rds-db:${region}:${account}:dbuser:*/*`);
        break;
      default:
        break;
    }
  }
  return [...new Set(arns)];
}

/** Completions for the last entry of a list of resources: element ids and ARNs that contain what is typed. */
export function completeResources(draft: string, candidates: string[], limit = 40): string[] {
  const [head, entry] = lastEntry(draft);
  const typed = entry.toLowerCase();
  return candidates
    .filter((c) => c.toLowerCase().includes(typed))
    .slice(0, limit)
    .map((c) => `${head}${c}`);
}
