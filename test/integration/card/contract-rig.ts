/**
 * What the card contract suite needs from a backend under test, and a card wrapper that
 * records APDU kinds (never their bytes) and pulls the card at a chosen APDU.
 */
import type { ApduCard } from '../../../devices/card/sim/apdu-card';
import type { CardReaderManager } from '../../../devices/card/card-reader-manager';

/** A started backend with one reader the suite can put cards into. */
export interface ContractRig {
  /** Backend label for test names. */
  readonly label: string;
  /** The started manager (built through the registry). */
  readonly manager: CardReaderManager;
  /** The reader the suite uses. */
  readonly readerName: string;
  /** Inserts `card`; resolves once the manager reports it present. */
  insert(card: ApduCard): Promise<void>;
  /** Removes the card; resolves once the manager reports it gone. */
  remove(): Promise<void>;
  /** Makes the reader disappear; resolves once the manager no longer lists it. */
  unplugReader(): Promise<void>;
  /** Brings the reader back (without a card); resolves once listed. */
  plugReader(): Promise<void>;
  /**
   * Restarts the PC/SC service (undefined where there is none, e.g. in process). Called from
   * inside a card APDU: it must take the service down synchronously (so the pending answer never
   * arrives, as when pcscd crashes), then start it again; resolves once the reader is back.
   */
  restartService?: () => Promise<void>;
  /** Stops everything the rig started. */
  teardown(): Promise<void>;
}

/** Kinds of APDU the recorder distinguishes. */
export type ApduKind = 'select' | 'verify-empty' | 'verify-pin' | 'read' | 'sign' | 'other';

function kindOf(c: Uint8Array): ApduKind {
  switch (c[1]) {
    case 0xa4:
      return 'select';
    case 0x20:
      return c.length > 4 ? 'verify-pin' : 'verify-empty';
    case 0xb0:
      return 'read';
    case 0x2a:
      return 'sign';
    default:
      return 'other';
  }
}

/**
 * Wraps a card: records the kind of every APDU it receives and, when armed, calls `onPull`
 * at APDU number `n` (0-based, counted from arming) instead of letting the card see it.
 */
export class RecordingCard implements ApduCard {
  readonly log: ApduKind[] = [];
  /** The kind of the APDU that was "pulled" (sent by the host, never seen by the card). */
  pulledKind: ApduKind | undefined;
  private armedAt: number | undefined;
  private seenSinceArm = 0;
  private onPull: (() => void) | undefined;

  constructor(private readonly inner: ApduCard) {}

  get atr(): Uint8Array {
    return this.inner.atr;
  }

  /** Pulls the card (via `onPull`) when the `n`-th APDU from now arrives. */
  armPull(n: number, onPull: () => void): void {
    this.armedAt = n;
    this.seenSinceArm = 0;
    this.onPull = onPull;
  }

  transmit(command: Uint8Array): Uint8Array | null {
    if (this.armedAt !== undefined && this.seenSinceArm++ === this.armedAt) {
      this.armedAt = undefined;
      this.pulledKind = kindOf(command);
      this.onPull?.();
      return Uint8Array.of(0x6f, 0x00); // never delivered: the card is gone
    }
    this.log.push(kindOf(command));
    return this.inner.transmit(command);
  }

  reset(): void {
    this.inner.reset();
  }

  /** Number of VERIFYs carrying a PIN that reached the card. */
  pinVerifies(): number {
    return this.log.filter((k) => k === 'verify-pin').length;
  }
}
