import { ServiceName } from './enums.js';
import { deadLetterStreamOf, RpcSubjects, streamOf } from './subjects.js';
import { TransferRpcSubjects } from './transfer.messages.js';

/**
 * Who may publish, serve and consume what on the bus: the ONE declaration the nats-server
 * authorization (infra/nats.conf, the test stack's per-stack server), the table in
 * docs/subjects.md and the security tests are generated from (decision 0026).
 *
 * Every service:
 * - publishes only its own events (`<service>.v1.>`, into its own stream) and the RPC subjects it calls;
 * - subscribes only to the RPC subjects it serves (`rpc.<service>.v1.>`, in its queue group named after
 *   the service) and to its own reply inbox (`_INBOX_<user>.>`, set as the connection's inboxPrefix), and
 *   answers requests through `allow_responses` (only to the reply subject of a message it received);
 * - reaches the JetStream API only for its own stream and for the durable consumers it owns on
 *   other services' streams (plus ephemeral readers where `replays` says so).
 */

const POLICE_SERVICES = [ServiceName.HOUSEHOLD, ServiceName.EXIT_ENTRY, ServiceName.TRAFFIC, ServiceName.PUBLIC_SECURITY] as const;
const ALL_SERVICES = Object.values(ServiceName);
/** The services whose cases the counter accepts, lists and reports on (its POLICE_SERVICES: the four plus complaints). */
const CASE_SERVICES = [...POLICE_SERVICES, ServiceName.COMPLAINTS] as const;

export interface BusConsumerGrant {
  /** The producing service whose stream (`streamOf(stream)`) is read. */
  stream: ServiceName;
  /** Durable consumer name without the deployment prefix. */
  durable: string;
}

export interface BusParticipant {
  /** NATS user name; a service's is its ServiceName. */
  user: string;
  description: string;
  /** The service this user is: owns `<service>.v1.>` + its stream, serves `rpc.<service>.v1.>`. */
  service?: ServiceName;
  /** RPC subjects it requests (bare, without prefix). */
  calls: readonly string[];
  /** Durable consumers it owns on event streams (its own stream included). */
  consumes: readonly BusConsumerGrant[];
  /** Streams it may read from the start with short-lived (ordered) consumers, e.g. a report rebuild. */
  replays: readonly ServiceName[];
  /** Operator / test process: everything (never given to a service). */
  admin?: boolean;
}

/** The operator's and the test process's user (stream setup and clean-up, forged-publish tests). */
export const BUS_ADMIN_USER = 'admin';

const caseworkCalls = (s: ServiceName) => [RpcSubjects.applicationAccept(s), RpcSubjects.applicationTransition(s), RpcSubjects.applicationGet(s)];
const transferCalls = (s: ServiceName) => [TransferRpcSubjects.request(s), TransferRpcSubjects.acknowledge(s), TransferRpcSubjects.complete(s)];
/** Every service that uses @onewindow/transfers keeps one durable per other service's stream (transfer.consumers.ts). */
const transferConsumers = (me: ServiceName): BusConsumerGrant[] => ALL_SERVICES.filter((s) => s !== me).map((other) => ({ stream: other, durable: `${me}-transfers-${other}` }));

function policeService(service: ServiceName, description: string): BusParticipant {
  return {
    user: service,
    description,
    service,
    // acceptance checks the applicant on the population register; transfers re-read their own applications
    calls: [RpcSubjects.personLookup, RpcSubjects.applicationGet(service)],
    consumes: transferConsumers(service),
    replays: [],
  };
}

export const BUS_PARTICIPANTS: readonly BusParticipant[] = [
  {
    user: ServiceName.COUNTER,
    description: 'counter (一窗受理): acceptance, inbox and report projections, SMS, transfers UI',
    service: ServiceName.COUNTER,
    calls: [
      RpcSubjects.personLookup,
      ...CASE_SERVICES.flatMap((s) => [...caseworkCalls(s), ...transferCalls(s)]),
      ...ALL_SERVICES.map((s) => RpcSubjects.auditQuery(s)),
    ],
    consumes: [
      ...CASE_SERVICES.flatMap((s) => [
        { stream: s, durable: `counter-inbox-${s}` },
        { stream: s, durable: `counter-catalog-index-${s}` },
        { stream: s, durable: `counter-notifications-${s}` },
        { stream: s, durable: `counter-transfers-${s}` },
        { stream: s, durable: `counter-report-${s}-applications` },
        { stream: s, durable: `counter-report-${s}-transfers` },
      ]),
      { stream: ServiceName.COMPLAINTS, durable: 'counter-report-complaints-evaluations' },
      { stream: ServiceName.COMPLAINTS, durable: 'counter-report-complaints-complaints' },
      { stream: ServiceName.COUNTER, durable: 'counter-report-counter-notices' },
      { stream: ServiceName.COUNTER, durable: 'counter-report-counter-sms' },
      { stream: ServiceName.COUNTER, durable: 'counter-report-counter-home-visits' },
      { stream: ServiceName.COUNTER, durable: 'counter-sms-sender' },
      { stream: ServiceName.COUNTER, durable: 'counter-report-push' },
    ],
    // the monthly-figures rebuild (report-rebuild.ts) re-reads every source stream from its start
    replays: [...CASE_SERVICES, ServiceName.COUNTER],
  },
  policeService(ServiceName.HOUSEHOLD, 'household (户政): population register, serves person.lookup'),
  policeService(ServiceName.EXIT_ENTRY, 'exit-entry (出入境)'),
  policeService(ServiceName.TRAFFIC, 'traffic (交管)'),
  policeService(ServiceName.PUBLIC_SECURITY, 'public-security (治安)'),
  {
    user: ServiceName.COMPLAINTS,
    description: 'complaints (信访投诉): evaluations of completed applications, complaint transfers',
    service: ServiceName.COMPLAINTS,
    calls: [...POLICE_SERVICES.map((s) => RpcSubjects.applicationGet(s)), RpcSubjects.applicationGet(ServiceName.COMPLAINTS)],
    consumes: [
      ...POLICE_SERVICES.map((s) => ({ stream: s, durable: `complaints-evaluation-${s}` })),
      { stream: ServiceName.COMPLAINTS, durable: 'complaints-answer-rating' },
      ...transferConsumers(ServiceName.COMPLAINTS),
    ],
    replays: [],
  },
  { user: BUS_ADMIN_USER, description: 'operator / test process: stream set-up and clean-up; never a service', calls: [], consumes: [], replays: [], admin: true },
];

export function busParticipant(user: string): BusParticipant {
  const p = BUS_PARTICIPANTS.find((x) => x.user === user);
  if (!p) throw new Error(`no bus participant named ${user}`);
  return p;
}

/** Deployment prefix applied like NatsService.subject() / stream() (empty in production). */
const subjectIn = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);
const streamIn = (prefix: string, name: string) => (prefix ? `${prefix}_${name}` : name);

/** The reply inbox of one user's connections (`inboxPrefix` of the NATS client); only that user may subscribe to it. */
export function busInboxPrefix(user: string, prefix = ''): string {
  return `_INBOX_${prefix ? `${prefix}_` : ''}${user}`;
}

/** Name of the environment variable that holds a user's NATS password (generated config and the services). */
export function busPasswordEnv(user: string): string {
  return `NATS_PASSWORD_${user.toUpperCase().replace(/-/g, '_')}`;
}

/** JetStream de-duplication window of every event stream (Nats-Msg-Id = outbox row id). */
export const EVENT_STREAM_DUPLICATE_WINDOW_NS = 2 * 60 * 1_000_000_000;

export interface BusPermissions {
  publish: string[];
  subscribe: string[];
  allowResponses: boolean;
}

/** The concrete nats-server permissions of one participant for a deployment prefix. */
export function busPermissions(p: BusParticipant, prefix = ''): BusPermissions {
  if (p.admin) return { publish: ['>'], subscribe: ['>'], allowResponses: true };
  const publish = new Set<string>(['$JS.API.INFO']);
  const subscribe = new Set<string>([`${busInboxPrefix(p.user, prefix)}.>`]);
  if (p.service) {
    const own = streamIn(prefix, streamOf(p.service).name);
    for (const s of streamOf(p.service).subjects) publish.add(subjectIn(prefix, s));
    publish.add(`$JS.API.STREAM.INFO.${own}`);
    publish.add(`$JS.API.STREAM.CREATE.${own}`);
    // its dead letters (decision 0031): announced on a stream of its own
    const dlq = deadLetterStreamOf(p.service);
    for (const s of dlq.subjects) publish.add(subjectIn(prefix, s));
    publish.add(`$JS.API.STREAM.INFO.${streamIn(prefix, dlq.name)}`);
    publish.add(`$JS.API.STREAM.CREATE.${streamIn(prefix, dlq.name)}`);
    // queue-group subscription: another client cannot join the group under a different name
    subscribe.add(`${subjectIn(prefix, `rpc.${p.service}.v1.>`)} ${p.service}`);
  }
  for (const c of p.calls) publish.add(subjectIn(prefix, c));
  for (const c of p.consumes) {
    const stream = streamIn(prefix, streamOf(c.stream).name);
    const durable = streamIn(prefix, c.durable);
    publish.add(`$JS.API.STREAM.INFO.${stream}`);
    publish.add(`$JS.API.CONSUMER.INFO.${stream}.${durable}`);
    publish.add(`$JS.API.CONSUMER.CREATE.${stream}.${durable}`);
    publish.add(`$JS.API.CONSUMER.CREATE.${stream}.${durable}.>`);
    publish.add(`$JS.API.CONSUMER.DURABLE.CREATE.${stream}.${durable}`);
    publish.add(`$JS.API.CONSUMER.MSG.NEXT.${stream}.${durable}`);
    publish.add(`$JS.ACK.${stream}.${durable}.>`);
  }
  for (const r of p.replays) {
    const stream = streamIn(prefix, streamOf(r).name);
    publish.add(`$JS.API.STREAM.INFO.${stream}`);
    publish.add(`$JS.API.CONSUMER.CREATE.${stream}.>`);
    publish.add(`$JS.API.CONSUMER.INFO.${stream}.*`);
    publish.add(`$JS.API.CONSUMER.MSG.NEXT.${stream}.*`);
    publish.add(`$JS.API.CONSUMER.DELETE.${stream}.*`);
  }
  return { publish: [...publish].sort(), subscribe: [...subscribe].sort(), allowResponses: !!p.service };
}

export interface NatsServerConfigOptions {
  prefix?: string;
  /** Literal password per user (test stacks); absent users get `$NATS_PASSWORD_<USER>` (resolved by nats-server from its environment). */
  passwords?: Record<string, string>;
  host?: string;
  port?: number;
  /** Monitoring port; omitted = no monitoring endpoint. */
  httpPort?: number;
  storeDir: string;
  header?: string;
}

const quote = (s: string) => JSON.stringify(s);

/** A complete nats-server configuration (v2.9+ syntax): JetStream plus one user per participant. */
export function natsServerConfig(opts: NatsServerConfigOptions): string {
  const prefix = opts.prefix ?? '';
  const lines: string[] = [];
  if (opts.header) lines.push(...opts.header.split('\n').map((l) => `# ${l}`.trimEnd()));
  if (opts.host) lines.push(`host: ${quote(opts.host)}`);
  lines.push(`port: ${opts.port ?? 4222}`);
  if (opts.httpPort !== undefined) lines.push(`http: ${opts.httpPort}`);
  lines.push('jetstream {', `  store_dir: ${quote(opts.storeDir)}`, '}', '', 'authorization {', '  users = [');
  for (const p of BUS_PARTICIPANTS) {
    const perms = busPermissions(p, prefix);
    const password = opts.passwords?.[p.user];
    lines.push(`    # ${p.description}`);
    lines.push('    {');
    lines.push(`      user: ${quote(p.user)}`);
    lines.push(`      password: ${password !== undefined ? quote(password) : `$${busPasswordEnv(p.user)}`}`);
    lines.push('      permissions: {');
    lines.push('        publish: { allow: [');
    for (const s of perms.publish) lines.push(`          ${quote(s)}`);
    lines.push('        ] }');
    lines.push('        subscribe: { allow: [');
    for (const s of perms.subscribe) lines.push(`          ${quote(s)}`);
    lines.push('        ] }');
    if (perms.allowResponses) lines.push('        allow_responses: true');
    lines.push('      }');
    lines.push('    }');
  }
  lines.push('  ]', '}', '');
  return lines.join('\n');
}

/** The Markdown table of docs/subjects.md ("Who may use the bus"), generated from BUS_PARTICIPANTS. */
export function busPermissionsTable(): string {
  const code = (xs: readonly string[]) => (xs.length ? xs.map((x) => `\`${x}\``).join(', ') : '—');
  const rows = BUS_PARTICIPANTS.map((p) => {
    if (p.admin) return `| \`${p.user}\` | ${p.description} | \`>\` | \`>\` | everything | — |`;
    const serves = p.service ? [`rpc.${p.service}.v1.>`] : [];
    const publishes = p.service ? [...streamOf(p.service).subjects, ...deadLetterStreamOf(p.service).subjects] : [];
    const consumes = p.consumes.map((c) => `${streamOf(c.stream).name}/${c.durable}`);
    const replays = p.replays.map((r) => streamOf(r).name);
    return `| \`${p.user}\` | ${p.description} | ${code(publishes)} | ${code(serves)} (queue \`${p.service ?? '—'}\`) | ${code(p.calls)} | ${code(consumes)}${replays.length ? `; replays ${code(replays)}` : ''} |`;
  });
  return [
    '| User | Who | Publishes events | Serves (subscribes) | Calls (RPC publish) | JetStream consumers (stream/durable) |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** infra/nats.conf: production shape, passwords from the server's environment (never committed). */
export function infraNatsConfig(): string {
  return natsServerConfig({
    storeDir: '/data',
    port: 4222,
    header: [
      'GENERATED by `npm run nats-config` from packages/contracts/src/bus-permissions.ts — do not edit by hand.',
      'One NATS user per service with the subjects it may publish / subscribe (decision 0026).',
      'Passwords come from the nats-server environment: NATS_PASSWORD_<USER> (e.g. NATS_PASSWORD_HOUSEHOLD),',
      'plain or a bcrypt hash (`nats server passwd`); each service gets its plain one as NATS_PASSWORD.',
      'TLS (production): add',
      '  tls { cert_file: "/etc/nats/tls/server.pem", key_file: "/etc/nats/tls/server-key.pem", ca_file: "/etc/nats/tls/ca.pem" }',
      'and give the services NATS_URL=tls://… with NATS_TLS_CA (docs/runbook.md).',
    ].join('\n'),
  });
}

const TABLE_START = '<!-- bus-permissions:start (generated by `npm run nats-config`; do not edit) -->';
const TABLE_END = '<!-- bus-permissions:end -->';

/** docs/subjects.md with its generated "who may use the bus" table replaced (or appended). */
export function withBusPermissionsTable(markdown: string): string {
  const block = `${TABLE_START}\n${busPermissionsTable()}\n${TABLE_END}`;
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start >= 0 && end > start) return markdown.slice(0, start) + block + markdown.slice(end + TABLE_END.length);
  return `${markdown.trimEnd()}\n\n## Who may use the bus (NATS users and permissions, decision 0026)\n\n${block}\n`;
}
