/**
 * `npm run form:lookup -- <qr-text | receipt-number | form.pdf> [--url https://host:port] [--ward id]
 *   [--cert f --key f --ca f]`
 *
 * For a clerk's desk: a scanner reads the QR of a printed application form (書かない窓口), or
 * the form's PDF is given (its Info entry `MadoguchiForm` carries the same text); this
 * asks the ward back end, over mutual TLS with a ward clerk's certificate (the look-up is refused
 * to kiosk certificates; default: the demo TEST clerk desk and city CA), which submission carries that receipt number, and prints its status and its forms. A QR of
 * format 2 names the ward the application was sent to (form-qr.ts): only that ward is asked.
 * An older QR or a bare receipt number does not say where it was routed: every ward of the city
 * is asked, unless --ward names one (which also overrides the QR's). No personal data is asked
 * for or printed.
 *
 * Exit 0 = found (and the scanned form belongs to it), 1 = not found or not one of its forms,
 * 2 = usage error, 3 = back end unreachable or answering an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { parseArgs } from 'node:util';
import { submissionLookupSchema, wardBasePath, wardIds, wardInfo, type SubmissionLookup, type WardId } from '../../../contract/ward-api';
import { DEFAULT_CONFIG } from '../../config/default-config';
import { resolveProjectPath } from '../../config/project-paths';
import { extractInfoFromPdf } from '../seal-from-pdf';
import { FORM_QR_INFO_KEY, parseFormQrText } from './form-qr';

const USAGE = 'usage: npm run form:lookup -- <qr-text | receipt-number | form.pdf> [--url https://host:port] [--ward id] [--cert f --key f --ca f]';
const RECEIPT = /^[A-Z0-9][A-Z0-9-]{3,31}$/;
/** The demo's TEST clerk desk certificate (the clerk purpose, platform/http/client-roles.ts). */
const CLERK_TLS = { certFile: 'fixtures/pki/kiosk/clerks/clerk-desk-01.cert.pem', keyFile: 'fixtures/pki/kiosk/clerks/clerk-desk-01.key.pem' };

/** Output sink, so tests can capture lines. */
export interface LookupIo {
  out(line: string): void;
  err(line: string): void;
}

/** One ward back end's answer to a receipt look-up. */
export type Answer = { kind: 'found'; body: SubmissionLookup } | { kind: 'absent' } | { kind: 'error'; detail: string };

/** Asks one URL (GET, mutual TLS); never rejects. Injectable so tests can see which wards are asked. */
export type AskWard = (url: string, tls: { cert: string; key: string; ca: string }, timeoutMs: number) => Promise<Answer>;

export interface LookupOptions {
  /** Per-request timeout, ms (default 5000). */
  timeoutMs?: number;
  /** Default: HTTPS with mutual TLS. */
  ask?: AskWard;
}

function ask(url: string, tls: { cert: string; key: string; ca: string }, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request(url, { method: 'GET', ...tls, minVersion: 'TLSv1.3', headers: { accept: 'application/json' }, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode === 404) return resolve({ kind: 'absent' });
        if (res.statusCode !== 200) return resolve({ kind: 'error', detail: `HTTP ${res.statusCode}` });
        let json: unknown;
        try {
          json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return resolve({ kind: 'error', detail: 'not JSON' });
        }
        const parsed = submissionLookupSchema.safeParse(json);
        resolve(parsed.success ? { kind: 'found', body: parsed.data } : { kind: 'error', detail: 'unexpected answer' });
      });
      res.on('error', (e) => resolve({ kind: 'error', detail: e.message }));
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (e) => resolve({ kind: 'error', detail: (e as NodeJS.ErrnoException).code ?? e.message }));
    req.end();
  });
}

/** Runs the command; returns the exit code. The third argument may still be a bare timeout (ms). */
export async function runFormLookup(argv: string[], io: LookupIo, options: number | LookupOptions = {}): Promise<number> {
  const { timeoutMs = 5000, ask: askWard = ask } = typeof options === 'number' ? { timeoutMs: options } : options;
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string', default: process.env.MADOGUCHI_BACKEND_URL ?? 'https://127.0.0.1:8443' },
        ward: { type: 'string' },
        cert: { type: 'string' },
        key: { type: 'string' },
        ca: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    io.out(USAGE);
    return 0;
  }
  const input = args.positionals[0];
  if (args.positionals.length !== 1 || input === undefined) {
    io.err(USAGE);
    return 2;
  }
  let text = input;
  if (input.toLowerCase().endsWith('.pdf') && existsSync(input)) {
    const found = extractInfoFromPdf(readFileSync(input), FORM_QR_INFO_KEY);
    if (found === undefined) {
      io.err('読み取れません / the PDF is not a Madoguchi application form');
      return 2;
    }
    text = found;
  }
  const qr = parseFormQrText(text);
  const scanned = qr.ok ? qr : qr.code === 'not-a-form-qr' && RECEIPT.test(text.trim()) ? { templateId: null, receiptNumber: text.trim(), ward: null } : null;
  if (!scanned) {
    io.err(`読み取れません / not a Madoguchi form QR or receipt number (${qr.ok ? '' : qr.code})`);
    return 2;
  }
  const ward = args.values.ward;
  if (ward !== undefined && !(wardIds as readonly string[]).includes(ward)) {
    io.err(`unknown ward "${ward}" (one of ${wardIds.join(', ')})`);
    return 2;
  }
  const tlsFiles = { ...CLERK_TLS, caFile: DEFAULT_CONFIG.backend.tls.caFile };
  let tls;
  try {
    const read = (f: string | undefined, d: string) => readFileSync(f ?? resolveProjectPath(d), 'utf8');
    tls = { cert: read(args.values.cert, tlsFiles.certFile), key: read(args.values.key, tlsFiles.keyFile), ca: read(args.values.ca, tlsFiles.caFile) };
  } catch (e) {
    io.err(`TLS files unreadable: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
    return 2;
  }
  const origin = args.values.url!.replace(/\/$/, '');
  if (ward !== undefined && scanned.ward !== null && ward !== scanned.ward)
    io.err(`注意 / note: --ward ${ward} asked instead of the QR's ward ${scanned.ward}`);
  // The ward the QR names (format 2) is where the application went; older QRs name none.
  const wards = ward ? [ward as WardId] : scanned.ward ? [scanned.ward] : [...wardIds];
  io.err(`照会先 / asking: ${wards.join(', ')}${!ward && scanned.ward ? ' (from the QR)' : ''}`);
  const answers = await Promise.all(
    wards.map(async (w) => ({
      ward: w,
      answer: await askWard(`${origin}${wardBasePath(w)}/v1/submissions/by-receipt/${encodeURIComponent(scanned.receiptNumber)}`, tls, timeoutMs),
    })),
  );
  const found = answers.filter((a) => a.answer.kind === 'found');
  const failed = answers.filter((a) => a.answer.kind === 'error');
  for (const f of failed) io.err(`${f.ward}: ${(f.answer as { detail: string }).detail}`);
  if (found.length === 0) {
    if (failed.length > 0) {
      io.out('照会できません / back end unreachable or in error');
      return 3;
    }
    io.out(`見つかりません / not found: ${scanned.receiptNumber}`);
    return 1;
  }
  let belongs = true;
  for (const { ward: w, answer } of found) {
    const s = (answer as { body: SubmissionLookup }).body;
    io.out(`受付済み / ${s.status}`);
    io.out(`受付番号 / kiosk receipt:  ${s.localReceiptNumber}`);
    io.out(`区の受付番号 / ward receipt: ${s.receiptNumber} (${wardInfo[w].nameJa} ${w})`);
    io.out(`受付日時 / received at:    ${s.receivedAt}`);
    io.out(`手続き / kind:             ${s.kind}`);
    io.out(`端末 / kiosk:              ${s.kioskId}`);
    // The clerk's cue: only a signature the back end verified replaces the one on paper.
    io.out(
      `電子署名 / e-signature:    ${s.eSigned ? 'あり（区のシステムで検証済み） / verified by the ward back end' : 'なし：窓口で署名を確認 / none: check the handwritten signature'}`,
    );
    io.out(`様式 / forms (${s.forms.length}):`);
    for (const f of s.forms) io.out(`  ${f.templateId === scanned.templateId ? '*' : '-'} ${f.title} (${f.templateId})`);
    if (scanned.templateId && !s.forms.some((f) => f.templateId === scanned.templateId)) belongs = false;
  }
  if (!belongs) {
    io.out(`注意 / warning: the scanned form (${scanned.templateId}) is not one of this submission's forms`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  void runFormLookup(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then((code) => {
    process.exitCode = code;
  });
}
