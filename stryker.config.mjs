// @ts-check
/**
 * Mutation testing of the safety-critical modules (`npm run mutation`; not part of `npm test`).
 *
 * Each module is mutated on its own, against only the test files that guard it, so a run stays
 * short on a small machine. `build/scripts/mutation.ts` runs the modules one by one (or the one
 * named: `npm run mutation -- seal`) and prints each module's mutation score next to the score
 * the module holds (`held`): a change to one of these modules keeps its score or raises it.
 *
 * The test files run through Node's own test runner with tsx, one process per file (Stryker's
 * TAP runner); coverage per test file lets each mutant run only the files that reach it.
 * Only tests that run in-process belong here: a child process would load the code without
 * Stryker's hooks. The stores' open-failure tests (`*-open-failures.test.ts`) are left out: their
 * unwritable-folder case runs a child script as `nobody`, which cannot load
 * Stryker's sandbox (and a child process never carries the mutants anyway).
 */

/**
 * @typedef {object} MutationModule
 * @property {string[]} mutate  Files whose mutants are scored.
 * @property {string[]} tests   Test files that guard them.
 * @property {number} held      The score the module holds (percent, rounded down); never lower it.
 */

/** @type {Record<string, MutationModule>} */
export const MODULES = {
  'pin-verification': {
    mutate: ['devices/card/mynumber/pin-verification.ts', 'devices/card/mynumber/pin-policy.ts'],
    tests: ['test/unit/card/pin-safety.test.ts', 'test/unit/card/card-files.test.ts', 'test/integration/certificates/verify-not-retried.test.ts'],
    held: 73,
  },
  'apdu-channel': {
    mutate: ['devices/card/apdu/apdu-channel.ts'],
    tests: ['test/unit/card/apdu-channel.test.ts', 'test/unit/card/pin-safety.test.ts'],
    held: 78,
  },
  'session-wipe': {
    mutate: ['main/session/session-manager.ts'],
    tests: ['test/unit/foundation/session-manager.test.ts', 'test/integration/session/every-wiper-every-reason.test.ts'],
    held: 62,
  },
  outbox: {
    mutate: ['main/outbox/outbox.ts', 'main/outbox/dispatcher.ts'],
    tests: [
      'test/unit/outbox/outbox-store.test.ts',
      'test/unit/outbox/dispatcher.test.ts',
      'test/unit/outbox/ack-group.test.ts',
      'test/unit/outbox/outbox-encryption.test.ts',
    ],
    held: 68,
  },
  journal: {
    mutate: ['main/journal/journal-states.ts', 'main/journal/transaction-journal.ts'],
    tests: ['test/unit/journal/state-machine.test.ts', 'test/unit/journal/pending-voids.test.ts', 'test/unit/journal/voucher-ledger.test.ts'],
    held: 59,
  },
  'money-return': {
    mutate: ['main/certificates/money-return.ts'],
    tests: [
      'test/unit/certificates/void-issued-serial.test.ts',
      'test/unit/certificates/refund-refused-by-device.test.ts',
      'test/unit/certificates/return-money-basket.test.ts',
      'test/integration/certificates/refund-voucher-slip.test.ts',
    ],
    held: 50,
  },
  'verified-renderer': {
    mutate: ['main/certificates/verified-renderer.ts'],
    tests: ['test/unit/certificates/verified-renderer.test.ts'],
    held: 66,
  },
  seal: {
    mutate: ['platform/certificate-seal/seal.ts'],
    tests: ['test/unit/documents/certificate-seal.test.ts'],
    held: 67,
  },
  'backend-issuance': {
    mutate: ['backend/certificates/issuance-service.ts'],
    tests: ['test/unit/backend/issuance-service.test.ts', 'test/unit/backend/refusal-rules.test.ts'],
    held: 71,
  },
  'backend-auth': {
    mutate: ['backend/auth/session-store.ts', 'backend/auth/nonce-store.ts'],
    tests: ['test/unit/backend/nonce-and-session.test.ts'],
    held: 71,
  },
  'backend-trust': {
    mutate: ['backend/auth/jpki-trust.ts'],
    tests: ['test/unit/backend/jpki-trust.test.ts', 'test/unit/backend/submission-signature.test.ts'],
    held: 77,
  },
};

/** The module this run mutates (set by build/scripts/mutation.ts). */
const name = process.env.MADOGUCHI_MUTATION_MODULE ?? 'seal';
const chosen = MODULES[name];
if (!chosen) throw new Error(`unknown mutation module ${name}; one of: ${Object.keys(MODULES).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    testFiles: chosen.tests,
    nodeArgs: ['--import', 'tsx', '--test-reporter=tap', '-r', '{{hookFile}}', '{{testFile}}'],
    forceBail: true,
  },
  mutate: chosen.mutate,
  coverageAnalysis: 'perTest',
  // Two cores shared by the whole team: one test process at a time.
  concurrency: 1,
  timeoutMS: 30_000,
  // The first run of a module's tests (integration ones start a runtime) on a loaded two-core machine.
  dryRunTimeoutMinutes: 30,
  ignorePatterns: ['dist', 'release', 'reports', 'test-results', '.madoguchi', '.ci'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowColor: false, logTests: false, allowEmojis: false },
};
