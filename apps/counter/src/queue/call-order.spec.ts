import { chooseNextTicket, nextConsecutivePriority, ticketsAhead, type CallCandidate } from './call-order.js';
import { isAtWindow, mayMarkNoShow, mayRecall, nextTicketState, ticketNumber } from './ticket-state.js';

const t = (id: string, minute: number, priority = false): CallCandidate => ({ id, priority, lineAt: new Date(Date.UTC(2026, 2, 2, 1, minute)), seq: minute });

describe('call order', () => {
  it('calls the oldest ordinary ticket when no priority ticket waits', () => {
    expect(chooseNextTicket([t('b', 5), t('a', 1), t('c', 9)], { consecutivePriority: 0, priorityCap: 3 })?.id).toBe('a');
  });

  it('calls a priority ticket before older ordinary ones', () => {
    expect(chooseNextTicket([t('a', 1), t('p', 7, true)], { consecutivePriority: 0, priorityCap: 3 })?.id).toBe('p');
  });

  it('after the cap of priority calls in a row, the oldest ordinary ticket goes first', () => {
    const line = [t('a', 1), t('p1', 2, true), t('p2', 3, true), t('p3', 4, true), t('p4', 5, true)];
    let consecutive = 0;
    const called: string[] = [];
    const waiting = [...line];
    while (waiting.length) {
      const next = chooseNextTicket(waiting, { consecutivePriority: consecutive, priorityCap: 3 })!;
      called.push(next.id);
      consecutive = nextConsecutivePriority(consecutive, next);
      waiting.splice(waiting.indexOf(next), 1);
    }
    expect(called).toEqual(['p1', 'p2', 'p3', 'a', 'p4']);
  });

  it('keeps calling priority tickets past the cap when no ordinary ticket waits', () => {
    expect(chooseNextTicket([t('p', 1, true)], { consecutivePriority: 9, priorityCap: 3 })?.id).toBe('p');
  });

  it('nothing waiting → null; ties broken by sequence then id', () => {
    expect(chooseNextTicket([], { consecutivePriority: 0, priorityCap: 3 })).toBeNull();
    const same = new Date(Date.UTC(2026, 2, 2, 1, 0));
    expect(chooseNextTicket([{ id: 'x', priority: false, lineAt: same, seq: 2 }, { id: 'y', priority: false, lineAt: same, seq: 1 }], { consecutivePriority: 0, priorityCap: 3 })?.id).toBe('y');
  });

  it('a transferred ticket keeps its original place (line_at)', () => {
    const transferred = t('moved', 0);
    expect(chooseNextTicket([t('a', 3), transferred], { consecutivePriority: 0, priorityCap: 3 })?.id).toBe('moved');
  });

  it('counts the tickets ahead: priority first, then line order', () => {
    const line = [t('a', 1), t('b', 2), t('p', 3, true), t('c', 4)];
    expect(ticketsAhead(line[3]!, line)).toBe(3);
    expect(ticketsAhead(line[2]!, line)).toBe(0);
    expect(ticketsAhead(line[1]!, line)).toBe(2);
  });
});

describe('ticket state model', () => {
  it('allows only the documented steps', () => {
    expect(nextTicketState('WAITING', 'CALL')).toBe('CALLED');
    expect(nextTicketState('CALLED', 'RECALL')).toBe('CALLED');
    expect(nextTicketState('CALLED', 'START')).toBe('SERVING');
    expect(nextTicketState('SERVING', 'FINISH')).toBe('FINISHED');
    expect(nextTicketState('CALLED', 'FINISH')).toBe('FINISHED');
    expect(nextTicketState('CALLED', 'NO_SHOW')).toBe('NO_SHOW');
    expect(nextTicketState('SERVING', 'TRANSFER')).toBe('WAITING');
    expect(nextTicketState('SERVING', 'NO_SHOW')).toBeNull();
    expect(nextTicketState('WAITING', 'RECALL')).toBeNull();
    expect(nextTicketState('FINISHED', 'CALL')).toBeNull();
    expect(nextTicketState('NO_SHOW', 'TRANSFER')).toBeNull();
    expect(isAtWindow('SERVING')).toBe(true);
    expect(isAtWindow('WAITING')).toBe(false);
  });

  it('no-show only after the configured recalls; recalls up to that number', () => {
    expect(mayMarkNoShow(1, 2)).toBe(false);
    expect(mayMarkNoShow(2, 2)).toBe(true);
    expect(mayRecall(1, 2)).toBe(true);
    expect(mayRecall(2, 2)).toBe(false);
    expect(mayMarkNoShow(0, 0)).toBe(true);
  });

  it('numbers: prefix and at least three digits', () => {
    expect(ticketNumber('A', 1)).toBe('A001');
    expect(ticketNumber('B', 42)).toBe('B042');
    expect(ticketNumber('C', 1000)).toBe('C1000');
  });
});
