import type { Principal } from '../core/principal.ts';
import { problems } from '../core/problem.ts';
import type { RuleViolation } from '../core/weekly-hours.ts';
import { ticketsAtRisk, type Absence } from './domain/absences.ts';
import { chooseAssignee, type TicketToRoute } from './domain/assign.ts';
import type { WeeklyHours } from './domain/calendar.ts';
import { dutyOf } from './domain/duty.ts';
import { loadOf } from './domain/load.ts';
import { routingSettingsViolations, type RoutingSettings } from './domain/routing-settings.ts';
import type { ExpertTickets, OpenTicket, RoutingProfile } from './ports.ts';
import { rulesOf, type RoutingRules } from './rules.ts';
import { counterReconciliation } from './reconcile.ts';
import { categoriesOf, emptyEntry, type RoutingService } from './service.ts';
import type { RoutingAdminStore, StoredSettings } from './store.ts';

/** Rule violations as the API's field errors, under the body's field. */
export const fieldErrors = (violations: readonly RuleViolation[], prefix: Array<string | number> = []) =>
  violations.map((v) => ({ field: [...prefix, ...v.path].join('.'), message: v.message }));

/**
 * Routing's admin side, served by the routing function only: settings, support hours, absences, the roster view and
 * reassignment, on the caches of a routing service (service.ts), so a change made here is what that instance routes
 * on next. The tickets function carries the service alone: creation needs none of this.
 */
export function routingAdmin(service: RoutingService, store: RoutingAdminStore) {
  const { clock, rules, profileList, candidates, noteInRoster } = service.internals;
  const reconcile = counterReconciliation(service, store);

  async function knownExpert(expertId: string): Promise<RoutingProfile> {
    const profile = (await profileList.get()).find((p) => p.id === expertId) ?? (profileList.clear(), (await profileList.get()).find((p) => p.id === expertId));
    if (!profile) throw problems.notFound(`No expert ${expertId}.`);
    return profile;
  }

  return {
    rules: service.rules,
    reconcile,

    async putSetting<N extends keyof StoredSettings>(name: N, value: NonNullable<StoredSettings[N]>): Promise<RoutingRules> {
      if (name === 'routing') {
        profileList.clear();
        const ids = (await profileList.get()).map((p) => p.id);
        const errors = fieldErrors(routingSettingsViolations(value as RoutingSettings, ids));
        if (errors.length) throw problems.invalid(errors);
      }
      await store.putSetting(name, value);
      const next = rulesOf({ ...(await store.settings()), [name]: value });
      rules.set(next);
      return next;
    },

    /** An expert's support hours, or the service calendar's when they follow it. */
    async supportHoursOf(expertId: string): Promise<WeeklyHours & { followsServiceHours: boolean }> {
      const entry = await store.rosterEntry(expertId);
      if (entry?.supportHours) return { ...entry.supportHours, followsServiceHours: false };
      const { calendar } = await rules.get();
      return { timeZone: calendar.timeZone, weekly: calendar.weekly, followsServiceHours: true };
    },

    async setSupportHours(expertId: string, hours: WeeklyHours | null): Promise<void> {
      await store.setSupportHours(expertId, hours);
      await noteInRoster(expertId, ({ supportHours: _old, ...entry }) => (hours ? { ...entry, supportHours: hours } : entry));
    },

    async absencesOf(expertId: string): Promise<Absence[]> {
      return (await store.rosterEntry(expertId))?.absences ?? [];
    },

    /** `expertId` must be an expert with a profile when someone else sets it (a coordinator). */
    async setAbsences(expertId: string, absences: Absence[], bySomeoneElse: boolean): Promise<void> {
      if (bySomeoneElse) await knownExpert(expertId);
      await store.setAbsences(expertId, absences);
      await noteInRoster(expertId, (entry) => ({ ...entry, absences }));
    },

    /** Each expert's routing row for coordinators (an expert: their own), counters reconciled on the way. */
    async experts(principal: Principal, tickets: ExpertTickets) {
      const [{ calendar }, list, entries] = await Promise.all([rules.get(), profileList.get(), store.roster().then((all) => new Map(all.map((e) => [e.expertId, e])))]);
      const visible = principal.role === 'coordinator' ? list : list.filter((p) => p.id === principal.id);
      const now = clock.now();
      const openByExpert = principal.role === 'coordinator' ? await reconcile(tickets) : new Map<string, OpenTicket[]>();
      return Promise.all(visible.map(async (profile) => {
        const entry = entries.get(profile.id) ?? emptyEntry(profile.id);
        const open = openByExpert.get(profile.id) ?? await tickets.openTicketsOf(profile.id);
        const load = loadOf(open.map((t) => ({ priority: t.priority, status: t.status })));
        const duty = dutyOf(entry, calendar, now.getTime());
        const risky = new Map(ticketsAtRisk(entry.absences, open.map((t) => ({ ticketId: t.ticketId, due: t.due })), now).map((r) => [r.ticketId, r]));
        return {
          id: profile.id, name: profile.name, categories: categoriesOf(profile.topics), topics: profile.topics, systems: profile.systems, languages: profile.languages,
          supportHours: entry.supportHours ?? null, absences: entry.absences, load, openTickets: open.length, lastAssignedAt: entry.lastAssignedAt ?? null,
          duty: {
            state: duty.state,
            ...(duty.state === 'off duty' ? { nextAt: new Date(duty.nextAt).toISOString() } : {}),
            ...(duty.state === 'away' ? { until: new Date(duty.until).toISOString() } : {}),
          },
          atRisk: open.filter((t) => risky.has(t.ticketId)).map((t) => ({ ticketId: t.ticketId, reference: t.reference, subject: t.subject, due: risky.get(t.ticketId)!.due })),
        };
      }));
    },

    /**
     * Who takes each of an away expert's tickets at risk: `to` if named, else routing again without them.
     * The caller writes each change through the tickets service (which keeps history and counters).
     */
    async reassignments(expertId: string, to: string | undefined, tickets: ExpertTickets, route: (ticketId: string) => Promise<TicketToRoute | undefined>) {
      const expert = await knownExpert(expertId);
      const target = to === undefined ? undefined : await knownExpert(to);
      const entry = await store.rosterEntry(expertId);
      const open = await tickets.openTicketsOf(expertId);
      const atRisk = ticketsAtRisk(entry?.absences ?? [], open.map((t) => ({ ticketId: t.ticketId, due: t.due })), clock.now());
      const plans: Array<{ ticketId: string; reference: string; assigneeId: string | null; assigneeName: string | null; reason: string }> = [];
      for (const risk of atRisk) {
        const ticket = open.find((t) => t.ticketId === risk.ticketId)!;
        const why = `${expert.name} is away when it falls due`;
        if (target) {
          plans.push({ ticketId: ticket.ticketId, reference: ticket.reference, assigneeId: target.id, assigneeName: target.name, reason: why });
          continue;
        }
        const toRoute = await route(ticket.ticketId);
        const choice = toRoute ? chooseAssignee(toRoute, (await candidates(true)).pool.filter((c) => c.id !== expertId), { ...(await rules.get()), settings: (await rules.get()).routing, now: clock.now() }) : undefined;
        plans.push({
          ticketId: ticket.ticketId, reference: ticket.reference,
          assigneeId: choice?.assigneeId ?? null, assigneeName: choice?.assigneeId ? choice.assigneeName : null,
          reason: `${why}; ${choice?.reason ?? 'nobody else to route it to'}`,
        });
      }
      return plans;
    },
  };
}

export type RoutingAdmin = ReturnType<typeof routingAdmin>;
