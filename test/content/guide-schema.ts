import { z } from 'zod';

// The same vocabularies the API validates tickets with, so a guide's category and systems always match.
export { TICKET_CATEGORIES, EUROHPC_SYSTEMS as SYSTEM_NAMES } from '../../functions/core/catalog.ts';
import { TICKET_CATEGORIES, EUROHPC_SYSTEMS as SYSTEM_NAMES } from '../../functions/core/catalog.ts';

export const I18N_LANGUAGES = ['fr', 'de', 'es', 'it'] as const;

const nonEmptyText = z.string().trim().min(1);
const kebabCaseTag = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'tags are lowercase kebab-case');
const httpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain });

const translation = z.strictObject({
  title: nonEmptyText,
  summary: nonEmptyText,
  keywords: z.array(nonEmptyText).min(5).max(10),
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
  lang: z.literal('en').optional(),
  sources: z.array(httpUrl).min(1),
  i18n: z.strictObject({
    fr: translation,
    de: translation,
    es: translation,
    it: translation,
  }),
});

export type GuideFrontMatter = z.infer<typeof guideFrontMatterSchema>;
