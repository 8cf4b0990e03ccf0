// Anonymous reading events for the coordinators' "what readers could not find": a search whose results were
// shown (once the query settles), a result opened (with its position), a guide rated helpful or not. Nothing
// is sent when the browser asks for Do Not Track or Global Privacy Control, or on a page opened from the
// coordinators' report (NOT_COUNTED_PARAM); requests carry no cookie
// (credentials: 'omit') and the API stores only per-day counters (README, About page).

const SETTLE_MS = 1200;
const SENT_QUERIES = new Set<string>();
let pending: { query: string; results: number } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * A page opened with this parameter (`/search/?q=...&uncounted=1`) is a check, not a reader's visit: the
 * coordinators' report links its queries so, and looking at "no result" queries does not count them again.
 * A marker on the link rather than "is staff signed in": the static site knows nothing of sessions, and a
 * marker holds whoever opens the link, in whichever browser.
 */
export const NOT_COUNTED_PARAM = 'uncounted';

/** What the browser says about tracking (either signal means nothing is sent), and whether this visit counts. */
export function mayRecord(): boolean {
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean };
  return nav.doNotTrack !== '1' && nav.globalPrivacyControl !== true && !new URLSearchParams(location.search).has(NOT_COUNTED_PARAM);
}

function send(path: string, body: object): void {
  if (!mayRecord()) return;
  // keepalive: an opened result navigates away at once, and the event must still arrive.
  fetch(`/api/analytics/${path}`, {
    method: 'POST', keepalive: true, credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  }).catch(() => { /* a lost count is no reader's problem */ });
}

const key = (query: string) => query.trim().toLowerCase().replace(/\s+/g, ' ');

function flush(): void {
  clearTimeout(timer);
  if (pending && !SENT_QUERIES.has(key(pending.query))) {
    SENT_QUERIES.add(key(pending.query));
    send('search', pending);
  }
  pending = undefined;
}

// A reader who leaves before the search settles (e.g. "No guide answers this — open a ticket" at once) still
// counts: that is the search the coordinators most need to see. keepalive lets the request outlive the page.
if (typeof addEventListener === 'function') addEventListener('pagehide', flush);

/** Results shown for a query: counted once per page and query, after the reader stops typing ('' cancels). */
export function searchShown(query: string, results: number): void {
  clearTimeout(timer);
  // An emptied box withdraws the search that had not settled.
  pending = query.trim() ? { query: query.trim().slice(0, 500), results } : undefined;
  if (!pending) return;
  timer = setTimeout(flush, SETTLE_MS);
}

/** A result opened from a query: its position, 1 for the first. */
export function resultOpened(query: string, position: number): void {
  // The search it came from counts first, even when it had not settled yet.
  if (pending && key(pending.query) === key(query)) flush();
  send('search', { query: query.trim().slice(0, 500), results: Math.max(position, 1), opened: position });
}

export function guideRated(guide: string, helpful: boolean, reason?: string): void {
  send('feedback', { guide, helpful, ...(reason ? { reason } : {}) });
}
