/**
 * The simulator as a server: it answers malformed or unsupported IPP with IPP errors (never a
 * crash), refuses non-PDF documents, and takes technician commands on /control.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeIppMessage } from '../../../devices/printer/ipp/ipp-decode';
import { charsetAttr, encodeIppMessage, languageAttr, mimeAttr, uriAttr } from '../../../devices/printer/ipp/ipp-encode';
import { Operation, Status } from '../../../devices/printer/ipp/ipp-constants';
import { GroupTag, type IppMessage } from '../../../devices/printer/ipp/ipp-types';
import { startPrinterSimulator, type PrinterSimulator } from '../../../devices/printer/sim/printer-sim';
import { parsePrinterSimConfig, PrinterSimConfigError } from '../../../devices/printer/sim/sim-config';

describe('printer simulator server', () => {
  let sim: PrinterSimulator;
  let http: string;
  before(async () => {
    sim = await startPrinterSimulator({ msPerPage: 1, spoolDir: null });
    http = sim.uri.replace(/^ipp:/, 'http:');
  });
  after(() => sim.stop());

  async function post(body: Uint8Array, url = http): Promise<IppMessage> {
    const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/ipp' }, body: new Uint8Array(body) });
    assert.equal(res.status, 200);
    const r = decodeIppMessage(new Uint8Array(await res.arrayBuffer()));
    assert.ok(r.ok);
    return r.message;
  }
  const opGroup = (extra = [uriAttr('printer-uri', 'x')]) => ({
    tag: GroupTag.operation,
    attributes: [charsetAttr('attributes-charset', 'utf-8'), languageAttr('attributes-natural-language', 'en'), ...extra],
  });
  const req = (code: number, groups = [opGroup()], data = new Uint8Array(0)): Uint8Array =>
    encodeIppMessage({ version: { major: 2, minor: 0 }, code, requestId: 7, groups, data });

  test('garbage bytes get client-error-bad-request and the server keeps serving', async () => {
    for (const junk of [Uint8Array.of(), Uint8Array.of(1, 2, 3), Buffer.from('GET / HTTP/1.1'), Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 255)]) {
      assert.equal((await post(junk)).code, Status.clientErrorBadRequest);
    }
    assert.equal((await post(req(Operation.GetPrinterAttributes))).code, Status.successfulOk);
  });

  test('request checks of RFC 8011 4.1', async () => {
    assert.equal((await post(req(Operation.GetPrinterAttributes, [opGroup([])]))).code, Status.clientErrorBadRequest, 'no target');
    const badCharset = {
      tag: GroupTag.operation,
      attributes: [charsetAttr('attributes-charset', 'iso-8859-1'), languageAttr('attributes-natural-language', 'en'), uriAttr('printer-uri', 'x')],
    };
    assert.equal((await post(req(Operation.GetPrinterAttributes, [badCharset]))).code, Status.clientErrorCharsetNotSupported);
    const v0 = encodeIppMessage({
      version: { major: 0, minor: 0 },
      code: Operation.GetPrinterAttributes,
      requestId: 7,
      groups: [opGroup()],
      data: new Uint8Array(0),
    });
    assert.equal((await post(v0)).code, Status.serverErrorVersionNotSupported);
    assert.equal((await post(req(0x0005))).code, Status.serverErrorOperationNotSupported, 'Create-Job is not offered');
  });

  test('Print-Job refuses documents that are not PDF and formats it does not print', async () => {
    assert.equal((await post(req(Operation.PrintJob, [opGroup()], Buffer.from('plain text')))).code, Status.clientErrorDocumentFormatError);
    const ps = opGroup([uriAttr('printer-uri', 'x'), mimeAttr('document-format', 'application/postscript')]);
    assert.equal((await post(req(Operation.PrintJob, [ps], Buffer.from('%!PS')))).code, Status.clientErrorDocumentFormatNotSupported);
    assert.equal(sim.printed.length, 0);
  });

  test('control endpoint: inject, read, clear; bad commands change nothing', async () => {
    const send = (body: unknown) => fetch(sim.controlUrl, { method: 'POST', body: JSON.stringify(body) });
    const ok = await send({ action: 'inject', fault: 'media-jam', atPage: 3 });
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { jamArmedAtPage: number }).jamArmedAtPage, 3);
    await send({ action: 'inject', fault: 'door-open' });
    const state = (await (await fetch(sim.controlUrl)).json()) as { state: string; reasons: string[] };
    assert.deepEqual([state.state, state.reasons], ['stopped', ['door-open-error']]);
    for (const bad of [{ action: 'inject', fault: 'fire' }, { action: 'explode' }, { action: 'clear', extra: 1 }]) {
      assert.equal((await send(bad)).status, 400);
    }
    assert.equal((await fetch(sim.controlUrl, { method: 'POST', body: '{not json' })).status, 400);
    assert.deepEqual(sim.snapshot().faults, ['door-open']);
    await send({ action: 'clear' });
    assert.deepEqual([sim.snapshot().faults, sim.snapshot().jamArmedAtPage, sim.snapshot().state], [[], null, 'idle']);
  });

  test('fixture validation rejects bad configs with a typed error', () => {
    assert.throws(() => parsePrinterSimConfig({ name: 'x' }), PrinterSimConfigError);
    assert.throws(
      () =>
        parsePrinterSimConfig({
          name: 'bad name!',
          makeAndModel: 'm',
          info: 'i',
          location: 'l',
          ppm: 30,
          color: false,
          media: ['iso_a4_210x297mm'],
          jamBehavior: 'abort',
          faults: [],
        }),
      PrinterSimConfigError,
    );
  });
});
