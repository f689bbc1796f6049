// EXPLAIN of the lookups the citizen 360° and the inbox page make (issue 14 goal 2), shared by
// bench/gateways.mjs (small tables, sequential scans disabled: can an index serve each lookup?) and
// bench/scale.mjs (big tables, the planner free: does it choose the index on its own?).
import pg from 'pg';
import { DEMO_PERSON_IDS } from '@onewindow/population';

/** [service, what, SQL] of every lookup of the 360° and the inbox page, for one person. */
export function lookups(id = DEMO_PERSON_IDS.adult, unitPrefix = '510107001') {
  // The inbox's order (apps/counter/src/inbox/inbox.repository.ts): overdue first, then due soon, then by deadline.
  const rank = `CASE CASE WHEN a.deadline_state IN ('DONE', 'PAUSED') THEN a.deadline_state WHEN a.deadline < CURRENT_DATE THEN 'OVERDUE' ELSE a.deadline_state END
    WHEN 'OVERDUE' THEN 0 WHEN 'DUE_SOON' THEN 1 WHEN 'ON_TIME' THEN 2 WHEN 'PAUSED' THEN 3 ELSE 4 END`;
  return [
    ['household', 'person by ID number', `SELECT * FROM person p LEFT JOIN household h ON h.id = p.household_id WHERE p.id_number = '${id}' AND p.unit_code LIKE '5101%'`],
    ['household', 'household members', `SELECT * FROM person WHERE household_id = (SELECT household_id FROM person WHERE id_number = '${id}') AND unit_code LIKE '5101%' ORDER BY birth_date`],
    ['household', 'residence permits of holder', `SELECT * FROM residence_permit WHERE holder_id_number = '${id}'`],
    ['counter', 'applications of applicant', `SELECT * FROM inbox_application WHERE applicant_id_number = '${id}'`],
    ['counter', 'applications of applicant (360° query)', `SELECT * FROM inbox_application a WHERE a.unit_code LIKE '5101%' AND (a.number = '${id}' OR a.applicant_id_number = '${id}') ORDER BY ${rank}, a.deadline, a.number LIMIT 50`],
    ['counter', 'notices of applicant', `SELECT * FROM one_time_notice WHERE applicant_id_number = '${id}'`],
    ['counter', 'inbox page (jurisdiction, police type)', `SELECT * FROM inbox_application a WHERE a.unit_code LIKE '${unitPrefix}%' AND a.police_type = 'HOUSEHOLD' ORDER BY ${rank}, a.deadline, a.number LIMIT 20 OFFSET 40`],
    ['counter', 'inbox page count', `SELECT count(*) FROM inbox_application a WHERE a.unit_code LIKE '${unitPrefix}%' AND a.police_type = 'HOUSEHOLD'`],
    ['exit-entry', 'travel documents of holder', `SELECT * FROM travel_document WHERE holder_id_number = '${id}'`],
    ['exit-entry', 'endorsements of holder', `SELECT * FROM endorsement WHERE holder_id_number = '${id}'`],
    ['traffic', 'licence of holder (number = ID)', `SELECT * FROM driving_licence WHERE number = '${id}'`],
    ['traffic', 'vehicles of owner', `SELECT * FROM vehicle WHERE owner_id_number = '${id}'`],
    ['traffic', 'violations by licence', `SELECT * FROM violation WHERE licence_number = '${id}'`],
    ['public-security', 'permits of holder', `SELECT * FROM permit WHERE holder_id_number = '${id}'`],
    ['public-security', 'lost reports of reporter', `SELECT * FROM lost_report WHERE reporter_id_number = '${id}'`],
    ['public-security', 'claims of claimant', `SELECT * FROM found_item_claim WHERE claimant_id_number = '${id}'`],
    ['complaints', 'complaints of complainant', `SELECT * FROM complaint WHERE complainant_id_number = '${id}'`],
    ['complaints', 'evaluations of applicant', `SELECT * FROM evaluation WHERE applicant_id_number = '${id}'`],
  ];
}

/**
 * EXPLAINs every lookup on the stack's databases and prints the index(es) per lookup, or the seq
 * scan with its plan. `seqscan: false` disables sequential scans (small tables, where the planner
 * would rightly scan: the check is whether an index CAN serve). `analyze: true` runs the lookups
 * and prints their execution time, and the plan of those slower than `slowMs`. Returns
 * [{ service, what, seq, indexes, ms }].
 */
export async function explainLookups(stack, { seqscan = false, analyze = false, idNumber, unitPrefix, title, slowMs = 100 } = {}) {
  console.log(`\n${title ?? `EXPLAIN (enable_seqscan ${seqscan ? 'on' : 'off'}) of the 360° and inbox lookups`}:`);
  const out = [];
  for (const [service, what, sql] of lookups(idNumber, unitPrefix)) {
    const c = new pg.Client({ connectionString: stack.databases.get(service).ownerUrl });
    await c.connect();
    try {
      if (!seqscan) await c.query('SET enable_seqscan = off');
      const plan = (await c.query(`EXPLAIN ${analyze ? '(ANALYZE) ' : ''}${sql}`)).rows.map((r) => r['QUERY PLAN']).join('\n');
      const indexes = [...new Set([...plan.matchAll(/(?:Index Scan(?: Backward)? using|Index Only Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map((m) => m[1]))];
      const seq = /Seq Scan/.test(plan);
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
      out.push({ service, what, seq, indexes, ms });
      const time = analyze ? ` ${ms.toFixed(2).padStart(9)} ms` : '';
      const showPlan = seq || (analyze && ms > slowMs);
      console.log(`  ${service.padEnd(15)} ${what.padEnd(40)}${time}  ${seq ? `SEQ SCAN${seqscan ? '' : ' (NO INDEX)'}${indexes.length ? ` (+ ${indexes.join(', ')})` : ''}` : indexes.join(', ')}${showPlan ? `\n${plan.replace(/^/gm, '      ')}` : ''}`);
    } catch (e) {
      out.push({ service, what, error: e.message });
      console.log(`  ${service.padEnd(15)} ${what.padEnd(40)} error: ${e.message}`);
    } finally {
      await c.end();
    }
  }
  return out;
}
