// Writes a synthetic design of about N elements in realistic proportions (segments, components
// in subnets of every tier, roles, actors and flows between tiers) for the app benchmarks.
// Usage: node generate-design.mjs N OUTPUT.json
import { writeFileSync } from "node:fs";

// With `--nodes`, N counts canvas nodes (segments, components, identities, actors) only.
const byNodes = process.argv.includes("--nodes");
const [target, output = `design-${target}.json`] = process.argv.slice(2).filter((arg) => arg !== "--nodes").map((arg, i) => (i === 0 ? Number(arg) : arg));

const design = {
  schema_version: 1,
  name: `Synthetic design of ${target} elements`,
  segments: [{ id: "internet", kind: "internet", name: "Internet" }],
  components: [],
  identities: [],
  actors: [{ id: "customers", kind: "customer", name: "Customers", zone: "internet" }],
  flows: [],
};
const nodes = () => design.segments.length + design.components.length + design.identities.length + design.actors.length;
const count = () => (byNodes ? nodes() : nodes() + design.flows.length);

const tiers = ["public", "private", "isolated"];
const kindsByTier = { public: ["alb"], private: ["ecs_service", "ec2_instance"], isolated: ["rds", "elasticache"] };
let vpcIndex = 0;
while (count() < target) {
  const account = `account-${vpcIndex}`;
  const vpc = `vpc-${vpcIndex}`;
  design.segments.push(
    { id: account, kind: "account", name: `Account ${vpcIndex}`, account_id: String(100000000000 + vpcIndex) },
    { id: vpc, kind: "vpc", name: `VPC ${vpcIndex}`, parent: account, cidr: `10.${vpcIndex % 256}.0.0/16` },
  );
  const role = `role-${vpcIndex}`;
  design.identities.push({
    id: role,
    kind: "iam_role",
    name: `Workload role ${vpcIndex}`,
    account,
    trusts: [{ kind: "service", id: "ecs-tasks.amazonaws.com" }],
    policies: [{ actions: ["s3:GetObject"], resources: [`arn:aws:s3:::bucket-${vpcIndex}/*`] }],
  });
  const byTier = {};
  tiers.forEach((tier, t) => {
    const subnet = `${vpc}-${tier}`;
    design.segments.push({ id: subnet, kind: "subnet", name: `${tier} ${vpcIndex}`, parent: vpc, tier, cidr: `10.${vpcIndex % 256}.${t}.0/24`, az: "eu-west-1a" });
    byTier[tier] = [];
    for (let i = 0; i < 8; i++) {
      const kind = kindsByTier[tier][i % kindsByTier[tier].length];
      const id = `${subnet}-${kind.replace(/_/g, "-")}-${i}`;
      const component = { id, kind, name: id, segment: subnet };
      if (kind === "rds") component.stores = ["pii"];
      if (kind === "ecs_service") component.identity = role;
      if (kind === "alb") component.properties = { scheme: "internet_facing" };
      design.components.push(component);
      byTier[tier].push(id);
    }
  });
  for (let i = 0; i < 8; i++) {
    const alb = byTier.public[i];
    const app = byTier.private[i];
    const store = byTier.isolated[i];
    if (i === 0) design.flows.push({ id: `in-${vpcIndex}`, source: "customers", target: alb, protocol: "https", ports: [443], tls: "1.2", auth: "none", data: ["pii"] });
    design.flows.push(
      { id: `${alb}-to-${app}`, source: alb, target: app, protocol: "https", ports: [8443], tls: "1.2", auth: "none", data: ["pii"] },
      { id: `${app}-to-${store}`, source: app, target: store, protocol: store.includes("rds") ? "postgresql" : "redis", ports: [store.includes("rds") ? 5432 : 6379], tls: "1.2", auth: "iam", data: ["pii"] },
    );
  }
  vpcIndex += 1;
}
writeFileSync(output, JSON.stringify(design, null, 1));
console.log(`${output}: ${nodes() + design.flows.length} elements, ${nodes()} of them nodes (${design.components.length} components), ${design.flows.length} flows`);
