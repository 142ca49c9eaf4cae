/**
 * The digit order of the PIN keypad: the usual 1–9 then 0, or a fresh random order (against
 * shoulder-surfing) drawn from the browser's CSPRNG with an unbiased Fisher–Yates shuffle.
 */
const ORDERED = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** A uniformly random integer in [0, bound), without modulo bias. */
function randomBelow(bound: number): number {
  const limit = Math.floor(0x1_0000_0000 / bound) * bound;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    const v = buf[0]!;
    if (v < limit) return v % bound;
  }
}

export function keypadDigits(shuffle: boolean): string[] {
  const digits: string[] = [...ORDERED];
  if (!shuffle) return digits;
  for (let i = digits.length - 1; i > 0; i--) {
    const j = randomBelow(i + 1);
    [digits[i], digits[j]] = [digits[j]!, digits[i]!];
  }
  return digits;
}
