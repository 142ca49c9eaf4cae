/**
 * The virtual My Number Card: an `ApduCard` that answers APDUs like the real card
 * (reference: docs in /work/shared/reference/mynumber-card.md, summarised in fixtures/cards/README.md).
 *
 * Persistent state (tries left, changed PINs) lives in a CardStateRegistry keyed by card id, so a
 * new object for the same card id (re-insertion) keeps it. Volatile state (selected AP and EF,
 * verified credentials) is cleared by reset() and by selecting an application.
 */
import { constants, privateEncrypt, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApduCard } from '../apdu-card';
import { createLogger } from '../../../../platform/log';
import { buildApplications, initialCardState, type AccessRule, type Application, type ApplicationId, type ElementaryFile } from './card-applications';
import { defaultCardStateRegistry, type CardRuntimeState, type CardStateRegistry, type CredentialId } from './card-state-registry';
import { parseCommandApdu, type CommandApdu } from './command-apdu';
import { hexToBytes } from './card-fixture';
import { loadCardFixture, type LoadedCard } from './load-card';
import { respond, SW, swTriesLeft } from './status-words';
import { utf8 } from './card-tlv';

const log = createLogger('virtual-card');

/** Options for building a virtual card. */
export interface VirtualCardOptions {
  /** Where tries and changed PINs persist; the process-wide default registry if omitted. */
  readonly registry?: CardStateRegistry;
}

type Resolved = { ok: true; fid: number; ef: ElementaryFile } | { ok: false; sw: number };

/** New-PIN formats accepted by CHANGE REFERENCE DATA; absent = not changeable by the holder. */
const NEW_SECRET_FORMAT: Partial<Record<CredentialId, RegExp>> = {
  'text-pin': /^[0-9]{4}$/,
  'jpki-auth': /^[0-9]{4}$/,
  'jpki-sign': /^[A-Z0-9]{6,16}$/,
  'juki-pin': /^[0-9]{4}$/,
  'common-pin': /^[0-9]{4}$/,
};

/** A virtual My Number Card built from a card fixture. */
export class VirtualMyNumberCard implements ApduCard {
  /** The card fixture id (safe to log). */
  readonly cardId: string;
  /** The contact ATR from the fixture. */
  readonly atr: Uint8Array;
  private readonly apps: ReadonlyMap<ApplicationId, Application>;
  private readonly state: CardRuntimeState;
  private currentApp: Application | null = null;
  private currentEf: { fid: number; ef: ElementaryFile } | null = null;
  private readonly verified = new Set<CredentialId>();

  /** Builds a card from a loaded fixture; persistent state comes from (or is created in) the registry. */
  constructor(card: LoadedCard, options: VirtualCardOptions = {}) {
    this.cardId = card.fixture.cardId;
    this.atr = hexToBytes(card.fixture.atr);
    this.apps = buildApplications(card);
    this.state = (options.registry ?? defaultCardStateRegistry).stateFor(this.cardId, () => initialCardState(card));
  }

  /** Loads fixture `cardId` (see loadCardFixture) and builds the card. */
  static fromFixture(cardId: string, options: VirtualCardOptions & { fixturesRoot?: string } = {}): VirtualMyNumberCard {
    return new VirtualMyNumberCard(loadCardFixture(cardId, options.fixturesRoot), options);
  }

  /** Clears volatile state, as a warm or cold reset of the real card does. */
  reset(): void {
    this.currentApp = null;
    this.currentEf = null;
    this.verified.clear();
  }

  /** Exchanges one command APDU for one response APDU. Total: any bytes give a response. */
  transmit(command: Uint8Array): Uint8Array {
    const parsed = parseCommandApdu(command);
    if (!parsed.ok) return respond(parsed.sw);
    const a = parsed.apdu;
    const claSw = checkCla(a.cla);
    if (claSw !== null) return respond(claSw);
    const handler = this.handlers[a.ins];
    if (!handler) return respond(SW.INS_NOT_SUPPORTED);
    if (a.cla !== handler.cla) return respond(SW.CLA_NOT_SUPPORTED);
    return handler.run(a);
  }

  private readonly handlers: Partial<Record<number, { cla: number; run: (a: CommandApdu) => Uint8Array }>> = {
    0xa4: { cla: 0x00, run: (a) => this.select(a) },
    0xb0: { cla: 0x00, run: (a) => this.readBinary(a) },
    0xb2: { cla: 0x00, run: (a) => this.readRecord(a) },
    0x20: { cla: 0x00, run: (a) => this.verify(a) },
    0x24: { cla: 0x00, run: (a) => this.changeReferenceData(a) },
    0x84: { cla: 0x00, run: (a) => this.getChallenge(a) },
    0xca: { cla: 0x00, run: (a) => this.getData(a) },
    0x2a: { cla: 0x80, run: (a) => this.computeSignature(a) },
  };

  private select(a: CommandApdu): Uint8Array {
    if (a.p1 === 0x04) {
      if (a.p2 !== 0x0c && a.p2 !== 0x00) return respond(SW.WRONG_P1P2);
      if (!a.data || a.data.length > 16) return respond(SW.WRONG_LENGTH);
      const aid = a.data;
      const app = [...this.apps.values()].find((p) => p.aid.length === aid.length && p.aid.every((b, i) => b === aid[i]));
      if (!app) return respond(SW.FILE_NOT_FOUND);
      this.currentApp = app;
      this.currentEf = null;
      this.verified.clear();
      // P2=00 asks for an FCI: a minimal one naming the DF.
      return a.p2 === 0x00 ? respond(SW.OK, Uint8Array.of(0x6f, app.aid.length + 2, 0x84, app.aid.length, ...app.aid)) : respond(SW.OK);
    }
    if (a.p1 === 0x02) {
      if (a.p2 !== 0x0c) return respond(SW.WRONG_P1P2);
      if (!a.data || a.data.length !== 2) return respond(SW.WRONG_LENGTH);
      const fid = (a.data[0]! << 8) | a.data[1]!;
      const ef = this.currentApp?.efs.get(fid);
      if (!ef) return respond(SW.FILE_NOT_FOUND);
      this.currentEf = { fid, ef };
      return respond(SW.OK);
    }
    // The MF has no selectable content: 00 A4 00 00 → 6A86, 3F00 by FID → 6A82.
    if (a.p1 === 0x00) return respond(a.data ? SW.FILE_NOT_FOUND : SW.WRONG_P1P2);
    return respond(SW.WRONG_P1P2);
  }

  /** The EF named by P2 (0x80 or 0x00 = current EF, 0x80|SFI = that EF of the current AP). */
  private resolveByP2(p2: number, allowCurrentZero: boolean): Resolved {
    if (p2 === 0x80 || (allowCurrentZero && p2 === 0x00)) {
      return this.currentEf ? { ok: true, ...this.currentEf } : { ok: false, sw: SW.NO_CURRENT_EF };
    }
    if ((p2 & 0xe0) !== 0x80) return { ok: false, sw: SW.WRONG_P1P2 };
    return this.resolveSfi(p2 & 0x1f);
  }

  private resolveSfi(sfi: number): Resolved {
    const ef = this.currentApp?.efs.get(sfi);
    return ef ? { ok: true, fid: sfi, ef } : { ok: false, sw: SW.FILE_NOT_FOUND };
  }

  private allowed(rule: AccessRule): boolean {
    return rule === 'always' || rule.some((c) => this.verified.has(c));
  }

  private readBinary(a: CommandApdu): Uint8Array {
    if (a.data !== null || a.le === null) return respond(SW.WRONG_LENGTH);
    let target: Resolved;
    let offset: number;
    if (a.p1 & 0x80) {
      if (a.p1 & 0x60) return respond(SW.WRONG_P1P2);
      target = this.resolveSfi(a.p1 & 0x1f);
      if (target.ok) this.currentEf = { fid: target.fid, ef: target.ef };
      offset = a.p2;
    } else {
      target = this.currentEf ? { ok: true, ...this.currentEf } : { ok: false, sw: SW.NO_CURRENT_EF };
      offset = (a.p1 << 8) | a.p2;
    }
    if (!target.ok) return respond(target.sw);
    const ef = target.ef;
    if (ef.kind !== 'binary') return respond(SW.INCOMPATIBLE_FILE);
    if (!this.allowed(ef.read)) return respond(SW.SECURITY_NOT_SATISFIED);
    if (offset >= ef.content.length) return respond(SW.WRONG_OFFSET);
    return respond(SW.OK, ef.content.subarray(offset, offset + a.le));
  }

  private readRecord(a: CommandApdu): Uint8Array {
    if (a.data !== null || a.le === null) return respond(SW.WRONG_LENGTH);
    if ((a.p2 & 0x07) !== 0x04) return respond(SW.WRONG_P1P2);
    const sfi = a.p2 >> 3;
    const target: Resolved = sfi === 0 ? (this.currentEf ? { ok: true, ...this.currentEf } : { ok: false, sw: SW.NO_CURRENT_EF }) : this.resolveSfi(sfi);
    if (!target.ok) return respond(target.sw);
    if (target.ef.kind !== 'record') return respond(SW.INCOMPATIBLE_FILE);
    if (!this.allowed(target.ef.read)) return respond(SW.SECURITY_NOT_SATISFIED);
    const record = target.ef.records[a.p1 - 1];
    if (a.p1 === 0 || !record) return respond(SW.RECORD_NOT_FOUND);
    return respond(SW.OK, record.subarray(0, a.le));
  }

  private credentialTarget(a: CommandApdu): { ok: true; id: CredentialId } | { ok: false; sw: number } {
    const target = this.resolveByP2(a.p2, false);
    if (!target.ok) return target;
    if (target.ef.kind !== 'credential') return { ok: false, sw: SW.INCOMPATIBLE_FILE };
    return { ok: true, id: target.ef.credential };
  }

  private verify(a: CommandApdu): Uint8Array {
    if (a.p1 !== 0x00) return respond(SW.WRONG_P1P2);
    const target = this.credentialTarget(a);
    if (!target.ok) return respond(target.sw);
    const cred = this.state.credentials.get(target.id);
    if (!cred || cred.triesLeft === 0) return respond(SW.BLOCKED);
    // Empty VERIFY: report tries left without using one.
    if (a.data === null) return respond(swTriesLeft(cred.triesLeft));
    if (a.data.length > 16) return respond(SW.WRONG_LENGTH);
    const secret = cred.secret;
    if (secret && secret.length === a.data.length && timingSafeEqual(secret, a.data)) {
      cred.triesLeft = cred.maxTries;
      this.verified.add(target.id);
      return respond(SW.OK);
    }
    cred.triesLeft -= 1;
    this.verified.delete(target.id);
    if (cred.triesLeft === 0) log.info({ cardId: this.cardId, credential: target.id }, 'credential blocked');
    return respond(swTriesLeft(cred.triesLeft));
  }

  private changeReferenceData(a: CommandApdu): Uint8Array {
    if (a.p1 !== 0x01) return respond(SW.WRONG_P1P2);
    const target = this.credentialTarget(a);
    if (!target.ok) return respond(target.sw);
    const cred = this.state.credentials.get(target.id);
    if (!cred || cred.triesLeft === 0) return respond(SW.BLOCKED);
    if (!this.verified.has(target.id)) return respond(SW.SECURITY_NOT_SATISFIED);
    if (!a.data) return respond(SW.WRONG_LENGTH);
    const format = NEW_SECRET_FORMAT[target.id];
    if (!format) return respond(SW.CONDITIONS_NOT_SATISFIED);
    if (!format.test(Buffer.from(a.data).toString('latin1'))) return respond(SW.WRONG_DATA);
    cred.secret = Uint8Array.from(a.data);
    cred.triesLeft = cred.maxTries;
    return respond(SW.OK);
  }

  private computeSignature(a: CommandApdu): Uint8Array {
    // P1=00: PKCS#1 v1.5 type-1 padding over the data as given. P1=01–05 (on-card hash, PSS) are not modelled.
    if (a.p1 !== 0x00) return respond(SW.WRONG_P1P2);
    const target = this.resolveByP2(a.p2, true);
    if (!target.ok) return respond(target.sw);
    if (target.ef.kind !== 'key') return respond(SW.INCOMPATIBLE_FILE);
    if (!this.allowed(target.ef.use)) return respond(SW.SECURITY_NOT_SATISFIED);
    if (!a.data || a.data.length > 245) return respond(SW.WRONG_LENGTH);
    if (a.le !== null && a.le < 256) return respond(SW.WRONG_LENGTH);
    const signature = privateEncrypt({ key: target.ef.privateKey, padding: constants.RSA_PKCS1_PADDING }, a.data);
    return respond(SW.OK, signature);
  }

  private getChallenge(a: CommandApdu): Uint8Array {
    if (a.p1 !== 0x00 || a.p2 !== 0x00) return respond(SW.WRONG_P1P2);
    if (a.data !== null || a.le === null || a.le > 256) return respond(SW.WRONG_LENGTH);
    return respond(SW.OK, randomBytes(a.le));
  }

  private getData(a: CommandApdu): Uint8Array {
    if (a.data !== null || a.le === null) return respond(SW.WRONG_LENGTH);
    // GET DATA works at MF level only.
    if (this.currentApp !== null) return respond(SW.CONDITIONS_NOT_SATISFIED);
    const common = this.apps.get('common')?.efs.get(0x0001);
    const record = common?.kind === 'record' ? common.records[0] : undefined;
    const digits = record ? Buffer.from(record.subarray(2)).toString('latin1') : '';
    const objects: Record<number, Uint8Array> = {
      0x5f51: this.atr.subarray(1),
      0x0045: utf8(digits.slice(0, 15)),
      0x00f0: utf8(digits.slice(15, 20)),
      0x00f2: utf8(digits.slice(20, 28)),
    };
    const value = objects[(a.p1 << 8) | a.p2];
    if (!value) return respond(SW.DATA_NOT_FOUND);
    return respond(SW.OK, value.subarray(0, a.le));
  }
}

/** Status word for an unusable CLA, or null when CLA is 00 or 80. */
function checkCla(cla: number): number | null {
  if (cla === 0x00 || cla === 0x80) return null;
  // First interindustry (0x0X/0x1X) and proprietary-with-ISO-coding (0x8X/0x9X) classes carry channel and SM bits.
  if ((cla & 0x60) === 0x00) {
    if (cla & 0x0c) return SW.SM_NOT_SUPPORTED;
    if (cla & 0x03) return SW.CHANNEL_NOT_SUPPORTED;
  }
  return SW.CLA_NOT_SUPPORTED;
}
