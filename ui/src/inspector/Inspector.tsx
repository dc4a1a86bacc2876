// The inspector: every property of the selected element, grouped, validated as the user types.
// Each committed change is one undo step through the store.
import { useShallow } from "zustand/react/shallow";

import { actorLabels, identityLabels, kindInfo, segmentLabels } from "../model/catalog";
import * as edit from "../model/edit";
import { dataClasses, dataClassLabels, flowLabel, protocolLabels, tlsLabels } from "../model/flows";
import type {
  Actor,
  ActorKind,
  Auth,
  Component,
  ComponentProperties,
  DataClass,
  Design,
  Flow,
  Identity,
  OrganizationRole,
  PolicyStatement,
  Protocol,
  Segment,
  Tier,
  Tls,
} from "../model/types";
import { useDesignStore } from "../store/designStore";
import { BoolField, Checklist, SelectField, TextField } from "./fields";
import { availabilityZonePlaceholder, cidrPlaceholder } from "./placeholders";
import { propertyEditors } from "./properties";
import { PolicyEditor, SuppressionEditor, TrustEditor } from "./structured";
import * as v from "./validate";

type Update = (element: edit.Element) => void;

/** Sets `key` on a copy of `value`, leaving the key out when the new value is empty. */
function put<T extends object>(value: T, key: string, field: unknown): T {
  const copy = { ...value } as Record<string, unknown>;
  const empty = field === null || field === undefined || field === "" || (Array.isArray(field) && field.length === 0);
  if (empty && !Array.isArray((value as Record<string, unknown>)[key])) delete copy[key];
  else copy[key] = empty && Array.isArray(field) ? [] : field;
  return copy as T;
}

const dataClassOptions = dataClasses.map((c) => [c, dataClassLabels[c]] as [DataClass, string]);

export function Inspector() {
  const { design, selection, change } = useDesignStore(
    useShallow((s) => ({ design: s.design, selection: s.selection, change: s.change })),
  );
  if (selection.length === 0) return <DesignInspector design={design} />;
  if (selection.length > 1) {
    return (
      <aside className="inspector" aria-label="Inspector">
        <h2>{selection.length} elements selected</h2>
        <p className="muted">Select one element to edit its properties.</p>
      </aside>
    );
  }
  const id = selection[0];
  const element = edit.findElement(design, id);
  if (!element) return <DesignInspector design={design} />;
  const update: Update = (next) => change((d) => edit.replaceElement(d, id, next), [next.value.id]);
  const taken = edit.allIds(design);
  taken.delete(id);
  const common = (
    <>
      <TextField label="Id" value={element.value.id} validate={(text) => v.validateId(text, taken)} testId="inspector-id"
        onCommit={(text) => update({ ...element, value: { ...element.value, id: text } } as edit.Element)} />
      {element.type !== "flow" && (
        <TextField label="Name" value={element.value.name} validate={v.required} testId="inspector-name"
          onCommit={(text) => update({ ...element, value: { ...element.value, name: text } } as edit.Element)} />
      )}
    </>
  );
  return (
    // Keyed by the element, so that its fields start afresh from another element's values.
    <aside key={id} className="inspector" aria-label="Inspector" data-testid="inspector">
      <h2>{titleOf(element)}</h2>
      <section className="inspector-group">
        <h3>General</h3>
        {common}
        {element.type === "segment" && <SegmentFields design={design} segment={element.value} update={update} />}
        {element.type === "component" && <ComponentFields design={design} component={element.value} update={update} />}
        {element.type === "identity" && <IdentityFields design={design} identity={element.value} update={update} />}
        {element.type === "actor" && <ActorFields design={design} actor={element.value} update={update} />}
        {element.type === "flow" && <FlowFields design={design} flow={element.value} update={update} />}
        <TextField label="Description" multiline value={element.value.description ?? ""}
          onCommit={(text) => update({ ...element, value: put(element.value, "description", text) } as edit.Element)} />
      </section>
      <Suppressions element={element} update={update} />
    </aside>
  );
}

function titleOf(element: edit.Element): string {
  switch (element.type) {
    case "segment":
      return element.value.kind === "subnet" ? `${element.value.tier ?? "private"} subnet` : segmentLabels[element.value.kind];
    case "component":
      return kindInfo(element.value.kind).label;
    case "identity":
      return identityLabels[element.value.kind];
    case "actor":
      return actorLabels[element.value.kind];
    case "flow":
      return `Flow · ${flowLabel(element.value)}`;
  }
}

function DesignInspector({ design }: { design: Design }) {
  const change = useDesignStore((s) => s.change);
  return (
    <aside className="inspector" aria-label="Inspector" data-testid="inspector">
      <h2>Design</h2>
      <section className="inspector-group">
        <TextField label="Name" value={design.name} validate={v.required} onCommit={(name) => change((d) => ({ ...d, name }))} />
        <TextField label="Version" value={design.version ?? ""} onCommit={(text) => change((d) => put(d, "version", text))} />
        <TextField label="Description" multiline value={design.description ?? ""}
          onCommit={(text) => change((d) => put(d, "description", text))} />
      </section>
      <section className="inspector-group stats">
        <h3>Contents</h3>
        <dl>
          <dt>Segments</dt><dd>{design.segments.length}</dd>
          <dt>Components</dt><dd>{design.components.length}</dd>
          <dt>Identities</dt><dd>{design.identities.length}</dd>
          <dt>Actors</dt><dd>{design.actors.length}</dd>
          <dt>Flows</dt><dd>{design.flows.length}</dd>
        </dl>
        <p className="muted">Select an element on the canvas to edit it. Drag from the palette to add one.</p>
      </section>
    </aside>
  );
}

function options<T extends { id: string; name: string }>(items: T[]): [string, string][] {
  return items.map((item) => [item.id, item.name === item.id ? item.id : `${item.name} (${item.id})`]);
}

function SegmentFields({ design, segment, update }: { design: Design; segment: Segment; update: Update }) {
  const set = (key: string, value: unknown) => update({ type: "segment", value: put(segment, key, value) });
  return (
    <>
      {segment.kind === "subnet" && (
        <SelectField<Tier> label="Tier" value={segment.tier ?? "private"} testId="inspector-tier"
          options={[["public", "Public (route to an internet gateway)"], ["private", "Private (NAT only)"], ["isolated", "Isolated (no internet)"]]}
          onCommit={(tier) => set("tier", tier)} />
      )}
      {(segment.kind === "vpc" || segment.kind === "subnet" || segment.kind === "on_premises" || segment.kind === "partner_network") && (
        <TextField label="CIDR block" value={segment.cidr ?? ""} validate={v.cidr}
          placeholder={cidrPlaceholder(design, segment) ?? (segment.kind === "subnet" ? "give the VPC a CIDR block first" : "")}
          onCommit={(t) => set("cidr", t)} />
      )}
      {segment.kind === "subnet" && (
        <TextField label="Availability zone" value={segment.az ?? ""} validate={v.availabilityZone}
          placeholder={availabilityZonePlaceholder(design, segment) ?? "a zone of the region, such as eu-west-1a"} onCommit={(t) => set("az", t)} />
      )}
      {segment.kind === "account" && (
        <>
          <TextField label="Account id" value={segment.account_id ?? ""} validate={v.accountId} placeholder="123456789012" onCommit={(t) => set("account_id", t)} />
          <SelectField<OrganizationRole> label="Administers Identity Center" value={segment.organization_role} testId="inspector-organization-role"
            unset="No (a member account)"
            options={[["management", "As the organization's management account"], ["delegated_administrator", "As the delegated administrator"]]}
            hint="Permission sets and account assignments deploy only from this account."
            onCommit={(role) => set("organization_role", role)} />
        </>
      )}
      {segment.kind === "region" && (
        <TextField label="Region" value={segment.region ?? ""} validate={v.region} placeholder="eu-west-1" onCommit={(t) => set("region", t)} />
      )}
      {segment.kind === "vpc" && <BoolField label="Flow logs" value={segment.flow_logs} onCommit={(b) => set("flow_logs", b)} />}
      {segment.parent !== undefined && (
        <Row2 label="Inside" value={design.segments.find((s) => s.id === segment.parent)?.name ?? segment.parent ?? ""} />
      )}
    </>
  );
}

function Row2({ label, value }: { label: string; value: string }) {
  return (
    <div className="field">
      <span className="field-label">{label}</span>
      <span className="field-static">{value}</span>
    </div>
  );
}

function ComponentFields({ design, component, update }: { design: Design; component: Component; update: Update }) {
  const info = kindInfo(component.kind);
  const set = (key: string, value: unknown) => update({ type: "component", value: put(component, key, value) });
  const setProperty = (key: string, value: unknown) =>
    update({ type: "component", value: { ...component, properties: put(component.properties, key, value) } });
  const hosts = design.segments.filter((s) => edit.canHoldComponent(s, component.kind));
  const keys = design.components.filter((c) => c.kind === "kms_key");
  return (
    <>
      <SelectField label="Segment" value={component.segment} options={options(hosts)} testId="inspector-segment"
        onCommit={(segment) => segment && set("segment", segment)} />
      {(info.workload || info.kind === "ecs_service") && (
        <SelectField label="Runs as" value={component.identity} unset="No identity" options={options(design.identities.filter((i) => i.kind === "iam_role"))}
          onCommit={(id) => set("identity", id)} />
      )}
      {info.data_store && (
        <>
          <Checklist label="Stores" values={component.stores} options={dataClassOptions} onCommit={(c) => set("stores", c)} testId="inspector-stores" />
          <SelectField label="Encryption key" value={component.encryption_key} unset="AWS-managed key" options={options(keys)}
            onCommit={(id) => set("encryption_key", id)} />
        </>
      )}
      {info.properties.length > 0 && <h3>{info.label} properties</h3>}
      {info.properties.map((key) => (
        <PropertyField key={key} design={design} name={key as keyof ComponentProperties} properties={component.properties} set={setProperty} />
      ))}
      {component.logical_id && <Row2 label="CloudFormation id" value={component.logical_id} />}
    </>
  );
}

function PropertyField({ design, name, properties, set }: {
  design: Design;
  name: keyof ComponentProperties;
  properties: ComponentProperties;
  set: (key: string, value: unknown) => void;
}) {
  const editor = propertyEditors[name];
  const value = properties[name];
  switch (editor.kind) {
    case "bool":
      return <BoolField label={editor.label} value={value as boolean | undefined} onCommit={(b) => set(name, b)} />;
    case "text":
      return <TextField label={editor.label} value={(value as string | undefined) ?? ""} validate={editor.validate} placeholder={editor.placeholder}
        onCommit={(t) => set(name, t)} />;
    case "number":
      return <TextField label={editor.label} value={value === undefined || value === null ? "" : String(value)} validate={editor.validate}
        onCommit={(t) => set(name, t === "" ? null : Number(t))} />;
    case "enum":
      return <SelectField label={editor.label} value={value as string | undefined} options={editor.options} unset="Default"
        onCommit={(choice) => set(name, choice)} />;
    case "list":
      return <TextField label={editor.label} value={((value as string[] | undefined) ?? []).join(", ")} validate={editor.validate}
        placeholder={editor.placeholder} onCommit={(t) => set(name, v.splitList(t))} />;
    case "ref":
      return <SelectField label={editor.label} value={value as string | undefined} unset="None"
        options={options(design.components.filter((c) => editor.of.includes(c.kind)))} onCommit={(id) => set(name, id)} />;
    case "refs": {
      const candidates: { id: string; name: string }[] =
        editor.of === "vpcs" ? design.segments.filter((s) => s.kind === "vpc")
        : editor.of === "accounts" ? design.segments.filter((s) => s.kind === "account")
        : editor.of === "components" ? design.components
        : design.components.filter((c) => (editor.of as string[]).includes(c.kind));
      return <Checklist label={editor.label} values={(value as string[] | undefined) ?? []} options={options(candidates)} onCommit={(ids) => set(name, ids)} />;
    }
    case "policy":
      return <PolicyEditor design={design} label={editor.label} statements={(value as PolicyStatement[] | undefined) ?? []} onCommit={(p) => set(name, p)} />;
  }
}

const identityFieldsByKind: Record<Identity["kind"], string[]> = {
  iam_role: ["mfa", "session_duration_seconds", "trusts", "policies", "managed_policies", "permissions_boundary"],
  iam_user: ["mfa", "policies", "managed_policies", "permissions_boundary", "groups", "console_access", "access_keys", "activity"],
  iam_group: ["policies", "managed_policies"],
  cognito_user_pool: ["mfa", "federation", "token_validity_minutes", "domain_prefix", "callback_urls", "oauth_scopes", "classic_flow"],
  permission_set: ["mfa", "session_duration_seconds", "policies", "managed_policies", "permissions_boundary", "federation", "assigned_accounts"],
  identity_provider: ["protocol", "issuer", "mfa"],
};

function IdentityFields({ design, identity, update }: { design: Design; identity: Identity; update: Update }) {
  const set = (key: string, value: unknown) => update({ type: "identity", value: put(identity, key, value) });
  const fields = new Set(identityFieldsByKind[identity.kind]);
  const accounts = design.segments.filter((s) => s.kind === "account");
  return (
    <>
      <SelectField label="Account" value={identity.account} unset="No account" options={options(accounts)} onCommit={(id) => set("account", id)} />
      {fields.has("mfa") && (
        <SelectField label="MFA" value={identity.mfa}
          unset={identity.kind === "iam_role" || identity.kind === "cognito_user_pool" ? "Not stated (required: the export's default)" : "Not stated"}
          hint={identity.kind === "iam_role" ? "For the people who assume the role: the export requires aws:MultiFactorAuthPresent unless this says off or optional." : undefined}
          options={[["required", "Required"], ["optional", "Optional"], ["off", "Off"]]} onCommit={(m) => set("mfa", m)} />
      )}
      {fields.has("session_duration_seconds") && (
        <TextField label="Session duration (s)" value={identity.session_duration_seconds?.toString() ?? ""} validate={v.positiveNumber}
          onCommit={(t) => set("session_duration_seconds", t === "" ? null : Number(t))} />
      )}
      {fields.has("token_validity_minutes") && (
        <TextField label="Token validity (min)" value={identity.token_validity_minutes?.toString() ?? ""} validate={v.positiveNumber}
          onCommit={(t) => set("token_validity_minutes", t === "" ? null : Number(t))} />
      )}
      {fields.has("domain_prefix") && (
        <TextField label="Hosted sign-in domain prefix" value={identity.domain_prefix ?? ""} validate={v.domainPrefix}
          placeholder="shop-sign-in" onCommit={(t) => set("domain_prefix", t)} />
      )}
      {fields.has("callback_urls") && (
        <TextField label="Callback URLs" value={(identity.callback_urls ?? []).join(", ")} validate={v.callbackUrls}
          placeholder="https://app.example.com/callback" onCommit={(t) => set("callback_urls", v.splitList(t))} />
      )}
      {fields.has("oauth_scopes") && (
        <TextField label="OAuth scopes" value={(identity.oauth_scopes ?? []).join(", ")} placeholder="openid, email"
          onCommit={(t) => set("oauth_scopes", v.splitList(t))} />
      )}
      {fields.has("classic_flow") && (
        <BoolField label="Identity pool allows the basic (classic) flow" value={identity.classic_flow} onCommit={(b) => set("classic_flow", b)} />
      )}
      {fields.has("protocol") && (
        <SelectField label="Protocol" value={identity.protocol} unset="Not stated" options={[["saml", "SAML 2.0"], ["oidc", "OpenID Connect"]]}
          onCommit={(p) => set("protocol", p)} />
      )}
      {fields.has("issuer") && <TextField label="Issuer" value={identity.issuer ?? ""} validate={v.url} onCommit={(t) => set("issuer", t)} />}
      {fields.has("console_access") && <BoolField label="Console password" value={identity.console_access} onCommit={(b) => set("console_access", b)} />}
      {fields.has("trusts") && (
        <TrustEditor design={design} trusts={identity.trusts ?? []} onCommit={(trusts) => set("trusts", trusts)} />
      )}
      {fields.has("policies") && (
        <PolicyEditor design={design} label="Permissions" statements={identity.policies ?? []} onCommit={(p) => set("policies", p)} />
      )}
      {fields.has("managed_policies") && (
        <TextField label="Managed policies" value={(identity.managed_policies ?? []).join(", ")} validate={v.arn}
          onCommit={(t) => set("managed_policies", v.splitList(t))} />
      )}
      {fields.has("permissions_boundary") && (
        <TextField label="Permissions boundary" value={identity.permissions_boundary ?? ""} validate={v.arn}
          onCommit={(t) => set("permissions_boundary", t)} />
      )}
      {fields.has("groups") && (
        <Checklist label="Groups" values={identity.groups ?? []} options={options(design.identities.filter((i) => i.kind === "iam_group"))}
          onCommit={(ids) => set("groups", ids)} />
      )}
      {fields.has("federation") && (
        <Checklist label="Federates with" values={identity.federation ?? []}
          options={options(design.identities.filter((i) => i.kind === "identity_provider"))} onCommit={(ids) => set("federation", ids)} />
      )}
      {fields.has("assigned_accounts") && (
        <Checklist label="Assigned in accounts" values={identity.assigned_accounts ?? []} options={options(accounts)}
          onCommit={(ids) => set("assigned_accounts", ids)} />
      )}
      {fields.has("access_keys") && (
        <TextField label="Access keys" multiline value={identity.access_keys?.length ? JSON.stringify(identity.access_keys, null, 2) : ""}
          validate={v.jsonArray} onCommit={(t) => set("access_keys", t.trim() ? JSON.parse(t) : [])} />
      )}
      {fields.has("activity") && identity.activity && (
        // Observed by `zta import iam`, not drawn: shown for the reviewer, changed by re-importing.
        <div className="stats" data-testid="observed-activity">
          <h3>Observed activity</h3>
          <dl>
            <dt>Observed on</dt><dd>{identity.activity.as_of}</dd>
            <dt>Created</dt><dd>{identity.activity.created ?? "not recorded"}</dd>
            <dt>Password last used</dt><dd>{identity.activity.password_last_used ?? "never"}</dd>
          </dl>
        </div>
      )}
    </>
  );
}

function ActorFields({ design, actor, update }: { design: Design; actor: Actor; update: Update }) {
  const set = (key: string, value: unknown) => update({ type: "actor", value: put(actor, key, value) });
  const zones = design.segments.filter((s) => ["internet", "on_premises", "partner_network"].includes(s.kind));
  return (
    <>
      <SelectField<ActorKind> label="Kind" value={actor.kind} options={Object.entries(actorLabels) as [ActorKind, string][]}
        onCommit={(kind) => kind && set("kind", kind)} />
      <SelectField label="Connects from" value={actor.zone} unset="The internet" options={options(zones)} onCommit={(id) => set("zone", id)} />
      <SelectField label="Signs in with" value={actor.signs_in_with} unset="Nothing stated" options={options(design.identities)}
        onCommit={(id) => set("signs_in_with", id)} />
      {(actor.kind === "partner" || actor.kind === "external_system") && (
        <ServiceProviderFields actor={actor} set={set} />
      )}
    </>
  );
}

/** An outside party's listing as a service provider (PCI DSS 12.8.1): the services and the agreement. */
function ServiceProviderFields({ actor, set }: { actor: Actor; set: (key: string, value: unknown) => void }) {
  const provider = actor.service_provider;
  const setProvider = (services: string[], agreement: string) =>
    set("service_provider", services.length === 0 && agreement === "" ? null : { services, ...(agreement ? { agreement } : {}) });
  return (
    <>
      <TextField label="Services provided" value={(provider?.services ?? []).join(", ")} placeholder="Not a service provider"
        hint="Listed as a service provider (PCI DSS 12.8.1) when set" onCommit={(t) => setProvider(v.splitList(t), provider?.agreement ?? "")} />
      <TextField label="Agreement" value={provider?.agreement ?? ""} placeholder="Contract reference"
        onCommit={(t) => setProvider(provider?.services ?? [], t.trim())} />
    </>
  );
}

function FlowFields({ design, flow, update }: { design: Design; flow: Flow; update: Update }) {
  const set = (key: string, value: unknown) => update({ type: "flow", value: put(flow, key, value) });
  const name = (id: string) => {
    const element = edit.findElement(design, id);
    return element && element.type !== "flow" ? element.value.name : id;
  };
  const issuers = design.identities.filter((i) => i.kind === "cognito_user_pool" || i.kind === "identity_provider");
  const setAuth = (auth: Auth | null) => {
    if (!auth) return;
    // A JWT names its issuer; any other method has none.
    const issuer = auth === "jwt" ? (flow.issuer ?? issuers[0]?.id ?? null) : null;
    update({ type: "flow", value: put({ ...flow, auth }, "issuer", issuer) });
  };
  const viaCandidates = design.components.filter((c) =>
    ["vpc_endpoint", "transit_gateway", "network_firewall", "nat_gateway", "vpc_peering", "vpn_connection", "endpoint_service"].includes(c.kind),
  );
  return (
    <>
      <Row2 label="From" value={name(flow.source)} />
      <Row2 label="To" value={name(flow.target)} />
      <TextField label="Label" value={flow.name ?? ""} placeholder={flowLabel(flow)} onCommit={(t) => set("name", t)} />
      <SelectField<Protocol> label="Protocol" value={flow.protocol} options={Object.entries(protocolLabels) as [Protocol, string][]}
        testId="inspector-protocol" onCommit={(p) => p && set("protocol", p)} />
      <TextField label="Ports" value={flow.ports.join(", ")} validate={v.ports} placeholder="443" testId="inspector-ports"
        onCommit={(t) => set("ports", v.parsePorts(t))} />
      <SelectField<Tls> label="TLS" value={flow.tls} options={Object.entries(tlsLabels) as [Tls, string][]} testId="inspector-tls"
        onCommit={(t) => t && set("tls", t)} />
      <SelectField<Auth> label="Authentication" value={flow.auth} testId="inspector-auth"
        options={[["none", "None"], ["iam", "IAM (SigV4)"], ["jwt", "JWT"], ["mtls", "Mutual TLS"], ["password", "Password"], ["api_key", "API key"]]}
        onCommit={setAuth} />
      {flow.auth === "jwt" && (
        // Until an issuer is chosen the empty choice shows, so that picking the only pool there is
        // is a change the select reports.
        <SelectField label="Token issuer" value={issuers.some((i) => i.id === flow.issuer) ? flow.issuer : null}
          unset={issuers.length > 0 ? "Choose the issuer…" : "Add a user pool or identity provider first"} options={options(issuers)}
          testId="inspector-issuer" onCommit={(id) => id && set("issuer", id)} />
      )}
      <Checklist label="Data carried" values={flow.data} options={dataClassOptions} onCommit={(c) => set("data", c)} testId="inspector-data" />
      <TextField label="IAM actions" value={flow.actions.join(", ")} validate={v.iamActions} placeholder="s3:GetObject"
        onCommit={(t) => set("actions", v.splitList(t))} />
      <Checklist label="Passes through" values={flow.via} options={options(viaCandidates)} onCommit={(ids) => set("via", ids)} />
    </>
  );
}

function Suppressions({ element, update }: { element: edit.Element; update: Update }) {
  const suppress = element.value.suppress ?? [];
  if (suppress.length === 0) return null;
  return (
    <section className="inspector-group">
      <h3>Accepted risks</h3>
      <SuppressionEditor suppress={suppress}
        onCommit={(next) => update({ ...element, value: put(element.value, "suppress", next) } as edit.Element)} />
    </section>
  );
}
