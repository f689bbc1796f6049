// Bulk load for bench/scale.mjs (issue 14 goal 6): persons and households from the population
// generator (@onewindow/population) into household's tables with COPY FROM STDIN, and applications
// generated in SQL (generate_series) into the owning services' casework tables, with the counter's
// inbox projection (inbox_application) holding the same rows. Tables, constraints and indexes stay
// as the migrations made them; no audit row is written (audit tables are append-only and written
// by the services only); the application number sequences are advanced past the loaded numbers.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { policeUnitName } from '@onewindow/contracts';
import { generatePopulation } from '@onewindow/population';

/** One value in COPY's text format. */
const copyValue = (v) => (v === null || v === undefined ? '\\N' : String(v).replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]));
const copyLine = (values) => `${values.map(copyValue).join('\t')}\n`;

async function copyIn(client, sql, lines) {
  await pipeline(Readable.from([Buffer.from(lines.join(''))]), client.query(copyFrom(sql)));
}

export async function connect(url) {
  const c = new pg.Client({ connectionString: url });
  // A connection ended under us (the databases dropped on Ctrl-C) fails its query; without a
  // listener the client's 'error' event would also end the process before the cleanup finishes.
  c.on('error', (err) => {
    c.lostWith = err;
  });
  await c.connect();
  return c;
}

/**
 * Persons and their households, streamed from the generator in chunks: each chunk's households
 * are COPYed, then its persons (the household foreign key holds). A household whose number, or a
 * person whose ID number, is already on the register (the demo seed) is left out.
 */
export async function loadPersons(url, { persons, seed, unitCodes, chunkSize = 50_000, onProgress }) {
  const c = await connect(url);
  try {
    const takenPersons = new Set((await c.query('SELECT id_number FROM person')).rows.map((r) => r.id_number));
    const takenHouseholds = new Set((await c.query('SELECT household_number FROM household')).rows.map((r) => r.household_number));
    const result = { persons: 0, households: 0, skipped: 0 };
    let h = [];
    let p = [];
    const flush = async () => {
      if (!h.length) return;
      await copyIn(c, 'COPY household (id, household_number, address, head_id_number, unit_code) FROM STDIN', h);
      await copyIn(c, 'COPY person (id_number, name, sex, ethnicity, birth_date, address, phone, household_id, relation_to_head, unit_code) FROM STDIN', p);
      result.households += h.length;
      result.persons += p.length;
      h = [];
      p = [];
      onProgress?.(result);
    };
    for (const hh of generatePopulation({ seed, persons, unitCodes })) {
      if (takenHouseholds.has(hh.householdNumber)) {
        result.skipped += hh.members.length;
        continue;
      }
      const id = randomUUID();
      h.push(copyLine([id, hh.householdNumber, hh.address, hh.headIdNumber, hh.unitCode]));
      for (const m of hh.members) {
        if (takenPersons.has(m.idNumber)) {
          result.skipped++;
          continue;
        }
        p.push(copyLine([m.idNumber, m.name, m.sex, m.ethnicity, m.birthDate, m.address, m.phone, id, m.relationToHead, hh.unitCode]));
      }
      if (p.length >= chunkSize) await flush();
    }
    await flush();
    return result;
  } finally {
    await c.end();
  }
}

const APPLICATION_COLUMNS = `id, number, idempotency_key, item_code, item_name, police_type, service, applicant_id_number, applicant_name,
  applicant_phone, status, unit_code, unit_name, first_inquiry_owner_sub, first_inquiry_owner_name, accepted_at, deadline,
  deadline_provisional, deadline_state, clock_stopped_since, fee_fen, delivery_method, rejection_reason, presented_materials,
  tolerated_materials, form, details, version, created_at, updated_at, clock_started_on, promised_time_limit, statutory_time_limit,
  statutory_deadline, clock_stops_at`;
const INBOX_COLUMNS = 'number, police_type, service, item_code, item_name, applicant_id_number, applicant_name, status, unit_code, deadline, deadline_state, version, snapshot, updated_at';
const OPEN = `('ACCEPTED','IN_REVIEW','SUPPLEMENT_REQUESTED')`;

/**
 * Applications g = first..last of one service, as rows (SQL on household's database, which holds
 * the applicants in the session's temp table scale_applicant). Deterministic in g, so the casework
 * rows and the inbox rows drawn from the same g are the same applications. Mostly closed cases of
 * the last three years, some open ones of the last 40 days (on time, due soon, overdue, paused).
 */
// The number as the casework repository makes it: prefix, acceptance date, sequence padded to at
// least 6 digits (PostgreSQL's lpad would cut a longer one: duplicates past 999,999).
export function applicationRows(lit, { first, last, service, prefix, sequenceBase, items, applicants, today, unitNames }) {
  const codes = `ARRAY[${items.map((i) => lit(i.code)).join(',')}]::text[]`;
  const names = `ARRAY[${items.map((i) => lit(i.name)).join(',')}]::text[]`;
  const unitName = `CASE ap.unit_code ${Object.entries(unitNames).map(([code, name]) => `WHEN ${lit(code)} THEN ${lit(name)}`).join(' ')} ELSE ap.unit_code END`;
  return `
WITH drawn AS (
  SELECT g, ap.id_number, ap.name, ap.phone, ap.unit_code, ${unitName} AS unit_name,
    CASE WHEN r < 690 THEN 'CLOSED' WHEN r < 750 THEN 'DELIVERED' WHEN r < 790 THEN 'REJECTED' WHEN r < 820 THEN 'WITHDRAWN'
         WHEN r < 870 THEN 'ACCEPTED' WHEN r < 920 THEN 'IN_REVIEW' WHEN r < 935 THEN 'SUPPLEMENT_REQUESTED'
         WHEN r < 960 THEN 'APPROVED' ELSE 'READY_FOR_PICKUP' END AS status,
    (${codes})[1 + (g * 97) % ${items.length}] AS item_code, (${names})[1 + (g * 97) % ${items.length}] AS item_name
  FROM generate_series(${first}::bigint, ${last}::bigint) g
  CROSS JOIN LATERAL (SELECT ((g * 40503) % 1000)::int AS r) rr
  JOIN scale_applicant ap ON ap.rn = 1 + (g * 2654435761) % ${applicants}
), dated AS (
  SELECT d.*, (${lit(today)}::date - CASE WHEN status IN ${OPEN} THEN ((g * 7919) % 40)::int ELSE 40 + ((g * 7919) % 1055)::int END) AS accepted_on
  FROM drawn d
), a AS (
  SELECT x.*,
    md5(${lit(service)} || ':' || g)::uuid AS id,
    ${lit(prefix)} || to_char(accepted_on, 'YYYYMMDD') || lpad(seq::text, greatest(6, length(seq::text)), '0') AS number,
    'scale-' || ${lit(service)} || '-' || g AS idempotency_key,
    ((accepted_on + time '09:00' + make_interval(secs => (g * 131) % 28800)) AT TIME ZONE 'Asia/Shanghai') AS accepted_at,
    accepted_on + 21 AS deadline,
    accepted_on + 28 AS statutory_deadline,
    CASE WHEN status = 'SUPPLEMENT_REQUESTED' THEN 'PAUSED' WHEN status NOT IN ${OPEN} THEN 'DONE'
         WHEN accepted_on + 21 < ${lit(today)}::date THEN 'OVERDUE' WHEN accepted_on + 21 <= ${lit(today)}::date + 3 THEN 'DUE_SOON' ELSE 'ON_TIME' END AS deadline_state,
    CASE WHEN status = 'SUPPLEMENT_REQUESTED' THEN accepted_on + 3 END AS clock_stopped_since,
    CASE status WHEN 'ACCEPTED' THEN 1 WHEN 'IN_REVIEW' THEN 2 WHEN 'WITHDRAWN' THEN 2 WHEN 'SUPPLEMENT_REQUESTED' THEN 3 WHEN 'APPROVED' THEN 3
                WHEN 'REJECTED' THEN 3 WHEN 'READY_FOR_PICKUP' THEN 4 WHEN 'DELIVERED' THEN 5 ELSE 6 END AS version,
    CASE WHEN status IN ('DELIVERED','CLOSED') THEN 'WINDOW' END AS delivery_method,
    CASE WHEN status = 'REJECTED' THEN '申请材料不符合法定形式' END AS rejection_reason
  FROM dated x CROSS JOIN LATERAL (SELECT ${sequenceBase} + g - 1 AS seq) n
)
SELECT a.*, (a.accepted_at + make_interval(days => CASE WHEN status = 'ACCEPTED' THEN 0 ELSE least(version * 3, 20) END)) AS updated_at
FROM a`;
}

/** The casework row of an application (columns in APPLICATION_COLUMNS order), from applicationRows. */
function caseworkSelect(rows, policeType, service) {
  return `SELECT id, number, idempotency_key, item_code, item_name, '${policeType}', '${service}', id_number, name, phone, status, unit_code, unit_name,
    'demo:demo-clerk', '王窗口', accepted_at, deadline, false, deadline_state, clock_stopped_since, 0, delivery_method, rejection_reason,
    '["ID_CARD"]'::jsonb, '[]'::jsonb, jsonb_build_object('applicantName', name, 'applicantIdNumber', id_number), '{}'::jsonb, version,
    accepted_at, updated_at, accepted_on, '{"value":15,"unit":"WORKING_DAYS"}'::jsonb, '{"value":20,"unit":"WORKING_DAYS"}'::jsonb,
    statutory_deadline, 'APPROVED'
  FROM (${rows}) r`;
}

/** The inbox row of the same application, with the snapshot the service would have announced. */
function inboxSelect(rows, policeType, service) {
  const iso = (col) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  return `SELECT number, '${policeType}', '${service}', item_code, item_name, id_number, name, status, unit_code, deadline, deadline_state, version,
    jsonb_build_object('number', number, 'service', '${service}', 'policeType', '${policeType}', 'itemCode', item_code, 'itemName', item_name,
      'applicantIdNumber', id_number, 'applicantName', name, 'applicantPhone', phone, 'status', status, 'unitCode', unit_code,
      'unitName', unit_name, 'firstInquiryOwnerSub', 'demo:demo-clerk', 'firstInquiryOwnerName', '王窗口', 'acceptedAt', ${iso('accepted_at')},
      'deadline', deadline, 'deadlineProvisional', false, 'deadlineState', deadline_state, 'clockStoppedSince', clock_stopped_since,
      'promisedTimeLimit', '{"value":15,"unit":"WORKING_DAYS"}'::jsonb, 'statutoryTimeLimit', '{"value":20,"unit":"WORKING_DAYS"}'::jsonb,
      'statutoryDeadline', statutory_deadline, 'statutoryDeadlineProvisional', false, 'clockStopsAt', 'APPROVED', 'extendedWorkingDays', 0,
      'feeFen', 0, 'waiverCode', null, 'deliveryMethod', delivery_method, 'resultName', null, 'pickupNotice', null,
      'rejectionReason', rejection_reason, 'presentedMaterials', '["ID_CARD"]'::jsonb, 'toleratedMaterials', '[]'::jsonb,
      'form', jsonb_build_object('applicantName', name, 'applicantIdNumber', id_number), 'fromNoticeNumber', null,
      'timeline', '[]'::jsonb, 'version', version, 'updatedAt', ${iso('updated_at')}),
    updated_at
  FROM (${rows}) r`;
}

/**
 * `applications` applications split over the services by `shares` ({ service: { share, policeType,
 * prefix, url } }), applicants drawn from household's register, items from the counter's catalog.
 * Each service's casework rows and the counter's inbox rows are written batch by batch; the
 * service's application_number_seq is advanced first (the loaded numbers are reserved).
 */
export async function loadApplications({ householdUrl, counterUrl, services, applications, today, batchSize = 250_000, onProgress }) {
  // Two sessions on household's database, each with the same applicants table (numbered by ID
  // number): one feeds the casework rows, the other the inbox rows, in parallel.
  const hh = await connect(householdUrl);
  const hh2 = await connect(householdUrl);
  const counter = await connect(counterUrl);
  const targets = new Map();
  try {
    for (const session of [hh, hh2]) {
      await session.query(`SET work_mem = '256MB'`); // the applicants' hash join stays in memory
      await session.query(`CREATE TEMP TABLE scale_applicant AS
        SELECT (row_number() OVER (ORDER BY id_number))::bigint AS rn, id_number, name, phone, unit_code FROM person WHERE status = 'NORMAL'`);
      await session.query('ANALYZE scale_applicant');
    }
    const { rows: [{ n: applicants }] } = await hh.query('SELECT count(*)::bigint AS n FROM scale_applicant');
    const { rows: units } = await hh.query('SELECT DISTINCT unit_code FROM scale_applicant');
    const unitNames = Object.fromEntries(units.map((u) => [u.unit_code, policeUnitName(u.unit_code)]));
    const { rows: catalog } = await counter.query('SELECT code, name, service FROM catalog_item ORDER BY position, code');
    const lit = (v) => hh.escapeLiteral(String(v));
    const totalShare = Object.values(services).reduce((t, s) => t + s.share, 0);
    const done = { applications: 0, byService: {} };
    let remaining = applications;
    const entries = Object.entries(services);
    for (const [k, [service, spec]] of entries.entries()) {
      const count = k === entries.length - 1 ? remaining : Math.round((applications * spec.share) / totalShare);
      remaining -= count;
      if (count <= 0) continue;
      const items = catalog.filter((i) => i.service === service);
      if (!items.length) throw new Error(`no catalog items of ${service} in the counter's catalog`);
      const target = service === 'household' ? hh : await connect(spec.url);
      if (target !== hh) targets.set(service, target);
      // Reserve the numbers: the loaded ones are base … base + count - 1, the next acceptance gets base + count.
      const { rows: [{ base }] } = await target.query(`SELECT nextval('application_number_seq')::bigint AS base`);
      await target.query(`SELECT setval('application_number_seq', $1::bigint)`, [BigInt(base) + BigInt(count) - 1n]);
      done.byService[service] = 0;
      for (let first = 1; first <= count; first += batchSize) {
        const last = Math.min(count, first + batchSize - 1);
        const rows = applicationRows(lit, { first, last, service, prefix: spec.prefix, sequenceBase: base, items, applicants, today, unitNames });
        const casework = caseworkSelect(rows, spec.policeType, service);
        await Promise.all([
          target === hh
            ? hh.query(`INSERT INTO application (${APPLICATION_COLUMNS}) ${casework}`)
            : pipeline(hh.query(copyTo(`COPY (${casework}) TO STDOUT`)), target.query(copyFrom(`COPY application (${APPLICATION_COLUMNS}) FROM STDIN`))),
          pipeline(hh2.query(copyTo(`COPY (${inboxSelect(rows, spec.policeType, service)}) TO STDOUT`)), counter.query(copyFrom(`COPY inbox_application (${INBOX_COLUMNS}) FROM STDIN`))),
        ]);
        done.byService[service] += last - first + 1;
        done.applications += last - first + 1;
        onProgress?.(done);
      }
    }
    return done;
  } finally {
    await hh.end();
    await hh2.end();
    await counter.end();
    for (const t of targets.values()) await t.end();
  }
}

/**
 * Casework rows per service against the counter's inbox rows of that service (the projection of
 * the services' own acceptances included): equal when the load and the projection are consistent.
 */
export async function compareWithInbox(urls, counterUrl) {
  const counter = await connect(counterUrl);
  try {
    const { rows } = await counter.query('SELECT service, count(*)::int AS n FROM inbox_application GROUP BY service');
    const inbox = Object.fromEntries(rows.map((r) => [r.service, r.n]));
    const out = [];
    for (const [service, url] of Object.entries(urls)) {
      const c = await connect(url);
      try {
        const { rows: [{ n }] } = await c.query('SELECT count(*)::int AS n FROM application');
        out.push({ service, casework: n, inbox: inbox[service] ?? 0 });
      } finally {
        await c.end();
      }
    }
    return out;
  } finally {
    await counter.end();
  }
}
