// The ticket list's filters live in the URL (a filtered queue can be bookmarked, shared and reloaded), and
// become the query of GET /api/tickets. Empty values and defaults are left out of both.
import type { Message } from './i18n.ts';

export const FILTER_NAMES = ['q', 'status', 'priority', 'category', 'system', 'assignee', 'requester', 'createdFrom', 'createdTo', 'scope', 'sort'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
export type TicketFilters = Partial<Record<FilterName, string>>;

/** What the list shows when no status is chosen. */
export const OPEN_STATUSES = 'new,open,waiting';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters a URL's query holds; unknown parameters and malformed dates are ignored. */
export function filtersOfQuery(query: URLSearchParams): TicketFilters {
  const filters: TicketFilters = {};
  for (const name of FILTER_NAMES) {
    const value = query.get(name)?.trim();
    if (!value) continue;
    if ((name === 'createdFrom' || name === 'createdTo') && !DATE.test(value)) continue;
    filters[name] = value;
  }
  return filters;
}

/** The URL query for filters, in a stable order ("" when none). */
export function queryOfFilters(filters: TicketFilters): string {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name]?.trim();
    if (value) query.set(name, value);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

export type TicketOrder = 'due' | 'created' | 'activity';
export const ORDER_LABELS: Record<TicketOrder, Message> = { due: 'Due first', created: 'Newest first', activity: 'Latest activity first' };

/** The order when none is chosen: staff work the queue by due time; requesters see what moved last. */
export const defaultOrder = (staff: boolean): TicketOrder => (staff ? 'due' : 'activity');

/**
 * The API's query: open tickets unless a status (or "all") is chosen, in the chosen order or `fallback`.
 * Sorted by due time or creation, the API answers one page (no cursor): ask for its most.
 */
export function apiQueryOf(filters: TicketFilters, fallback: TicketOrder = 'due'): Record<string, string | undefined> {
  const { status, sort, ...rest } = filters;
  const order = (sort as TicketOrder | undefined) || fallback;
  return { ...rest, status: status === 'all' ? undefined : status || OPEN_STATUSES, sort: order, limit: order === 'activity' ? '50' : String(ONE_PAGE_MOST) };
}

/** The most tickets one unpaged answer (due or created order) holds. */
export const ONE_PAGE_MOST = 100;

/** How many filters narrow the list (the default open-status view counts as none). */
export const activeFilterCount = (filters: TicketFilters): number =>
  FILTER_NAMES.filter((name) => name !== 'sort' && name !== 'scope' && filters[name]).length;
