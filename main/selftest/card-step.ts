/**
 * The card reader's step: a reader is there, and when a card is in it, the JPKI token info is read
 * (SELECT the JPKI AP, READ BINARY EF 0006: no PIN is asked, no VERIFY is sent, so no try of the
 * card's PIN is ever used; see /work/shared/reference/mynumber-card.md). Only the token label is
 * kept (`JPKIAPICCTOKEN2` for the plastic card), nothing the card says about its holder.
 */
import { isCardError } from '../../devices/card/card-errors';
import type { CardReaderManager } from '../../devices/card/card-reader-manager';
import type { MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import { fail, pass, type SelfTestStepRunner } from './self-test-step';

export interface CardStepDeps {
  readers: Pick<CardReaderManager, 'listReaders'>;
  /** `detect()` only: the one card call that needs no PIN and sends no VERIFY. */
  card: Pick<MyNumberCardClient, 'detect'>;
  timeoutMs?: number;
}

const CARD_CODES: Readonly<Record<string, string>> = {
  'not-my-number-card': 'card-not-my-number-card',
  'no-reader': 'card-no-reader',
  'reader-gone': 'card-no-reader',
  'reader-refused': 'card-no-reader',
  'card-removed': 'card-removed',
  'no-card': 'card-removed',
};

export function cardStep(deps: CardStepDeps): SelfTestStepRunner {
  return {
    id: 'card',
    // The client bounds every APDU (5 s); the detection sends a handful.
    timeoutMs: deps.timeoutMs ?? 30_000,
    run: async () => {
      const readers = deps.readers.listReaders();
      if (readers.length === 0) return fail('card-no-reader', { readers: 0 });
      const cardPresent = readers.some((r) => r.cardPresent);
      const facts = { readers: readers.length, cardPresent };
      if (!cardPresent) return pass('card-reader-ok', facts);
      try {
        const { tokenInfo } = await deps.card.detect();
        return pass('card-read-ok', { ...facts, tokenLabel: tokenInfo.label.slice(0, 32), plasticCard: tokenInfo.isPlasticCard });
      } catch (err) {
        if (!isCardError(err)) throw err;
        return fail(CARD_CODES[err.code] ?? 'card-unreadable', { ...facts, error: err.code });
      }
    },
  };
}
