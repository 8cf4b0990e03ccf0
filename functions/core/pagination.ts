import { problems } from './problem.ts';

export type StartKey = Record<string, string | number>;

/** Opaque to clients; the server checks it points into the partition being queried. */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | undefined {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : undefined;
}

export interface CursorShape {
  /** The index's partition-key attribute (gsiNpk) and the partition this listing queries. */
  attribute: string;
  value: string;
  /** Attributes the listing adds to its cursors beyond the key (e.g. the filter it belongs to). */
  extras?: readonly string[];
  /** The listing's key condition on the index sort key: a start key outside it is an error in DynamoDB. */
  sortKeyBelow?: string;
}

/**
 * Our keys are ids and timestamps, far below this; DynamoDB refuses a sort key over 1,024 bytes (base and index
 * sort keys together) with an error, so longer values are refused here first.
 */
const MAX_KEY_BYTES = 256;

const invalidCursor = () => problems.invalid([{ field: 'cursor', message: 'Not a cursor from this listing.' }]);

/**
 * The start key in a cursor, accepted only if it has exactly the key of an item of this index partition
 * (base table and index keys, non-empty strings of a key's size, the sort key within the listing's range) and the
 * listing's declared extras: DynamoDB answers any other
 * start key with an error, which must be the caller's 400, not our 500.
 */
export function decodeCursor(cursor: string | undefined, { attribute, value, extras = [], sortKeyBelow }: CursorShape): StartKey | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalidCursor();
  const sortAttribute = attribute.replace(/pk$/, 'sk');
  const keyAttributes = ['pk', 'sk', attribute, sortAttribute];
  const record = key as Record<string, unknown>;
  const names = Object.keys(record);
  const wellFormed = keyAttributes.every((name) => typeof record[name] === 'string' && record[name] !== '' && Buffer.byteLength(record[name]) <= MAX_KEY_BYTES)
    && names.every((name) => keyAttributes.includes(name) || extras.includes(name))
    && record[attribute] === value
    && (sortKeyBelow === undefined || (record[sortAttribute] as string) < sortKeyBelow);
  if (!wellFormed) throw invalidCursor();
  return record as StartKey;
}
