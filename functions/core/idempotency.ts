import { fingerprint, idempotentId, newId } from './ids.ts';
import { violation } from './violation.ts';

/**
 * A creation that a client may retry under an Idempotency-Key. The same caller and key always map to the same
 * id, so a retry's conditional create fails and the first result is read instead; the request's fingerprint,
 * stored with that result, tells a true retry from a key reused for another request.
 */
export interface IdempotentCreation {
  id: string;
  keyed: boolean;
  /** Spread into the stored item: the fingerprint, kept only when a key was sent. */
  stamp: { requestFingerprint?: string };
  /** Refuses (`idempotency.key-reused`, field Idempotency-Key) a stored result made for a different request than this one. */
  assertSameRequest(stored: { requestFingerprint?: string }): void;
}

/** `scope` keeps ids of different kinds apart; `request` is what a retry must repeat exactly. */
export function idempotentCreation(scope: string, callerId: string, key: string | undefined, request: unknown): IdempotentCreation {
  const requestFingerprint = fingerprint(request);
  return {
    id: key === undefined ? newId() : idempotentId(scope, callerId, key),
    keyed: key !== undefined,
    stamp: key === undefined ? {} : { requestFingerprint },
    assertSameRequest(stored) {
      if (stored.requestFingerprint !== requestFingerprint) {
        throw violation('idempotency.key-reused', 'This Idempotency-Key was used for a different request.', { field: 'Idempotency-Key' });
      }
    },
  };
}
