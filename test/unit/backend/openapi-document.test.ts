import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { wardRoutes, type WardServices } from '../../../backend/routes/ward-routes';
import { certificateTypes, refusalReasons } from '../../../contract/ward-api';

const doc = yaml.load(readFileSync(join(__dirname, '..', '..', '..', 'backend', 'openapi.yaml'), 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, { enum?: string[] }> };
};

test('the OpenAPI file documents exactly the routes the server has', () => {
  assert.equal(doc.openapi, '3.1.0');
  const routes = wardRoutes({ config: { maxBodyBytes: 1024 } } as WardServices).map((r) => `${r.method.toLowerCase()} ${r.path}`);
  const documented = Object.entries(doc.paths)
    .flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((k) => ['get', 'post'].includes(k))
        .map((m) => `${m} ${path}`),
    )
    .filter((r) => r !== 'post /v1/_faults');
  assert.deepEqual(documented.sort(), routes.sort());
});

test('the OpenAPI enums match the contract', () => {
  assert.deepEqual(doc.components.schemas.CertificateType?.enum, [...certificateTypes]);
  assert.deepEqual(doc.components.schemas.RefusalReason?.enum, [...refusalReasons]);
});
