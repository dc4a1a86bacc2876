// A small but complete design for the tests: a VPC with one subnet per tier, an ALB, an ECS
// service and a database, a customer on the internet, and the flows between them.
import { normalizeDesign } from "../model/normalize";
import type { Design } from "../model/types";

export function smallDesign(): Design {
  return normalizeDesign({
    schema_version: 1,
    name: "Shop",
    segments: [
      { id: "internet", kind: "internet", name: "Internet" },
      { id: "prod", kind: "account", name: "Production", account_id: "123456789012" },
      { id: "vpc", kind: "vpc", name: "Shop VPC", parent: "prod", cidr: "10.0.0.0/16" },
      { id: "public", kind: "subnet", name: "Public", parent: "vpc", tier: "public", cidr: "10.0.0.0/24" },
      { id: "private", kind: "subnet", name: "Private", parent: "vpc", tier: "private", cidr: "10.0.1.0/24" },
      { id: "isolated", kind: "subnet", name: "Isolated", parent: "vpc", tier: "isolated", cidr: "10.0.2.0/24" },
    ],
    components: [
      { id: "alb", kind: "alb", name: "alb", segment: "public" },
      { id: "orders", kind: "ecs_service", name: "orders", segment: "private", identity: "orders-role" },
      { id: "orders-db", kind: "rds", name: "orders-db", segment: "isolated", stores: ["cardholder"] },
    ],
    identities: [{ id: "orders-role", kind: "iam_role", name: "orders task role", account: "prod" }],
    actors: [{ id: "shopper", kind: "customer", name: "Shopper", zone: "internet" }],
    flows: [
      { id: "shopper-alb", source: "shopper", target: "alb", protocol: "https", ports: [443], tls: "1.2", auth: "none", data: ["pii"] },
      { id: "alb-orders", source: "alb", target: "orders", protocol: "https", ports: [8443], tls: "1.2", auth: "none" },
      { id: "orders-db-flow", source: "orders", target: "orders-db", protocol: "postgresql", ports: [5432], tls: "1.2", auth: "iam", data: ["cardholder"] },
    ],
    layout: {
      nodes: {
        internet: { x: 0, y: 0, width: 220, height: 200 },
        shopper: { x: 20, y: 60 },
        prod: { x: 300, y: 0, width: 1000, height: 600 },
        vpc: { x: 20, y: 100, width: 960, height: 400 },
        public: { x: 20, y: 50, width: 280, height: 300 },
        private: { x: 320, y: 50, width: 280, height: 300 },
        isolated: { x: 620, y: 50, width: 280, height: 300 },
        alb: { x: 40, y: 80 },
        orders: { x: 40, y: 80 },
        "orders-db": { x: 40, y: 80 },
        "orders-role": { x: 20, y: 40 },
      },
    },
  });
}
