/**
 * What a reader attachment needs from a card: its ATR and a synchronous APDU exchange.
 *
 * The virtual My Number Card implements this; the in-process reader and the vpcd
 * client both host any `ApduCard`, so the card logic is written once.
 */
export interface ApduCard {
  /** The Answer To Reset the card presents when powered. */
  readonly atr: Uint8Array;
  /**
   * Exchanges one command APDU for one response APDU (data followed by SW1 SW2), or returns null
   * when the card does not answer at all (a mute card): the reader then gets nothing back.
   */
  transmit(command: Uint8Array): Uint8Array | null;
  /** A warm or cold reset: clears volatile state (selected AP/EF, verified PINs), keeps persistent state (tries used). */
  reset(): void;
}
