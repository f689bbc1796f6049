/**
 * The operator's view of parked messages and dead letters (`npm run dead-letters`), as plain SQL
 * over one service's database so the command needs nothing but its DATABASE_URL.
 */
export type SqlQuery = (sql: string, params?: unknown[]) => Promise<unknown[]>;

export interface ParkedMessage {
  id: string;
  consumer: string;
  orderingKey: string;
  messageId: string;
  subject: string;
  streamSequence: number;
  state: 'PENDING' | 'DEAD' | 'DISCARDED';
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  parkedAt: string;
  /** Later messages of the same key waiting behind this one. */
  waitingBehind: number;
}

const COLUMNS = `p.id::text, p.consumer, p.ordering_key AS "orderingKey", p.message_id AS "messageId", p.subject,
  p.stream_seq::int AS "streamSequence", p.state, p.attempts, p.next_attempt_at AS "nextAttemptAt", p.last_error AS "lastError",
  p.parked_at AS "parkedAt",
  (SELECT count(*)::int FROM consumer_parked q WHERE q.consumer = p.consumer AND q.ordering_key = p.ordering_key AND q.id > p.id AND q.state = 'PENDING') AS "waitingBehind"`;

export async function listParked(query: SqlQuery, filter: { state?: 'PENDING' | 'DEAD' | 'DISCARDED'; consumer?: string } = {}): Promise<ParkedMessage[]> {
  return (await query(
    `SELECT ${COLUMNS} FROM consumer_parked p WHERE ($1::text IS NULL OR p.state = $1) AND ($2::text IS NULL OR p.consumer = $2) ORDER BY p.id LIMIT 500`,
    [filter.state ?? null, filter.consumer ?? null],
  )) as ParkedMessage[];
}

/** One parked message with its payload (operators read it to decide; it may hold personal data). */
export async function showParked(query: SqlQuery, id: string): Promise<(ParkedMessage & { payload: unknown }) | undefined> {
  const [row] = (await query(`SELECT ${COLUMNS}, p.payload FROM consumer_parked p WHERE p.id = $1`, [id])) as (ParkedMessage & { payload: unknown })[];
  return row;
}

/** Try a dead (or waiting) message again now, from a fresh count of attempts. */
export async function replayParked(query: SqlQuery, id: string, by: string): Promise<boolean> {
  const rows = await query(
    `UPDATE consumer_parked SET state = 'PENDING', attempts = 0, next_attempt_at = now(), updated_at = now()
      WHERE id = $1 AND state IN ('DEAD', 'PENDING') RETURNING id`, [id]);
  if (rows.length) await auditOperator(query, by, 'DEAD_LETTER_REPLAY', id, null);
  return rows.length === 1;
}

/** Give a message up for good (with the reason): the messages waiting behind it go on. */
export async function discardParked(query: SqlQuery, id: string, by: string, reason: string): Promise<boolean> {
  if (reason.trim().length < 2) throw new Error('a reason is required to discard a message');
  const rows = await query(
    `UPDATE consumer_parked SET state = 'DISCARDED', discard_reason = $2, discarded_by = $3, updated_at = now()
      WHERE id = $1 AND state IN ('DEAD', 'PENDING') RETURNING id`, [id, reason, by]);
  if (rows.length) {
    // Whatever waited behind it is due now.
    await query(
      `UPDATE consumer_parked SET next_attempt_at = now() WHERE state = 'PENDING' AND attempts = 0
        AND (consumer, ordering_key) = (SELECT consumer, ordering_key FROM consumer_parked WHERE id = $1)`, [id]);
    await auditOperator(query, by, 'DEAD_LETTER_DISCARD', id, reason);
  }
  return rows.length === 1;
}

async function auditOperator(query: SqlQuery, by: string, action: string, id: string, purpose: string | null): Promise<void> {
  await query(
    `INSERT INTO audit_log (actor_sub, actor_username, actor_unit, action, subject_type, subject_ref, purpose, outcome, details)
     VALUES ($1, $1, '', $2, 'ParkedMessage', $3, $4, 'SUCCESS', '{}')`,
    [`operator:${by}`, action, id, purpose],
  );
}
