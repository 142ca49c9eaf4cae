/**
 * Which ward's back end receives an application: the ward its address names. After a move
 * within the city the new address decides (the new ward keeps the resident record); otherwise
 * the current one (card or interview). An address outside the city (転出先) names no ward, so
 * the current address decides; with none, the kiosk's own ward.
 */
import type { FilledForm } from '../../contract/applications';
import { wardIdSchema, wardInfo, type WardId } from '../../contract/ward-api';
import { defaultPostalDirectory, type PostalDirectory } from '../applications/postal-lookup';

const CITY = '北九州市';

/** The ward an address names (「福岡県北九州市小倉北区魚町…」 → kokurakita), or null. */
export function wardOfAddress(address: unknown): WardId | null {
  if (typeof address !== 'string') return null;
  const text = address.normalize('NFKC').replace(/^\s*(福岡県)?/u, '');
  // The city's ward names are unique in Japan, so 「小倉北区…」 without the city is ours too.
  const rest = text.startsWith(CITY) ? text.slice(CITY.length) : text;
  for (const ward of wardIdSchema.options) {
    if (rest.startsWith(wardInfo[ward].nameJa)) return ward;
  }
  return null;
}

/** The ward of a postal code of the city (Japan Post's 全国地方公共団体コード), or null. */
export function wardOfPostalCode(postalCode: unknown, postal: PostalDirectory = defaultPostalDirectory()): WardId | null {
  const r = postal.lookup(postalCode);
  if (!r.ok) return null;
  const code = r.candidates[0]?.cityCode;
  return wardIdSchema.options.find((w) => wardInfo[w].code === code) ?? null;
}

/** Where to look, in the order that decides the destination. */
const SOURCES: readonly { field: string; ward: (value: unknown, postal: PostalDirectory) => WardId | null }[] = [
  { field: 'newAddress', ward: wardOfAddress },
  { field: 'newPostal', ward: wardOfPostalCode },
  { field: 'registeredAddress', ward: wardOfAddress },
  { field: 'currentAddress', ward: wardOfAddress },
];

/** The destination ward of the application's forms. */
export function routeToWard(forms: readonly FilledForm[], homeWard: WardId, postal: PostalDirectory = defaultPostalDirectory()): WardId {
  for (const { field, ward: wardOf } of SOURCES) {
    for (const form of forms) {
      const ward = wardOf(form.values[field], postal);
      if (ward) return ward;
    }
  }
  return homeWard;
}
