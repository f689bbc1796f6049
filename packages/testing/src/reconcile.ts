import pg from 'pg';

/**
 * Reconciliation (对账) across the services' own databases, for fault tests and the soak
 * (bench/soak.mjs) and for operators (scripts/reconcile.mjs): does every projection hold exactly
 * what the owners hold?
 *
 * - applications: every row of an owner's `application` (household, exit-entry, traffic, public
 *   security) has exactly one row in the counter's `inbox_application` with the same owner, and
 *   vice versa; the inbox is not behind the owner (version); every acceptance the counter
 *   recorded (`accept_request` with a number) exists at its owner.
 * - transfers: every OUTBOUND side has exactly one INBOUND side at its receiver with the same
 *   status, and the counter's `transfer_view` has each transfer once with that status.
 * - SMS: one pickup SMS (`sms_message`, trigger READY_FOR_PICKUP) per application that reached
 *   READY_FOR_PICKUP with a mobile number, and none for anything else.
 *
 * Reads only numbers, ids and statuses (no personal data is printed).
 */
export const OWNER_SERVICES = ['household', 'exit-entry', 'traffic', 'public-security'] as const;
export type OwnerService = (typeof OWNER_SERVICES)[number];

export interface ReconcileUrls {
  counter: string;
  household?: string;
  'exit-entry'?: string;
  traffic?: string;
  'public-security'?: string;
}

export interface ReconcileReport {
  applications: {
    /** Applications per owner. */
    owners: Record<string, number>;
    inbox: number;
    /** At an owner, not (or not once, or under another owner) in the inbox. */
    missingInInbox: string[];
    /** In the inbox, at no owner. */
    notAtOwner: string[];
    /** The inbox is behind the owner (version or status), e.g. `HH…: APPROVED v3 ≠ inbox ACCEPTED v1`. */
    stale: string[];
    /** The counter recorded an acceptance whose application its owner does not have. */
    acceptRequests: number;
    acceptedButMissing: string[];
  };
  transfers: {
    outbound: number;
    inbound: number;
    views: number;
    /** Transfer ids sent but not (or more than once) received. */
    missingInbound: string[];
    /** Received with no sender side. */
    orphanInbound: string[];
    /** The two sides disagree on the status. */
    statusMismatch: string[];
    /** Missing from / extra in / behind in the counter's transfer view. */
    missingView: string[];
    orphanView: string[];
    staleView: string[];
  };
  sms: {
    /** Applications that reached READY_FOR_PICKUP with a mobile number. */
    expected: number;
    present: number;
    byStatus: Record<string, number>;
    missing: string[];
    unexpected: string[];
  };
  ok: boolean;
}

type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

async function withClient<T>(url: string, fn: (q: Query) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(async <R>(text: string, params: unknown[] = []) => (await c.query(text, params)).rows as R[]);
  } finally {
    await c.end();
  }
}

const isMobile = (v: unknown) => typeof v === 'string' && /^1[3-9]\d{9}$/.test(v.replace(/[\s-]/g, '').replace(/^\+?86/, ''));

/** Compare the owners' tables with the counter's projections (see the module comment). */
export async function reconcile(urls: ReconcileUrls): Promise<ReconcileReport> {
  const owners = OWNER_SERVICES.filter((s) => urls[s]);
  interface OwnerApp { number: string; status: string; version: number; ready: boolean; phone: string | null; contact: string | null }
  interface Side { transfer_id: string; direction: string; from_service: string; to_service: string; status: string }
  const apps = new Map<string, OwnerApp & { owner: string }>();
  const appCounts: Record<string, number> = {};
  const sides = new Map<string, Side[]>();
  await Promise.all(owners.map((s) => withClient(urls[s]!, async (q) => {
    const rows = await q<OwnerApp>(`SELECT a.number, a.status, a.version, a.applicant_phone AS phone, a.form->>'contactPhone' AS contact,
        EXISTS (SELECT 1 FROM application_event e WHERE e.application_id = a.id AND e.to_status = 'READY_FOR_PICKUP') AS ready
      FROM application a`);
    appCounts[s] = rows.length;
    for (const r of rows) apps.set(r.number, { ...r, owner: s });
    for (const t of await q<Side>(`SELECT transfer_id, direction, from_service, to_service, status FROM transfer`)) {
      sides.set(t.transfer_id, [...(sides.get(t.transfer_id) ?? []), t]);
    }
  })));

  return withClient(urls.counter, async (q) => {
    const inbox = await q<{ number: string; service: string; status: string; version: number }>(`SELECT number, service, status, version FROM inbox_application`);
    const accepts = await q<{ idempotency_key: string; application_number: string; service: string }>(
      `SELECT idempotency_key, application_number, service FROM accept_request WHERE application_number IS NOT NULL`);
    const views = await q<{ transfer_id: string; status: string }>(`SELECT transfer_id, status FROM transfer_view`);
    const sms = await q<{ application_number: string; status: string }>(`SELECT application_number, status FROM sms_message WHERE trigger_status = 'READY_FOR_PICKUP'`);

    const inboxBy = new Map(inbox.map((r) => [r.number, r]));
    const missingInInbox: string[] = [];
    const stale: string[] = [];
    for (const a of apps.values()) {
      const i = inboxBy.get(a.number);
      if (!i || i.service !== a.owner) missingInInbox.push(a.number);
      else if (i.version < a.version || (i.version === a.version && i.status !== a.status)) stale.push(`${a.number}: ${a.status} v${a.version} ≠ inbox ${i.status} v${i.version}`);
    }
    const notAtOwner = inbox.filter((r) => owners.includes(r.service as OwnerService) && !apps.has(r.number)).map((r) => r.number);
    const acceptedButMissing = accepts.filter((r) => owners.includes(r.service as OwnerService) && !apps.has(r.application_number)).map((r) => `${r.idempotency_key} → ${r.application_number}`);

    const missingInbound: string[] = [];
    const orphanInbound: string[] = [];
    const statusMismatch: string[] = [];
    let outbound = 0;
    let inbound = 0;
    const settled = new Map<string, string>();
    for (const [id, list] of sides) {
      const out = list.filter((x) => x.direction === 'OUTBOUND');
      const inn = list.filter((x) => x.direction === 'INBOUND');
      outbound += out.length;
      inbound += inn.length;
      const receiverKnown = (out[0] ?? inn[0])!.to_service;
      if (out.length && owners.includes(receiverKnown as OwnerService) && inn.length !== 1) missingInbound.push(id);
      if (inn.length && !out.length && owners.includes(inn[0]!.from_service as OwnerService)) orphanInbound.push(id);
      if (out.length === 1 && inn.length === 1 && out[0]!.status !== inn[0]!.status) statusMismatch.push(`${id}: ${out[0]!.status} ≠ ${inn[0]!.status}`);
      settled.set(id, (inn[0] ?? out[0])!.status);
    }
    const viewBy = new Map(views.map((v) => [v.transfer_id, v]));
    const missingView = [...settled.keys()].filter((id) => !viewBy.has(id));
    const orphanView = views.filter((v) => !sides.has(v.transfer_id)).map((v) => v.transfer_id);
    const staleView = views.filter((v) => settled.has(v.transfer_id) && settled.get(v.transfer_id) !== v.status).map((v) => `${v.transfer_id}: ${settled.get(v.transfer_id)} ≠ view ${v.status}`);

    const expectedSms = [...apps.values()].filter((a) => a.ready && (isMobile(a.phone) || isMobile(a.contact))).map((a) => a.number);
    const smsNumbers = new Set(sms.map((r) => r.application_number));
    const byStatus: Record<string, number> = {};
    for (const r of sms) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const expectedSet = new Set(expectedSms);
    const report: ReconcileReport = {
      applications: { owners: appCounts, inbox: inbox.length, missingInInbox, notAtOwner, stale, acceptRequests: accepts.length, acceptedButMissing },
      transfers: { outbound, inbound, views: views.length, missingInbound, orphanInbound, statusMismatch, missingView, orphanView, staleView },
      sms: {
        expected: expectedSms.length, present: sms.length, byStatus,
        missing: expectedSms.filter((n) => !smsNumbers.has(n)),
        unexpected: sms.filter((r) => apps.has(r.application_number) && !expectedSet.has(r.application_number)).map((r) => r.application_number),
      },
      ok: false,
    };
    report.ok = [
      missingInInbox, notAtOwner, stale, acceptedButMissing, missingInbound, orphanInbound, statusMismatch, missingView, orphanView, staleView,
      report.sms.missing, report.sms.unexpected,
    ].every((x) => x.length === 0);
    return report;
  });
}

/** A short printable summary of a report (counts, then the first differences). */
export function formatReconcile(r: ReconcileReport): string {
  const owners = Object.entries(r.applications.owners).map(([s, n]) => `${s} ${n}`).join(', ');
  const lines = [
    `applications: owners ${owners} (total ${Object.values(r.applications.owners).reduce((a, b) => a + b, 0)}); inbox ${r.applications.inbox}; accept requests ${r.applications.acceptRequests}`,
    `transfers: outbound ${r.transfers.outbound}, inbound ${r.transfers.inbound}, counter view ${r.transfers.views}`,
    `sms (pickup): expected ${r.sms.expected}, present ${r.sms.present} ${JSON.stringify(r.sms.byStatus)}`,
  ];
  const diffs: [string, string[]][] = [
    ['missing in inbox', r.applications.missingInInbox], ['in inbox, not at owner', r.applications.notAtOwner], ['inbox behind owner', r.applications.stale],
    ['accepted but missing at owner', r.applications.acceptedButMissing], ['transfer not received', r.transfers.missingInbound],
    ['transfer received, no sender', r.transfers.orphanInbound], ['transfer sides disagree', r.transfers.statusMismatch],
    ['transfer missing in view', r.transfers.missingView], ['transfer view orphan', r.transfers.orphanView], ['transfer view behind', r.transfers.staleView],
    ['pickup SMS missing', r.sms.missing], ['SMS for no ready application', r.sms.unexpected],
  ];
  for (const [label, xs] of diffs) if (xs.length) lines.push(`  ✗ ${label}: ${xs.length} — ${xs.slice(0, 5).join('; ')}${xs.length > 5 ? ' …' : ''}`);
  lines.push(r.ok ? 'reconciliation: OK' : 'reconciliation: DIFFERENCES');
  return lines.join('\n');
}
