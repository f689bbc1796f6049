import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** What to run and how to tell the operator about it. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: readonly string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Called with every chunk the process writes (stdout and stderr), e.g. to append to its log file. */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: Buffer) => void;
  /** Polled after a restart; when it answers true the supervisor says the process is back. */
  readyCheck?: () => Promise<boolean>;
}

export interface SupervisorOptions {
  /** First wait before a restart; doubled on every further crash, up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  /** A process that ran this long before crashing starts again from `initialBackoffMs`. */
  stableAfterMs?: number;
  /** Where the supervisor's own lines go (default: stderr). */
  log?: (line: string) => void;
}

/** The wait before restart number `attempt` (1-based): initial · 2^(attempt−1), capped. */
export function backoffMs(attempt: number, initialMs: number, maxMs: number): number {
  if (attempt < 1) return 0;
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 30));
}

interface Supervised {
  spec: ProcessSpec;
  child?: ChildProcess;
  startedAt: number;
  /** Crashes since the process last ran stably. */
  attempt: number;
  restarts: number;
  timer?: NodeJS.Timeout;
}

/**
 * Keeps the processes of `npm start` running: a process that exits on its own is started again
 * after a growing wait (1 s, 2 s, 4 s … 30 s), and the operator is told each time; the others go on
 * serving (the gateway answers the sections whose services are up). Only `stopAll` stops them.
 */
export class Supervisor {
  private readonly procs = new Map<string, Supervised>();
  private stopping = false;
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly stableMs: number;
  private readonly log: (line: string) => void;

  constructor(opts: SupervisorOptions = {}) {
    this.initialMs = opts.initialBackoffMs ?? 1000;
    this.maxMs = opts.maxBackoffMs ?? 30_000;
    this.stableMs = opts.stableAfterMs ?? 60_000;
    this.log = opts.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  start(spec: ProcessSpec): ChildProcess {
    if (this.procs.has(spec.name)) throw new Error(`${spec.name} is already supervised`);
    const entry: Supervised = { spec, startedAt: 0, attempt: 0, restarts: 0 };
    this.procs.set(spec.name, entry);
    return this.spawn(entry);
  }

  /** How often each process has been restarted (for status output and tests). */
  restartCounts(): Record<string, number> {
    return Object.fromEntries([...this.procs].map(([name, p]) => [name, p.restarts]));
  }

  /** The running child of a process, if it is running now. */
  child(name: string): ChildProcess | undefined {
    const c = this.procs.get(name)?.child;
    return c && c.exitCode === null && c.signalCode === null ? c : undefined;
  }

  /** Stop everything (reverse start order), waiting up to `timeoutMs` before SIGKILL. */
  async stopAll(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    const entries = [...this.procs.values()].reverse();
    for (const p of entries) clearTimeout(p.timer);
    await Promise.all(entries.map(async (p) => {
      const c = p.child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM');
      let t: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (t = setTimeout(r, timeoutMs)))]);
      clearTimeout(t);
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    }));
  }

  private spawn(entry: Supervised): ChildProcess {
    const { spec } = entry;
    const options: SpawnOptions = { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] };
    const child = spawn(spec.command, [...spec.args], options);
    entry.child = child;
    entry.startedAt = Date.now();
    child.stdout?.on('data', (d: Buffer) => spec.onOutput?.('stdout', d));
    child.stderr?.on('data', (d: Buffer) => spec.onOutput?.('stderr', d));
    // A command that cannot be started emits 'error' and may never emit 'exit': handle the end once.
    let ended = false;
    const end = (code: number | null, signal: NodeJS.Signals | null) => {
      if (ended) return;
      ended = true;
      this.exited(entry, code, signal);
    };
    child.on('error', (err) => {
      this.log(`✖ ${spec.name} 无法启动 could not start: ${err.message}`);
      if (child.pid === undefined) end(null, null);
    });
    child.on('exit', end);
    return child;
  }

  private exited(entry: Supervised, code: number | null, signal: NodeJS.Signals | null): void {
    if (this.stopping) return;
    const { spec } = entry;
    if (Date.now() - entry.startedAt >= this.stableMs) entry.attempt = 0;
    entry.attempt += 1;
    const wait = backoffMs(entry.attempt, this.initialMs, this.maxMs);
    this.log(`↻ ${spec.name} 已退出（${signal ?? (code === null ? '未启动' : `code ${code}`)}），${formatWait(wait)}后第 ${entry.attempt} 次重启 — exited, restarting in ${formatWait(wait, 'en')} (attempt ${entry.attempt})`);
    entry.timer = setTimeout(() => {
      if (this.stopping) return;
      entry.restarts += 1;
      this.spawn(entry);
      if (spec.readyCheck) void this.announceReady(entry, entry.child);
    }, wait);
  }

  private async announceReady(entry: Supervised, child: ChildProcess | undefined): Promise<void> {
    while (!this.stopping && entry.child === child && child && child.exitCode === null) {
      if (await entry.spec.readyCheck!().catch(() => false)) {
        this.log(`✔ ${entry.spec.name} 已恢复 — back after restart ${entry.restarts}`);
        return;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

function formatWait(ms: number, lang: 'zh' | 'en' = 'zh'): string {
  const s = ms >= 1000 ? `${Math.round(ms / 100) / 10}` : `${ms / 1000}`;
  return lang === 'zh' ? `${s} 秒` : `${s} s`;
}
