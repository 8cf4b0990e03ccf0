import { ANY, type KeySpace } from '../core/table.ts';

/**
 * Where routing lives in the table. Settings: one partition of three items (read by one Query). The roster: one
 * partition with an item per expert (support hours, absences, load counter, last assignment), read by one Query
 * on every routed creation, so routing never reads every ticket or every profile to choose.
 */
export const SETTINGS_PARTITION = 'SETTINGS';
export const SETTING_NAMES = ['service-hours', 'sla', 'routing'] as const;
export type SettingName = (typeof SETTING_NAMES)[number];
export const settingKey = (name: SettingName | typeof ANY) => ({ pk: SETTINGS_PARTITION, sk: `ROUTING#${name}` });

export const ROSTER_PARTITION = 'ROUTING#ROSTER';
export const rosterKey = (expertId: string) => ({ pk: ROSTER_PARTITION, sk: `EXPERT#${expertId}` });

export function routingKeySpace(): KeySpace {
  return { module: 'routing', items: [settingKey(ANY), rosterKey(ANY)], partitions: {} };
}
