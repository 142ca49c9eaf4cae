/**
 * A clerk scans the QR of a printed form: 市内転居 through the real runtime (virtual card, PIN,
 * interview, outbox, embedded back end over mTLS, IPP printer simulator), the printed PDF turned
 * into an image and its QR read back with zbarimg, then `form:lookup` asks the back end with
 * the demo TLS files and finds the submission at the ward it was routed to, with its forms. The
 * QR names that ward (format 2), so only it is asked; an older QR without the ward asks all seven.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runFormLookup } from '../../../main/documents/forms/form-lookup-cli';
import { answerAll, expectStep, openEventAndStart } from '../../support/application-driver';
import { call, startTestRuntime, type TestRuntime } from '../../support/journey-driver';

function scanQr(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'madoguchi-scan-'));
  try {
    writeFileSync(join(dir, 'f.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '200', '-png', '-f', '1', '-l', '1', join(dir, 'f.pdf'), join(dir, 'p')]);
    return execFileSync('zbarimg', ['-q', '--raw', join(dir, 'p-1.png')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function lookup(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFormLookup(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, 3000);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('form:lookup: the printed QR finds its submission at the ward back end', () => {
  let runtime: TestRuntime;
  let receipt: string;
  let qrs: string[];

  before(async () => {
    runtime = await startTestRuntime();
    await openEventAndStart(runtime, 'move-within-city');
    await call(runtime, 'simulator.insertCard', { cardId: 'card-001' });
    await call(runtime, 'application.identify', { method: 'card' });
    expectStep(await call(runtime, 'application.submitPin', { pin: '1234', confirmedLastTry: false }), 'question');
    await answerAll(runtime, {
      hasKokuho: true,
      hasChildren: false,
      nameKana: 'タカハシ　ケンタ',
      newPostal: '802-0971',
      newAddress: '福岡県北九州市小倉南区守恒本町２丁目３番４号',
      movingCount: 1,
      isHouseholder: true,
      phone: '093-555-0123',
      insuredNumber: '40-123456',
    });
    const done = expectStep(await call(runtime, 'application.submit', {}), 'done');
    assert.equal(done.delivery, 'accepted');
    receipt = done.receiptNumber;
    qrs = runtime.devices.sim.printer!.printed.map((job) => scanQr(job.pdf));
  });

  after(async () => {
    await runtime.stop();
  });

  test('every printed form scans to its own QR text; the look-up answers the status and every form, the scanned one marked', async () => {
    assert.ok(qrs.length >= 2, 'the move printed more than one form');
    // 40107 = 小倉南区, where the move was routed (the new address)
    assert.ok(qrs.includes(`MADOGUCHI-FORM:jumin-ido-todoke:${receipt}:40107`), qrs.join(' '));
    for (const qr of qrs) assert.ok(qr.endsWith(`:${receipt}:40107`), 'every form carries the same receipt number and ward');
    const url = runtime.backend!.url;
    for (const qr of qrs) {
      const r = await lookup([qr, '--url', url]);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, /受付済み/);
      assert.match(r.out, new RegExp(`kiosk receipt:\\s+${receipt}`));
      assert.match(r.out, /小倉南区 kokuraminami/, 'found at the ward the move was routed to');
      assert.match(r.err, /asking: kokuraminami \(from the QR\)/, 'only the ward in the QR is asked');
      assert.match(r.out, /\* 住民異動届|\* 国民健康保険/);
      assert.match(r.out, new RegExp(`forms \\(${qrs.length}\\)`));
      assert.doesNotMatch(r.out, /髙橋|タカハシ|魚町|守恒/, "no personal data on the clerk's terminal");
    }
    // a form printed before the ward was in the QR: found by asking every ward
    const old = await lookup([`MADOGUCHI-FORM:jumin-ido-todoke:${receipt}`, '--url', url]);
    assert.equal(old.code, 0, old.out + old.err);
    assert.match(old.err, /asking: moji, kokurakita, kokuraminami, wakamatsu, yahatahigashi, yahatanishi, tobata$/m);
    assert.match(old.out, /小倉南区 kokuraminami/);
    // the bare receipt number (typed by hand) and a single ward work too
    assert.equal((await lookup([receipt, '--url', url, '--ward', 'kokuraminami'])).code, 0);
    // and the PDF itself (its Info entry carries the QR text)
    const dir = mkdtempSync(join(tmpdir(), 'madoguchi-lookup-'));
    try {
      const file = join(dir, 'form.pdf');
      writeFileSync(file, runtime.devices.sim.printer!.printed[0]!.pdf);
      const r = await lookup([file, '--url', url]);
      assert.equal(r.code, 0, r.out + r.err);
      assert.match(r.out, new RegExp(`kiosk receipt:\\s+${receipt}`));
      writeFileSync(file, Buffer.from('%PDF-1.7 not a form'));
      assert.equal((await lookup([file, '--url', url])).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('unknown number: 1; a form QR whose form is not in the submission: 1; garbage: 2; back end unreachable: 3', async () => {
    const url = runtime.backend!.url;
    const unknown = await lookup(['MADOGUCHI-FORM:jumin-ido-todoke:4010601-20000101-9999', '--url', url]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.out, /見つかりません/);
    const other = await lookup([`MADOGUCHI-FORM:sosaihi-shikyu:${receipt}`, '--url', url]);
    assert.equal(other.code, 1);
    assert.match(other.out, /not one of this submission's forms/);
    assert.equal((await lookup(['hello world', '--url', url])).code, 2);
    assert.equal((await lookup([receipt, '--url', url, '--ward', 'atlantis'])).code, 2);
    // the same receipt at a ward it was not routed to
    assert.equal((await lookup([receipt, '--url', url, '--ward', 'moji'])).code, 1);
    const down = await lookup([receipt, '--url', 'https://127.0.0.1:1', '--ward', 'kokuraminami']);
    assert.equal(down.code, 3);
  });
});
