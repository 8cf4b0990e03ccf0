import type { Clock } from '../core/clock.ts';
import type { Principal } from '../core/principal.ts';
import { problems } from '../core/problem.ts';
import { DEFAULT_ALLOWANCE_MINUTES, quarterOf } from './domain/quota.ts';
import type { BookingStore } from './store.ts';

export interface AllowanceView {
  orgId: string;
  minutes: number;
  quarter: string;
  used: number;
  remaining: number;
}

export interface OrganisationAllowanceView extends Omit<AllowanceView, 'orgId'> {
  id: string;
  name: string;
}

export function allowanceService({ store, clock }: { store: BookingStore; clock: Clock }) {
  async function view(orgId: string): Promise<AllowanceView> {
    const quarter = quarterOf(clock.now());
    const [minutes, usage] = await Promise.all([store.getAllowance(orgId), store.getUsage(orgId, quarter)]);
    const limit = minutes ?? DEFAULT_ALLOWANCE_MINUTES;
    return { orgId, minutes: limit, quarter, used: usage.used, remaining: Math.max(0, limit - usage.used) };
  }

  return {
    /** Coordinators set the minutes per calendar quarter; sessions already booked stay booked. */
    async set(orgId: string, minutes: number): Promise<AllowanceView> {
      if (!(await store.organisationExists(orgId))) throw problems.notFound(`No organisation ${orgId}.`);
      await store.setAllowance(orgId, minutes, clock.now().toISOString());
      return view(orgId);
    },

    /** Coordinators see any organisation's; requesters their own (another's is 404). */
    async get(principal: Principal, orgId: string): Promise<AllowanceView> {
      const mayRead = principal.role === 'coordinator' || principal.orgId === orgId;
      if (!mayRead || !(await store.organisationExists(orgId))) throw problems.notFound(`No organisation ${orgId}.`);
      return view(orgId);
    },

    /** Every organisation with this quarter's allowance and use (coordinators). */
    async list(): Promise<OrganisationAllowanceView[]> {
      const organisations = await store.listOrganisations();
      return Promise.all(organisations.map(async ({ id, name }) => {
        const { orgId: _id, ...allowance } = await view(id);
        return { id, name, ...allowance };
      }));
    },

    /** The limit a charge is checked against. */
    async limitFor(orgId: string): Promise<number> {
      return (await store.getAllowance(orgId)) ?? DEFAULT_ALLOWANCE_MINUTES;
    },
  };
}

export type AllowanceService = ReturnType<typeof allowanceService>;
