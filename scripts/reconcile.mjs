#!/usr/bin/env node
// Reconciliation (对账) of the counter's projections against the owners' tables (operator use):
//   npm run reconcile -- --counter <url> [--household <url>] [--exit-entry <url>] [--traffic <url>] [--public-security <url>] [--json]
// Prints the counts (applications per owner and in the inbox, transfers on both sides and in the
// counter's view, pickup SMS) and the differences; exits 1 when there are differences.
// Read-only; prints numbers, ids and statuses only (no personal data). Run it after the consumers
// have caught up (a running system can show a transfer or a projection a moment behind).
import { parseArgs } from 'node:util';
import { formatReconcile, reconcile } from '@onewindow/testing';

const { values } = parseArgs({
  options: {
    counter: { type: 'string' }, household: { type: 'string' }, 'exit-entry': { type: 'string' }, traffic: { type: 'string' },
    'public-security': { type: 'string' }, json: { type: 'boolean' },
  },
});
if (!values.counter) {
  console.error('usage: node scripts/reconcile.mjs --counter postgres://… [--household postgres://…] [--exit-entry …] [--traffic …] [--public-security …] [--json]');
  process.exit(2);
}
const report = await reconcile(values);
console.log(values.json ? JSON.stringify(report, null, 2) : formatReconcile(report));
process.exit(report.ok ? 0 : 1);
