/**
 * Opens the kiosk's devices from the configuration: per device the simulator (`sim`) or the
 * hardware binding (`real`). Either way the rest of the kiosk gets the same interfaces; the
 * simulators' extra handles (insert a card, insert coins) are kept for the simulator panel.
 */
import { createCardReaderManager } from '../../devices/card/card-reader-registry';
import type { CardReaderManager } from '../../devices/card/card-reader-manager';
import { MyNumberCardClient } from '../../devices/card/mynumber/my-number-card-client';
import type { SimReaderBackend } from '../../devices/card/sim/sim-reader-backend';
import { openCashUnit, type OpenedCashUnit } from '../../devices/payment/cash/open-cash-unit';
import { SimCashlessTerminal } from '../../devices/payment/cashless/sim/sim-cashless-terminal';
import { PaymentService } from '../../devices/payment/payment-service';
import type { CashlessTerminal } from '../../devices/payment/cashless/cashless-terminal';
import { createIppPrinter } from '../../devices/printer/ipp/ipp-printer';
import type { Printer } from '../../devices/printer/printer';
import { startPrinterSimulator, type PrinterSimulator } from '../../devices/printer/sim/printer-sim';
import { join } from 'node:path';
import { loadCashlessSimFixture } from '../../devices/payment/cashless/sim/sim-cashless-fixture';
import type { KioskConfig } from '../config/config-schema';
import { fixturesDir } from '../config/project-paths';

export interface KioskDevices {
  cardManager: CardReaderManager;
  card: MyNumberCardClient;
  printer: Printer;
  payment: PaymentService;
  /** The cash unit itself (the staff console reads its status and change levels). */
  cash: OpenedCashUnit['unit'];
  /** The cashless terminal, or null when none is installed (availability asks its status). */
  cashless: CashlessTerminal | null;
  /** Simulator handles; null when that device is real. */
  sim: { card: SimReaderBackend | null; cash: OpenedCashUnit['sim']; printer: PrinterSimulator | null; cashless: SimCashlessTerminal | null };
  stop(): Promise<void>;
}

export async function openKioskDevices(config: KioskConfig): Promise<KioskDevices> {
  const { devices, hardware } = config;
  const cardManager =
    devices.card === 'sim'
      ? createCardReaderManager({ backend: 'sim' })
      : createCardReaderManager({ backend: 'real', allowReaderPatterns: hardware.cardReaderAllow });
  await cardManager.start();
  const card = new MyNumberCardClient(cardManager);

  const printerSim =
    devices.printer === 'sim'
      ? await startPrinterSimulator({ config: join(fixturesDir(), 'printers', 'kiosk-a4-mono.json'), spoolDir: null, msPerPage: 300 })
      : null;
  const printer = createIppPrinter(printerSim ? printerSim.uri : hardware.printerUri);

  const cash =
    devices.cash === 'sim'
      ? await openCashUnit({ backend: 'sim', fixtureFile: join(fixturesDir(), 'payment', 'cash-unit-sim.json') })
      : await openCashUnit({ backend: 'hid', hid: { vendorId: hardware.cashUnit.vendorId, productId: hardware.cashUnit.productId } });
  // No cashless terminal driver is bundled yet: `real` means none is installed.
  const cashless =
    devices.cashless === 'sim' ? new SimCashlessTerminal(loadCashlessSimFixture(join(fixturesDir(), 'payment', 'cashless-sim.json'))) : undefined;
  const payment = new PaymentService({ cash: cash.unit, ...(cashless ? { cashless } : {}) });

  return {
    cardManager,
    card,
    printer,
    payment,
    cash: cash.unit,
    cashless: cashless ?? null,
    sim: { card: devices.card === 'sim' ? (cardManager as SimReaderBackend) : null, cash: cash.sim, printer: printerSim, cashless: cashless ?? null },
    stop: async () => {
      await cardManager.stop().catch(() => undefined);
      await cash.close().catch(() => undefined);
      await printerSim?.stop();
    },
  };
}
