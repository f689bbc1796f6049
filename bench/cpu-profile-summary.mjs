#!/usr/bin/env node
// Summarises V8 CPU profiles (`node --cpu-prof`, e.g. from BENCH_CPU_PROF=DIR node bench/acceptance.mjs):
// self time by package / source area and the top functions, so docs/performance.md can say where the
// milliseconds go.   node bench/cpu-profile-summary.mjs FILE.cpuprofile [top=25] [lastSeconds]
// lastSeconds: count only the samples of the profile's last N seconds (the measured run, not the boot).
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const top = Number(process.argv[3] ?? 25);
const lastSeconds = Number(process.argv[4] ?? 0);
if (!file) {
  console.error('usage: node bench/cpu-profile-summary.mjs FILE.cpuprofile [top]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
// timeDeltas[i] is the time before sample i; attribute it to that sample's node.
const times = [];
let clock = profile.startTime;
for (const d of profile.timeDeltas) times.push((clock += d));
const from = lastSeconds > 0 ? profile.endTime - lastSeconds * 1e6 : -Infinity;
profile.samples.forEach((id, i) => {
  if (times[i] >= from) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

function area(url) {
  if (!url) return '(native / V8)';
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  const own = /\/(apps|packages)\/([^/]+)\//.exec(url);
  if (own) return `${own[1]}/${own[2]}`;
  if (url.startsWith('node:')) return 'node core';
  return url;
}
const byArea = new Map();
const byFn = new Map();
for (const [id, t] of self) {
  const n = byId.get(id);
  const cf = n.callFrame;
  const special = ['(garbage collector)', '(idle)', '(program)'].includes(cf.functionName) ? cf.functionName : undefined;
  const a = special ?? area(cf.url);
  byArea.set(a, (byArea.get(a) ?? 0) + t);
  const fn = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(apps|packages)\//, '$1/')}:${cf.lineNumber + 1}`;
  byFn.set(fn, (byFn.get(fn) ?? 0) + t);
}
const busy = total - (byArea.get('(idle)') ?? 0);
const pct = (t) => `${((100 * t) / busy).toFixed(1).padStart(5)}%`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy (percentages of busy)`);
console.log('self time by area:');
for (const [a, t] of [...byArea].filter(([a]) => a !== '(idle)').sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(t)}  ${(t / 1000).toFixed(0).padStart(6)} ms  ${a}`);
console.log('top functions by self time:');
for (const [f, t] of [...byFn].filter(([f]) => !f.startsWith('(idle)')).sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(`  ${pct(t)}  ${(t / 1000).toFixed(0).padStart(6)} ms  ${f}`);
