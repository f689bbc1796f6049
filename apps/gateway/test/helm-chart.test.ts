import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { parse, parseAllDocuments } from 'yaml';
import { infraNatsConfig } from '@onewindow/contracts';

/**
 * Issue 13 "Deploy", decision 0035: infra/helm/onewindow rendered by a real `helm template` and every
 * object validated against the Kubernetes schemas, then the deployment rules asserted on what was
 * rendered. No network: helm is the official linux-amd64 binary shipped inside the npm package
 * @aws-cdk/asset-kubectl-v20 (Helm 3.8.1), the schemas are kubernetes-models' (Kubernetes 1.27,
 * unknown fields not refused — as kubeconform without -strict). The NATS chart dependency cannot be
 * fetched here, so the render uses an empty stand-in for it (our own NATS objects still render;
 * the official chart's own StatefulSet does not — see the decision for how it was checked).
 */
const root = (p: string) => fileURLToPath(new URL(`../../../${p}`, import.meta.url));
const CHART = root('infra/helm/onewindow');
const SERVICES = ['complaints', 'counter', 'exit-entry', 'household', 'public-security', 'traffic'];
const APPS = [...SERVICES, 'gateway'].sort();
const RELEASE = 'ow';

interface Container {
  name: string; image: string; command?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  livenessProbe?: { httpGet?: { path: string; port: string | number } };
  readinessProbe?: { httpGet?: { path: string; port: string | number } };
  startupProbe?: { httpGet?: { path: string; port: string | number } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { runAsNonRoot?: boolean; readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; privileged?: boolean; capabilities?: { drop?: string[] } };
}
type Labels = Record<string, string>;
interface K8sObject {
  apiVersion: string; kind: string;
  metadata: { name: string; labels?: Labels };
  spec?: {
    replicas?: number; selector?: { matchLabels?: Labels }; podSelector?: { matchLabels?: Labels };
    template?: { metadata: { labels: Labels }; spec: { containers: Container[]; securityContext?: { runAsNonRoot?: boolean }; automountServiceAccountToken?: boolean } };
    ingress?: { from?: { podSelector?: { matchLabels?: Labels; matchExpressions?: { key: string; values: string[] }[] }; namespaceSelector?: { matchLabels?: Labels } }[]; ports?: { port: number | string }[] }[];
    rules?: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[];
    ports?: { port: number }[];
  };
  data?: Record<string, string>;
}

/** The helm binary from the npm package, unpacked once per machine (atomic rename: parallel runs are safe). */
async function helmBinary(): Promise<string> {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('@aws-cdk/asset-kubectl-v20/package.json'));
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
  const dir = path.join(tmpdir(), `onewindow-helm-${version}`);
  const bin = path.join(dir, 'helm');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const zip = await JSZip.loadAsync(readFileSync(path.join(pkgDir, 'lib/layer.zip')));
  const entry = zip.file('helm/helm');
  if (!entry) throw new Error('helm/helm not found in @aws-cdk/asset-kubectl-v20 lib/layer.zip');
  const part = `${bin}.${process.pid}`;
  writeFileSync(part, await entry.async('nodebuffer'));
  chmodSync(part, 0o755);
  renameSync(part, bin);
  return bin;
}

const work = mkdtempSync(path.join(tmpdir(), 'onewindow-helm-chart-'));
let helm: string;
let renders = 0;

/** `helm template` of a copy of the chart with an empty stand-in for the NATS dependency. */
function render(...set: string[]): K8sObject[] {
  const chart = path.join(work, `chart-${++renders}`);
  cpSync(CHART, chart, { recursive: true });
  const dep = (parse(readFileSync(path.join(CHART, 'Chart.yaml'), 'utf8')) as { dependencies: { name: string; version: string }[] }).dependencies.find((d) => d.name === 'nats')!;
  mkdirSync(path.join(chart, 'charts/nats'), { recursive: true });
  writeFileSync(path.join(chart, 'charts/nats/Chart.yaml'), `apiVersion: v2\nname: nats\nversion: ${dep.version}\ndescription: stand-in for the official NATS chart (not fetched in CI)\n`);
  const helmHome = path.join(work, 'helm-home');
  const out = execFileSync(helm, ['template', RELEASE, chart, '--namespace', 'onewindow', '--kube-version', '1.29.0', ...set.flatMap((s) => ['--set', s])], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: helmHome, HELM_CACHE_HOME: helmHome, HELM_CONFIG_HOME: helmHome, HELM_DATA_HOME: helmHome },
  });
  return parseAllDocuments(out).map((d) => d.toJSON() as K8sObject | null).filter((d): d is K8sObject => !!d);
}

/** Validates one object against its Kubernetes schema (kubernetes-models), throwing what is wrong. */
async function validateSchema(obj: K8sObject): Promise<void> {
  const [group, version] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : [undefined, obj.apiVersion];
  const models = (await import(group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`)) as Record<string, new (o: unknown) => { validate(): void }>;
  const Model = models[obj.kind];
  if (!Model) throw new Error(`no schema for ${obj.apiVersion} ${obj.kind}`);
  new Model(obj).validate();
}

const matches = (selector: Labels | undefined, labels: Labels) => !!selector && Object.entries(selector).every(([k, v]) => labels[k] === v);
const mib = (q: string) => (q.endsWith('Gi') ? Number(q.slice(0, -2)) * 1024 : q.endsWith('Mi') ? Number(q.slice(0, -2)) : Number.NaN);

describe('Helm chart infra/helm/onewindow (decision 0035)', () => {
  let objects: K8sObject[];
  const of = (kind: string) => objects.filter((o) => o.kind === kind);
  const deployments = () => of('Deployment');
  const appOf = (o: K8sObject) => o.spec!.template!.metadata.labels['app.kubernetes.io/component']!;

  beforeAll(async () => {
    helm = await helmBinary();
    objects = render();
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('renders with helm and every object is valid against the Kubernetes schemas', async () => {
    expect(execFileSync(helm, ['version', '--short'], { encoding: 'utf8' })).toMatch(/^v3\./);
    expect(objects.length).toBeGreaterThan(20);
    for (const o of objects) await expect(validateSchema(o).then(() => `${o.kind}/${o.metadata.name} ok`)).resolves.toBe(`${o.kind}/${o.metadata.name} ok`);
  });

  it('deploys the six services and the gateway (which serves the counter UI), at least two replicas each, images pinned by tag', () => {
    expect(deployments().map(appOf).sort()).toEqual(APPS);
    for (const d of deployments()) {
      expect({ app: appOf(d), replicas: d.spec!.replicas! >= 2 }).toEqual({ app: appOf(d), replicas: true });
      const [c] = d.spec!.template!.spec.containers;
      expect(c!.image).toMatch(/^[\w.-]+(\/[\w.-]+)+:(?!latest$)[\w][\w.-]{0,127}(@sha256:[a-f0-9]{64})?$/);
      expect(c!.command).toEqual(['node', `apps/${appOf(d)}/dist/main.js`]);
    }
    const gateway = deployments().find((d) => appOf(d) === 'gateway')!.spec!.template!.spec.containers[0]!;
    expect(gateway.env).toContainEqual({ name: 'UI_DIR', value: 'apps/counter-ui/dist' });
    expect(() => render('image.tag=latest')).toThrow(/image.tag must pin a version/);
  });

  it('probes the health endpoints: liveness and startup /health/live, readiness /health/ready (gateway: /health/live)', () => {
    for (const d of deployments()) {
      const [c] = d.spec!.template!.spec.containers;
      expect(c!.livenessProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(c!.startupProbe?.httpGet).toEqual({ path: '/health/live', port: 'http' });
      expect(c!.readinessProbe?.httpGet).toEqual({ path: appOf(d) === 'gateway' ? '/health/live' : '/health/ready', port: 'http' });
    }
  });

  it('sets memory requests at or above the RSS measured in docs/performance.md, limits above them, and a V8 heap cap below the limit', () => {
    const perf = readFileSync(root('docs/performance.md'), 'utf8');
    const row = /\|\s*— ([a-z /-]+?) RSS\s*\|\s*([\d,–\- /]+?)\s*MiB/.exec(perf.replace(/(\d),(\d{3})/g, '$1$2'));
    expect(row).not.toBeNull();
    const names = row![1]!.split(' / ').map((s) => s.trim());
    const highs = row![2]!.split(' / ').map((r) => Number(r.trim().split(/[–-]/).pop()));
    const measured = Object.fromEntries(names.map((n, i) => [n, highs[i]!]));
    expect(Object.keys(measured).sort()).toEqual(APPS);
    for (const d of deployments()) {
      const c = d.spec!.template!.spec.containers[0]!;
      const request = mib(c.resources!.requests!['memory']!);
      const limit = mib(c.resources!.limits!['memory']!);
      expect(c.resources!.requests!['cpu']).toBeDefined();
      const heap = Number(/--max-old-space-size=(\d+)/.exec(c.env!.find((e) => e.name === 'NODE_OPTIONS')!.value!)![1]);
      expect({ app: appOf(d), requestCoversRss: request >= measured[appOf(d)]!, limitAboveRequest: limit > request, heapBelowLimit: heap < limit })
        .toEqual({ app: appOf(d), requestCoversRss: true, limitAboveRequest: true, heapBelowLimit: true });
    }
  });

  it('runs as non-root on a read-only root file system, without privilege escalation or capabilities', () => {
    for (const d of deployments()) {
      const pod = d.spec!.template!.spec;
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(pod.automountServiceAccountToken).toBe(false);
      expect(pod.containers[0]!.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, privileged: false, capabilities: { drop: ['ALL'] } });
    }
  });

  it('references every secret from a Secret (no password, token or key in a value) and creates none', () => {
    expect(of('Secret')).toEqual([]);
    const sensitive = /SECRET|PASSWORD|TOKEN|API_KEY|SIGNING_KEY/;
    for (const d of deployments()) {
      const env = d.spec!.template!.spec.containers[0]!.env!;
      for (const e of env.filter((x) => sensitive.test(x.name))) {
        expect({ name: e.name, value: e.value, ref: !!e.valueFrom?.secretKeyRef }).toEqual({ name: e.name, value: undefined, ref: true });
      }
      const app = appOf(d);
      if (app === 'gateway') continue;
      const db = `onewindow_${app.replace('-', '_')}`;
      // The URLs carry a Kubernetes reference to the password variable, never the password.
      expect(env.find((e) => e.name === 'DATABASE_URL')?.value).toMatch(new RegExp(`^postgres://${db}_app:\\$\\(DATABASE_APP_PASSWORD\\)@[\\w.-]+:\\d+/${db}$`));
      expect(env.find((e) => e.name === 'DATABASE_OWNER_URL')?.value).toMatch(new RegExp(`^postgres://${db}_owner:\\$\\(DATABASE_OWNER_PASSWORD\\)@[\\w.-]+:\\d+/${db}$`));
      // Defined before the URLs that expand them.
      expect(env.findIndex((e) => e.name === 'DATABASE_APP_PASSWORD')).toBeLessThan(env.findIndex((e) => e.name === 'DATABASE_URL'));
      expect(env).toContainEqual({ name: 'NATS_USER', value: app });
      expect(env).toContainEqual({ name: 'APP_MODE', value: 'production' });
      expect(env.find((e) => e.name === 'NATS_PASSWORD')?.valueFrom?.secretKeyRef).toEqual({ name: `${RELEASE}-${app}`, key: 'NATS_PASSWORD' });
    }
    const text = readFileSync(path.join(CHART, 'values.yaml'), 'utf8');
    // No literal under a secret-looking key (a `{ valueFrom: … }` reference is fine), no placeholder secret.
    expect(text).not.toMatch(/(?:^|[\s_])(password|secret|token|api_key|signing_key):[ \t]*[^\s{]|change-me|onewindow-demo-/im);
  });

  it('gives each app an environment that its own production configuration check accepts', () => {
    // Secrets stand in as strong random-looking values; Kubernetes' $(VAR) expansion is done here.
    const stand = (name: string) => `k8s-check-${name.toLowerCase().replace(/_/g, '-')}-0123456789abcdef0123456789abcdef`;
    const cases = deployments().map((d) => {
      const env: Record<string, string> = {};
      for (const e of d.spec!.template!.spec.containers[0]!.env!) {
        if (e.valueFrom?.secretKeyRef) {
          if (!(e.valueFrom.secretKeyRef as { optional?: boolean }).optional) env[e.name] = stand(e.name);
        } else env[e.name] = (e.value ?? '').replace(/\$\((\w+)\)/g, (_, v: string) => env[v] ?? '');
      }
      return { app: appOf(d), env };
    });
    // The check bites: the same environment without the NATS password is refused.
    const counter = cases.find((c) => c.app === 'counter')!;
    cases.push({ app: 'counter', env: Object.fromEntries(Object.entries(counter.env).filter(([k]) => k !== 'NATS_PASSWORD')) });
    // Each app's own config class (dist/config.js), loaded in one child process: the gateway may not import other apps.
    const check = `const { loadConfig } = await import('@onewindow/platform');
      for (const { app, env } of JSON.parse(process.argv[1])) {
        const mod = await import('./apps/' + app + '/dist/config.js');
        const cls = Object.values(mod).find((v) => typeof v === 'function' && /Config$/.test(v.name));
        try { loadConfig(app, cls, env); console.log(app + ': accepted'); } catch (err) { console.log(app + ': ' + err.message); }
      }`;
    const answers = execFileSync(process.execPath, ['--input-type=module', '-e', check, JSON.stringify(cases)], { cwd: root(''), encoding: 'utf8' }).trim().split('\n');
    expect(answers.slice(0, -1).sort()).toEqual(APPS.map((app) => `${app}: accepted`));
    expect(answers.at(-1)).toMatch(/^counter: .*NATS_PASSWORD .*required in production/);
  }, 90_000);

  it('gives every app a Service, a PodDisruptionBudget and a NetworkPolicy that select its pods', () => {
    for (const d of deployments()) {
      const labels = d.spec!.template!.metadata.labels;
      expect(matches(d.spec!.selector!.matchLabels, labels)).toBe(true);
      const select = (kind: string, sel: (o: K8sObject) => Labels | undefined) => of(kind).filter((o) => matches(sel(o), labels)).length;
      expect({ app: appOf(d), services: select('Service', (o) => o.spec!.selector as Labels), pdbs: select('PodDisruptionBudget', (o) => o.spec!.selector!.matchLabels), policies: select('NetworkPolicy', (o) => o.spec!.podSelector!.matchLabels) })
        .toEqual({ app: appOf(d), services: 1, pdbs: 1, policies: 1 });
    }
  });

  it('lets in from outside only to the gateway; the services only from the gateway; NATS only from the services', () => {
    const gatewayLabels = deployments().find((d) => appOf(d) === 'gateway')!.spec!.template!.metadata.labels;
    for (const p of of('NetworkPolicy')) {
      const target = p.spec!.podSelector!.matchLabels!['app.kubernetes.io/component'];
      const sources = p.spec!.ingress!.flatMap((r) => r.from ?? []);
      if (target === 'gateway') {
        expect(sources).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }]);
      } else if (SERVICES.includes(target!)) {
        expect(sources).toHaveLength(1);
        expect(matches(sources[0]!.podSelector!.matchLabels, gatewayLabels)).toBe(true);
        expect(sources[0]!.namespaceSelector).toBeUndefined();
      } else {
        expect(target).toBe('nats');
        const clients = p.spec!.ingress!.find((r) => r.ports!.some((x) => x.port === 4222))!;
        const components = clients.from![0]!.podSelector!.matchExpressions!.find((e) => e.key === 'app.kubernetes.io/component')!.values;
        expect(components).toEqual([...SERVICES, 'nats-streams']);
      }
    }
    const ingresses = of('Ingress');
    expect(ingresses.flatMap((i) => i.spec!.rules!.flatMap((r) => r.http.paths.map((x) => x.backend.service.name)))).toEqual([`${RELEASE}-gateway`]);
    // The partner endpoints (SMS replies, 12345 work orders) are opened only on request, to complaints alone.
    const withIntegrations = render('integrations.enabled=true');
    const routed = withIntegrations.filter((o) => o.kind === 'Ingress').flatMap((i) => i.spec!.rules!.flatMap((r) => r.http.paths.map((x) => x.backend.service.name)));
    expect(new Set(routed)).toEqual(new Set([`${RELEASE}-gateway`, `${RELEASE}-complaints`]));
    const counterPolicy = withIntegrations.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === `${RELEASE}-counter`)!;
    expect(counterPolicy.spec!.ingress!.flatMap((r) => r.from ?? [])).toHaveLength(1);
  });

  it('runs NATS as the official chart: 3 nodes, JetStream, the generated authorization included and current', async () => {
    const chart = parse(readFileSync(path.join(CHART, 'Chart.yaml'), 'utf8')) as { dependencies: { name: string; repository: string; condition: string }[] };
    expect(chart.dependencies).toEqual([expect.objectContaining({ name: 'nats', repository: 'https://nats-io.github.io/k8s/helm/charts/', condition: 'nats.enabled' })]);
    const values = parse(readFileSync(path.join(CHART, 'values.yaml'), 'utf8')) as { nats: { config: { cluster: { enabled: boolean; replicas: number }; jetstream: { enabled: boolean }; merge: Record<string, string> }; container: { env: Record<string, unknown> } } };
    expect(values.nats.config.cluster).toMatchObject({ enabled: true, replicas: 3 });
    expect(values.nats.config.jetstream.enabled).toBe(true);
    expect(values.nats.config.merge['$include']).toBe('../nats-auth/authorization.conf');
    // Every password the authorization reads is given to the NATS servers from a Secret.
    const conf = readFileSync(path.join(CHART, 'files/nats-authorization.conf'), 'utf8');
    const wanted = [...new Set([...conf.matchAll(/\$(NATS_PASSWORD_\w+)/g)].map((m) => m[1]!))].sort();
    expect(Object.keys(values.nats.container.env).sort()).toEqual(wanted);
    // The file is what `npm run nats-config` generates from bus-permissions.ts today.
    const generated = infraNatsConfig();
    expect(conf.slice(conf.indexOf('authorization {'))).toBe(generated.slice(generated.indexOf('authorization {')));
    // Streams R3: a hook Job after each install/upgrade raises every stream to the cluster's size.
    const job = objects.find((o) => o.kind === 'Job' && o.metadata.name === `${RELEASE}-nats-streams`)! as K8sObject & { metadata: { annotations: Labels } };
    expect(job.metadata.annotations['helm.sh/hook']).toBe('post-install,post-upgrade');
    const jobPod = job.spec!.template!.spec;
    expect(jobPod.containers[0]!.command).toEqual(['node', 'scripts/nats-streams.mjs', '--replicas', String(values.nats.config.cluster.replicas), '--wait', '600']);
    expect(existsSync(root('scripts/nats-streams.mjs'))).toBe(true);
    expect(jobPod.securityContext?.runAsNonRoot).toBe(true);
    expect(jobPod.containers[0]!.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(jobPod.containers[0]!.env).toContainEqual({ name: 'NATS_PASSWORD', valueFrom: { secretKeyRef: { name: `${RELEASE}-nats-admin`, key: 'NATS_PASSWORD' } } });
    const configMap = objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name === `${RELEASE}-nats-authorization`)!;
    expect(configMap.data!['authorization.conf']!.trim()).toBe(conf.trim());
    // The services are pointed at the bundled cluster's client Service, or at the URL given.
    const counter = deployments().find((d) => appOf(d) === 'counter')!.spec!.template!.spec.containers[0]!;
    expect(counter.env).toContainEqual({ name: 'NATS_URL', value: `nats://${RELEASE}-nats:4222` });
    const external = render('nats.enabled=false', 'natsUrl=tls://nats.example.gov.cn:4222', 'natsCaSecret=nats-ca', 'postgres.caSecret=pg-ca');
    const externalCounter = external.find((o) => o.kind === 'Deployment' && o.metadata.name === `${RELEASE}-counter`)!.spec!.template!.spec as unknown as { containers: (Container & { volumeMounts: { mountPath: string }[] })[]; volumes: { secret?: { secretName: string } }[] };
    expect(externalCounter.containers[0]!.env).toEqual(expect.arrayContaining([{ name: 'NATS_TLS_CA', value: '/etc/onewindow/nats-ca/ca.crt' }, { name: 'DATABASE_SSL_CA', value: '/etc/onewindow/postgres-ca/ca.crt' }]));
    expect(externalCounter.containers[0]!.volumeMounts.map((m) => m.mountPath)).toEqual(expect.arrayContaining(['/etc/onewindow/nats-ca', '/etc/onewindow/postgres-ca']));
    expect(externalCounter.volumes.map((v) => v.secret?.secretName).filter(Boolean).sort()).toEqual(['nats-ca', 'pg-ca']);
    for (const o of external) await validateSchema(o);
    expect(external.filter((o) => o.metadata.name.includes('nats'))).toEqual([]);
    expect(external.find((o) => o.kind === 'Deployment' && o.metadata.name === `${RELEASE}-counter`)!.spec!.template!.spec.containers[0]!.env).toContainEqual({ name: 'NATS_URL', value: 'tls://nats.example.gov.cn:4222' });
  });
});
