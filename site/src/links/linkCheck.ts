// The on-demand check of the guides' external sources (`npm run check:links`): which sources are dead
// and which redirect elsewhere (update the guide to the final address). Not part of the tests: it needs
// the internet. HEAD first, GET when a server refuses HEAD; a timeout per request; a few at a time.

export interface LinkUse {
  url: string;
  /** the guides citing it (as a source or in a Check note) */
  slugs: string[];
}

export type LinkResult =
  | { url: string; state: 'ok'; status: number }
  | { url: string; state: 'redirected'; status: number; finalUrl: string }
  | { url: string; state: 'dead'; status?: number; reason: string };

export interface CheckOptions {
  timeoutMs?: number;
  concurrency?: number;
  maxRedirects?: number;
  fetch?: typeof fetch;
}

/** Every external URL the guides cite, once, with the guides citing it (sorted, for a stable report). */
export function collectLinks(guides: ReadonlyArray<{ slug: string; sources: readonly string[]; checkSources: readonly string[] }>): LinkUse[] {
  const uses = new Map<string, Set<string>>();
  for (const guide of guides) {
    for (const url of [...guide.sources, ...guide.checkSources]) {
      const slugs = uses.get(url) ?? new Set<string>();
      slugs.add(guide.slug);
      uses.set(url, slugs);
    }
  }
  return [...uses.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([url, slugs]) => ({ url, slugs: [...slugs].sort() }));
}

// Servers that answer HEAD with these often serve GET fine.
const RETRY_WITH_GET = new Set([400, 403, 404, 405, 406, 429, 500, 501, 502, 503]);

async function request(url: string, method: 'HEAD' | 'GET', options: Required<CheckOptions>): Promise<Response> {
  const response = await options.fetch(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: { 'User-Agent': 'hpc-ai-support-centre-link-check/1.0', Accept: 'text/html,application/xhtml+xml,*/*' },
  });
  // The body is not needed; release the connection.
  await response.body?.cancel().catch(() => undefined);
  return response;
}

/** Follows redirects by hand so the final address can be reported. */
async function follow(url: string, method: 'HEAD' | 'GET', options: Required<CheckOptions>): Promise<{ response: Response; finalUrl: string }> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const response = await request(current, method, options);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      if (hop >= options.maxRedirects) throw new Error(`more than ${options.maxRedirects} redirects`);
      current = new URL(location, current).toString();
      continue;
    }
    return { response, finalUrl: current };
  }
}

export async function checkLink(url: string, options: CheckOptions = {}): Promise<LinkResult> {
  const settings: Required<CheckOptions> = { timeoutMs: 15_000, concurrency: 6, maxRedirects: 5, fetch: globalThis.fetch, ...options };
  let outcome: { response: Response; finalUrl: string } | undefined;
  let failure: unknown;
  try {
    outcome = await follow(url, 'HEAD', settings);
  } catch (error) {
    failure = error;
  }
  if (!outcome || RETRY_WITH_GET.has(outcome.response.status)) {
    try {
      outcome = await follow(url, 'GET', settings);
      failure = undefined;
    } catch (error) {
      failure ??= error;
      if (!outcome) return { url, state: 'dead', reason: describe(failure) };
    }
  }
  const { response, finalUrl } = outcome;
  if (response.status >= 400) return { url, state: 'dead', status: response.status, reason: `HTTP ${response.status}` };
  if (finalUrl !== url) return { url, state: 'redirected', status: response.status, finalUrl };
  return { url, state: 'ok', status: response.status };
}

function describe(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError') return 'timed out';
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(error);
}

/** Checks every link, `concurrency` at a time; results in the links' order. */
export async function checkLinks(urls: readonly string[], options: CheckOptions = {}, onResult?: (result: LinkResult) => void): Promise<LinkResult[]> {
  const results: LinkResult[] = new Array(urls.length);
  let next = 0;
  const worker = async () => {
    while (next < urls.length) {
      const index = next++;
      results[index] = await checkLink(urls[index] as string, options);
      onResult?.(results[index] as LinkResult);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 6, urls.length) }, worker));
  return results;
}
