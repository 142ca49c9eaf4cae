/**
 * What ships in build/monitoring/: the alerting rules pass `promtool check rules` and their own
 * unit tests (`promtool test rules`: a hung kiosk, a printer down, dead letters fire; a short
 * outage does not), and every metric the rules and the Grafana dashboard query is one the kiosk
 * registers (main/metrics), so renaming a metric cannot silently blind the fleet's monitoring.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { systemClock } from '../../../platform/clock';
import { KioskMetrics } from '../../../main/metrics/kiosk-metrics';
import { promtool } from '../../support/promtool';

const dir = join(__dirname, '..', '..', '..', 'build', 'monitoring');
const RULES = join(dir, 'madoguchi-alerts.rules.yml');
const DASHBOARD = join(dir, 'madoguchi-dashboard.json');

function registered(): Set<string> {
  const metrics = new KioskMetrics({ kioskId: 'kiosk-test-01', ward: 'kokurakita', version: '0', clock: systemClock });
  return new Set(metrics.registry.getMetricsAsArray().map((m) => m.name));
}

/** Metric names an expression uses (a histogram's series named by their base). */
function metricsIn(text: string): string[] {
  return [...text.matchAll(/madoguchi_[a-z_]+/g)].map((m) => m[0].replace(/_(bucket|count|sum)$/, ''));
}

describe('shipped monitoring', () => {
  test('promtool check rules passes on the alerting rules', () => {
    const r = promtool(['check', 'rules', RULES]);
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /SUCCESS: \d+ rules found/);
  });

  test("the rules' unit tests pass (promtool test rules)", () => {
    const r = promtool(['test', 'rules', join(dir, 'madoguchi-alerts.test.yml')]);
    assert.equal(r.status, 0, r.output);
  });

  test('the rules and the dashboard query only metrics the kiosk registers', () => {
    const known = registered();
    const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };
    assert.ok(dashboard.panels.length > 0);
    const used = [
      ...metricsIn(readFileSync(RULES, 'utf8')),
      ...dashboard.panels.flatMap((p) => {
        assert.ok(p.targets.length > 0, `${p.title} queries something`);
        return p.targets.flatMap((t) => metricsIn(t.expr));
      }),
    ];
    assert.ok(used.length > 10);
    const unknown = [...new Set(used)].filter((m) => !known.has(m));
    assert.deepEqual(unknown, []);
  });
});
