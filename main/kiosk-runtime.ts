/**
 * The composition root of the main side, shared by both shells.
 *
 * It opens the devices and the ward connection from the configuration, builds the services,
 * and wires them to the one contract: the request router (renderer → main) and the event hub
 * (main → renderer). A shell only carries messages; everything a citizen can do is decided
 * here and below.
 */
import type { KioskInfo } from '../contract/kiosk-api';
import { systemClock, type Clock } from '../platform/clock';
import { createLogger, errorCode, setLogKioskId } from '../platform/log';
import { applicationHandlers } from './application-journey/application-handlers';
import { ApplicationJourney } from './application-journey/application-journey';
import { todayInJapan } from '../contract/japanese-calendar';
import { openApplicationOutbox, startSubmissionDelivery, type SubmissionDelivery } from './application-journey/submission-queue';
import { forgetShapedText } from './documents/pdf-kit/shaped-text-cache';
import { renderFormPdf } from './documents/forms/render-form';
import type { KeyProvider, Outbox } from './outbox';
import { CertificateJourney } from './certificates/certificate-journey';
import { certificateHandlers, sessionEndHandler } from './certificates/certificate-handlers';
import { createVerifiedRenderer } from './certificates/verified-renderer';
import { connectWard, type WardConnection } from './ward/ward-connection';
import type { KioskConfig } from './config/config-schema';
import { resolveProjectPath } from './config/project-paths';
import { loadWardContent } from './applications/ward-content';
import { WARDS } from './config/wards';
import { openKioskDevices, type KioskDevices } from './devices/kiosk-devices';
import { simulatorHandlers } from './devices/simulator-controls';
import { EventHub } from './ipc/event-hub';
import { RequestRouter, type RequestHandlers } from './ipc/request-router';
import { SessionManager } from './session/session-manager';
import { StaffAlerts } from './staff/staff-alerts';
import { openCertificateJournal } from './certificates/certificate-journal';
import { recoverCertificateSales, type RecoveryOutcome } from './certificates/recover-certificate-sales';
import type { TransactionJournal } from './journal/transaction-journal';
import { citizenBusyIn, createStaff, type Staff } from './staff/create-staff';
import { createStaffReprinter } from './staff/staff-reprinter';
import { fileStaffPepperProvider, loadStaffPepper } from './staff/staff-pepper';
import { openStaffDirectory, type StaffDirectory } from './staff/staff-directory';
import { prepareDataDir } from './data/data-dir';
import { startRetentionJob } from './data/retention-job';
import { createVoucherSlipPrinter, voucherOffice } from './certificates/voucher-slip-printer';
import { createReceiptPrinter } from './certificates/receipt-printer';
import { LeftCardGuard } from './card-slot/left-card-guard';
import { startPendingVoidRetrier } from './certificates/pending-void-retrier';
import { openKioskAudit } from './audit/kiosk-audit';
import { safeRecorder, type AuditLog } from './audit/audit-log';
import { auditCode, type AuditEvent } from './audit/audit-entry';
import { KioskMetrics } from './metrics/kiosk-metrics';
import { startMetricsServer, type MetricsServer } from './metrics/metrics-server';
import { kioskVersion } from './metrics/kiosk-version';
import { openKioskLogFile } from './data/log-files';
import { AvailabilityMonitor } from './availability/availability-monitor';
import { availabilityHandlers } from './availability/availability-handlers';
import { connectQueue } from './queue-desk/queue-connection';
import { QueueDesk } from './queue-desk/queue-desk';
import { queueDeskHandlers } from './queue-desk/queue-desk-handlers';
import { createQueueTicketPrinter } from './queue-desk/queue-ticket-printer';
import { createKioskSelfTest } from './selftest/kiosk-self-test';
import type { SelfTest } from './selftest/self-test';
import { createSpeechEngine } from './speech/speech-config';
import { createVoiceGuidance, type VoiceGuidance } from './speech/voice-guidance';

const log = createLogger('runtime');

export type ShellKind = KioskInfo['shell'];

export interface KioskRuntime {
  readonly config: KioskConfig;
  readonly router: RequestRouter;
  readonly hub: EventHub;
  readonly session: SessionManager;
  readonly devices: KioskDevices;
  readonly ward: WardConnection;
  readonly journey: CertificateJourney;
  readonly staffAlerts: StaffAlerts;
  /** The certificate transaction journal (`<dataDir>/journal/journal.db`). */
  readonly journal: TransactionJournal;
  /** What start-up recovery did with sales a crash left paid but unprinted (empty after a clean stop). */
  readonly recovery: readonly RecoveryOutcome[];
  /** The 書かない窓口 journey. */
  readonly applications: ApplicationJourney;
  /** The durable submission outbox (one queue per ward) and its delivery. */
  readonly outbox: Outbox;
  readonly submissions: SubmissionDelivery;
  /** The ward staff console (係員メニュー): its session and services. */
  readonly staff: Staff;
  /** The tamper-evident audit log (`<dataDir>/audit/audit.db`, main/audit). */
  readonly audit: AuditLog;
  /** The one call an audited action makes (never throws: a failure is logged and alerts staff). */
  readonly recordAudit: (event: AuditEvent) => void;
  /** The Prometheus metrics (main/metrics) and their endpoint. */
  readonly metrics: KioskMetrics;
  readonly metricsServer: MetricsServer;
  /** The ward queue's ticket machine and check-in (main/queue-desk); without a configured queue it offers nothing. */
  readonly queue: QueueDesk;
  /** The hardware self-test (main/selftest), started from the staff console. */
  readonly selfTest: SelfTest;
  /** Voice guidance (main/speech): the `voice.*` requests and the WAVs both shells serve under `/voice/`. */
  readonly voice: VoiceGuidance;
  /** Called by a shell when its renderer is gone for good (crash, closed tab): ends the session. */
  rendererGone(): Promise<void>;
  stop(): Promise<void>;
}

export interface RuntimeOptions {
  /** How long the "take your certificate" screen stays (tests shorten it). */
  takeCertificateMs?: number;
  /** Where the outbox key comes from (Electron: safeStorage); default a key file in `<dataDir>/keys/`. */
  outboxKeyProvider?: KeyProvider;
  /** Where the staff passcode's pepper comes from (Electron: safeStorage); default a key file in `<dataDir>/keys/`. */
  staffPepperProvider?: KeyProvider;
  /** How long start-up recovery waits for a print job the printer is still working on (default 60 s). */
  recoveryJobSettleMs?: number;
  /** The kiosk's clock (tests run the kiosk on a chosen day); default the host's. */
  clock?: Clock;
  /** How long an ending's words stay on the first screen (main/session/session-ending.ts); tests shorten or lengthen them. */
  endingMs?: { read?: number; takeCard?: number };
}

export async function createKioskRuntime(config: KioskConfig, shell: ShellKind, options: RuntimeOptions = {}): Promise<KioskRuntime> {
  // Owner-only folders before any store or key file is created in them.
  prepareDataDir(config.dataDir);
  // Every log line carries the kiosk id (a fleet's logs are read together) and goes to a rotated file.
  setLogKioskId(config.kioskId);
  const detachLogFile = openKioskLogFile(config);
  // Checked before anything opens: a hash this kiosk cannot check (no pepper) is a configuration error.
  const staffPepperProvider = options.staffPepperProvider ?? fileStaffPepperProvider(config.dataDir);
  const staffPepper = loadStaffPepper(config.staff.passcodeHash, staffPepperProvider);
  // The ward's guide, forms, postal codes and seal image: a broken folder stops the start here.
  const content = loadWardContent(config.contentDir);
  const hub = new EventHub();
  const clock = options.clock ?? systemClock;
  const metrics = new KioskMetrics({ kioskId: config.kioskId, ward: config.ward, version: kioskVersion(), clock });
  // The journeys' views already say where each citizen is: the metrics follow them, no journey calls them.
  hub.addSink(metrics.tracker.sink);
  // Set once the devices are open: a session that ends makes it ask them again.
  let availability: AvailabilityMonitor | null = null;
  const session = new SessionManager({
    idleTimeoutMs: config.idle.timeoutSec * 1000,
    promptMs: config.idle.promptSec * 1000,
    onChange: (state) => {
      hub.emit('session.changed', state);
      if (state.phase === 'idle') void availability?.check();
    },
    clock,
    endings: {
      // Asked only at a wipe, when the devices are open.
      cardInReader: () => devices.card.currentReader() !== undefined,
      ...(options.endingMs?.read !== undefined ? { readMs: options.endingMs.read } : {}),
      ...(options.endingMs?.takeCard !== undefined ? { takeCardMs: options.endingMs.takeCard } : {}),
    },
  });
  // The durable stores open first: a corrupt or locked one stops the start with its typed error
  // (never a silent reset) before any device is taken, and nothing opened so far stays open.
  const journal = openCertificateJournal(config, clock);
  // Alerts survive restarts in the journal (an alert it cannot take is still shown, from memory).
  const staffAlerts = new StaffAlerts({ store: journal.alerts, onRaise: (alert) => metrics.alertRaised(alert) });
  let audit: AuditLog;
  let outbox: Outbox;
  let staffDirectory: { store: StaffDirectory; pepper: Buffer };
  try {
    audit = openKioskAudit(config, clock);
    try {
      staffDirectory = openStaffDirectory(config.dataDir, staffPepperProvider, staffPepper, clock);
      try {
        outbox = openApplicationOutbox(config, options.outboxKeyProvider, clock);
      } catch (err) {
        staffDirectory.store.close();
        throw err;
      }
    } catch (err) {
      audit.close();
      throw err;
    }
  } catch (err) {
    journal.close();
    detachLogFile();
    throw err;
  }
  const recordAudit = safeRecorder(audit, () => staffAlerts.raise({ code: 'audit-write-failed', severity: 'error' }));
  let devices: KioskDevices;
  let ward: WardConnection;
  try {
    devices = await openKioskDevices(config);
    try {
      ward = await connectWard(config);
    } catch (err) {
      await devices.stop();
      throw err;
    }
  } catch (err) {
    outbox.close();
    staffDirectory.store.close();
    audit.close();
    journal.close();
    detachLogFile();
    throw err;
  }
  const submissions = startSubmissionDelivery({
    config,
    outbox,
    origin: () => config.backend.url,
    alertStaff: (alert) => staffAlerts.raise(alert),
    onDeadLetter: (letter) => {
      metrics.deadLetter(letter.destination, letter.code);
      recordAudit({
        kind: 'outbox.dead-letter',
        actor: 'kiosk',
        subject: letter.receiptNumber,
        outcome: 'refused',
        detail: { destination: auditCode(letter.destination), code: auditCode(letter.code), httpStatus: letter.httpStatus },
      });
    },
    clock,
  });

  // One card slot, one memory of a card left in it: shared by both journeys.
  const leftCard = new LeftCardGuard(devices.card, (alert) => staffAlerts.raise(alert));
  const render = createVerifiedRenderer(resolveProjectPath(config.backend.sealPublicKeyFile), content.sealImageFile);
  const journey = new CertificateJourney({
    card: devices.card,
    ward: ward.client,
    wardId: config.ward,
    printer: devices.printer,
    payment: devices.payment,
    render,
    journal,
    onView: (view) => hub.emit('certificate.changed', view),
    alertStaff: (alert) => staffAlerts.raise(alert),
    endSession: (reason) => void session.end(reason),
    leftCard,
    printVoucherSlip: createVoucherSlipPrinter({
      printer: devices.printer,
      vouchers: journal.vouchers,
      kioskId: config.kioskId,
      office: voucherOffice(config.ward),
      alertStaff: (alert) => staffAlerts.raise(alert),
    }),
    printReceipt: createReceiptPrinter({
      printer: devices.printer,
      kioskId: config.kioskId,
      office: `北九州市 ${voucherOffice(config.ward).name}`,
      clock,
      alertStaff: (alert) => staffAlerts.raise(alert),
    }),
    ...(options.takeCertificateMs !== undefined ? { takeCertificateMs: options.takeCertificateMs } : {}),
    clock,
  });
  session.registerWiper('certificate-journey', (reason) => journey.wipe(reason));
  devices.card.on('cardInserted', () => journey.onCardInserted());
  devices.card.on('cardRemoved', () => journey.onCardRemoved());

  const applications = new ApplicationJourney({
    card: devices.card,
    printer: devices.printer,
    submissions,
    renderForm: (form, receiptNumber, formWard) =>
      renderFormPdf(form, { receiptNumber, template: content.catalog.forms.templates.get(form.templateId), ...(formWard ? { ward: formWard } : {}) }),
    catalog: content.catalog,
    postal: content.postal,
    homeWard: config.ward,
    kioskId: config.kioskId,
    onView: (view) => hub.emit('application.changed', view),
    alertStaff: (alert) => staffAlerts.raise(alert),
    leftCard,
    today: () => todayInJapan(clock.now()),
  });
  session.registerWiper('application-journey', (reason) => applications.wipe(reason));
  // Shaped text is cached by the text itself: a name printed for this citizen is not kept for the next.
  session.registerWiper('shaped-text', () => forgetShapedText());
  // After the journeys' wipes: the back end ends the citizen's session token too (never awaited, bounded).
  session.registerWiper('ward-logout', () => {
    void ward.client.endSessions();
  });
  devices.card.on('cardInserted', () => applications.onCardInserted());
  devices.card.on('cardRemoved', () => applications.onCardRemoved());
  // An ending that asks this citizen to take the card stops asking once it is out.
  devices.card.on('cardRemoved', () => session.cardTaken());

  // The self-test takes the devices as a citizen would: the monitor and the metrics leave them alone meanwhile.
  // No journey is offered while it runs (the monitor is built below; a run needs a staff session, so it is there by then).
  const selfTest = createKioskSelfTest({ config, devices, clock, recordAudit, onRunning: (running) => monitor.holdForMaintenance(running) });
  const devicesInUse = () => session.holdsDevices || selfTest.isRunning;
  const staff = createStaff({
    config,
    pepper: staffPepper,
    alerts: staffAlerts,
    cardReaders: devices.cardManager,
    printer: devices.printer,
    cash: devices.cash,
    ward: ward.client,
    journal,
    outbox,
    dispatcher: submissions.dispatcher,
    reprinter: createStaffReprinter({
      journal,
      printer: devices.printer,
      ward: ward.client,
      render,
      defaultWard: config.ward,
      alertStaff: (a) => staffAlerts.raise(a),
    }),
    citizenBusy: () => citizenBusyIn(journey.current().step, applications.current().step),
    onChange: (state) => hub.emit('staff.changed', state),
    audit: recordAudit,
    directory: staffDirectory,
    selfTest: { runner: selfTest, citizenPresent: () => session.active },
  });
  metrics.attach({
    cardReaders: devices.cardManager,
    printer: devices.printer,
    cash: devices.cash,
    outbox,
    dispatcher: submissions.dispatcher,
    citizenHoldsDevices: devicesInUse,
  });

  const queue = new QueueDesk({
    client: connectQueue(config),
    settings: config.queue ?? null,
    ward: config.ward,
    clock,
    printTicket: createQueueTicketPrinter({ printer: devices.printer, office: `北九州市 ${voucherOffice(config.ward).name}`, clock }),
    applicationHandOff: () => applications.counterHandOff(),
    onChange: (state) => hub.emit('queue.changed', state),
  });

  const monitor = new AvailabilityMonitor({
    hours: config.serviceHours,
    clock,
    printer: devices.printer,
    cash: devices.cash,
    cashless: devices.cashless,
    // The wipe too: it gives money back through the cash unit, which takes one operation at a time.
    citizenBusy: devicesInUse,
    onChange: (a) => hub.emit('kiosk.availabilityChanged', a),
  });

  const info: KioskInfo = {
    kioskId: config.kioskId,
    ward: { id: config.ward, ...WARDS[config.ward] },
    languages: config.languages,
    defaultLanguage: config.defaultLanguage,
    shell,
    maintenance: config.maintenance,
    simulated: {
      card: config.devices.card === 'sim',
      printer: config.devices.printer === 'sim',
      cash: config.devices.cash === 'sim',
      cashless: config.devices.cashless === 'sim',
    },
    shufflePinPad: config.shufflePinPad,
  };

  const voice = createVoiceGuidance({ engine: createSpeechEngine(config.voice.engine), cacheEntries: config.voice.cacheEntries, session });

  const handlers: RequestHandlers = {
    'kiosk.getInfo': async () => info,
    'session.getState': async () => session.state(),
    'session.start': async ({ journey: chosen }) => session.start(chosen),
    'session.setJourney': async ({ journey: chosen }) => session.setJourney(chosen),
    'session.activity': async () => session.activity(),
    'session.extend': async () => session.extend(),
    'session.end': sessionEndHandler(journey, session),
    ...certificateHandlers(journey, session),
    ...applicationHandlers(applications, session),
    ...simulatorHandlers(devices, ward.client),
    ...availabilityHandlers(monitor, devices.sim.card !== null),
    ...staff.handlers,
    ...queueDeskHandlers(queue),
    ...voice.handlers,
  };
  const router = new RequestRouter(handlers);

  // Whatever a previous run left half-done is wiped before the first citizen arrives.
  await session.end('crash-recovery');
  // Sales a crash left paid but unprinted are resolved (reprint or voucher) before anyone is served.
  const recovery = await recoverCertificateSales({
    journal,
    printer: devices.printer,
    ward: ward.client,
    defaultWard: config.ward,
    render,
    alertStaff: (alert) => staffAlerts.raise(alert),
    ...(options.recoveryJobSettleMs !== undefined ? { jobSettleMs: options.recoveryJobSettleMs } : {}),
  }).catch((err: unknown) => {
    // Left open in the journal for the next start; staff are told now.
    log.error({ err: errorCode(err) }, 'certificate recovery failed');
    staffAlerts.raise({ code: 'recovery-failed', severity: 'error' });
    return [];
  });
  // Voids the back end did not confirm (journey, recovery, an earlier run) are retried in the background.
  const voidRetrier = startPendingVoidRetrier({
    pendingVoids: journal.pendingVoids,
    confirmVoid: (serial) => journal.confirmVoid(serial),
    ward: ward.client,
    alertStaff: (alert) => staffAlerts.raise(alert),
  });
  // Finished records past config.retentionDays are deleted now and daily; nothing unresolved ever is.
  const retention = startRetentionJob({ retentionDays: config.retentionDays, journal, outbox, alertStaff: (alert) => staffAlerts.raise(alert), clock });
  const metricsServer = await startMetricsServer(metrics, config.metrics);
  // What works now, before the first citizen sees the home screen.
  await monitor.start();
  availability = monitor;
  // The waits per service, before the first citizen sees the home screen (bounded by queue.timeoutMs).
  await queue.start();
  log.info({ kioskId: config.kioskId, shell, devices: config.devices, backend: config.backend.url }, 'kiosk runtime ready');

  return {
    config,
    router,
    hub,
    session,
    devices,
    ward,
    journey,
    staffAlerts,
    journal,
    recovery,
    staff,
    applications,
    outbox,
    submissions,
    audit,
    recordAudit,
    metrics,
    metricsServer,
    queue,
    selfTest,
    voice,
    rendererGone: async () => {
      if (session.active) await session.end('renderer-gone');
    },
    stop: async () => {
      // The last wipe first (money back, serials voided, journal settled), then no journey timer
      // or late device answer outlives the stop.
      // The monitor first: the shutdown's wipe would otherwise ask the devices again as they close.
      monitor.stop();
      queue.stop();
      await session.end('shutdown');
      session.dispose();
      journey.dispose();
      applications.dispose();
      leftCard.dispose();
      staff.dispose();
      retention.stop();
      await voidRetrier.stop();
      await submissions.stop();
      outbox.close();
      await devices.stop();
      await ward.close();
      await metricsServer.close();
      journal.close();
      staffDirectory.store.close();
      audit.close();
      detachLogFile();
    },
  };
}
