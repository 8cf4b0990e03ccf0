/** Closed vocabularies shared by the functions and the site. */
export const SYSTEMS = [
  'LUMI', 'Leonardo', 'MareNostrum 5', 'MeluXina', 'Karolina', 'Vega', 'Discoverer', 'Deucalion',
  'JUPITER', 'Daedalus', 'Alice Recoque', 'other',
] as const;
export type SystemName = (typeof SYSTEMS)[number];
