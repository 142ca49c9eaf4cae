/**
 * The kiosk connects only to the back end its configuration names: "embedded" (the demo's
 * reference back end) is honoured by the demo entry alone, so the kiosk started any other way
 * refuses it rather than run without a back end.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { ConfigError } from '../../../main/config/load-config';
import { connectWard } from '../../../main/ward/ward-connection';

test('backend.mode "embedded" is refused by the kiosk with a message naming the demo entry; "remote" connects to backend.url', async () => {
  await assert.rejects(
    connectWard(DEFAULT_CONFIG),
    (err: unknown) => err instanceof ConfigError && /embedded/.test(err.message) && /npm start/.test(err.message),
  );
  const ward = await connectWard({ ...DEFAULT_CONFIG, backend: { ...DEFAULT_CONFIG.backend, mode: 'remote', url: 'https://127.0.0.1:9/' } });
  await ward.close();
});
