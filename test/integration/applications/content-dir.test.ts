/**
 * The runtime serves the ward content of the folder its configuration names (`contentDir`): a
 * postal code only the ward's copy has is found through the kiosk's request router.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { demoContentDir } from '../../../main/applications/content-dir';
import { call, startTestRuntime } from '../../support/journey-driver';

const contentDir = mkdtempSync(join(tmpdir(), 'madoguchi-ward-content-'));
after(() => rmSync(contentDir, { recursive: true, force: true }));

test("the kiosk looks postal codes up in contentDir's data, not the demo content", async () => {
  cpSync(demoContentDir(), contentDir, { recursive: true });
  const file = join(contentDir, 'postal', 'postal-codes.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { rows: string[][] };
  data.rows.push(['9990001', '40106', '試験町']);
  writeFileSync(file, JSON.stringify(data));

  const runtime = await startTestRuntime({ contentDir });
  try {
    await call(runtime, 'session.start', { journey: 'application' });
    const candidates = await call(runtime, 'application.lookupPostal', { postalCode: '9990001' });
    assert.deepEqual(
      candidates.map((c) => `${c.city}${c.town}`),
      ['北九州市小倉北区試験町'],
    );
  } finally {
    await runtime.stop();
  }
});
