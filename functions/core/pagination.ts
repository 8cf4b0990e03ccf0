import { problems } from './problem.ts';

export type StartKey = Record<string, string | number>;

/** Opaque to clients; the server checks it points into the partition being queried. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

export function decodeCursor(cursor: string | undefined, partition: { attribute: string; value: string }): StartKey | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  const valid = typeof key === 'object' && key !== null && !Array.isArray(key)
    && Object.keys(key).length <= 6
    && Object.values(key).every((v) => typeof v === 'string' || typeof v === 'number')
    && (key as StartKey)[partition.attribute] === partition.value;
  if (!valid) throw problems.invalid([{ field: 'cursor', message: 'Not a cursor from this listing.' }]);
  return key as StartKey;
}
