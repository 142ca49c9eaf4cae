/**
 * The kiosk's queue client against a scripted mutual-TLS server: a well-formed answer is taken,
 * everything else becomes a typed failure the desk turns into "no number": silence past the
 * deadline, a body that is not JSON, one that breaks the contract, a 5xx. A refusal keeps its code.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { QueueClient, QueueClientError } from '../../../main/queue-desk/queue-client';
import { baseUrlOf, closeListener, createMutualTlsServer, listen } from '../../../platform/http/mutual-tls-server';

const pki = join(__dirname, '..', '..', '..', 'fixtures', 'pki', 'kiosk');
const read = (f: string) => readFileSync(join(pki, f), 'utf8');
const tls = { certPem: read('clients/kiosk-kokurakita-01.cert.pem'), keyPem: read('clients/kiosk-kokurakita-01.key.pem'), caPem: read('city-ca.cert.pem') };

const TICKET = {
  id: '0b8a3f0e-7c43-4b8e-9a59-0c6a1c1f2d3e',
  ward: 'kokurakita',
  day: '2026-03-31',
  number: 7,
  service: 'certificates',
  state: 'waiting',
  counter: null,
  ahead: 2,
  estimatedWaitMinutes: 5,
  transferredTo: null,
};

type Script = (req: IncomingMessage, res: ServerResponse) => void;

describe('queue client (mutual TLS, deadline, validated answers)', () => {
  let script: Script = () => undefined;
  const server = createMutualTlsServer({ certPem: read('server.cert.pem'), keyPem: read('server.key.pem'), clientCaPem: read('city-ca.cert.pem') });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => script(req, res));
  /** For answers: a deadline far beyond any machine's load (a loaded CI machine missed 300 ms). */
  let client: QueueClient;
  /** For a service that never finishes answering: the deadline is what ends the request. */
  let deadlined: QueueClient;
  const json = (status: number, body: unknown) => (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(status, { 'content-type': 'application/json' }).end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const failsWith = (code: string) => (e: unknown) => e instanceof QueueClientError && e.code === code;

  before(async () => {
    const port = await listen(server, 0, '127.0.0.1');
    client = new QueueClient(baseUrlOf('127.0.0.1', port), { tls, deadlineMs: 30_000 });
    deadlined = new QueueClient(baseUrlOf('127.0.0.1', port), { tls, deadlineMs: 300 });
  });
  after(async () => {
    client.close();
    deadlined.close();
    server.closeAllConnections();
    await closeListener(server);
  });

  test('a ticket in the contract is taken; the request names the ward, the service and the receipt', async () => {
    let seen: { url?: string; body?: string } = {};
    script = (req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen = { url: req.url, body };
        json(201, TICKET)(req, res);
      });
    };
    const t = await client.takeTicket('kokurakita', { service: 'certificates', receipt: '4010601-000123' });
    assert.deepEqual([t.number, t.ahead, t.estimatedWaitMinutes], [7, 2, 5]);
    assert.equal(seen.url, '/v1/wards/kokurakita/tickets');
    assert.deepEqual(JSON.parse(seen.body ?? ''), { service: 'certificates', receipt: '4010601-000123' });
  });

  test('a service that never answers is unreachable once the deadline passes', { timeout: 10_000 }, async () => {
    script = () => undefined; // holds the request open
    await assert.rejects(deadlined.takeTicket('kokurakita', { service: 'certificates' }), failsWith('unreachable'));
  });

  test('a service that trickles its answer (never silent long enough for the idle timer) is cut off by the deadline', { timeout: 10_000 }, async () => {
    let trickle: NodeJS.Timeout | undefined;
    script = (_req, res) => {
      res.writeHead(201, { 'content-type': 'application/json' });
      trickle = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(trickle));
    };
    try {
      await assert.rejects(deadlined.takeTicket('kokurakita', { service: 'certificates' }), failsWith('unreachable'));
    } finally {
      clearInterval(trickle);
    }
  });

  test('a body that is not JSON, or breaks the contract, is refused as invalid-response', async () => {
    script = json(201, '<html>proxy</html>');
    await assert.rejects(client.takeTicket('kokurakita', { service: 'certificates' }), failsWith('invalid-response'));
    script = json(201, { ...TICKET, number: 0 });
    await assert.rejects(client.takeTicket('kokurakita', { service: 'certificates' }), failsWith('invalid-response'));
    script = json(201, { ...TICKET, number: '7' });
    await assert.rejects(client.takeTicket('kokurakita', { service: 'certificates' }), failsWith('invalid-response'));
    script = json(200, {
      services: [{ service: 'certificates', nameJa: '証明書', waiting: -1, counters: 1, counterLabelsJa: [], serviceMinutes: 5, estimatedWaitMinutes: 0 }],
    });
    await assert.rejects(client.estimates('kokurakita'), failsWith('invalid-response'));
  });

  test("a refusal keeps the service's code; a 5xx is the service failing, not refusing", async () => {
    script = json(409, { code: 'check-in-too-early', message: 'too early' });
    await assert.rejects(client.checkIn('kokurakita', '12345678'), failsWith('check-in-too-early'));
    script = json(503, { code: 'internal', message: 'down' });
    await assert.rejects(client.checkIn('kokurakita', '12345678'), failsWith('unreachable'));
  });

  test('nobody listening is unreachable', async () => {
    const gone = new QueueClient('https://127.0.0.1:9', { tls, deadlineMs: 300 });
    try {
      await assert.rejects(gone.estimates('kokurakita'), failsWith('unreachable'));
    } finally {
      gone.close();
    }
  });
});
