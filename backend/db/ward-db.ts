/**
 * The ward database: SQLite (better-sqlite3), in memory by default or a file in WAL mode.
 * The register data is seeded from fixtures at every start; issuances, submissions and the
 * serial counters accumulate for the life of the process (or of the file, if one is given).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { wardInfo, wardIds, type WardId } from '../../contract/ward-api';
import type { WardFixtures } from '../fixtures/ward-fixture-schemas';

export type WardDb = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS residents (
  id TEXT PRIMARY KEY, ward TEXT NOT NULL, name TEXT NOT NULL, kana TEXT NOT NULL, birth_date TEXT NOT NULL,
  sex TEXT NOT NULL, address TEXT NOT NULL, became_resident_on TEXT NOT NULL, previous_address TEXT,
  moving_out_planned_on TEXT, dv_support INTEGER NOT NULL DEFAULT 0, deceased_on TEXT,
  honseki_use_registered INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS household_members (
  household_id TEXT NOT NULL, resident_id TEXT NOT NULL UNIQUE REFERENCES residents(id),
  relationship TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS seal_registrations (
  resident_id TEXT PRIMARY KEY REFERENCES residents(id), registration_number TEXT NOT NULL,
  registered_on TEXT NOT NULL, impression_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS family_registers (
  id TEXT PRIMARY KEY, honseki TEXT NOT NULL, head_name TEXT NOT NULL, events_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS family_register_members (
  register_id TEXT NOT NULL REFERENCES family_registers(id), member_id TEXT NOT NULL UNIQUE,
  resident_id TEXT UNIQUE REFERENCES residents(id), position INTEGER NOT NULL, name TEXT NOT NULL,
  kana TEXT NOT NULL, birth_date TEXT NOT NULL, sex TEXT NOT NULL, father TEXT, mother TEXT,
  relationship TEXT NOT NULL, events_json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS annex_addresses (
  resident_id TEXT NOT NULL REFERENCES residents(id), position INTEGER NOT NULL, address TEXT NOT NULL,
  since TEXT NOT NULL, PRIMARY KEY (resident_id, position));
CREATE TABLE IF NOT EXISTS tax_records (
  resident_id TEXT NOT NULL REFERENCES residents(id), fiscal_year INTEGER NOT NULL, record_json TEXT NOT NULL,
  PRIMARY KEY (resident_id, fiscal_year));
CREATE TABLE IF NOT EXISTS issuances (
  serial TEXT PRIMARY KEY, ward TEXT NOT NULL, kiosk_id TEXT NOT NULL, idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL, resident_id TEXT NOT NULL, type TEXT NOT NULL, copies INTEGER NOT NULL,
  unit_fee INTEGER NOT NULL, status TEXT NOT NULL CHECK (status IN ('issued','printed','voided')),
  response_json TEXT NOT NULL, created_at TEXT NOT NULL, void_reason TEXT, updated_at TEXT,
  UNIQUE (ward, kiosk_id, idempotency_key));
CREATE TABLE IF NOT EXISTS submissions (
  receipt_number TEXT PRIMARY KEY, ward TEXT NOT NULL, kiosk_id TEXT NOT NULL, idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL, form_type TEXT NOT NULL, payload_json TEXT NOT NULL, resident_id TEXT,
  received_at TEXT NOT NULL, local_receipt_number TEXT, UNIQUE (ward, kiosk_id, idempotency_key));
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
`;

const wardByName = new Map<string, WardId>(wardIds.map((w) => [wardInfo[w].nameJa, w]));
/** Full-width space between family and given name, as registers print it. */
const NAME_SEP = '\u3000';
const sexOf = (s: '1' | '2'): string => (s === '1' ? 'male' : 'female');

/** Opens (and creates, with its folder) the database; `:memory:` unless a path is given. */
export function openWardDb(path = ':memory:'): WardDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const db = new Database(path);
  if (path !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // A serial counter lost in a power cut would issue the same serial twice: every commit is on disk.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  db.exec(SCHEMA);
  migrateSubmissions(db);
  return db;
}

/**
 * The kiosk's receipt number (printed on the forms and in their QR) in its own indexed column,
 * so a clerk's scan finds the submission. A database from before the column gets it, filled from
 * the stored requests.
 */
function migrateSubmissions(db: WardDb): void {
  const cols = db.prepare('PRAGMA table_info(submissions)').all() as { name: string }[];
  if (!cols.some((c) => c.name === 'local_receipt_number')) {
    db.transaction(() => {
      db.exec('ALTER TABLE submissions ADD COLUMN local_receipt_number TEXT');
      db.exec("UPDATE submissions SET local_receipt_number = json_extract(payload_json, '$.localReceiptNumber')");
    })();
  }
  db.exec('CREATE INDEX IF NOT EXISTS submissions_by_local_receipt ON submissions (ward, local_receipt_number)');
  // Whether the submission carried an electronic signature that verified, and its certificate's
  // serial (not the certificate: it holds the signer's name, address and birth date).
  if (!cols.some((c) => c.name === 'e_signed')) {
    db.transaction(() => {
      db.exec('ALTER TABLE submissions ADD COLUMN e_signed INTEGER NOT NULL DEFAULT 0');
      db.exec('ALTER TABLE submissions ADD COLUMN e_signature_serial TEXT');
    })();
  }
}

/** Replaces the register data (not issuances or submissions) with the fixtures, in one transaction. */
export function seedWardDb(db: WardDb, fx: WardFixtures): void {
  const status = new Map(fx.status.map((s) => [s.residentId, s]));
  db.transaction(() => {
    for (const t of ['tax_records', 'annex_addresses', 'family_register_members', 'family_registers', 'seal_registrations', 'household_members', 'residents']) {
      db.prepare(`DELETE FROM ${t}`).run();
    }
    const insResident = db.prepare(`INSERT INTO residents VALUES (@id, @ward, @name, @kana, @birthDate, @sex, @address,
      @becameResidentOn, @previousAddress, @movingOutPlannedOn, @dv, @deceasedOn, @honsekiUseRegistered)`);
    for (const r of fx.residents) {
      const ward = wardByName.get(r.ward);
      if (!ward) throw new Error(`resident ${r.id}: unknown ward`);
      const s = status.get(r.id);
      insResident.run({
        id: r.id,
        ward,
        sex: sexOf(r.sex),
        address: r.address,
        birthDate: r.birthDate,
        name: r.alphabetName ?? `${r.familyName}${NAME_SEP}${r.givenName}`,
        kana: `${r.familyKana}${NAME_SEP}${r.givenKana}`,
        becameResidentOn: s?.becameResidentOn ?? r.birthDate,
        previousAddress: s?.previousAddress ?? null,
        movingOutPlannedOn: s?.movingOutScheduled?.plannedOn ?? null,
        dv: s?.dvSupportMeasure ? 1 : 0,
        deceasedOn: s?.deceasedOn ?? null,
        honsekiUseRegistered: s?.honsekiUseRegistered ? 1 : 0,
      });
    }
    const insMember = db.prepare('INSERT INTO household_members VALUES (?, ?, ?, ?)');
    for (const h of fx.households) h.members.forEach((m, i) => insMember.run(h.id, m.residentId, m.relationship, i));
    const insSeal = db.prepare('INSERT INTO seal_registrations VALUES (?, ?, ?, ?)');
    for (const s of fx.seals) insSeal.run(s.residentId, s.registrationNumber, s.registeredOn, JSON.stringify(s.impression));
    const insRegister = db.prepare('INSERT INTO family_registers VALUES (?, ?, ?, ?)');
    const insRegMember = db.prepare(`INSERT INTO family_register_members VALUES (@registerId, @memberId, @residentId, @position,
      @name, @kana, @birthDate, @sex, @father, @mother, @relationship, @events)`);
    const residentRow = db.prepare('SELECT name, kana, birth_date AS birthDate, sex FROM residents WHERE id = ?');
    for (const reg of fx.registers) {
      insRegister.run(reg.id, reg.honseki, reg.headName, JSON.stringify(reg.registerEvents));
      reg.members.forEach((m, position) => {
        const fromRegister = m.residentId
          ? (residentRow.get(m.residentId) as { name: string; kana: string; birthDate: string; sex: string } | undefined)
          : undefined;
        if (m.residentId && !fromRegister) throw new Error(`register ${reg.id}: unknown resident`);
        const person = fromRegister ?? { name: m.name!, kana: m.kana!, birthDate: m.birthDate!, sex: sexOf(m.sex!) };
        insRegMember.run({
          registerId: reg.id,
          memberId: m.residentId ?? m.memberId,
          residentId: m.residentId ?? null,
          position,
          ...person,
          father: m.father ?? null,
          mother: m.mother ?? null,
          relationship: m.relationship,
          events: JSON.stringify(m.events),
        });
      });
    }
    const insAnnex = db.prepare('INSERT INTO annex_addresses VALUES (?, ?, ?, ?)');
    for (const a of fx.annex) a.addresses.forEach((x, i) => insAnnex.run(a.residentId, i, x.address, x.since));
    const insTax = db.prepare('INSERT INTO tax_records VALUES (?, ?, ?)');
    for (const t of fx.tax) insTax.run(t.residentId, t.fiscalYear, JSON.stringify(t));
  })();
}

/** Next value of a named counter (serials, receipt numbers); call inside the writing transaction. */
export function nextCounter(db: WardDb, name: string): number {
  const row = db
    .prepare(
      `INSERT INTO counters (name, value) VALUES (?, 1)
    ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`,
    )
    .get(name) as { value: number };
  return row.value;
}
