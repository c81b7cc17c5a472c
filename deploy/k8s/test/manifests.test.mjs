// Offline checks of deploy/k8s: renders every overlay with `kubectl kustomize` (no cluster),
// validates the core Kubernetes objects against their schemas (kubernetes-models) and every
// object against Shelfwatch's rules (deploy/README.md, DESIGN.md "Where it runs").
// Run: deploy/k8s/test/run.sh (or `node --test` here, with kubectl on the PATH or $KUBECTL).
import { test, describe } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, copyFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as yaml from "js-yaml";

const here = dirname(fileURLToPath(import.meta.url));
const k8sDir = resolve(here, "..");
const repoRoot = resolve(k8sDir, "../..");
const kubectl = process.env.KUBECTL || "kubectl";

const SERVICES = {
  gateway: 8080,
  "auth-billing-service": 8081,
  "product-service": 8082,
  "etl-service": 8083,
  "competition-service": 8084,
  "connector-service": 8085,
};
// DESIGN.md's configuration table: the variables that are secrets (RATE_LIMIT_EXEMPT_KEYS holds raw API keys).
const SECRET_VARS = [
  "PG_PASSWORD", "ENCRYPTION_KEY", "ADMIN_PASSWORD", "JWT_SIGNING_KEY", "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET", "LLM_API_KEY", "RATE_LIMIT_EXEMPT_KEYS",
];
// Set per Deployment (each service its own database), not in the shared ConfigMap.
const PER_DEPLOYMENT_VARS = ["PG_DATABASE"];
const OVERLAYS = { dev: "shelfwatch-dev", prod: "shelfwatch" };

// ---------------------------------------------------------------------------------------------
// Rendering: a throw-away copy of deploy/k8s whose overlays get secrets.env from the template,
// so the test never reads an operator's real secrets and needs none.
function renderAll() {
  const work = mkdtempSync(join(tmpdir(), "shelfwatch-k8s-"));
  try {
    cpSync(k8sDir, join(work, "k8s"), {
      recursive: true,
      filter: (src) => !src.includes("node_modules") && !src.endsWith("secrets.env"),
    });
    const rendered = {};
    for (const overlay of Object.keys(OVERLAYS)) {
      const dir = join(work, "k8s", "overlays", overlay);
      copyFileSync(join(work, "k8s", "secrets.env.example"), join(dir, "secrets.env"));
      const out = execFileSync(kubectl, ["kustomize", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      rendered[overlay] = yaml.loadAll(out).filter((o) => o);
    }
    return rendered;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
const rendered = renderAll();

// ---------------------------------------------------------------------------------------------
// Helpers
const byKind = (objs, kind) => objs.filter((o) => o.kind === kind);
const named = (objs, kind, name) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const podSpec = (w) => w.spec.template.spec;
const containersOf = (w) => [...(podSpec(w).containers || []), ...(podSpec(w).initContainers || [])];
const workloads = (objs) => objs.filter((o) => ["Deployment", "StatefulSet"].includes(o.kind));
const matches = (matchLabels, labels) =>
  Object.entries(matchLabels || {}).every(([k, v]) => (labels || {})[k] === v);
const selects = (selector, labels) => {
  if (!selector) return false;
  const ml = selector.matchLabels || {};
  const exprs = selector.matchExpressions || [];
  if (Object.keys(ml).length === 0 && exprs.length === 0) return true;
  return matches(ml, labels) && exprs.every((e) => {
    const v = (labels || {})[e.key];
    if (e.operator === "In") return e.values.includes(v);
    if (e.operator === "NotIn") return !e.values.includes(v);
    if (e.operator === "Exists") return v !== undefined;
    if (e.operator === "DoesNotExist") return v === undefined;
    return false;
  });
};
function quantity(q) {
  const s = String(q);
  const m = s.match(/^([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/);
  assert.ok(m, `quantity ${s}`);
  const mult = { m: 1e-3, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return parseFloat(m[1]) * (m[2] ? mult[m[2]] : 1);
}
const serviceDeployments = (objs) => byKind(objs, "Deployment").filter((d) => d.metadata.name in SERVICES);
function envOf(deployment) {
  const c = podSpec(deployment).containers[0];
  return Object.fromEntries((c.env || []).map((e) => [e.name, e]));
}
function channels() {
  const spec = yaml.load(readFileSync(join(repoRoot, "contracts", "asyncapi.yaml"), "utf8"));
  return Object.values(spec.channels).filter((c) => !c.address.includes("{"));
}
function configVars() {
  const sh = readFileSync(join(repoRoot, "deploy", "local", "config.sh"), "utf8");
  const m = sh.match(/SHELFWATCH_CONFIG_VARS=\(([\s\S]*?)\)/);
  assert.ok(m, "SHELFWATCH_CONFIG_VARS in deploy/local/config.sh");
  return m[1].split(/\s+/).filter((v) => /^[A-Z_]+$/.test(v));
}
async function modelFor(apiVersion, kind) {
  const path = apiVersion.includes("/") ? `kubernetes-models/${apiVersion}/${kind}` : `kubernetes-models/v1/${kind}`;
  try {
    return (await import(path))[kind];
  } catch {
    return undefined;
  }
}
const CUSTOM_GROUPS = ["kafka.strimzi.io/", "postgresql.cnpg.io/"];

// ---------------------------------------------------------------------------------------------
for (const [overlay, namespace] of Object.entries(OVERLAYS)) {
  const objs = rendered[overlay];

  describe(`overlay ${overlay}`, () => {
    test("renders the six services, the engines and the edge", () => {
      for (const name of Object.keys(SERVICES)) {
        for (const kind of ["Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler"]) {
          assert.ok(named(objs, kind, name), `${kind} ${name}`);
        }
      }
      for (const [kind, n] of [["Kafka", 1], ["KafkaNodePool", 1], ["Cluster", 1], ["StatefulSet", 1], ["Ingress", 1], ["Secret", 1]]) {
        assert.equal(byKind(objs, kind).length, n, kind);
      }
      assert.ok(byKind(objs, "ConfigMap").some((c) => c.metadata.name.startsWith("shelfwatch-config")));
    });

    test("core objects conform to their Kubernetes schemas (kubernetes-models)", async () => {
      let validated = 0;
      for (const o of objs) {
        if (CUSTOM_GROUPS.some((g) => o.apiVersion.startsWith(g))) continue;
        const Model = await modelFor(o.apiVersion, o.kind);
        assert.ok(Model, `no schema for ${o.apiVersion} ${o.kind}: an unknown or removed API`);
        assert.doesNotThrow(() => new Model(o).validate(), `${o.kind} ${o.metadata.name}`);
        validated++;
      }
      assert.ok(validated > 40, `validated ${validated} objects`);
    });

    test("custom resources carry what their operators require", () => {
      const kafka = byKind(objs, "Kafka")[0];
      assert.ok(kafka.spec.kafka.listeners.some((l) => l.port === 9092 && l.type === "internal"));
      assert.ok(kafka.spec.entityOperator.topicOperator, "Topic Operator manages the KafkaTopics");
      for (const pool of byKind(objs, "KafkaNodePool")) {
        assert.equal(pool.metadata.labels["strimzi.io/cluster"], kafka.metadata.name);
        assert.deepEqual([...pool.spec.roles].sort(), ["broker", "controller"], "KRaft: controllers and brokers");
        assert.ok(pool.spec.storage && Number.isInteger(pool.spec.replicas));
      }
      const cluster = byKind(objs, "Cluster")[0];
      assert.ok(Number.isInteger(cluster.spec.instances) && cluster.spec.storage.size);
      for (const db of byKind(objs, "Database")) {
        assert.equal(db.spec.cluster.name, cluster.metadata.name, db.metadata.name);
        assert.equal(db.spec.owner, cluster.spec.bootstrap.initdb.owner);
      }
    });

    test("every namespaced object is in the overlay's namespace", () => {
      for (const o of objs) assert.equal(o.metadata.namespace, namespace, `${o.kind} ${o.metadata.name}`);
    });

    test("every Deployment has startup, liveness and readiness probes on /q/health/*", () => {
      for (const d of serviceDeployments(objs)) {
        const c = podSpec(d).containers.find((x) => x.name === d.metadata.name);
        assert.ok(c, `${d.metadata.name}: container named after the service`);
        const port = SERVICES[d.metadata.name];
        for (const [probe, path] of [["startupProbe", "/q/health/started"], ["livenessProbe", "/q/health/live"], ["readinessProbe", "/q/health/ready"]]) {
          assert.equal(c[probe]?.httpGet?.path, path, `${d.metadata.name} ${probe}`);
          assert.equal(c[probe].httpGet.port, port, `${d.metadata.name} ${probe} port`);
        }
        assert.equal(c.ports.find((p) => p.name === "http").containerPort, port);
      }
      for (const w of workloads(objs)) {
        for (const c of podSpec(w).containers) {
          assert.ok(c.livenessProbe && c.readinessProbe, `${w.kind} ${w.metadata.name}/${c.name} probes`);
        }
      }
    });

    test("every container has CPU and memory requests and limits, requests within limits", () => {
      for (const w of workloads(objs)) {
        for (const c of containersOf(w)) {
          const r = c.resources || {};
          for (const res of ["cpu", "memory"]) {
            assert.ok(r.requests?.[res] && r.limits?.[res], `${w.metadata.name}/${c.name} ${res} requests and limits`);
            assert.ok(quantity(r.requests[res]) <= quantity(r.limits[res]), `${w.metadata.name}/${c.name} ${res} request <= limit`);
          }
        }
      }
      for (const o of [...byKind(objs, "KafkaNodePool"), ...byKind(objs, "Cluster")]) {
        assert.ok(o.spec.resources?.requests?.memory && o.spec.resources?.limits?.memory, `${o.kind} ${o.metadata.name}`);
      }
    });

    test("pods are hardened: non-root, read-only root filesystem, no capabilities, seccomp RuntimeDefault", () => {
      for (const w of workloads(objs)) {
        const spec = podSpec(w);
        const name = `${w.kind} ${w.metadata.name}`;
        assert.equal(spec.securityContext?.runAsNonRoot, true, `${name} runAsNonRoot`);
        assert.ok(spec.securityContext.runAsUser > 0, `${name} numeric non-root user`);
        assert.equal(spec.automountServiceAccountToken, false, `${name} no API token`);
        for (const c of containersOf(w)) {
          const sc = c.securityContext || {};
          const seccomp = sc.seccompProfile?.type || spec.securityContext.seccompProfile?.type;
          assert.equal(seccomp, "RuntimeDefault", `${name}/${c.name} seccomp`);
          assert.equal(sc.readOnlyRootFilesystem, true, `${name}/${c.name} readOnlyRootFilesystem`);
          assert.equal(sc.allowPrivilegeEscalation, false, `${name}/${c.name} allowPrivilegeEscalation`);
          assert.notEqual(sc.privileged, true, `${name}/${c.name} privileged`);
          assert.deepEqual(sc.capabilities?.drop, ["ALL"], `${name}/${c.name} drops ALL capabilities`);
          assert.ok(!sc.capabilities?.add?.length, `${name}/${c.name} adds no capability`);
        }
        if (w.metadata.name in SERVICES) {
          const tmp = (spec.volumes || []).find((v) => v.emptyDir);
          assert.ok(tmp, `${name}: a writable emptyDir`);
          assert.ok(spec.containers[0].volumeMounts.some((m) => m.name === tmp.name && m.mountPath === "/tmp"), `${name}: /tmp writable`);
        }
      }
    });

    test("Services, PodDisruptionBudgets, HPAs, NetworkPolicies and the Ingress select existing pods", () => {
      const pods = workloads(objs).map((w) => ({ w, labels: w.spec.template.metadata.labels }));
      for (const w of workloads(objs)) {
        assert.ok(selects(w.spec.selector, w.spec.template.metadata.labels), `${w.metadata.name}: own selector`);
      }
      for (const s of byKind(objs, "Service")) {
        const hit = pods.filter((p) => matches(s.spec.selector, p.labels));
        assert.equal(hit.length, 1, `Service ${s.metadata.name} selects exactly one workload`);
        for (const port of s.spec.ports) {
          const c = podSpec(hit[0].w).containers[0];
          const ok = typeof port.targetPort === "number"
            ? c.ports.some((p) => p.containerPort === port.targetPort)
            : c.ports.some((p) => p.name === port.targetPort);
          assert.ok(ok, `Service ${s.metadata.name} port ${port.name} reaches a container port`);
        }
      }
      for (const pdb of byKind(objs, "PodDisruptionBudget")) {
        assert.equal(pods.filter((p) => selects(pdb.spec.selector, p.labels)).length, 1, `PDB ${pdb.metadata.name}`);
      }
      for (const hpa of byKind(objs, "HorizontalPodAutoscaler")) {
        const ref = hpa.spec.scaleTargetRef;
        assert.ok(named(objs, ref.kind, ref.name), `HPA ${hpa.metadata.name} targets ${ref.kind} ${ref.name}`);
        assert.ok(hpa.spec.metrics.some((m) => m.resource?.name === "cpu"), `HPA ${hpa.metadata.name} on CPU`);
        assert.ok(hpa.spec.minReplicas <= hpa.spec.maxReplicas);
      }
      for (const np of byKind(objs, "NetworkPolicy")) {
        const sel = np.spec.podSelector;
        if (Object.keys(sel).length && !Object.keys(sel.matchLabels || {}).some((k) => k.startsWith("strimzi.io/") || k.startsWith("cnpg.io/"))) {
          assert.ok(pods.some((p) => selects(sel, p.labels)), `NetworkPolicy ${np.metadata.name} selects a pod`);
        }
        for (const rule of [...(np.spec.ingress || []).flatMap((r) => r.from || []), ...(np.spec.egress || []).flatMap((r) => r.to || [])]) {
          const ml = rule.podSelector?.matchLabels || {};
          if (rule.namespaceSelector || !Object.keys(ml).length) continue;
          if (Object.keys(ml).some((k) => k.startsWith("strimzi.io/"))) {
            assert.equal(ml["strimzi.io/cluster"], byKind(objs, "Kafka")[0].metadata.name, np.metadata.name);
          } else if (ml["cnpg.io/cluster"]) {
            assert.equal(ml["cnpg.io/cluster"], byKind(objs, "Cluster")[0].metadata.name, np.metadata.name);
          } else {
            assert.ok(pods.some((p) => selects(rule.podSelector, p.labels)), `NetworkPolicy ${np.metadata.name}: peer ${JSON.stringify(ml)} exists`);
          }
        }
      }
      for (const ing of byKind(objs, "Ingress")) {
        for (const path of ing.spec.rules.flatMap((r) => r.http.paths)) {
          const svc = named(objs, "Service", path.backend.service.name);
          assert.ok(svc, `Ingress backend ${path.backend.service.name}`);
          assert.ok(svc.spec.ports.some((p) => p.name === path.backend.service.port.name), "Ingress backend port");
        }
        const a = ing.metadata.annotations;
        assert.ok(Number(a["nginx.ingress.kubernetes.io/proxy-read-timeout"]) >= 3600, "WebSocket: read timeout");
        assert.ok(Number(a["nginx.ingress.kubernetes.io/proxy-send-timeout"]) >= 3600, "WebSocket: send timeout");
      }
    });

    test("a KafkaTopic for every topic in contracts/asyncapi.yaml and for its .dlq", () => {
      const kafka = byKind(objs, "Kafka")[0];
      const brokers = byKind(objs, "KafkaNodePool").filter((p) => p.spec.roles.includes("broker")).reduce((n, p) => n + p.spec.replicas, 0);
      const topics = Object.fromEntries(byKind(objs, "KafkaTopic").map((t) => [t.spec.topicName || t.metadata.name, t]));
      for (const ch of channels()) {
        for (const name of [ch.address, `${ch.address}.dlq`]) {
          const t = topics[name];
          assert.ok(t, `KafkaTopic ${name}`);
          assert.equal(t.metadata.labels["strimzi.io/cluster"], kafka.metadata.name, name);
          const cfg = t.spec.config;
          assert.ok(t.spec.replicas <= brokers, `${name}: replicas ${t.spec.replicas} <= brokers ${brokers}`);
          assert.ok(cfg["min.insync.replicas"] < t.spec.replicas || t.spec.replicas === 1, `${name}: one replica may be down`);
          if (brokers >= 3) {
            assert.equal(t.spec.replicas, 3, name);
            assert.equal(cfg["min.insync.replicas"], 2, name);
          }
          if (name === ch.address) {
            assert.equal(t.spec.partitions, ch["x-partitions"], `${name} partitions`);
            assert.equal(cfg["cleanup.policy"], ch["x-cleanup-policy"], `${name} cleanup.policy`);
          } else {
            assert.equal(cfg["cleanup.policy"], "delete", `${name} cleanup.policy`);
          }
          if (ch["x-max-record-bytes"]) {
            assert.equal(cfg["max.message.bytes"], ch["x-max-record-bytes"], `${name} max.message.bytes`);
          }
        }
      }
      // Compaction exactly where DESIGN.md says: products, competitors, account.events.
      const compacted = Object.values(topics).filter((t) => t.spec.config["cleanup.policy"] === "compact").map((t) => t.spec.topicName).sort();
      assert.deepEqual(compacted, ["account.events", "competitors", "products"]);
      assert.equal(Object.keys(topics).length, channels().length * 2, "no topic outside the contracts");
    });

    test("NetworkPolicies: default deny, DNS, and ingress and egress rules for every service", () => {
      const nps = byKind(objs, "NetworkPolicy");
      const deny = nps.find((n) => Object.keys(n.spec.podSelector).length === 0 && !n.spec.ingress && !n.spec.egress);
      assert.ok(deny, "default deny");
      assert.deepEqual([...deny.spec.policyTypes].sort(), ["Egress", "Ingress"]);
      assert.ok(nps.some((n) => Object.keys(n.spec.podSelector).length === 0 && (n.spec.egress || []).some((r) => r.ports?.some((p) => p.port === 53))), "DNS egress");
      for (const d of serviceDeployments(objs)) {
        const labels = d.spec.template.metadata.labels;
        const mine = nps.filter((n) => Object.keys(n.spec.podSelector).length && selects(n.spec.podSelector, labels));
        assert.ok(mine.some((n) => n.spec.ingress?.some((r) => r.ports?.some((p) => p.port === SERVICES[d.metadata.name]))), `${d.metadata.name} ingress`);
        const egressPorts = mine.flatMap((n) => n.spec.egress || []).flatMap((r) => r.ports || []).map((p) => p.port);
        assert.ok(egressPorts.includes(9092), `${d.metadata.name} egress to Kafka`);
        if (d.metadata.name !== "auth-billing-service") assert.ok(egressPorts.includes(8081), `${d.metadata.name} egress to auth-billing (JWKS)`);
        if (envOf(d).PG_DATABASE) assert.ok(egressPorts.includes(5432), `${d.metadata.name} egress to PostgreSQL`);
      }
      // Internet egress only where DESIGN.md needs it, and never to private ranges.
      const internet = nps.filter((n) => (n.spec.egress || []).some((r) => (r.to || []).some((t) => t.ipBlock?.cidr === "0.0.0.0/0")));
      const names = internet.map((n) => n.spec.podSelector.matchLabels["app.kubernetes.io/name"]).sort();
      assert.deepEqual(names, ["auth-billing-service", "competition-service", "connector-service", "etl-service"]);
      for (const n of internet) {
        for (const t of n.spec.egress.flatMap((r) => r.to)) {
          if (t.ipBlock?.cidr === "0.0.0.0/0") assert.ok(t.ipBlock.except.includes("10.0.0.0/8") && t.ipBlock.except.includes("169.254.0.0/16"), n.metadata.name);
        }
      }
    });

    test("configuration from the ConfigMap, secrets from Secrets, no secret in a ConfigMap", () => {
      const configMaps = byKind(objs, "ConfigMap");
      const config = configMaps.find((c) => c.metadata.name.startsWith("shelfwatch-config"));
      const secret = byKind(objs, "Secret").find((s) => s.metadata.name.startsWith("shelfwatch-secrets"));
      for (const cm of configMaps) {
        for (const key of Object.keys(cm.data || {})) {
          assert.ok(!SECRET_VARS.includes(key), `secret variable ${key} in ConfigMap ${cm.metadata.name}`);
          assert.ok(!/PASSWORD|SECRET|_KEY$|TOKEN/.test(key), `secret-looking ${key} in ConfigMap ${cm.metadata.name}`);
        }
      }
      for (const v of configVars()) {
        if (SECRET_VARS.includes(v) || PER_DEPLOYMENT_VARS.includes(v)) continue;
        assert.ok(v in config.data, `non-secret ${v} (deploy/local/config.sh) in the ConfigMap`);
      }
      const delivered = new Set();
      for (const d of serviceDeployments(objs)) {
        const c = podSpec(d).containers[0];
        assert.ok(c.envFrom.some((e) => e.configMapRef?.name === config.metadata.name), `${d.metadata.name} envFrom the ConfigMap`);
        assert.ok(!c.envFrom.some((e) => e.secretRef), `${d.metadata.name}: secrets key by key, not the whole Secret`);
        for (const e of c.env || []) {
          assert.ok(!(SECRET_VARS.includes(e.name) && "value" in e), `${d.metadata.name}: ${e.name} as a literal value`);
          const ref = e.valueFrom?.secretKeyRef;
          if (!ref) continue;
          delivered.add(e.name);
          if (ref.name === secret.metadata.name) assert.ok(ref.key in secret.data, `${d.metadata.name}: key ${ref.key} in ${ref.name}`);
          else assert.equal(ref.name, `${byKind(objs, "Cluster")[0].metadata.name}-app`, `${d.metadata.name}: ${e.name} from CloudNativePG's secret`);
        }
      }
      for (const v of SECRET_VARS) assert.ok(delivered.has(v), `secret ${v} reaches its service`);
      for (const key of Object.keys(secret.data)) assert.ok(SECRET_VARS.includes(key), `unexpected key ${key} in ${secret.metadata.name}`);
    });

    test("each service has its own database in the PostgreSQL cluster", () => {
      const cluster = byKind(objs, "Cluster")[0];
      const dbs = [cluster.spec.bootstrap.initdb.database, ...byKind(objs, "Database").map((d) => d.spec.name)];
      const used = serviceDeployments(objs).map((d) => envOf(d).PG_DATABASE?.value).filter(Boolean);
      assert.equal(used.length, 5, "five services with a database");
      assert.equal(new Set(used).size, used.length, "no two services share a database");
      assert.deepEqual([...used].sort(), [...dbs].sort());
    });

    if (overlay === "prod") {
      test("prod: two replicas at least, PDB minAvailable 1, memory requests equal limits", () => {
        for (const d of serviceDeployments(objs)) {
          assert.ok(d.spec.replicas >= 2, d.metadata.name);
          const r = podSpec(d).containers[0].resources;
          assert.equal(quantity(r.requests.memory), quantity(r.limits.memory), `${d.metadata.name} memory`);
        }
        for (const h of byKind(objs, "HorizontalPodAutoscaler")) assert.ok(h.spec.minReplicas >= 2, h.metadata.name);
        for (const p of byKind(objs, "PodDisruptionBudget").filter((p) => p.metadata.name in SERVICES)) {
          assert.equal(p.spec.minAvailable, 1, p.metadata.name);
          assert.equal(p.spec.maxUnavailable, undefined, p.metadata.name);
        }
        assert.equal(byKind(objs, "KafkaNodePool")[0].spec.replicas, 3);
        assert.ok(byKind(objs, "Cluster")[0].spec.instances >= 3);
        for (const c of serviceDeployments(objs).map((d) => podSpec(d).containers[0])) {
          assert.ok(!c.image.startsWith("docker.io/shelfwatch/"), `${c.name}: image from your registry (images: in the overlay)`);
        }
      });
    } else {
      test("dev: one replica of everything, one Kafka broker", () => {
        for (const d of serviceDeployments(objs)) assert.equal(d.spec.replicas, 1, d.metadata.name);
        assert.equal(byKind(objs, "KafkaNodePool")[0].spec.replicas, 1);
        assert.equal(byKind(objs, "Kafka")[0].spec.kafka.config["offsets.topic.replication.factor"], 1);
        assert.equal(byKind(objs, "Cluster")[0].spec.instances, 1);
      });
    }
  });
}

test("the Secret template lists every secret variable and no ConfigMap key", () => {
  const keys = readFileSync(join(k8sDir, "secrets.env.example"), "utf8").split("\n")
    .filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split("=")[0]);
  const values = readFileSync(join(k8sDir, "secrets.env.example"), "utf8").split("\n")
    .filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.slice(l.indexOf("=") + 1));
  assert.deepEqual(values.filter((v) => v !== ""), [], "no value, not even a placeholder, in the template");
  assert.deepEqual([...keys].sort(), SECRET_VARS.filter((v) => v !== "PG_PASSWORD").sort());
  const configKeys = readFileSync(join(k8sDir, "base", "config.env"), "utf8").split("\n")
    .filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split("=")[0]);
  for (const k of keys) assert.ok(!configKeys.includes(k), k);
});

test("the rendered service manifests are quarkus-kubernetes output for every module", () => {
  const files = readdirSync(join(k8sDir, "base", "services")).sort();
  assert.deepEqual(files, Object.keys(SERVICES).map((s) => `${s}.yml`).sort());
  for (const f of files) {
    const objs = yaml.loadAll(readFileSync(join(k8sDir, "base", "services", f), "utf8")).filter((o) => o);
    const dep = named(objs, "Deployment", f.replace(/\.yml$/, ""));
    assert.equal(dep.metadata.labels["app.kubernetes.io/managed-by"], "quarkus", f);
    const module = f.replace(/\.yml$/, "");
    if (existsSync(join(repoRoot, module, "src", "main", "kubernetes", "kubernetes.yml"))) {
      const extra = yaml.loadAll(readFileSync(join(repoRoot, module, "src", "main", "kubernetes", "kubernetes.yml"), "utf8")).filter((o) => o);
      for (const o of extra) assert.ok(named(objs, o.kind, o.metadata.name), `${f}: ${o.kind} from src/main/kubernetes`);
    }
  }
});
