/**
 * Per-card runtime state that outlives a card object: tries left and changed PINs.
 *
 * A real card keeps its retry counters in EEPROM; the simulator keeps them here, keyed by card
 * id, for the life of the process, so removing and re-inserting a card (a new VirtualMyNumberCard
 * for the same id) keeps the tries the citizen used. The fixture files are never modified.
 */

/** Every verifiable secret on the card, one per key reference. */
export type CredentialId =
  'text-pin' | 'text-a' | 'text-b' | 'text-0012' | 'jpki-auth' | 'jpki-sign' | 'visual-birth' | 'visual-a' | 'visual-b' | 'juki-pin' | 'common-pin';

/** The persistent state of one key reference. */
export interface CredentialState {
  /** Tries left; 0 = blocked. */
  triesLeft: number;
  /** The retry limit restored by a correct VERIFY. */
  readonly maxTries: number;
  /** The secret as the card compares it (bytes); null = never set, VERIFY is refused. */
  secret: Uint8Array | null;
}

/** The persistent state of one card. */
export interface CardRuntimeState {
  /** Key references present on the card. */
  readonly credentials: Map<CredentialId, CredentialState>;
}

/** Holds the runtime state of every card used in this process, keyed by card id. */
export class CardStateRegistry {
  private readonly cards = new Map<string, CardRuntimeState>();

  /** The state of `cardId`, created with `init` on first use. */
  stateFor(cardId: string, init: () => CardRuntimeState): CardRuntimeState {
    let state = this.cards.get(cardId);
    if (!state) {
      state = init();
      this.cards.set(cardId, state);
    }
    return state;
  }

  /** Tries left for one credential of a card, or undefined if the card was never used. */
  triesLeft(cardId: string, credential: CredentialId): number | undefined {
    return this.cards.get(cardId)?.credentials.get(credential)?.triesLeft;
  }

  /** Forgets one card: its next use starts again from the fixture (like a card re-issued at the office). */
  forget(cardId: string): void {
    this.cards.delete(cardId);
  }

  /** Forgets every card (tests). */
  clear(): void {
    this.cards.clear();
  }
}

/** The process-wide registry used when a card is built without an explicit one. */
export const defaultCardStateRegistry = new CardStateRegistry();
