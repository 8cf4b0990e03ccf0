import { isStaff, type Principal } from '../core/principal.ts';
import type { TicketCategory } from '../core/catalog.ts';
import { violation } from '../core/violation.ts';
import { kindsFor, MANDATORY_KINDS, NOTIFICATION_KINDS, type NotificationKind, type Preferences } from './domain/kinds.ts';

export interface PreferencesChange {
  kinds?: Partial<Record<NotificationKind, boolean | undefined>>;
  categories?: TicketCategory[];
}

export interface PreferencesView {
  kinds: Partial<Record<NotificationKind, boolean>>;
  mandatory: NotificationKind[];
  categories: TicketCategory[];
}

/** The kinds that concern the caller's role, each on or off. */
export function preferencesView(preferences: Preferences, principal: Pick<Principal, 'role'>): PreferencesView {
  const kinds = kindsFor(principal.role);
  return {
    kinds: Object.fromEntries(kinds.map((kind) => [kind, MANDATORY_KINDS.includes(kind) || !preferences.off.includes(kind)])),
    mandatory: MANDATORY_KINDS.filter((kind) => kinds.includes(kind)),
    categories: preferences.categories,
  };
}

/**
 * Applies a change (pure): refuses turning off a mandatory kind, kinds that never reach the caller's role, and
 * categories for anyone but staff.
 */
export function changePreferences(current: Preferences, change: PreferencesChange, principal: Principal): Preferences {
  const mine = kindsFor(principal.role);
  const errors = Object.entries(change.kinds ?? {}).flatMap(([kind, on]) => {
    if (on === undefined) return [];
    if (!mine.includes(kind as NotificationKind)) return [{ field: `kinds.${kind}`, message: `No ${kind} e-mails are sent to a ${principal.role}.` }];
    if (on === false && MANDATORY_KINDS.includes(kind as NotificationKind)) return [{ field: `kinds.${kind}`, message: 'This kind of e-mail cannot be turned off.' }];
    return [];
  });
  if (change.categories?.length && !isStaff(principal)) errors.push({ field: 'categories', message: 'Only experts and coordinators follow ticket categories.' });
  if (errors.length) throw violation('preferences.refused', errors.map((e) => e.message).join(' '), { errors });
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
