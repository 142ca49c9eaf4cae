/**
 * Which reader names the `real` backend accepts. Virtual readers (vpcd's "Virtual PCD",
 * simulators, remote/emulated readers) would let a program on the network pose as a card,
 * so in `real` mode they are refused unless the deployment allow-lists them explicitly.
 */

/** Name patterns that mark a reader as virtual. */
export const VIRTUAL_READER_PATTERNS: readonly RegExp[] = [/virtual/i, /\bvpcd\b/i, /simulat/i, /emulat/i, /\bvicc\b/i, /remote/i];

/** Reader policy (from config). */
export interface ReaderNamePolicy {
  /** Regular-expression sources of reader names accepted even though they look virtual. */
  readonly allowReaderPatterns?: readonly string[];
}

/** True when a reader name looks virtual. */
export function isVirtualReaderName(name: string): boolean {
  return VIRTUAL_READER_PATTERNS.some((p) => p.test(name));
}

/** True when the `real` backend may use this reader. Bad patterns in config never match. */
export function isReaderAllowed(name: string, policy: ReaderNamePolicy): boolean {
  if (!isVirtualReaderName(name)) return true;
  return (policy.allowReaderPatterns ?? []).some((src) => {
    try {
      return new RegExp(src).test(name);
    } catch {
      return false;
    }
  });
}
