/**
 * The lint rule that keeps an error's message out of the logs, shown to fail: probe files are
 * linted (virtually) in the product's rooms, each with one way of logging a message.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { ESLint } from 'eslint';

const root = join(__dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });
const PROBE_HEAD = "import { createLogger, errorCode } from '../platform/log';\nconst log = createLogger('probe');\n";

async function ruleErrors(filePath: string, body: string): Promise<string[]> {
  const code = `${PROBE_HEAD}export function probe(err: unknown, e: Error, reason: string, count: number): void {\n  ${body}\n  void errorCode; void e; void reason; void count; void err;\n}\n`;
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('no error message in a logger call', () => {
  const forbidden = [
    "log.error({ err: String(err) }, 'x');",
    "log.warn({ err: e.message }, 'x');",
    "log.warn({ err: (err as Error).message }, 'x');",
    'log.info(`failed: ${err}`);',
    "log.error({ err }, 'x');",
    'log.error(e);',
    "log.debug({ stack: e.stack }, 'x');",
    "console.error(e instanceof Error ? e.message : 'x');",
    "log.fatal({ err: e.toString() }, 'x');",
  ];
  for (const body of forbidden) {
    test(`main/: ${body} fails lint`, async () => {
      const errors = await ruleErrors('main/probe.ts', body);
      assert.ok(errors.length > 0, body);
      assert.match(errors[0]!, /errorCode\(err\) from platform\/log\.ts/);
    });
  }

  test('the rule covers every product room', async () => {
    for (const room of ['devices/probe.ts', 'backend/probe.ts', 'platform/probe.ts']) {
      assert.ok((await ruleErrors(room, "log.error({ err: String(err) }, 'x');")).length > 0, room);
    }
  });

  const allowed = ["log.error({ err: errorCode(err) }, 'x');", "log.info({ reason, count: String(count) }, 'x');", 'log.info(`${count} rows pruned`);'];
  for (const body of allowed) {
    test(`main/: ${body} passes`, async () => {
      assert.deepEqual(await ruleErrors('main/probe.ts', body), []);
    });
  }
});
