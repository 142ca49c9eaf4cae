/**
 * Where the metrics endpoint may listen: loopback by default; the kiosk's own private address on
 * the ward network when configured; never every interface or a public address.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_CONFIG } from '../../../main/config/default-config';
import { ConfigError, mergeConfig, parseConfig } from '../../../main/config/load-config';
import { metricsHost } from '../../../main/metrics/metrics-server';

const withListen = (listen: string) => parseConfig(mergeConfig(DEFAULT_CONFIG, { metrics: { listen } }), 'test');

describe('metrics configuration', () => {
  test('binds loopback unless configured', () => {
    const config = parseConfig(DEFAULT_CONFIG, 'defaults');
    assert.equal(config.metrics.listen, 'loopback');
    assert.equal(metricsHost(config.metrics.listen), '127.0.0.1');
  });

  test("accepts the kiosk's private ward-network address", () => {
    for (const address of ['10.20.30.40', '172.16.0.5', '172.31.255.1', '192.168.1.20']) assert.equal(metricsHost(withListen(address).metrics.listen), address);
  });

  test('refuses every interface, public addresses and names, naming the key', () => {
    for (const address of ['0.0.0.0', '8.8.8.8', '172.32.0.1', '192.169.0.1', '10.0.0.256', 'kiosk.local', '::']) {
      assert.throws(
        () => withListen(address),
        (err: unknown) => err instanceof ConfigError && err.message.includes('metrics.listen'),
        address,
      );
    }
  });
});
