// Validation messages read as people write: plain sentences with proper plurals, never zod's notation
// ("Too small: expected number to be >=0") nor API words ("pick one of GET /api/experts/{id}/slots").
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { fieldErrors } from '../../functions/core/validation.ts';
import { plainIssueMessage } from '../../functions/core/validation-messages.ts';
import { oneOf, plural } from '../../functions/core/plural.ts';
import * as bookingSchemas from '../../functions/bookings/schemas.ts';
import * as ticketSchemas from '../../functions/tickets/schemas.ts';
import * as notifySchemas from '../../functions/notify/schemas.ts';

const ZOD_NOTATION = /expected|received|>=|<=|Too small|Too big|Invalid (input|option|string)|Unrecognized/;
/** "1 characters", "over 1 tickets": a count of one with a plural noun. */
const BAD_PLURAL = /(?<![\d.])1 (?!or\b|and\b)[a-z]+s\b/;

const BAD_VALUES: unknown[] = [12345, -1, '', 'x'.repeat(20_000), [], [-1, '', 'zz'], { nested: true }, true, 'not-a-date', 1.5];

/** Every message the schemas give for bad values of each of their fields (and for unknown and missing fields). */
function messagesOf(schema: z.ZodMiniType): string[] {
  const shape = (schema as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape;
  const inputs: unknown[] = [{}, { surprise: 1 }, ...BAD_VALUES];
  for (const key of Object.keys(shape ?? {})) for (const value of BAD_VALUES) inputs.push({ [key]: value });
  return inputs.flatMap((input) => {
    const result = z.safeParse(schema, input);
    return result.success ? [] : fieldErrors(result.error.issues).map((error) => `${error.field}: ${error.message}`);
  });
}

const schemas = (Object.entries({ ...bookingSchemas, ...ticketSchemas, ...notifySchemas }) as Array<[string, unknown]>)
  .filter((entry): entry is [string, z.ZodMiniType] => typeof entry[1] === 'object' && entry[1] !== null && '_zod' in entry[1]);

describe('validation messages', () => {
  it('every request schema answers bad input in plain sentences with proper plurals', () => {
    expect(schemas.length).toBeGreaterThan(10);
    const messages = schemas.flatMap(([name, schema]) => messagesOf(schema).map((message) => `${name} ${message}`));
    expect(messages.length).toBeGreaterThan(100);
    expect(messages.filter((message) => ZOD_NOTATION.test(message) || BAD_PLURAL.test(message))).toEqual([]);
  });

  it('says limits as people do', () => {
    expect(plainIssueMessage({ code: 'too_small', origin: 'number', minimum: 0, inclusive: true })).toBe('Must be 0 or more.');
    expect(plainIssueMessage({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true })).toBe('Must not be empty.');
    expect(plainIssueMessage({ code: 'too_small', origin: 'string', minimum: 3, inclusive: true })).toBe('Must have at least 3 characters.');
    expect(plainIssueMessage({ code: 'too_big', origin: 'array', maximum: 1, inclusive: true })).toBe('Must have at most 1 entry.');
    expect(plainIssueMessage({ code: 'invalid_value', values: ['low', 'normal', 'high'] })).toBe('Must be one of "low", "normal" or "high".');
    expect(plainIssueMessage({ code: 'invalid_type', expected: 'number', input: 'x' })).toBe('Must be a number.');
    expect(plural(1, 'ticket')).toBe('1 ticket');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(oneOf(['a', 'b', 'c'])).toBe('a, b or c');
  });

  // No zod locale is loaded (it cost every bundle ~1 KB gzip): the issues the schemas above never raise get a
  // plain sentence too, not zod's bare "Invalid input".
  it.each([
    ['a key outside a record\'s keys', z.record(z.string().check(z.regex(/^[a-z]+$/)), z.number()), { Medium: 1 }, 'Has a key that is not accepted.'],
    ['a date too early', z.date().check(z.minimum(new Date('2026-01-01'))), new Date('2025-01-01'), 'Is too small.'],
    ['a refine without a message', z.string().check(z.refine((value) => value === 'yes')), 'no', 'Is not an accepted value.'],
    ['an unexpected type', z.bigint(), 'x', 'Is not the expected kind of value.'],
    ['a pattern', z.string().check(z.regex(/^a/)), 'b', 'Is not in the expected form.'],
  ] as Array<[string, z.ZodMiniType, unknown, string]>)('says %s in a sentence', (_case, schema, input, message) => {
    const result = z.safeParse(schema, input);
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!.issues).map((error) => error.message)).toEqual([message]);
  });

  it('no problem message in functions/** names an endpoint or a path template', async () => {
    const root = path.resolve(import.meta.dirname, '../../functions');
    const files = (await readdir(root, { recursive: true })).filter((file) => file.endsWith('.ts'));
    const offending: string[] = [];
    for (const file of files) {
      const source = await readFile(path.join(root, file), 'utf8');
      for (const match of source.matchAll(/problems\.\w+\(\s*(['`])((?:(?!\1).)*)\1/g)) {
        const message = match[2]!;
        if (/\b(GET|POST|PUT|PATCH|DELETE) \/|\/api\/|(?<!\$)\{[a-z]+\}/.test(message) || BAD_PLURAL.test(message)) offending.push(`${file}: ${message}`);
      }
      for (const match of source.matchAll(/(?:message|detail): (['`])((?:(?!\1).)*)\1/g)) {
        if (/\b(GET|POST|PUT|PATCH|DELETE) \/|\{[a-z]+\}\//.test(match[2]!)) offending.push(`${file}: ${match[2]}`);
      }
    }
    expect(offending).toEqual([]);
  });
});
