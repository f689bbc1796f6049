// CPU time per process of a TestStack (and any extra processes), from /proc/<pid>/stat: user +
// system ms over a measured span. Unlike req/s and latency this means something on a loaded machine
// (compare figures only at similar load: context switches and cold caches are charged to processes).
import { readFileSync } from 'node:fs';
import { sql, TEST_DATABASE_URL } from '@onewindow/testing';

/** User + system CPU time of a process in ms (clock ticks of /proc/<pid>/stat, 100 per second on Linux). */
export function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** PostgreSQL backends serving the stack's databases, by service (the server is local). */
export async function backendPids(stack) {
  const byDb = new Map([...stack.databases].map(([service, db]) => [db.name, service]));
  const rows = await sql(TEST_DATABASE_URL, 'SELECT pid, datname FROM pg_stat_activity WHERE datname = ANY($1)', [[...byDb.keys()]]);
  return rows.map((r) => ({ pid: r.pid, label: `postgres:${byDb.get(r.datname)}` }));
}

/** CPU ms so far of every stack process, every backend of its databases, the extra processes and this one. */
export async function cpuSnapshot(stack, extra = {}) {
  const snap = new Map([...stack.procs].map(([name, p]) => [name, cpuMs(p.proc.pid)]));
  for (const [name, pid] of Object.entries(extra)) snap.set(name, cpuMs(pid));
  for (const b of await backendPids(stack)) snap.set(`${b.label}#${b.pid}`, cpuMs(b.pid));
  const u = process.cpuUsage();
  snap.set('bench (client)', (u.user + u.system) / 1000);
  return snap;
}

/** CPU ms per request by process (PostgreSQL backends summed per service); backends opened during the span count from zero. */
export function cpuPerRequest(before, after, n) {
  const rows = new Map();
  for (const [key, value] of after) {
    const name = key.split('#')[0];
    const delta = value - (before.get(key) ?? 0);
    if (Number.isFinite(delta)) rows.set(name, (rows.get(name) ?? 0) + delta / n);
  }
  return rows;
}
