import type { Clock } from '../core/clock.ts';
import { categoryOfTopic } from '../core/topics.ts';
import { shortLived } from './cache.ts';
import { chooseAssignee, type Assignment, type Candidate, type TicketToRoute } from './domain/assign.ts';
import { LOAD_WEIGHTS, loadChanges, type LoadHolder } from './domain/load.ts';
import type { ExpertProfiles, RoutingProfile } from './ports.ts';
import { rulesOf } from './rules.ts';
import type { Counters, RosterEntry, RoutingStore } from './store.ts';

export type { RoutingRules } from './rules.ts';

export interface RoutingDeps {
  store: RoutingStore;
  profiles: ExpertProfiles;
  clock: Clock;
  /** How long this instance trusts what it read (ms); another instance's change shows within these. */
  ttl?: { settings?: number; profiles?: number; roster?: number };
}

/**
 * An automatic assignment as made: `weight` is what was claimed on the assignee's counters, `number` the ticket
 * number drawn in the same write (none when nobody was claimed: the caller draws one).
 */
export type Routed = Assignment & { weight?: number; number?: number };

/** How often a creation chooses again after others claimed its choice first (then it keeps its last claim). */
const MAX_CLAIMS = 6;

export const emptyEntry = (expertId: string): RosterEntry => ({ expertId, absences: [], load: 0, openTickets: 0 });

/** The ticket categories an expert handles: those of the topics they know (content/topics.ts). */
export function categoriesOf(topics: readonly string[]): string[] {
  return [...new Set(topics.map(categoryOfTopic).filter((category): category is NonNullable<typeof category> => category !== undefined))];
}

function candidateOf(profile: RoutingProfile, entry: RosterEntry | undefined): Candidate {
  const state = entry ?? emptyEntry(profile.id);
  return {
    id: profile.id, name: profile.name,
    categories: categoriesOf(profile.topics), topics: profile.topics, systems: profile.systems, languages: profile.languages,
    ...(state.supportHours ? { supportHours: state.supportHours } : {}),
    absences: state.absences, load: state.load, openTickets: state.openTickets,
    ...(state.lastAssignedAt ? { lastAssignedAt: state.lastAssignedAt } : {}),
  };
}

export function routingService({ store, profiles, clock, ttl = {} }: RoutingDeps) {
  const rules = shortLived(ttl.settings ?? 30_000, async () => rulesOf(await store.settings()));
  const profileList = shortLived(ttl.profiles ?? 60_000, () => profiles.list());
  const roster = shortLived(ttl.roster ?? 5_000, async () => new Map((await store.roster()).map((entry) => [entry.expertId, entry])));

  /** Applies a change this instance made to its cached roster, so its next choice starts from it. */
  async function noteInRoster(expertId: string, change: (entry: RosterEntry) => RosterEntry): Promise<void> {
    const entries = await roster.get();
    entries.set(expertId, change(entries.get(expertId) ?? emptyEntry(expertId)));
  }

  async function candidates(fresh: boolean): Promise<{ pool: Candidate[]; entries: Map<string, RosterEntry> }> {
    if (fresh) roster.clear();
    const [list, entries] = await Promise.all([profileList.get(), roster.get()]);
    return { pool: list.map((profile) => candidateOf(profile, entries.get(profile.id))), entries };
  }

  async function adjustCounters(changes: ReturnType<typeof loadChanges>): Promise<void> {
    await Promise.all(changes.map(async ({ expertId, load, openTickets }) => {
      await store.adjust(expertId, load, openTickets);
      await noteInRoster(expertId, (entry) => ({ ...entry, load: entry.load + load, openTickets: entry.openTickets + openTickets }));
    }));
  }

  /** Every expert's counters as a write answered them: this instance's roster starts its next choice from them. */
  async function noteCounters(counters: Counters): Promise<void> {
    const entries = await roster.get();
    for (const [expertId, counted] of counters) entries.set(expertId, { ...(entries.get(expertId) ?? emptyEntry(expertId)), ...counted });
  }

  /**
   * Chooses, then draws the ticket number and claims the choice in one write, which answers everyone's counters.
   * If others claimed the same expert meanwhile (the load moved since it was read), it chooses again on those
   * counters; when someone else is now the better choice, it moves the claim to them (one more write) and checks
   * that one the same way. Counters stay exact (every claim and move is one atomic write); the choice is made on
   * loads at most one claim old. An expert who is the only fit is claimed at once however many race, in one write.
   */
  async function claimFor(ticket: TicketToRoute): Promise<Routed> {
    const { calendar, routing: settings } = await rules.get();
    const weight = LOAD_WEIGHTS[ticket.priority];
    const { pool, entries } = await candidates(false);
    const now = clock.now();
    const at = now.toISOString();
    const context = { settings, calendar, now };
    let eligible = pool;
    let choice = chooseAssignee(ticket, eligible, context);
    if (choice.assigneeId === null) return choice;
    let seen = entries.get(choice.assigneeId)?.load ?? 0;
    const { number, counters: first } = await store.claim(choice.assigneeId, weight, at);
    let counters = first;
    for (let attempt = 1; ; attempt++) {
      await noteCounters(counters);
      const expertId: string = choice.assigneeId!;
      const after = counters.get(expertId)?.load ?? weight;
      if (after - weight === seen || attempt >= MAX_CLAIMS) return { ...choice, weight, number };
      // Others claimed this expert meanwhile: choose again on everyone's counters as they are, less this claim.
      eligible = eligible.map((c) => {
        const counted = counters.get(c.id) ?? { load: 0, openTickets: 0 };
        return c.id === expertId ? { ...c, load: counted.load - weight, openTickets: counted.openTickets - 1 } : { ...c, load: counted.load, openTickets: counted.openTickets };
      });
      const again = chooseAssignee(ticket, eligible, context);
      if (again.assigneeId === expertId) return { ...again, weight, number };
      if (again.assigneeId === null) return { ...choice, weight, number };
      seen = eligible.find((c) => c.id === again.assigneeId)?.load ?? 0;
      counters = await store.move(expertId, again.assigneeId, weight, at);
      choice = again;
    }
  }

  return {
    rules: () => rules.get(),

    /**
     * Who a new ticket goes to (claimed on their counters), or nobody and why. The requester's language is asked
     * for only when routing runs (it may cost a read).
     */
    async assign(ticket: Omit<TicketToRoute, 'language'>, language: () => Promise<string | undefined>): Promise<Routed> {
      const { routing: settings, calendar } = await rules.get();
      if (!settings.autoAssign) return chooseAssignee(ticket, [], { settings, calendar, now: clock.now() });
      return claimFor({ ...ticket, language: await language() });
    },

    /** Gives back a claim whose ticket was never written (it lost an idempotent race). */
    async release(routed: Routed): Promise<void> {
      if (routed.assigneeId && routed.weight) await adjustCounters([{ expertId: routed.assigneeId, load: -routed.weight, openTickets: -1 }]);
    },

    /** Keeps the counters right when a ticket's status, priority or assignee changed. */
    async ticketChanged(before: LoadHolder | undefined, after: LoadHolder): Promise<void> {
      await adjustCounters(loadChanges(before, after));
    },

    /** What the routing function's admin side (admin.ts) and its sweep (reconcile.ts) build on: this instance's store, caches and roster notes. */
    internals: { store, clock, rules, profileList, candidates, noteInRoster },
  };
}

export type RoutingService = ReturnType<typeof routingService>;
