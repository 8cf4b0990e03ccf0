import * as z from 'zod/mini';
import { CONTROL_CHARACTER, INVISIBLE_OR_BIDI, LINE_BREAK } from './characters.ts';
import { plural } from './plural.ts';

/**
 * Names or describes a schema in the OpenAPI document (`id` makes it a component). The metadata lives in
 * zod's global registry, which the build-time document generator reads; validation ignores it.
 */
export function documented<T extends z.ZodMiniType>(schema: T, meta: { id?: string; description?: string; example?: unknown }): T {
  z.globalRegistry.add(schema as z.ZodMiniType, meta);
  return schema;
}

/** Text a person typed: well-formed Unicode (no lone surrogates, which DynamoDB cannot store) and no control characters (C0, DEL, C1) but newlines and tabs. */
export function text(min: number, max: number) {
  return z.string().check(
    z.refine((value) => value.isWellFormed(), 'Contains invalid Unicode.'),
    z.refine((value) => !CONTROL_CHARACTER.test(value), 'Contains control characters.'),
    z.refine((value) => value.trim().length >= min, min <= 1 ? 'Must not be empty.' : `Must have at least ${plural(min, 'character')}.`),
    z.refine((value) => value.length <= max, `Must have at most ${plural(max, 'character')}.`),
  );
}

/**
 * One line a person typed that others read as a heading (a ticket subject, a booking topic): text without line
 * breaks, bidi overrides or invisible characters, which could make a mail or a list say something else.
 */
export function line(min: number, max: number) {
  return text(min, max).check(
    z.refine((value) => !LINE_BREAK.test(value), 'Must be one line.'),
    z.refine((value) => !INVISIBLE_OR_BIDI.test(value), 'Contains invisible or text-direction characters.'),
  );
}

/** A one-line identifier typed by a person (project id, job id). */
export function shortText(max: number) {
  return z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.regex(/^[\p{L}\p{N} ._:\/#@+-]+$/u, 'Use letters, digits and . _ : / # @ + - only.'));
}

/** A guide's slug, as in its address `/guides/<slug>/`. */
export const GuideSlug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'A guide slug.'));

export const Id = z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'Not an id.'));

/** An integer from a query string ("25"), within bounds, with a default when absent. */
export function queryInteger(min: number, max: number, fallback: number) {
  return z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);
}

/** The opaque paging cursor a list returned. */
export const Cursor = z.optional(z.string().check(z.maxLength(2048)));

/** A page of items: `cursor` is there when more follow. */
export function pageOf<T extends z.ZodMiniType>(item: T) {
  return z.object({ items: z.array(item), cursor: z.optional(z.string()) });
}
