/**
 * The rooms' import rules, shown to fail: the lint configuration is run on probe files
 * placed (virtually) in each room.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  test('a renderer file that imports node:fs fails lint', async () => {
    const errors = await boundaryErrors('renderer/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n");
    assert.ok(errors.length > 0);
    assert.match(errors[0]!, /renderer\/ runs in a sandboxed page/);
  });

  const forbidden: [string, string][] = [
    ['renderer/probe.ts', "import fs from 'fs';"],
    ['renderer/probe.ts', "import { ipcMain } from 'electron';"],
    ['renderer/screens/probe.ts', "import { x } from '../../main/kiosk-runtime';"],
    ['renderer/probe.ts', "import { x } from '../devices/card/sim/apdu-card';"],
    ['renderer/probe.ts', "import Database from 'better-sqlite3';"],
    ['devices/card/probe.ts', "import { app } from 'electron';"],
    ['devices/card/probe.ts', "import { x } from '../../renderer/app/App';"],
    ['devices/card/probe.ts', "import { x } from '../../main/kiosk-runtime';"],
    ['contract/probe.ts', "import { readFile } from 'node:fs/promises';"],
    ['platform/probe.ts', "import { x } from '../main/kiosk-runtime';"],
    ['backend/probe.ts', "import { x } from '../devices/card/sim/apdu-card';"],
    ['queue/probe.ts', "import { x } from '../backend/start-ward-backend';"],
    ['queue/http/probe.ts', "import { x } from '../../main/kiosk-runtime';"],
    ['renderer/probe.ts', "import { Pool } from 'pg';"],
  ];
  for (const [file, line] of forbidden) {
    test(`${file}: ${line} fails lint`, async () => {
      assert.ok((await boundaryErrors(file, `${line}\nexport const used = 1;\n`)).length > 0);
    });
  }

  const allowed: [string, string][] = [
    ['renderer/probe.ts', "import { requests } from '../contract/kiosk-api';"],
    ['main/probe.ts', "import { readFileSync } from 'node:fs';"],
    ['devices/card/probe.ts', "import { createLogger } from '../../platform/log';"],
    ['queue/probe.ts', "import { sendJson } from '../platform/http/api-error';"],
  ];
  for (const [file, line] of allowed) {
    test(`${file}: ${line} passes`, async () => {
      assert.deepEqual(await boundaryErrors(file, `${line}\nexport const used = 1;\n`), []);
    });
  }
});
