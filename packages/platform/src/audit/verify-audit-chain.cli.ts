/**
 * Operator command: verify the audit chain of one or more service databases.
 *   npm run audit:verify -w @onewindow/platform -- postgres://owner@host:5432/onewindow_counter [...]
 *   npm run audit:verify -w @onewindow/platform -- --anchor=<hash of the last archived row> <url>
 * Prints one line per database; exits 1 when a chain is broken, 2 when a database cannot be read.
 */
import { verifyAuditChain } from './audit-chain.js';

function label(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`; // never the password
  } catch {
    return '(invalid URL)';
  }
}

async function main(args: string[]): Promise<number> {
  const anchorHash = args.find((a) => a.startsWith('--anchor='))?.slice('--anchor='.length);
  const urls = args.filter((a) => !a.startsWith('--'));
  if (urls.length === 0 || (anchorHash !== undefined && urls.length !== 1)) {
    process.stderr.write('usage: npm run audit:verify -w @onewindow/platform -- [--anchor=<hash>] <postgres://…/database> [...] (--anchor with one database only)\n');
    return 2;
  }
  let code = 0;
  for (const url of urls) {
    try {
      const r = await verifyAuditChain(url, anchorHash === undefined ? {} : { anchorHash });
      if (r.firstBrokenId === undefined) {
        process.stdout.write(`OK      ${label(url)}: ${r.rows} rows, chain intact\n`);
      } else {
        process.stdout.write(`BROKEN  ${label(url)}: ${r.rows} rows, first broken link at id ${r.firstBrokenId} (${r.reason})\n`);
        code = Math.max(code, 1);
      }
    } catch (err) {
      process.stdout.write(`ERROR   ${label(url)}: ${(err as Error).message}\n`);
      code = 2;
    }
  }
  return code;
}

process.exitCode = await main(process.argv.slice(2));
