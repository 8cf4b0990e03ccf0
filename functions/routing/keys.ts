import { ANY, type KeySpace } from '../core/table.ts';

/**
 * Where routing lives in the table. Settings: one partition of three items (read by one Query). The roster: one
 * partition with an item per expert (support hours, absences), read by one Query when an instance's roster cache is
 * stale, so routing never reads every ticket or every profile to choose. The experts' load counters live on the
 * ticket-number counter item (tickets/keys.ts), so a creation's one UpdateItem draws the number and claims the load.
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

/** The attributes of one expert's counters on the ticket-number counter item. */
export const counterAttributes = (expertId: string) => ({ load: `load#${expertId}`, openTickets: `open#${expertId}`, lastAssignedAt: `last#${expertId}` });
/** Which expert's counter an attribute of the counter item is, and which counter. */
export const COUNTER_ATTRIBUTE = /^(load|open|last)#(.+)$/;
