/**
 * Refuses to run a packaged (deployed) kiosk on demo material.
 *
 * The repository carries a TEST PKI, a TEST city seal key and simulated devices so that
 * `npm start` works on a fresh machine. A packaged build must never trust or sign with those:
 * a kiosk that accidentally pinned the TEST CA would accept a forged back end, and one that
 * issued on simulated devices would take no real money. So a packaged build needs a remote
 * back end, key material from outside the app's `fixtures/` folder and real devices;
 * simulators are allowed only in maintenance mode (technicians on the bench).
 */
import { relative, sep } from 'node:path';
import type { KioskConfig } from './config-schema';
import { DEFAULT_CONFIG } from './default-config';
import { ConfigError } from './load-config';
import { fixturesDir, resolveProjectPath } from './project-paths';

/** Every reason the configuration is not deployable; empty when it is. */
export function deploymentProblems(config: KioskConfig, fixtures: string = fixturesDir()): string[] {
  const problems: string[] = [];
  if (config.backend.mode !== 'remote') problems.push('backend.mode is "embedded" (the demo back end); a deployed kiosk needs "remote"');
  const files: [string, string][] = [
    ['backend.tls.certFile', config.backend.tls.certFile],
    ['backend.tls.keyFile', config.backend.tls.keyFile],
    ['backend.tls.caFile', config.backend.tls.caFile],
    ['backend.sealPublicKeyFile', config.backend.sealPublicKeyFile],
  ];
  if (config.queue) {
    if (config.queue.mode !== 'remote') problems.push('queue.mode is "embedded" (the demo queue service); a deployed kiosk needs "remote" or queue null');
    files.push(
      ['queue.tls.certFile', config.queue.tls.certFile],
      ['queue.tls.keyFile', config.queue.tls.keyFile],
      ['queue.tls.caFile', config.queue.tls.caFile],
    );
  }
  for (const [key, file] of files) {
    if (isInside(resolveProjectPath(file), fixtures)) problems.push(`${key} points at the demo TEST material in fixtures/ (${file})`);
  }
  // The demo staff passcode (246810) is in the README: anyone could open the staff console.
  if (config.staff.passcodeHash === DEFAULT_CONFIG.staff.passcodeHash) {
    problems.push("staff.passcodeHash is the demo passcode; make the ward's own with build/scripts/hash-staff-passcode.ts");
  }
  // An unshuffled keypad lets a bystander read a citizen's PIN from the finger's position alone.
  if (!config.shufflePinPad) problems.push('shufflePinPad is false; a deployed kiosk shuffles the PIN keypad for each citizen');
  if (!config.maintenance) {
    for (const [device, binding] of Object.entries(config.devices)) {
      if (binding === 'sim') problems.push(`devices.${device} is "sim"; simulators run only in maintenance mode`);
    }
  }
  return problems;
}

/** Throws a ConfigError naming every problem when a packaged build is started on demo material. */
export function assertDeployable(config: KioskConfig, packaged: boolean): void {
  if (!packaged) return;
  refuseProblems(config, 'This installed kiosk cannot start on the demo configuration', '');
}

/** The flag that lets the browser shell run on the demo material; `npm start` passes it and says so. */
export const DEMO_FLAG = '--demo';

/**
 * The browser shell has no "packaged" state to tell a deployment from a developer's machine
 * (Electron has `app.isPackaged`), and it is what runs on a kiosk without Electron's runtime.
 * So it counts as deployed unless started with the explicit demo flag.
 */
export function assertBrowserShellDeployable(config: KioskConfig, argv: readonly string[]): void {
  if (argv.includes(DEMO_FLAG)) return;
  refuseProblems(
    config,
    `The browser shell will not start on the demo configuration without ${DEMO_FLAG}`,
    `, or run the demo with ${DEMO_FLAG} (npm start passes it)`,
  );
}

function refuseProblems(config: KioskConfig, lead: string, orElse: string): void {
  const problems = deploymentProblems(config);
  if (problems.length === 0) return;
  throw new ConfigError(
    `${lead}:\n- ${problems.join('\n- ')}\n` +
      `Give it the ward's configuration file with --config <path> or MADOGUCHI_CONFIG (see README, "Deploying")${orElse}.`,
  );
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep) && !/^[A-Za-z]:/.test(rel));
}
