/**
 * Runs @doyensec/electronegativity over the Electron side (main/) and the renderer's HTML,
 * and fails on any HIGH or MEDIUM finding that is not accepted, with its reason, in
 * build/electronegativity-accepted.json (the README repeats the reasons).
 *
 * The tool would look up Electron's releases online; `-e` names our Electron version so
 * the checks use its defaults without a network.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

export type Finding = { check: string; severity: string; file: string; location: string };

export function parseFindings(csv: string): Finding[] {
  return csv
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')) ?? [];
      return { check: cells[0] ?? '', severity: cells[1] ?? '', file: cells[3] ?? '', location: cells[4] ?? '' };
    });
}

export function runElectronegativity(): { findings: Finding[]; blocking: Finding[] } {
  const input = mkdtempSync(join(tmpdir(), 'madoguchi-eneg-'));
  try {
    cpSync(join(root, 'main'), join(input, 'main'), { recursive: true });
    cpSync(join(root, 'renderer', 'index.html'), join(input, 'renderer', 'index.html'));
    const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    const csv = join(input, 'report.csv');
    const bin = join(root, 'node_modules', '.bin', 'electronegativity');
    const run = spawnSync(bin, ['-i', input, '-r', '-e', electronVersion, '-o', csv, '-v', 'false'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`electronegativity failed: ${run.stderr}`);
    const findings = parseFindings(readFileSync(csv, 'utf8'));
    const accepted = JSON.parse(readFileSync(join(root, 'build', 'electronegativity-accepted.json'), 'utf8')) as Record<string, string>;
    const blocking = findings.filter((f) => (f.severity === 'HIGH' || f.severity === 'MEDIUM') && !(f.check in accepted));
    return { findings, blocking };
  } finally {
    rmSync(input, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const { findings, blocking } = runElectronegativity();
  for (const f of findings) console.log(`electronegativity: ${f.severity} ${f.check} ${f.file}:${f.location}`);
  if (blocking.length > 0) {
    console.error(`electronegativity: ${blocking.length} HIGH/MEDIUM finding(s) not accepted`);
    process.exit(1);
  }
  console.log(`electronegativity: no HIGH or MEDIUM finding beyond the accepted ones (${findings.length} in all)`);
}
