import type { AuditQueryEntry, AuditQueryReply } from '@onewindow/contracts';
import { compareEntries, decodeCursor, encodeCursor, mergePage, servicesToAsk, type CursorState, type MergedEntry } from './audit-trail.merge.js';

const SERVICES = ['counter', 'household', 'traffic'];

const entry = (id: number, at: string): AuditQueryEntry => ({
  id: String(id), at, actorSub: 's', actorUsername: 'u', actorUnit: '510107', action: 'READ', subjectType: 'PERSON', subjectRef: 'x', purpose: null, outcome: 'SUCCESS', details: {},
});

/** Each service's log, newest first; `ask` answers one service's request the way AuditQueryService does. */
const logs: Record<string, AuditQueryEntry[]> = {
  counter: [entry(9, '2026-12-01T10:00:05.000000Z'), entry(8, '2026-12-01T10:00:03.000000Z'), entry(7, '2026-12-01T10:00:01.000000Z')],
  household: [entry(4, '2026-12-01T10:00:05.000000Z'), entry(3, '2026-12-01T10:00:04.000000Z'), entry(2, '2026-12-01T10:00:04.000000Z'), entry(1, '2026-12-01T09:00:00.000000Z')],
  traffic: [],
};

function ask(service: string, state: CursorState, limit: number): AuditQueryReply {
  const pos = state[service];
  const rest = logs[service].filter((e) => !pos || pos === 'END' || e.at < pos.at || (e.at === pos.at && BigInt(e.id) < BigInt(pos.id)));
  return { entries: rest.slice(0, limit), hasMore: rest.length > limit };
}

function walk(first: number, skip: (page: number) => string[] = () => []): MergedEntry[][] {
  const pages: MergedEntry[][] = [];
  let state: CursorState = {};
  for (let n = 0; n < 20; n++) {
    const answers = new Map(servicesToAsk(state, SERVICES).filter((s) => !skip(n).includes(s)).map((s) => [s, ask(s, state, first)] as const));
    const page = mergePage(state, answers, first);
    pages.push(page.entries);
    state = decodeCursor(encodeCursor(page.next), SERVICES);
    if (!page.hasNextPage && skip(n).length === 0) break;
  }
  return pages;
}

const key = (e: MergedEntry) => `${e.service}#${e.id}`;

describe('audit trail paging across services', () => {
  it('returns every entry exactly once, newest first, whatever the page size', () => {
    const expected = [...logs.counter.map((e) => ({ ...e, service: 'counter' })), ...logs.household.map((e) => ({ ...e, service: 'household' }))].sort(compareEntries).map(key);
    for (const first of [1, 2, 3, 5, 10]) {
      const flat = walk(first).flat().map(key);
      expect(flat).toEqual(expected);
    }
  });

  it('orders ties on the instant by service, then by id descending', () => {
    const flat = walk(10).flat().map(key);
    expect(flat.slice(0, 4)).toEqual(['counter#9', 'household#4', 'household#3', 'household#2']);
  });

  it('marks a finished service so it is not asked again, and stops when all are finished', () => {
    const first = mergePage({}, new Map([['traffic', { entries: [], hasMore: false }], ['counter', ask('counter', {}, 2)]]), 2);
    expect(first.next.traffic).toBe('END');
    expect(first.next.counter).toEqual({ at: '2026-12-01T10:00:03.000000Z', id: '8' });
    expect(first.hasNextPage).toBe(true);
    expect(servicesToAsk(first.next, SERVICES)).toEqual(['counter', 'household']);
  });

  it('keeps the position of a service that did not answer, so its entries come later instead of never', () => {
    const pages = walk(3, (n) => (n === 0 ? ['household'] : []));
    const flat = pages.flat().map(key);
    expect(new Set(flat).size).toBe(flat.length);
    expect(flat.sort()).toEqual([...logs.counter.map((e) => `counter#${e.id}`), ...logs.household.map((e) => `household#${e.id}`)].sort());
  });

  it('refuses a forged or foreign cursor with a typed error', () => {
    expect(() => decodeCursor('not-json', SERVICES)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(() => decodeCursor(encodeCursor({ billing: 'END' }), SERVICES)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    const evil = Buffer.from(JSON.stringify({ v: 1, p: { counter: { at: "2026-01-01'; DROP TABLE audit_log;--", id: '1' } } })).toString('base64url');
    expect(() => decodeCursor(evil, SERVICES)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(decodeCursor(undefined, SERVICES)).toEqual({});
  });
});
