import type { AuditQueryEntry, AuditQueryPosition, AuditQueryReply } from '@onewindow/contracts';
import { DomainException } from '@onewindow/platform';

/**
 * Paging across services (审计查询跨服务分页): each service pages its own audit log by a keyset
 * (at, id); the counter's cursor is the set of per-service positions. A page merges every
 * service's next entries newest first and advances each service's position to the last of its
 * entries that made the page. A service that did not answer keeps its position (its entries come
 * on a later page, and each page names the services that did not answer); a service with nothing
 * left is marked finished and not asked again.
 */
export type ServicePosition = AuditQueryPosition | 'END';
export type CursorState = Record<string, ServicePosition>;

export interface MergedEntry extends AuditQueryEntry {
  service: string;
}

export interface MergedPage {
  entries: MergedEntry[];
  next: CursorState;
  hasNextPage: boolean;
}

const CURSOR_VERSION = 1;

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify({ v: CURSOR_VERSION, p: state }), 'utf8').toString('base64url');
}

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** A cursor from the wire, checked field by field (it is user input). */
export function decodeCursor(cursor: string | null | undefined, services: readonly string[]): CursorState {
  if (!cursor) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw DomainException.validation('分页游标无效，请重新查询');
  }
  const p = (parsed as { v?: unknown; p?: unknown })?.p;
  if ((parsed as { v?: unknown })?.v !== CURSOR_VERSION || typeof p !== 'object' || p === null || Array.isArray(p)) {
    throw DomainException.validation('分页游标无效，请重新查询');
  }
  const state: CursorState = {};
  for (const [service, pos] of Object.entries(p)) {
    if (!services.includes(service)) throw DomainException.validation('分页游标无效，请重新查询');
    if (pos === 'END') state[service] = 'END';
    else if (pos && typeof pos === 'object' && AT.test(String((pos as AuditQueryPosition).at)) && /^\d{1,19}$/.test(String((pos as AuditQueryPosition).id))) {
      state[service] = { at: String((pos as AuditQueryPosition).at), id: String((pos as AuditQueryPosition).id) };
    } else throw DomainException.validation('分页游标无效，请重新查询');
  }
  return state;
}

/** Newest first; ties on the instant by service name, then by id descending within the service. */
export function compareEntries(a: MergedEntry, b: MergedEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.service !== b.service) return a.service < b.service ? -1 : 1;
  const x = BigInt(a.id);
  const y = BigInt(b.id);
  return x === y ? 0 : x < y ? 1 : -1;
}

/**
 * One merged page from the services' answers. `answers` holds the services that answered (each
 * asked for `first` entries after its position in `prev`); services absent from it keep their
 * position in the next cursor.
 */
export function mergePage(prev: CursorState, answers: ReadonlyMap<string, AuditQueryReply>, first: number): MergedPage {
  const all: MergedEntry[] = [];
  for (const [service, reply] of answers) for (const e of reply.entries) all.push({ ...e, service });
  all.sort(compareEntries);
  const entries = all.slice(0, first);
  const next: CursorState = { ...prev };
  let hasNextPage = all.length > first;
  for (const [service, reply] of answers) {
    const mine = entries.filter((e) => e.service === service);
    const last = mine[mine.length - 1];
    if (last) next[service] = { at: last.at, id: last.id };
    if (!reply.hasMore && mine.length === reply.entries.length) next[service] = 'END';
    if (reply.hasMore) hasNextPage = true;
  }
  return { entries, next, hasNextPage };
}

/** Services still to ask for the next page (not finished). */
export function servicesToAsk(state: CursorState, services: readonly string[]): string[] {
  return services.filter((s) => state[s] !== 'END');
}
