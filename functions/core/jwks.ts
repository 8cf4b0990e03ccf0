import { createPublicKey, type KeyObject } from 'node:crypto';

/** How long fetched keys are trusted before the set is read again (as jose's default), and the least time between reads. */
const MAX_AGE_MS = 10 * 60_000;
const COOLDOWN_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;
/** RS256 keys shorter than this are refused (RFC 7518 §3.3). */
const MIN_MODULUS_BITS = 2048;

interface Jwk {
  kty?: unknown;
  kid?: unknown;
  use?: unknown;
  alg?: unknown;
  n?: unknown;
  e?: unknown;
}

/**
 * The RSA signing keys of a JWKS address by key id, fetched on first use and again when a token names a key not
 * held (the issuer rotated its keys) but at most every 30 s, so forged key ids cannot make us hammer the issuer.
 */
export function remoteRsaKeys(url: URL): (kid: string) => Promise<KeyObject | undefined> {
  let held: { keys: Map<string, KeyObject>; at: number } | undefined;
  let loading: Promise<Map<string, KeyObject>> | undefined;

  async function fetchKeys(): Promise<Map<string, KeyObject>> {
    const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`JWKS answered ${response.status}`);
    const { keys } = (await response.json()) as { keys?: Jwk[] };
    const usable = new Map<string, KeyObject>();
    for (const jwk of Array.isArray(keys) ? keys : []) {
      if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || typeof jwk.n !== 'string' || typeof jwk.e !== 'string') continue;
      if ((jwk.use !== undefined && jwk.use !== 'sig') || (jwk.alg !== undefined && jwk.alg !== 'RS256')) continue;
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
      if ((key.asymmetricKeyDetails?.modulusLength ?? 0) >= MIN_MODULUS_BITS) usable.set(jwk.kid, key);
    }
    held = { keys: usable, at: Date.now() };
    return usable;
  }

  function reload(): Promise<Map<string, KeyObject>> {
    loading ??= fetchKeys().finally(() => { loading = undefined; });
    return loading;
  }

  return async (kid) => {
    if (!held || Date.now() - held.at > MAX_AGE_MS) return (await reload()).get(kid);
    if (!held.keys.has(kid) && Date.now() - held.at > COOLDOWN_MS) return (await reload()).get(kid);
    return held.keys.get(kid);
  };
}
