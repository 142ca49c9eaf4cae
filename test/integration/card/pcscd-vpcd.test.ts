/**
 * The card contract through the real stack: pcsclite → pcscd → vsmartcard vpcd → the virtual
 * card over TCP (loopback). The reader is "Virtual PCD 00 01" (the second slot, so a demo card
 * attached to the first slot by `npm run sim:card` does not collide), allow-listed explicitly because
 * `real` mode refuses virtual readers by default (that refusal is asserted here too).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createCardReaderManager } from '../../../devices/card/card-reader-registry';
import type { CardReaderManager } from '../../../devices/card/card-reader-manager';
import type { ApduCard } from '../../../devices/card/sim/apdu-card';
import { attachToVpcd, type VpcdAttachment } from '../../../devices/card/sim/vpcd';
import { waitForCard, waitForReader } from '../../../devices/card/wait-for-reader';
import { ensurePcscd, restartPcscd, stopPcscd, VPCD_READERS } from '../../support/pcscd';
import { cardContract } from './card-contract';

const READER = VPCD_READERS[35964];
const PORT = 35964;

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function pcscdPid(): number | undefined {
  const r = spawnSync('pgrep', ['-x', 'pcscd'], { encoding: 'utf8' });
  const pid = Number(r.stdout.trim().split('\n')[0]);
  return r.status === 0 && pid > 0 ? pid : undefined;
}

function pcscdRunning(): boolean {
  return pcscdPid() !== undefined;
}

cardContract(
  'pcscd + vpcd',
  async () => {
    await ensurePcscd();
    const manager: CardReaderManager = createCardReaderManager({
      backend: 'real',
      allowReaderPatterns: [`^${READER}$`],
      reconnectBackoffMs: { initial: 50, max: 400 },
    });
    await manager.start();
    await waitForReader(manager, (r) => r.name === READER, 5000);
    let attachment: VpcdAttachment | undefined;
    const present = () => manager.listReaders().some((r) => r.name === READER && r.cardPresent);

    const remove = async () => {
      const a = attachment;
      attachment = undefined;
      await a?.detach();
      await waitUntil(() => !present(), 5000, 'card removal');
    };

    return {
      label: 'vpcd',
      manager,
      readerName: READER,
      async insert(card: ApduCard) {
        if (attachment) await remove();
        attachment = await attachToVpcd(card, { host: '127.0.0.1', port: PORT });
        await waitForCard(manager, 5000, READER);
      },
      remove,
      async unplugReader() {
        await remove();
        await stopPcscd();
        // pcscd not started by this process: restart it as ours, then stop it.
        if (pcscdRunning()) {
          await restartPcscd();
          await stopPcscd();
        }
        await waitUntil(() => !manager.listReaders().some((r) => r.name === READER), 5000, 'reader gone');
      },
      async plugReader() {
        await ensurePcscd();
        await waitForReader(manager, (r) => r.name === READER, 8000);
      },
      restartService() {
        attachment = undefined; // the vpcd connection dies with pcscd
        // SIGKILL now, synchronously: the APDU in flight is lost as in a pcscd crash. Only the
        // pcscd of this test rig is running here (ensurePcscd above).
        const pid = pcscdPid();
        if (pid) process.kill(pid, 'SIGKILL');
        return (async () => {
          await stopPcscd(); // reaps the child if this process owned it
          await ensurePcscd();
          await waitForReader(manager, (r) => r.name === READER, 8000);
        })();
      },
      async teardown() {
        await remove().catch(() => undefined);
        await manager.stop();
        await stopPcscd();
      },
    };
  },
  { pullSteps: 'all', hasService: true, resetWaitsForPull: true },
);

test('real mode refuses virtual readers that are not allow-listed', async () => {
  await ensurePcscd();
  const manager = createCardReaderManager({ backend: 'real' });
  await manager.start();
  try {
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(
      manager.listReaders().filter((r) => r.name.startsWith('Virtual PCD')),
      [],
    );
  } finally {
    await manager.stop();
    await stopPcscd();
  }
});
