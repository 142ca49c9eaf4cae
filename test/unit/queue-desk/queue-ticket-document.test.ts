/** The A4 queue ticket says what the citizen needs, and refuses what it must not print. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderQueueTicket, QueueTicketError, type QueueTicketInput } from '../../../main/documents/queue-ticket/queue-ticket';
import { pdfText } from '../../support/pdf-text';

const TICKET: QueueTicketInput = {
  number: 42,
  serviceJa: '住民異動',
  counters: ['3番窓口', '4番窓口'],
  ahead: 3,
  estimatedWaitMinutes: 23,
  statusUrl: 'https://queue.example.invalid/wait/0b8a3f0e-7c43-4b8e-9a59-0c6a1c1f2d3e',
  receiptNumber: '4010601-000123',
  timing: null,
  issuedAt: new Date('2026-03-31T01:45:00Z'),
  office: '北九州市 小倉北区役所',
};

test('the ticket shows its number, service, counters, people ahead, wait and the receipt it carries', async () => {
  const text = pdfText(await renderQueueTicket(TICKET)).replace(/\s+/g, '');
  for (const expected of ['番号札', '42', '住民異動', '3番窓口・4番窓口', '3人', '約23分', '4010601-000123', '令和8年3月31日10時45分']) {
    assert.ok(text.includes(expected), expected);
  }
});

test('a walk-in ticket has no receipt line; a late check-in says it queues in turn', async () => {
  const text = pdfText(await renderQueueTicket({ ...TICKET, receiptNumber: null, timing: 'late' })).replace(/\s+/g, '');
  assert.equal(text.includes('申請の受付番号'), false);
  assert.ok(text.includes('予約の時間を過ぎたため順番にご案内'));
});

test('input it must not print is refused, naming fields only', async () => {
  await assert.rejects(renderQueueTicket({ ...TICKET, number: 0, statusUrl: 'http://plain/wait/1' }), (e: unknown) => {
    return e instanceof QueueTicketError && e.fields.join() === 'number,statusUrl';
  });
});
