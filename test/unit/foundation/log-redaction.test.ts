/** The logger's second line of defence: keys that could carry personal data or secrets are censored. */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, test } from 'node:test';
import pino from 'pino';
import { loggerOptions } from '../../../platform/log';

function capture(): { logger: pino.Logger; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino(loggerOptions('info'), sink);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('log redaction', () => {
  test('personal data and secrets are censored at the top level and two levels down', () => {
    const { logger, lines } = capture();
    logger.info(
      { name: '髙橋 一郎', passcode: '246810', card: { myNumber: '123456789018', address: '北九州市' }, form: { applicant: { phone: '0930001111' } } },
      'x',
    );
    const text = JSON.stringify(lines()[0]);
    for (const secret of ['髙橋', '246810', '123456789018', '北九州市', '0930001111']) assert.ok(!text.includes(secret), secret);
    assert.equal(lines()[0]?.name, '[redacted]');
  });

  test('ids, states and codes stay readable', () => {
    const { logger, lines } = capture();
    logger.info({ kioskId: 'kiosk-kokurakita-01', state: 'paid', code: 'media-empty' }, 'y');
    const line = lines()[0];
    assert.equal(line?.kioskId, 'kiosk-kokurakita-01');
    assert.equal(line?.state, 'paid');
    assert.equal(line?.code, 'media-empty');
  });
});
