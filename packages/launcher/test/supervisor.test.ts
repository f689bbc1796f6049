import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backoffMs, Supervisor } from '../src/supervisor.js';

async function until(check: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A child that appends a line to `file` on every start and exits with 1 until it has started `crashes + 1` times. */
function flakyChild(file: string, crashes: number): string[] {
  const code = `const fs=require('fs');fs.appendFileSync(${JSON.stringify(file)},'x');`
    + `if(fs.readFileSync(${JSON.stringify(file)},'utf8').length<=${crashes})process.exit(1);setInterval(()=>{},1000);`;
  return ['-e', code];
}

describe('backoffMs', () => {
  it('doubles from the first wait up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffMs(a, 1000, 30_000))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
    expect(backoffMs(0, 1000, 30_000)).toBe(0);
    expect(backoffMs(500, 1000, 30_000)).toBe(30_000);
  });
});

describe('Supervisor', () => {
  it('restarts a crashing process with growing waits, says so, and leaves the others running', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sup-'));
    const starts = path.join(dir, 'starts');
    const lines: string[] = [];
    const sup = new Supervisor({ initialBackoffMs: 10, maxBackoffMs: 40, stableAfterMs: 60_000, log: (l) => lines.push(l) });
    let ready = false;
    sup.start({ name: 'household', command: process.execPath, args: flakyChild(starts, 3), readyCheck: async () => ready });
    const steady = sup.start({ name: 'counter', command: process.execPath, args: ['-e', 'setInterval(()=>{},1000)'] });
    try {
      await until(() => existsSync(starts) && readFileSync(starts, 'utf8').length === 4 && !!sup.child('household'));
      ready = true;
      await until(() => lines.some((l) => l.includes('household 已恢复')));
      expect(sup.restartCounts()).toEqual({ household: 3, counter: 0 });
      const waits = lines.filter((l) => l.startsWith('↻ household')).map((l) => /restarting in ([\d.]+) s \(attempt (\d)\)/.exec(l)?.slice(1));
      expect(waits).toEqual([['0.01', '1'], ['0.02', '2'], ['0.04', '3']]);
      expect(steady.exitCode).toBeNull();
    } finally {
      await sup.stopAll();
    }
    expect(sup.child('household')).toBeUndefined();
    expect(sup.child('counter')).toBeUndefined();
  });

  it('does not restart what stopAll stopped', async () => {
    const lines: string[] = [];
    const sup = new Supervisor({ initialBackoffMs: 10, log: (l) => lines.push(l) });
    const child = sup.start({ name: 'gateway', command: process.execPath, args: ['-e', 'setInterval(()=>{},1000)'] });
    await until(() => child.pid !== undefined);
    await sup.stopAll();
    expect(child.exitCode !== null || child.signalCode !== null).toBe(true);
    expect(lines).toEqual([]);
    expect(sup.restartCounts()).toEqual({ gateway: 0 });
  });

  it('tells when a command cannot be started at all and keeps trying with backoff', async () => {
    const lines: string[] = [];
    const sup = new Supervisor({ initialBackoffMs: 10, maxBackoffMs: 20, log: (l) => lines.push(l) });
    sup.start({ name: 'nats', command: path.join(tmpdir(), 'no-such-binary-onewindow'), args: [] });
    try {
      await until(() => lines.filter((l) => l.startsWith('↻ nats')).length >= 2);
      expect(lines.some((l) => l.includes('nats 无法启动'))).toBe(true);
    } finally {
      await sup.stopAll();
    }
  });
});
