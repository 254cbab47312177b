// Validates the Kubernetes manifests of deploy/k8s against the Kubernetes API schemas shipped in
// the npm package kubernetes-models (offline: no cluster, no download). What it checks:
//   - every resource file the base kustomization lists, and secret.template.yaml;
//   - when `kubectl` is on PATH: the rendered output of every overlay (kubectl kustomize), so the
//     patches are checked as applied;
//   - the CloudNativePG kinds (no schema in kubernetes-models): the fields this deployment relies on.
// Exit code 0 when everything is valid, 1 otherwise (one line per problem on stderr).
//   node deploy/lint/check-manifests.mjs [deploy/k8s]
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { join, resolve, dirname } from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(process.argv[2] ?? join(here, "..", "k8s"));
const problems = [];
let checked = 0;

function documents(text, source) {
  const docs = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) problems.push(`${source}: YAML: ${e.message}`);
      continue;
    }
    const value = doc.toJS();
    if (value !== null && value !== undefined) docs.push(value);
  }
  return docs;
}

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const path = group === "" ? `kubernetes-models/${version}/${kind}` : `kubernetes-models/${group}/${version}/${kind}`;
  try {
    const module = await import(path);
    return module[kind];
  } catch {
    return undefined;
  }
}

function require(object, path, source, test = (v) => v !== undefined && v !== null, what = "is required") {
  const value = path.split(".").reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), object);
  if (!test(value)) problems.push(`${source}: ${path} ${what}`);
}

function checkCloudNativePg(doc, source) {
  if (doc.kind === "Cluster") {
    require(doc, "spec.instances", source, (v) => Number.isInteger(v) && v >= 3, "must be an integer >= 3 (high availability)");
    require(doc, "spec.storage.size", source);
    require(doc, "spec.bootstrap.initdb.database", source);
    require(doc, "spec.bootstrap.initdb.owner", source);
    require(doc, "spec.backup.barmanObjectStore.destinationPath", source);
    require(doc, "spec.backup.barmanObjectStore.s3Credentials.accessKeyId.name", source);
    require(doc, "spec.backup.retentionPolicy", source, (v) => typeof v === "string" && /^[1-9][0-9]*[dwm]$/.test(v), "must look like 30d");
    return true;
  }
  if (doc.kind === "ScheduledBackup") {
    require(doc, "spec.cluster.name", source);
    require(doc, "spec.schedule", source, (v) => typeof v === "string" && v.trim().split(/\s+/).length === 6, "must be a six-field cron expression");
    return true;
  }
  return false;
}

async function check(doc, source) {
  const where = `${source}: ${doc.kind ?? "?"} ${doc.metadata?.name ?? "?"}`;
  if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
    problems.push(`${where}: apiVersion and kind are required`);
    return;
  }
  if (!doc.metadata?.name) problems.push(`${where}: metadata.name is required`);
  checked++;
  if (doc.apiVersion === "postgresql.cnpg.io/v1") {
    if (!checkCloudNativePg(doc, where)) problems.push(`${where}: unknown CloudNativePG kind`);
    return;
  }
  const Model = await modelFor(doc.apiVersion, doc.kind);
  if (!Model) {
    problems.push(`${where}: no schema for ${doc.apiVersion} ${doc.kind} (misspelt apiVersion or kind?)`);
    return;
  }
  try {
    new Model(doc).validate();
  } catch (error) {
    const details = error.errors?.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ") ?? error.message;
    problems.push(`${where}: ${details}`);
  }
}

async function checkFile(file) {
  for (const doc of documents(readFileSync(file, "utf8"), file)) await check(doc, file);
}

const base = join(root, "base");
const kustomization = documents(readFileSync(join(base, "kustomization.yaml"), "utf8"), "base/kustomization.yaml")[0];
for (const resource of kustomization.resources ?? []) await checkFile(join(base, resource));
if (existsSync(join(root, "secret.template.yaml"))) await checkFile(join(root, "secret.template.yaml"));

let kubectl = true;
try {
  execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
} catch {
  kubectl = false;
}
const overlays = existsSync(join(root, "overlays")) ? readdirSync(join(root, "overlays")) : [];
for (const overlay of overlays) {
  if (!kubectl) break;
  let rendered;
  try {
    rendered = execFileSync("kubectl", ["kustomize", join(root, "overlays", overlay)], { encoding: "utf8" });
  } catch (error) {
    problems.push(`overlays/${overlay}: kubectl kustomize failed: ${error.stderr ?? error.message}`);
    continue;
  }
  for (const doc of documents(rendered, `overlays/${overlay}`)) await check(doc, `overlays/${overlay}`);
}

for (const p of problems) console.error(p);
console.log(
  `${checked} Kubernetes resources checked` +
    (kubectl ? ` (base, secret template, ${overlays.length} rendered overlays)` : " (base and secret template; kubectl not found: overlays not rendered)") +
    `, ${problems.length} problem(s)`
);
process.exit(problems.length === 0 ? 0 : 1);
