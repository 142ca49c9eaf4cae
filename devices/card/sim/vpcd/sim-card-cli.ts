/**
 * `npm run sim:card -- <card-id> [--port 35963] [--host 127.0.0.1] [--silent-after N]`: inserts the
 * virtual My Number Card `<card-id>` into the vpcd reader and keeps it inserted (reconnecting if
 * pcscd restarts) until SIGINT/SIGTERM, which removes it. `--silent-after N`: the card answers N
 * APDUs, then none until it is reset (a hung chip; see silent-card.ts), to try the kiosk's
 * card-timeout by hand. Prints the card id and port only, never card contents.
 */
import type { ApduCard } from '../apdu-card';
import { SilentCard } from '../silent-card';
import { VirtualMyNumberCard, CardFixtureError, listCardFixtures } from '../virtual-card';
import { attachToVpcd, VPCD_DEFAULT_PORT, type VpcdAttachment } from './attach-to-vpcd';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(): void {
  const args = process.argv.slice(2);
  const cardId = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
  const host = option(args, '--host') ?? '127.0.0.1';
  const port = Number(option(args, '--port') ?? VPCD_DEFAULT_PORT);
  const silentAfterArg = option(args, '--silent-after');
  const silentAfter = silentAfterArg === undefined ? undefined : Number(silentAfterArg);
  if (!cardId || !Number.isInteger(port) || port <= 0 || port > 65535 || (silentAfter !== undefined && !(Number.isInteger(silentAfter) && silentAfter >= 0))) {
    console.error(`usage: npm run sim:card -- <card-id> [--port N] [--host H] [--silent-after N]\ncards: ${listCardFixtures().join(', ')}`);
    process.exit(2);
  }
  let card: ApduCard;
  try {
    const virtual = VirtualMyNumberCard.fromFixture(cardId);
    card = silentAfter === undefined ? virtual : new SilentCard(virtual, silentAfter);
  } catch (err) {
    console.error(err instanceof CardFixtureError ? `card ${cardId}: ${err.code}` : `card ${cardId}: cannot load`);
    process.exit(2);
  }

  let current: VpcdAttachment | null = null;
  let stopping = false;
  let announced = false;
  const connectLoop = async (): Promise<void> => {
    while (!stopping) {
      try {
        current = await attachToVpcd(card, { host, port });
        if (!announced) console.log(`virtual card ${cardId} inserted into vpcd at ${host}:${port}`);
        announced = true;
        await current.closed;
        current = null;
      } catch {
        // vpcd not there (pcscd stopped or restarting): try again shortly, the card stays "in hand".
      }
      if (!stopping) await new Promise((r) => setTimeout(r, 500));
    }
  };
  const stop = (): void => {
    stopping = true;
    void (current?.detach() ?? Promise.resolve()).then(() => {
      console.log(`virtual card ${cardId} removed`);
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  void connectLoop();
}

main();
