import { createHash } from 'node:crypto';
import { ulid } from 'ulid';

export function newId(): string {
  return ulid().toLowerCase();
}

/**
 * Id for a creation retried under an Idempotency-Key: the same caller and key always map to the same id,
 * so a conditional put turns the retry into a read of the first result.
 */
export function idempotentId(scope: string, callerId: string, key: string): string {
  const digest = createHash('sha256').update(`${scope}\u0000${callerId}\u0000${key}`).digest('hex');
  return `k${digest.slice(0, 25)}`;
}

/** A stable fingerprint of a request body, to refuse an Idempotency-Key reused for a different request. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}
