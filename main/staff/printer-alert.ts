/**
 * How a printer that cannot print now is named to staff: one code for the journeys and the voucher
 * slip, so the staff console sees the same alert whoever found the printer down.
 */
import type { PrinterHealth } from '../../devices/printer/printer';

/** A printer's health when it is not ready, or null when its health could not be read at all. */
export type PrinterNotReady = Extract<PrinterHealth, { ready: false }> | null;

/** `printer-<first blocking reason>` (e.g. `printer-media-empty`), or `printer-unreachable` when the printer did not answer. */
export function printerNotReadyCode(health: PrinterNotReady): string {
  return health ? `printer-${health.reasons[0]}` : 'printer-unreachable';
}
