// The ticket list's filters live in the URL (a filtered queue can be bookmarked, shared and reloaded), and
// become the query of GET /api/tickets. Empty values and defaults are left out of both.
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

/**
 * The API's query: open tickets unless a status (or "all") is chosen; sorted by due time unless asked otherwise.
 * Sorted by due time or creation, the API answers one page of at most `limit` (no cursor): ask for its most.
 */
export function apiQueryOf(filters: TicketFilters): Record<string, string | undefined> {
  const { status, sort, ...rest } = filters;
  const order = sort || 'due';
  return { ...rest, status: status === 'all' ? undefined : status || OPEN_STATUSES, sort: order, limit: order === 'activity' ? '50' : '100' };
}

/** How many filters narrow the list (the default open-status view counts as none). */
export const activeFilterCount = (filters: TicketFilters): number =>
  FILTER_NAMES.filter((name) => name !== 'sort' && name !== 'scope' && filters[name]).length;
