import { isStaff, type Principal } from '../core/principal.ts';
import { problems } from '../core/problem.ts';
import type { TicketCategory } from '../core/catalog.ts';
import { MANDATORY_KINDS, NOTIFICATION_KINDS, type NotificationKind, type Preferences } from './domain/kinds.ts';

export interface PreferencesChange {
  kinds?: Partial<Record<NotificationKind, boolean | undefined>>;
  categories?: TicketCategory[];
}

export interface PreferencesView {
  kinds: Record<NotificationKind, boolean>;
  mandatory: NotificationKind[];
  categories: TicketCategory[];
}

export function preferencesView(preferences: Preferences): PreferencesView {
  return {
    kinds: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, MANDATORY_KINDS.includes(kind) || !preferences.off.includes(kind)])) as Record<NotificationKind, boolean>,
    mandatory: [...MANDATORY_KINDS],
    categories: preferences.categories,
  };
}

/** Applies a change (pure): refuses turning off a mandatory kind, and categories for anyone but staff. */
export function changePreferences(current: Preferences, change: PreferencesChange, principal: Principal): Preferences {
  const errors = Object.entries(change.kinds ?? {})
    .filter(([kind, on]) => on === false && MANDATORY_KINDS.includes(kind as NotificationKind))
    .map(([kind]) => ({ field: `kinds.${kind}`, message: 'This kind of e-mail cannot be turned off.' }));
  if (change.categories?.length && !isStaff(principal)) errors.push({ field: 'categories', message: 'Only experts and coordinators follow ticket categories.' });
  if (errors.length) throw problems.businessRule(errors.map((e) => e.message).join(' '), { errors });
  const off = new Set(current.off);
  for (const [kind, on] of Object.entries(change.kinds ?? {}) as Array<[NotificationKind, boolean | undefined]>) {
    if (on === true) off.delete(kind);
    if (on === false) off.add(kind);
  }
  return {
    off: NOTIFICATION_KINDS.filter((kind) => off.has(kind)),
    categories: change.categories ? [...new Set(change.categories)] : current.categories,
  };
}
