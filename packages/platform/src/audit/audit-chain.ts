import pg from 'pg';
import type { DataSource } from 'typeorm';

/** The outcome of walking one service's audit chain. */
export interface AuditChainReport {
  /** Rows in audit_log. */
  rows: number;
  /** Id of the first row whose link or hash does not check out (absent when the chain is whole). */
  firstBrokenId?: string;
  /** Why that row fails, for the operator. */
  reason?: 'PREVIOUS_HASH_MISMATCH' | 'ROW_HASH_MISMATCH' | 'CHAIN_HEAD_MISMATCH';
}

const GENESIS = '0'.repeat(64);
const HASH = /^[0-9a-f]{64}$/;

export interface AuditChainOptions {
  /**
   * The hash the oldest remaining row must follow: 64 zeros for a log never archived, else the
   * `hash` of the last row of the latest archive (rows older than the retention period archived
   * and removed; runbook "Audit").
   */
  anchorHash?: string;
}

/**
 * The canonical serialisation, written out here instead of calling the database's
 * `audit_log_row_hash()`: whoever could replace that function could not fool the verifier.
 * Same fields and order as migration 1764100000003-AuditLogHashChain.
 */
const EXPECTED_HASH = `encode(sha256(convert_to(jsonb_build_array(
  prev_hash, id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
  actor_sub, actor_username, actor_unit, action, subject_type, subject_ref, purpose, outcome, details
)::text, 'UTF8')), 'hex')`;

const CHAIN_QUERY = `WITH chain AS (
    SELECT id, prev_hash, hash, lag(hash) OVER (ORDER BY id) AS prior, ${EXPECTED_HASH} AS expected FROM audit_log
  )
  SELECT (SELECT count(*) FROM chain)::text AS rows,
         (SELECT max(id) FROM chain)::text AS last_id,
         (SELECT hash FROM chain ORDER BY id DESC LIMIT 1) AS last_hash,
         b.id::text AS broken_id,
         CASE WHEN b.id IS NULL THEN NULL
              WHEN b.prev_hash IS DISTINCT FROM coalesce(b.prior, $1) THEN 'PREVIOUS_HASH_MISMATCH'
              ELSE 'ROW_HASH_MISMATCH' END AS reason,
         (SELECT last_id::text FROM audit_chain_head WHERE id = 1) AS head_id,
         (SELECT last_hash FROM audit_chain_head WHERE id = 1) AS head_hash
  FROM (SELECT 1) one
  LEFT JOIN LATERAL (
    SELECT id, prev_hash, prior FROM chain
    WHERE prev_hash IS DISTINCT FROM coalesce(prior, $1) OR hash IS DISTINCT FROM expected
    ORDER BY id LIMIT 1
  ) b ON true`;

interface ChainRow {
  rows: string;
  last_id: string | null;
  last_hash: string | null;
  broken_id: string | null;
  reason: AuditChainReport['reason'] | null;
  head_id: string | null;
  head_hash: string | null;
}

/**
 * Walk a service's audit_log in id order (one consistent snapshot) and report the first row whose
 * `prev_hash` is not the previous row's `hash` (a row removed or inserted out of band) or whose
 * `hash` is not the hash of its own fields (a row changed). Rows removed from the end are caught by
 * comparing the last row with the chain head the insert trigger keeps. Accepts a TypeORM DataSource
 * or a postgres:// URL (the operator script); needs only SELECT.
 */
export async function verifyAuditChain(source: DataSource | string, options: AuditChainOptions = {}): Promise<AuditChainReport> {
  const anchor = options.anchorHash ?? GENESIS;
  if (!HASH.test(anchor)) throw new Error('anchorHash must be 64 lowercase hex digits (a SHA-256)');
  let row: ChainRow;
  if (typeof source === 'string') {
    const c = new pg.Client({ connectionString: source });
    await c.connect();
    try {
      row = (await c.query<ChainRow>(CHAIN_QUERY, [anchor])).rows[0]!;
    } finally {
      await c.end();
    }
  } else {
    row = ((await source.query(CHAIN_QUERY, [anchor])) as ChainRow[])[0]!;
  }
  const rows = Number(row.rows);
  if (row.broken_id) return { rows, firstBrokenId: row.broken_id, reason: row.reason ?? 'ROW_HASH_MISMATCH' };
  const headHash = row.head_hash ?? GENESIS;
  if ((row.last_hash ?? anchor) !== headHash || row.last_id !== row.head_id) {
    // The newest rows are gone (or the head was rewritten): the first missing id is the head's.
    return { rows, firstBrokenId: row.head_id ?? row.last_id ?? '0', reason: 'CHAIN_HEAD_MISMATCH' };
  }
  return { rows };
}
