/**
 * `npm run audit:verify -- [--config <kiosk config>] [--data-dir <dir>] [--file <audit.db>] [--cert <kiosk cert or public key PEM>] [--export]`
 *
 * Checks a kiosk's audit log: every entry's hash and link to the one before (an edited, removed or
 * reordered entry), and every signed head against the kiosk's certificate (a forged head, or a
 * chain rewritten after it was signed). Names the first bad entry. With `--export`, the entries go
 * to standard output as JSON lines (each with its hash, and the signed head on the entry it signed),
 * the verdict to standard error. Run it on a stopped kiosk or a copy of `<dataDir>/audit/` (a
 * running kiosk holds its store exclusively).
 *
 * Exit 0 = sound, 1 = tampered, 2 = usage, 3 = the log or the certificate cannot be read.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { errorCode } from '../../platform/log';
import { DEFAULT_CONFIG } from '../config/default-config';
import { loadConfigFile } from '../config/load-config';
import { resolveProjectPath } from '../config/project-paths';
import { verifyAuditChain, type HeadVerifier, type SignedHead } from './audit-chain';
import type { AuditEntry } from './audit-entry';
import { headVerifierFromFile } from './audit-key';
import { openAuditReadOnly, readEntries, readHeads } from './audit-store';

const USAGE = 'usage: npm run audit:verify -- [--config <file>] [--data-dir <dir>] [--file <audit.db>] [--cert <kiosk cert PEM>] [--export]';

export interface AuditCliIo {
  out(line: string): void;
  err(line: string): void;
}

/** One exported line: the entry, and the signed head when one was signed at it. */
export function exportLines(entries: readonly AuditEntry[], heads: readonly SignedHead[]): string[] {
  const bySeq = new Map<number, SignedHead[]>();
  for (const h of heads) bySeq.set(h.seq, [...(bySeq.get(h.seq) ?? []), h]);
  return entries.map((e) => JSON.stringify({ ...e, ...(bySeq.has(e.seq) ? { signedHeads: bySeq.get(e.seq) } : {}) }));
}

export function runAuditCli(argv: readonly string[], io: AuditCliIo): number {
  let values: { config?: string; 'data-dir'?: string; file?: string; cert?: string; export?: boolean };
  try {
    values = parseArgs({
      args: [...argv],
      allowPositionals: false,
      options: { config: { type: 'string' }, 'data-dir': { type: 'string' }, file: { type: 'string' }, cert: { type: 'string' }, export: { type: 'boolean' } },
    }).values;
  } catch {
    io.err(USAGE);
    return 2;
  }
  let config = DEFAULT_CONFIG;
  try {
    if (values.config) config = loadConfigFile(values.config);
  } catch (err) {
    io.err(`The configuration cannot be read [${errorCode(err)}].`);
    return 2;
  }
  const file = values.file ?? join(resolveProjectPath(values['data-dir'] ?? config.dataDir), 'audit', 'audit.db');
  const certFile = values.cert ?? resolveProjectPath(config.backend.tls.certFile);
  let verifier: HeadVerifier;
  try {
    verifier = headVerifierFromFile(certFile);
  } catch (err) {
    io.err(`The kiosk certificate ${certFile} cannot be read [${errorCode(err)}].`);
    return 3;
  }
  let entries: AuditEntry[];
  let heads: SignedHead[];
  try {
    const db = openAuditReadOnly(file);
    try {
      entries = readEntries(db);
      heads = readHeads(db);
    } finally {
      db.close();
    }
  } catch (err) {
    const code = errorCode(err);
    io.err(`The audit log ${file} cannot be read [${code}]${code.startsWith('SQLITE_BUSY') ? ': stop the kiosk or copy the folder first' : ''}.`);
    return 3;
  }
  if (values.export) for (const line of exportLines(entries, heads)) io.out(line);
  const result = verifyAuditChain({ entries, heads, verifier, kioskId: config.kioskId });
  const say = values.export ? io.err : io.out;
  if (!result.ok && result.problem) {
    io.err(`TAMPERED: first bad entry ${result.problem.seq} (${result.problem.kind}): ${result.problem.message}`);
    return 1;
  }
  say(
    `OK: ${result.entries} entries (${result.firstSeq ?? '-'}…${result.lastSeq ?? '-'}), ${result.signedHeads} signed heads, ` +
      `${result.unsignedTail} entries after the last signed head`,
  );
  return 0;
}

if (require.main === module) {
  process.exitCode = runAuditCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) });
}
