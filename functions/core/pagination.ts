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
}

const invalidCursor = () => problems.invalid([{ field: 'cursor', message: 'Not a cursor from this listing.' }]);

/**
 * The start key in a cursor, accepted only if it has exactly the key of an item of this index partition
 * (base table and index keys, non-empty strings) and the listing's declared extras: DynamoDB answers any other
 * start key with an error, which must be the caller's 400, not our 500.
 */
export function decodeCursor(cursor: string | undefined, { attribute, value, extras = [] }: CursorShape): StartKey | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalidCursor();
  const keyAttributes = ['pk', 'sk', attribute, attribute.replace(/pk$/, 'sk')];
  const record = key as Record<string, unknown>;
  const names = Object.keys(record);
  const wellFormed = keyAttributes.every((name) => typeof record[name] === 'string' && record[name] !== '')
    && names.every((name) => keyAttributes.includes(name) || extras.includes(name))
    && record[attribute] === value;
  if (!wellFormed) throw invalidCursor();
  return record as StartKey;
}
