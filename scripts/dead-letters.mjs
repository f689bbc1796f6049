#!/usr/bin/env node
// Operator command for one service's parked messages and dead letters (死信):
//   npm run dead-letters -- [--database <url>] list [--state PENDING|DEAD|DISCARDED] [--consumer <durable>]
//   npm run dead-letters -- [--database <url>] show <id>
//   npm run dead-letters -- [--database <url>] replay <id> --by <operator>
//   npm run dead-letters -- [--database <url>] discard <id> --by <operator> --reason "<why>"
// The database is the service's own (DATABASE_URL by default). Replays and discards are audited.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { discardParked, listParked, replayParked, showParked } from '@onewindow/platform';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    database: { type: 'string' }, state: { type: 'string' }, consumer: { type: 'string' },
    by: { type: 'string' }, reason: { type: 'string' },
  },
});
const url = values.database ?? process.env.DATABASE_URL;
const [command, id] = positionals;
if (!url || !command) {
  console.error('usage: npm run dead-letters -- --database postgres://… list|show <id>|replay <id> --by <name>|discard <id> --by <name> --reason "…"');
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
const query = async (sql, params) => (await client.query(sql, params)).rows;
let code = 0;
try {
  if (command === 'list') {
    const rows = await listParked(query, { state: values.state, consumer: values.consumer });
    if (!rows.length) console.log('没有暂存或死信消息 — nothing parked');
    else console.table(rows.map((r) => ({ id: r.id, state: r.state, consumer: r.consumer, subject: r.subject, attempts: r.attempts, waitingBehind: r.waitingBehind, next: r.nextAttemptAt, error: (r.lastError ?? '').slice(0, 80) })));
  } else if (command === 'show' && id) {
    const row = await showParked(query, id);
    if (!row) { console.error(`no parked message ${id}`); code = 1; } else console.log(JSON.stringify(row, null, 2));
  } else if ((command === 'replay' || command === 'discard') && id) {
    if (!values.by) throw new Error('--by <operator> is required (it is audited)');
    const ok = command === 'replay'
      ? await replayParked(query, id, values.by)
      : await discardParked(query, id, values.by, values.reason ?? '');
    console.log(ok ? `✔ ${command} ${id}` : `✖ ${id} is not DEAD or PENDING`);
    code = ok ? 0 : 1;
  } else {
    console.error(`unknown command: ${command}`);
    code = 2;
  }
} catch (err) {
  console.error(`✖ ${err.message}`);
  code = 1;
} finally {
  await client.end();
}
process.exit(code);
