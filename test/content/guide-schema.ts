import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

// The same vocabularies the API validates tickets with, so a guide's category and systems always match.
export { TICKET_CATEGORIES, EUROHPC_SYSTEMS as SYSTEM_NAMES } from '../../functions/core/catalog.ts';
import { TICKET_CATEGORIES, EUROHPC_SYSTEMS as SYSTEM_NAMES } from '../../functions/core/catalog.ts';

export const I18N_LANGUAGES = ['fr', 'de', 'es', 'it'] as const;

const nonEmptyText = z.string().trim().min(1);
const kebabCaseTag = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'tags are lowercase kebab-case');
// Sources must be absolute https URLs: readers follow them, and the link check fetches them.
const httpsUrl = z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'must be an absolute https URL' });

/** The experts who may own guides: content/experts.json, the list the site build reads too. */
export const EXPERT_IDS: readonly string[] = (
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../content/experts.json'), 'utf8')) as { experts: { id: string }[] }
).experts.map((expert) => expert.id);

const translation = z.strictObject({
  title: nonEmptyText,
  summary: nonEmptyText,
  keywords: z.array(nonEmptyText).min(5).max(10),
  questions: z.array(nonEmptyText).max(10).optional(),
});

/**
 * The front matter every guide must carry. Strict: an unknown or misspelt key is an error, because the
 * site silently ignores it and the guide would lose that field without anyone noticing.
 */
export const guideFrontMatterSchema = z.strictObject({
  title: nonEmptyText,
  summary: nonEmptyText,
  tags: z.array(kebabCaseTag).min(1),
  category: z.enum(TICKET_CATEGORIES),
  systems: z.array(z.enum(SYSTEM_NAMES)),
  audience: z.array(nonEmptyText).min(1),
  // YAML 1.2 (the `yaml` package's default) keeps 2026-11-27 a string.
  updated: z.iso.date(),
  /** when an expert last checked the guide against its sources */
  reviewed: z.iso.date(),
  /** who keeps it right: an expert of content/experts.json */
  owner: z.string().refine((id) => EXPERT_IDS.includes(id), { message: `must be one of the experts in content/experts.json` }),
  lang: z.literal('en').optional(),
  sources: z.array(httpsUrl).min(1),
  /** what readers ask that the guide answers, in their words: the search indexes them with a boost */
  questions: z.array(nonEmptyText).min(3).max(12),
  i18n: z.strictObject({
    fr: translation,
    de: translation,
    es: translation,
    it: translation,
  }),
});

export type GuideFrontMatter = z.infer<typeof guideFrontMatterSchema>;
