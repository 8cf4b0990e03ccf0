/**
 * What coordinators set (`PUT /api/settings/routing`): whether new tickets are assigned automatically, and per
 * category either an ordered list of experts or "anyone" with the expertise (a category left out is "anyone").
 */
import { TICKET_CATEGORIES } from '../../core/catalog.ts';
import type { RuleViolation } from '../../core/weekly-hours.ts';

export interface RoutingSettings {
  autoAssign: boolean;
  categories: Readonly<Record<string, readonly string[] | 'anyone'>>;
}

export const DEFAULT_ROUTING: RoutingSettings = { autoAssign: true, categories: {} };

/** Known categories; each list non-empty, of known experts, each named once. */
export function routingSettingsViolations(settings: RoutingSettings, expertIds: readonly string[]): RuleViolation[] {
  return Object.entries(settings.categories).flatMap(([category, choice]): RuleViolation[] => {
    const at = ['categories', category];
    if (!(TICKET_CATEGORIES as readonly string[]).includes(category)) return [{ path: at, message: 'Not a ticket category.' }];
    if (choice === 'anyone') return [];
    if (choice.length === 0) return [{ path: at, message: 'List at least one expert, or choose "anyone".' }];
    return choice.flatMap((id, i): RuleViolation[] => {
      if (!expertIds.includes(id)) return [{ path: [...at, i], message: 'No expert has this id.' }];
      if (choice.indexOf(id) < i) return [{ path: [...at, i], message: 'This expert is already on the list.' }];
      return [];
    });
  });
}
