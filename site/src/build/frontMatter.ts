// Front matter: YAML between `---` lines, validated against the content contract. Messages name
// the file and the field, because a guide writer must be able to fix them without reading code.
// js-yaml with its YAML 1.2 core schema: the same values as the `yaml` package (dates stay strings),
// parsed about ten times faster, which was a third of a 1,000-guide build.
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { z } from 'zod';
import { CATEGORY_IDS, SYSTEMS } from './vocabulary.ts';
import { isIsoDate } from './dates.ts';
import { choiceError, problemLine, unknownKeysError, writerMessage } from './contractMessages.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const kebabTag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase kebab-case, like "batch-jobs"');
const isoDateMessage = 'must be an ISO date like 2026-11-27';
const isoDate = z
  .union([z.string(), z.date()], { error: isoDateMessage })
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  // A real date, not only its shape: the review due date is computed from it (dates.ts), and an impossible one
  // ("2027-13-45") threw there, after the output folder had been emptied.
  .pipe(z.string().refine(isIsoDate, isoDateMessage));

/** A strict object whose unknown keys are named with the closest known one (a typo is the usual cause). */
export function fields<Shape extends z.ZodRawShape>(shape: Shape, noun = 'field', wrongType?: string) {
  const unknownKeys = unknownKeysError(noun, Object.keys(shape));
  return z.strictObject(shape, {
    error: (issue) => unknownKeys(issue) ?? (issue.code === 'invalid_type' && issue.input !== undefined ? wrongType : undefined),
  });
}

const translation = fields(
  { title: nonEmpty, summary: nonEmpty, keywords: z.array(nonEmpty).default([]), questions: z.array(nonEmpty).default([]) },
  'field',
  'must be a translation\'s fields, like { title: ..., summary: ... }',
);

export const guideFrontMatterSchema = fields({
  title: nonEmpty,
  summary: nonEmpty,
  tags: z.array(kebabTag).min(1, 'needs at least one tag'),
  category: z
    .enum(CATEGORY_IDS, { error: choiceError({ one: 'category', many: 'categories' }, CATEGORY_IDS, 'TICKET_CATEGORY_LABELS in functions/core/catalog.ts') })
    .optional(),
  systems: z.array(z.enum(SYSTEMS, { error: choiceError({ one: 'system', many: 'systems' }, SYSTEMS, 'EUROHPC_SYSTEMS in functions/core/catalog.ts') })).default([]),
  audience: z.array(nonEmpty).default([]),
  updated: isoDate.optional(),
  /** when an expert last checked the guide against its sources */
  reviewed: isoDate.optional(),
  /** the id of the expert who keeps the guide right (an entry of experts.json) */
  owner: nonEmpty.optional(),
  lang: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code, like en or fr').default('en'),
  /** what readers ask that the guide answers, in their words (indexed with a boost) */
  questions: z.array(nonEmpty).default([]),
  sources: z.array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })).default([]),
  i18n: fields(
    { fr: translation.optional(), de: translation.optional(), es: translation.optional(), it: translation.optional() },
    'language',
    `must be translations by language, like fr: { title: ..., summary: ... }`,
  ).optional(),
});
export type GuideFrontMatter = z.infer<typeof guideFrontMatterSchema>;

/** Site pages (home, about) share the fields but only need a title and a summary. */
export const pageFrontMatterSchema = guideFrontMatterSchema.extend({ tags: z.array(kebabTag).default([]) });

// An empty block (--- right after ---) is a block with no fields, not an unclosed one.
const FENCE = /^---\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

export interface ParsedFile<T> {
  data: T;
  body: string;
}

export function parseFrontMatter<T>(source: string, file: string, schema: z.ZodType<T>): ParsedFile<T> {
  const match = FENCE.exec(source);
  if (!match) {
    // An opening --- with no closing one would otherwise read as "missing", which sends the writer looking at the top.
    if (/^---[ \t]*\r?\n/.test(source)) throw new FrontMatterError([`${file}: front matter is not closed: add a line with --- after its last field`]);
    throw new FrontMatterError([`${file}: missing front matter (a YAML block between --- lines at the top)`]);
  }
  let raw: unknown;
  try {
    raw = loadYaml(match[1] ?? '', { schema: CORE_SCHEMA });
  } catch (error) {
    throw new FrontMatterError([`${file}: front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  // writerMessage speaks for every issue a field's own message does not cover (zod asks the schema's first).
  const result = schema.safeParse(raw ?? {}, { error: writerMessage });
  if (!result.success) throw new FrontMatterError(result.error.issues.map((issue) => problemLine(file, 'front matter', issue)));
  return { data: result.data, body: source.slice(match[0].length) };
}

export class FrontMatterError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
