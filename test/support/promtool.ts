/**
 * Debian's `promtool` (package `prometheus`, in build/system-packages.txt): checks the shipped
 * alerting rules and a scrape of the kiosk's metrics endpoint. Run synchronously with a time limit;
 * the child ends with the call.
 */
import { spawnSync } from 'node:child_process';

export const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

export interface PromtoolResult {
  status: number | null;
  output: string;
}

export function promtool(args: readonly string[], input?: string): PromtoolResult {
  const r = spawnSync(PROMTOOL, [...args], { input, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
