/** The seven wards of Kitakyushu City, the demo city. */
export const WARDS = {
  moji: { nameJa: '門司区', nameEn: 'Moji Ward' },
  kokurakita: { nameJa: '小倉北区', nameEn: 'Kokurakita Ward' },
  kokuraminami: { nameJa: '小倉南区', nameEn: 'Kokuraminami Ward' },
  wakamatsu: { nameJa: '若松区', nameEn: 'Wakamatsu Ward' },
  yahatahigashi: { nameJa: '八幡東区', nameEn: 'Yahatahigashi Ward' },
  yahatanishi: { nameJa: '八幡西区', nameEn: 'Yahatanishi Ward' },
  tobata: { nameJa: '戸畑区', nameEn: 'Tobata Ward' },
} as const;

export type WardId = keyof typeof WARDS;
export const WARD_IDS = Object.keys(WARDS) as [WardId, ...WardId[]];
