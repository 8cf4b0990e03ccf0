// Front matter: YAML between `---` lines, validated against the content contract. Messages name
// the file and the field, because a guide writer must be able to fix them without reading code.
// js-yaml with its YAML 1.2 core schema: the same values as the `yaml` package (dates stay strings),
// parsed about ten times faster, which was a third of a 1,000-guide build.
import { load as loadYaml, CORE_SCHEMA } from 'js-yaml';
import { z } from 'zod';
import { CATEGORY_IDS, SYSTEMS } from './vocabulary.ts';
import { isIsoDate } from './dates.ts';

const nonEmpty = z.string().trim().min(1, 'must not be empty');
const kebabTag = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase kebab-case, like "batch-jobs"');
const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  // A real date, not only its shape: the review due date is computed from it (dates.ts), and an impossible one
  // ("2027-13-45") threw there, after the output folder had been emptied.
  .pipe(z.string().refine(isIsoDate, 'must be an ISO date like 2026-11-27'));

const translation = z.strictObject({
  title: nonEmpty,
  summary: nonEmpty,
  keywords: z.array(nonEmpty).default([]),
  questions: z.array(nonEmpty).default([]),
});

export const guideFrontMatterSchema = z.strictObject({
  title: nonEmpty,
  summary: nonEmpty,
  tags: z.array(kebabTag).min(1, 'needs at least one tag'),
  category: z.enum(CATEGORY_IDS).optional(),
  systems: z.array(z.enum(SYSTEMS)).default([]),
  audience: z.array(nonEmpty).default([]),
  updated: isoDate.optional(),
  /** when an expert last checked the guide against its sources */
  reviewed: isoDate.optional(),
  /** the id of the expert who keeps the guide right (an entry of experts.json) */
  owner: nonEmpty.optional(),
  lang: z.string().regex(/^[a-z]{2}$/, 'must be a two-letter language code').default('en'),
  /** what readers ask that the guide answers, in their words (indexed with a boost) */
  questions: z.array(nonEmpty).default([]),
  sources: z.array(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })).default([]),
  i18n: z
    .strictObject({ fr: translation.optional(), de: translation.optional(), es: translation.optional(), it: translation.optional() })
    .optional(),
});
export type GuideFrontMatter = z.infer<typeof guideFrontMatterSchema>;

/** Site pages (home, about) share the fields but only need a title and a summary. */
export const pageFrontMatterSchema = guideFrontMatterSchema.extend({ tags: z.array(kebabTag).default([]) });

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

export interface ParsedFile<T> {
  data: T;
  body: string;
}

export function parseFrontMatter<T>(source: string, file: string, schema: z.ZodType<T>): ParsedFile<T> {
  const match = FENCE.exec(source);
  if (!match) throw new FrontMatterError([`${file}: missing front matter (a YAML block between --- lines at the top)`]);
  let raw: unknown;
  try {
    raw = loadYaml(match[1] ?? '', { schema: CORE_SCHEMA });
  } catch (error) {
    throw new FrontMatterError([`${file}: front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const result = schema.safeParse(raw ?? {});
  if (!result.success) {
    throw new FrontMatterError(
      result.error.issues.map((issue) => {
        const where = issue.path.reduce<string>(
          (path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key)),
          '',
        );
        if (issue.code === 'unrecognized_keys') {
          return `${file}: front matter${where ? ` field "${where}"` : ''} has unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
        }
        const detail = /received undefined$/.test(issue.message) ? 'is required' : issue.message;
        return `${file}: front matter field "${where}": ${detail}`;
      }),
    );
  }
  return { data: result.data, body: source.slice(match[0].length) };
}

export class FrontMatterError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
