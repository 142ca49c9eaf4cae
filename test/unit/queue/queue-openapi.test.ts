import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { queueTicketStates } from '../../../contract/queue-api';
import { queueRoutes } from '../../../queue/http/queue-routes';
import { queueErrorCodes } from '../../../queue/queue-errors';
import type { QueueStore } from '../../../queue/queue-store';

const doc = yaml.load(readFileSync(join(__dirname, '..', '..', '..', 'queue', 'openapi.yaml'), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { enum?: string[] }> };
};

test('the queue OpenAPI documents exactly the routes the server has', () => {
  assert.equal(doc.openapi, '3.1.0');
  const routes = queueRoutes({} as QueueStore).map((r) => `${r.method.toLowerCase()} ${r.path}`);
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((k) => ['get', 'post'].includes(k))
      .map((m) => `${m} ${path}`),
  );
  assert.deepEqual(documented.sort(), routes.sort());
});

test('the OpenAPI enums list every ticket state and every queue error code', () => {
  assert.deepEqual(doc.components.schemas.TicketState?.enum, [...queueTicketStates]);
  const codes = doc.components.schemas.ErrorCode?.enum ?? [];
  for (const c of queueErrorCodes) assert.ok(codes.includes(c), c);
});
