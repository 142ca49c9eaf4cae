/**
 * The seven wards of Kitakyushu City, the demo city. Ids and Japanese names come from the
 * ward API's contract; the English names are the kiosk's own.
 */
import { wardIds, wardInfo, type WardId } from '../../contract/ward-api';

export type { WardId };

const NAMES_EN: Readonly<Record<WardId, string>> = {
  moji: 'Moji Ward',
  kokurakita: 'Kokurakita Ward',
  kokuraminami: 'Kokuraminami Ward',
  wakamatsu: 'Wakamatsu Ward',
  yahatahigashi: 'Yahatahigashi Ward',
  yahatanishi: 'Yahatanishi Ward',
  tobata: 'Tobata Ward',
};

export const WARD_IDS = wardIds;

export const WARDS: Readonly<Record<WardId, { nameJa: string; nameEn: string }>> = Object.fromEntries(
  wardIds.map((id) => [id, { nameJa: wardInfo[id].nameJa, nameEn: NAMES_EN[id] }]),
) as Record<WardId, { nameJa: string; nameEn: string }>;
