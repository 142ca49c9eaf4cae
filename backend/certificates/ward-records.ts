/**
 * Typed read access to the resident register, seals, 戸籍, 附票 and tax records in the ward database.
 */
import type { WardId } from '../../contract/ward-api';
import type { WardDb } from '../db/ward-db';
import type { taxRecordSchema } from '../fixtures/ward-fixture-schemas';
import type { z } from 'zod';

/** One row of the resident register. */
export interface ResidentRecord {
  id: string;
  ward: WardId;
  name: string;
  kana: string;
  birthDate: string;
  sex: 'male' | 'female';
  address: string;
  becameResidentOn: string;
  previousAddress: string | null;
  movingOutPlannedOn: string | null;
  dvSupport: boolean;
  deceasedOn: string | null;
  honsekiUseRegistered: boolean;
}

export interface HouseholdMember {
  resident: ResidentRecord;
  /** 続柄 to the 世帯主 (世帯主 for the head). */
  relationship: string;
}

export interface LifeEvent {
  kind: 'birth' | 'marriage' | 'divorce' | 'adoption' | 'death' | 'transfer' | 'entry';
  date: string;
  detail: string;
}

export interface RegisterMember {
  memberId: string;
  residentId: string | null;
  name: string;
  kana: string;
  birthDate: string;
  sex: 'male' | 'female';
  father: string | null;
  mother: string | null;
  relationship: string;
  events: LifeEvent[];
}

export interface FamilyRegister {
  id: string;
  honseki: string;
  headName: string;
  events: LifeEvent[];
  members: RegisterMember[];
}

export type TaxRecord = z.infer<typeof taxRecordSchema>;

export interface SealRegistration {
  registrationNumber: string;
  registeredOn: string;
  impression: { shape: 'circle' | 'square'; text: string };
}

/** The city a 本籍 must be in for the kiosk to issue 戸籍 without prior registration. */
export const CITY_PREFIX = '福岡県北九州市';

const RESIDENT_COLS = `id, ward, name, kana, birth_date AS birthDate, sex, address, became_resident_on AS becameResidentOn,
  previous_address AS previousAddress, moving_out_planned_on AS movingOutPlannedOn, dv_support AS dvSupport,
  deceased_on AS deceasedOn, honseki_use_registered AS honsekiUseRegistered`;

type RawResident = Omit<ResidentRecord, 'dvSupport' | 'honsekiUseRegistered'> & { dvSupport: number; honsekiUseRegistered: number };
const toResident = (r: RawResident): ResidentRecord => ({ ...r, dvSupport: r.dvSupport === 1, honsekiUseRegistered: r.honsekiUseRegistered === 1 });

/** Read-only queries over one ward database (all wards live in the same tables, keyed by `ward`). */
export class WardRecords {
  constructor(private readonly db: WardDb) {}

  resident(id: string): ResidentRecord | undefined {
    const r = this.db.prepare(`SELECT ${RESIDENT_COLS} FROM residents WHERE id = ?`).get(id) as RawResident | undefined;
    return r && toResident(r);
  }

  /** The resident's household, head first; deceased members are left out (消除). */
  household(residentId: string): HouseholdMember[] {
    const rows = this.db
      .prepare(
        `SELECT hm.relationship, r.id FROM household_members hm JOIN residents r ON r.id = hm.resident_id
      WHERE hm.household_id = (SELECT household_id FROM household_members WHERE resident_id = ?) ORDER BY hm.position`,
      )
      .all(residentId) as { relationship: string; id: string }[];
    return rows.map((row) => ({ resident: this.resident(row.id)!, relationship: row.relationship })).filter((m) => m.resident.deceasedOn === null);
  }

  seal(residentId: string): SealRegistration | undefined {
    const r = this.db
      .prepare(
        `SELECT registration_number AS registrationNumber, registered_on AS registeredOn, impression_json AS impression
      FROM seal_registrations WHERE resident_id = ?`,
      )
      .get(residentId) as (Omit<SealRegistration, 'impression'> & { impression: string }) | undefined;
    return r && { ...r, impression: JSON.parse(r.impression) as SealRegistration['impression'] };
  }

  /** The 戸籍 the resident belongs to, with all members in register order. */
  registerOf(residentId: string): FamilyRegister | undefined {
    const head = this.db
      .prepare(
        `SELECT fr.id, fr.honseki, fr.head_name AS headName, fr.events_json AS events
      FROM family_registers fr JOIN family_register_members m ON m.register_id = fr.id WHERE m.resident_id = ?`,
      )
      .get(residentId) as { id: string; honseki: string; headName: string; events: string } | undefined;
    if (!head) return undefined;
    const members = (
      this.db
        .prepare(
          `SELECT member_id AS memberId, resident_id AS residentId, name, kana, birth_date AS birthDate,
      sex, father, mother, relationship, events_json AS events FROM family_register_members WHERE register_id = ? ORDER BY position`,
        )
        .all(head.id) as (Omit<RegisterMember, 'events'> & { events: string })[]
    ).map((m) => ({ ...m, events: JSON.parse(m.events) as LifeEvent[] }));
    return { ...head, events: JSON.parse(head.events) as LifeEvent[], members };
  }

  /** 附票 address history of a resident, oldest first. */
  annex(residentId: string): { address: string; since: string }[] {
    return this.db.prepare('SELECT address, since FROM annex_addresses WHERE resident_id = ? ORDER BY position').all(residentId) as {
      address: string;
      since: string;
    }[];
  }

  /** Tax records, newest fiscal year first. */
  taxRecords(residentId: string): TaxRecord[] {
    return (
      this.db.prepare('SELECT record_json AS json FROM tax_records WHERE resident_id = ? ORDER BY fiscal_year DESC').all(residentId) as { json: string }[]
    ).map((r) => JSON.parse(r.json) as TaxRecord);
  }
}
