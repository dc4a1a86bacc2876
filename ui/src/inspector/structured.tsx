// Structured editors for the parts of an identity that were raw JSON: who a role trusts, its
// permission statements, and the risks an element accepts. Each row edits one entry with the
// choices the design offers (its services, elements and accounts) and commits like the other
// fields, so the user never writes JSON and a typo is named where it is.
import { useEffect, useState } from "react";

import type { Design, Effect, PolicyStatement, Principal, PrincipalKind, Suppression, TrustConditions } from "../model/types";
import { SelectField, TextField } from "./fields";
import * as v from "./validate";
import { completeActions, completeResources, designArns, loadActions, unknownAction, type ActionList } from "./iamCompletion";

const principalKinds: [PrincipalKind, string][] = [
  ["service", "AWS service"],
  ["identity", "Identity in this design"],
  ["actor", "Actor in this design"],
  ["account", "Account in this design"],
  ["external_account", "Other AWS account"],
  ["federated", "Federated identity provider"],
];

/** Services that commonly assume roles, offered as completions. */
const services = [
  "ecs-tasks.amazonaws.com",
  "lambda.amazonaws.com",
  "ec2.amazonaws.com",
  "eks.amazonaws.com",
  "states.amazonaws.com",
  "events.amazonaws.com",
  "apigateway.amazonaws.com",
  "codebuild.amazonaws.com",
];

/** The choices for a principal's id, or null when it is free text (a service, an account id). */
function principalChoices(design: Design, kind: PrincipalKind): [string, string][] | null {
  const named = (items: { id: string; name: string }[]) => items.map((i) => [i.id, i.name === i.id ? i.id : `${i.name} (${i.id})`] as [string, string]);
  switch (kind) {
    case "identity":
      return named(design.identities);
    case "actor":
      return named(design.actors);
    case "account":
      return named(design.segments.filter((s) => s.kind === "account"));
    case "federated":
      return named(design.identities.filter((i) => i.kind === "identity_provider" || i.kind === "cognito_user_pool"));
    default:
      return null;
  }
}

export const principalIdValidator = (kind: PrincipalKind) => (text: string) => {
  if (!text.trim()) return "Say which one.";
  if (kind === "service" && !/^[a-z0-9.-]+\.amazonaws\.com$/.test(text.trim())) return "A service principal such as ecs-tasks.amazonaws.com.";
  if (kind === "external_account" && !/^\d{12}$/.test(text.trim())) return "An AWS account id is 12 digits.";
  return null;
};

export function TrustEditor({ design, trusts, onCommit }: { design: Design; trusts: Principal[]; onCommit: (trusts: Principal[]) => void }) {
  // A principal being added stays here until it names someone, so that the design never holds
  // a trust without a principal.
  const [adding, setAdding] = useState<Principal | null>(null);
  const rows = adding ? [...trusts, adding] : trusts;
  const replace = (index: number, principal: Principal) => {
    if (index < trusts.length) {
      onCommit(trusts.map((t, i) => (i === index ? principal : t)));
    } else if (principal.id && !principalIdValidator(principal.kind)(principal.id)) {
      setAdding(null);
      onCommit([...trusts, principal]);
    } else {
      setAdding(principal);
    }
  };
  const remove = (index: number) => (index < trusts.length ? onCommit(trusts.filter((_, i) => i !== index)) : setAdding(null));
  return (
    <div className="field structured" data-testid="trust-editor">
      <span className="field-label">Trusted principals (who may assume the role)</span>
      {rows.length === 0 && <span className="muted">Nobody may assume this role yet.</span>}
      {rows.map((principal, index) => {
        const choices = principalChoices(design, principal.kind);
        return (
          <div key={index} className="structured-row" data-testid="trust-row">
            <SelectField<PrincipalKind> label="Kind" value={principal.kind} options={principalKinds}
              onCommit={(kind) => kind && replace(index, { kind, id: "" })} />
            {choices ? (
              <SelectField label="Which" value={principal.id || null} unset="Choose…" options={choices}
                onCommit={(id) => replace(index, { ...principal, id: id ?? "" })} />
            ) : (
              <TextField label={principal.kind === "service" ? "Service" : "Account id"} value={principal.id}
                placeholder={principal.kind === "service" ? "ecs-tasks.amazonaws.com" : "a 12-digit account id"}
                validate={principalIdValidator(principal.kind)} suggestions={principal.kind === "service" ? services : undefined}
                onCommit={(id) => replace(index, { ...principal, id: id.trim() })} />
            )}
            <button className="link" onClick={() => remove(index)}>Remove</button>
            {index < trusts.length && (
              <TrustConditionsEditor design={design} principal={principal} onCommit={(next) => replace(index, next)} />
            )}
          </div>
        );
      })}
      {!adding && <button className="link" data-testid="trust-add" onClick={() => setAdding({ kind: "service", id: "" })}>Add a principal</button>}
    </div>
  );
}

type ConditionField = keyof TrustConditions;

/** The conditions IAM evaluates for a kind of principal, with their labels and hints. */
export function trustConditionFields(kind: PrincipalKind): [ConditionField, string, string][] {
  switch (kind) {
    case "service":
      return [
        ["source_account", "Source account (aws:SourceAccount)", "The account on whose behalf the service may assume the role: an account of this design or a 12-digit id."],
        ["source_arn", "Source ARN (aws:SourceArn)", "The resource on whose behalf the service may assume the role: a component of this design or an ARN."],
      ];
    case "federated":
      return [
        ["audience", "Audience (aud)", "The client id the token must be issued for; for a Cognito identity pool, its id."],
        ["amr", "Authentication (amr)", "For Cognito identity pools: authenticated admits signed-in users only."],
      ];
    default:
      return [
        ["external_id", "External id (sts:ExternalId)", "The id a third party must present, against the confused deputy problem."],
        ["organization_id", "Organization (aws:PrincipalOrgID)", "The AWS Organizations id (o-...) the caller must belong to."],
      ];
  }
}

/** A principal with one condition set (or cleared); no `conditions` at all when none is left. */
export function withCondition(principal: Principal, field: ConditionField, value: string): Principal {
  const conditions: TrustConditions = { ...(principal.conditions ?? {}) };
  const text = value.trim();
  if (text) conditions[field] = text;
  else delete conditions[field];
  const rest: Principal = { kind: principal.kind, id: principal.id };
  return Object.keys(conditions).length > 0 ? { ...rest, conditions } : rest;
}

/** What is wrong with a condition's value, if anything (empty clears it). */
export const conditionValidator = (design: Design, field: ConditionField) => (text: string) => {
  const value = text.trim();
  if (!value) return null;
  switch (field) {
    case "organization_id":
      return /^o-[a-z0-9]{10,32}$/.test(value) ? null : "An organization id is o- and 10 to 32 lowercase letters or digits.";
    case "source_account":
      return /^\d{12}$/.test(value) || design.segments.some((s) => s.kind === "account" && s.id === value)
        ? null
        : "An account of this design or a 12-digit account id.";
    case "source_arn":
      return value.startsWith("arn:") || design.components.some((c) => c.id === value) ? null : "A component of this design or an ARN.";
    case "external_id":
      return /^[\w+=,.@:/-]{2,1224}$/.test(value) ? null : "2 to 1224 letters, digits or +=,.@:/-_.";
    default:
      return null;
  }
};

/** The conditions of one trust, as fields for the ones that apply to its kind of principal. */
function TrustConditionsEditor({ design, principal, onCommit }: { design: Design; principal: Principal; onCommit: (principal: Principal) => void }) {
  const suggestions = (field: ConditionField): string[] | undefined => {
    if (field === "source_account") return design.segments.filter((s) => s.kind === "account").map((s) => s.id);
    if (field === "source_arn") return design.components.map((c) => c.id);
    if (field === "amr") return ["authenticated", "unauthenticated"];
    return undefined;
  };
  return (
    <div className="structured-conditions" data-testid="trust-conditions">
      {trustConditionFields(principal.kind).map(([field, label, hint]) => (
        <TextField key={field} label={label} hint={hint} value={principal.conditions?.[field] ?? ""}
          placeholder="none" validate={conditionValidator(design, field)} suggestions={suggestions(field)}
          testId={`trust-condition-${field}`}
          onCommit={(value) => onCommit(withCondition(principal, field, value))} />
      ))}
    </div>
  );
}

/** The design's elements a statement may name as resources (the exporter turns them into ARNs). */
function resourceChoices(design: Design): string[] {
  return design.components.map((c) => c.id);
}

/** The IAM action list, once loaded (null until then: actions are then checked by their form only). */
function useActionList(): ActionList | null {
  const [list, setList] = useState<ActionList | null>(null);
  useEffect(() => {
    let live = true;
    void loadActions().then((loaded) => live && setList(loaded));
    return () => {
      live = false;
    };
  }, []);
  return list;
}

export function PolicyEditor({ design, label, statements, onCommit }: {
  design: Design;
  label: string;
  statements: PolicyStatement[];
  onCommit: (statements: PolicyStatement[]) => void;
}) {
  const replace = (index: number, statement: PolicyStatement) => onCommit(statements.map((s, i) => (i === index ? statement : s)));
  const resources = resourceChoices(design);
  const arns = [...resources, ...designArns(design)];
  const list = useActionList();
  const validateActions = (text: string) => v.iamActions(text) ?? (list ? unknownAction(text, list) : null);
  return (
    <div className="field structured" data-testid="policy-editor">
      <span className="field-label">{label}</span>
      {statements.length === 0 && <span className="muted">No statements: nothing is allowed.</span>}
      {statements.map((statement, index) => (
        <div key={index} className="structured-row statement" data-testid="policy-statement">
          <SelectField<Effect> label="Effect" value={statement.effect ?? "allow"} options={[["allow", "Allow"], ["deny", "Deny"]]}
            onCommit={(effect) => effect && replace(index, { ...statement, effect })} />
          <TextField label="Actions" value={(statement.actions ?? []).join(", ")} validate={validateActions} placeholder="s3:GetObject, s3:PutObject"
            testId="policy-actions" complete={list ? (draft) => completeActions(draft, list) : undefined} onCommit={(text) => replace(index, { ...statement, actions: v.splitList(text) })} />
          <TextField label="Resources" value={(statement.resources ?? []).join(", ")} validate={resourceValidator(resources)}
            placeholder={resources.length > 0 ? `an element id such as ${resources[0]}, or an ARN` : "an ARN"} complete={(draft) => completeResources(draft, arns)}
            testId="policy-resources" onCommit={(text) => replace(index, { ...statement, resources: v.splitList(text) })} />
          <button className="link" onClick={() => onCommit(statements.filter((_, i) => i !== index))}>Remove statement</button>
        </div>
      ))}
      <button className="link" data-testid="policy-add" onClick={() => onCommit([...statements, { effect: "allow", actions: [], resources: [] }])}>
        Add a statement
      </button>
    </div>
  );
}

/** Resources are ARNs, `*`, or ids of the design's elements. */
export const resourceValidator = (ids: string[]) => (text: string) => {
  const known = new Set(ids);
  for (const value of v.splitList(text)) {
    if (value === "*" || known.has(value) || value.startsWith("arn:")) continue;
    return `'${value}' is neither an element of this design nor an ARN.`;
  }
  return null;
};

export function SuppressionEditor({ suppress, onCommit }: { suppress: Suppression[]; onCommit: (suppress: Suppression[]) => void }) {
  const replace = (index: number, entry: Suppression) => onCommit(suppress.map((s, i) => (i === index ? entry : s)));
  return (
    <div className="field structured" data-testid="suppression-editor">
      {suppress.map((entry, index) => (
        <div key={index} className="structured-row" data-testid="suppression">
          <TextField label="Rule" value={entry.rule} validate={(t) => (/^ZT-[A-Z]+-\d{3}$/.test(t.trim()) ? null : "A rule code such as ZT-NET-004.")}
            onCommit={(rule) => replace(index, { ...entry, rule: rule.trim() })} />
          <TextField label="Why the risk is accepted" value={entry.reason} validate={v.required} multiline rows={2}
            onCommit={(reason) => replace(index, { ...entry, reason })} />
          <button className="link" onClick={() => onCommit(suppress.filter((_, i) => i !== index))}>Remove</button>
        </div>
      ))}
    </div>
  );
}
