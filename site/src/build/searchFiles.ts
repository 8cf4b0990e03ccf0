// The search index's documents are guide sections: the introduction carries the guide's title,
// tags, summary and translations; every other section its heading, body and (weakly) the guide title.
import { buildIndexContent } from '../search/indexer.ts';
import { encodeIndex } from '../search/format.ts';
import { FOREIGN_LANGUAGES } from '../search/analysis.ts';
import type { SectionFields } from '../search/fields.ts';
import type { DocsTable } from '../search/types.ts';
import type { Guide, SiteModel } from './model.ts';

const MAX_SECTION_TEXT = 5000;

export interface SearchFiles {
  index: Uint8Array;
  docs: DocsTable;
  /** per guide, the plain text of each of its sections (for snippets) */
  texts: string[][];
  sectionCount: number;
}

/** What the index is built from, and what is shipped beside it: cheap to compute. */
export interface SearchInputs {
  documents: SectionFields[];
  docs: DocsTable;
  texts: string[][];
}

export function buildSearchFiles(model: SiteModel): SearchFiles {
  const { documents, docs, texts } = searchInputs(model);
  return { index: encodeIndex(buildIndexContent(documents)), docs, texts, sectionCount: documents.length };
}

/** One guide's part of the search inputs: its section documents, its docs-table row and its section texts. */
export interface GuideSearchInput {
  documents: SectionFields[];
  guide: DocsTable['guides'][number];
  sections: { anchor: string; heading: string }[];
  texts: string[];
}

export function searchInputs(model: SiteModel): SearchInputs {
  return joinSearchInputs(model.guides.map(guideSearchInput));
}

/** The guides' parts in index order (the order of `model.guides`, by slug). */
export function joinSearchInputs(guides: readonly GuideSearchInput[]): SearchInputs {
  const documents: SectionFields[] = [];
  const docs: DocsTable = { guides: [], sections: { guide: [], anchor: [], heading: [] } };
  const texts: string[][] = [];
  guides.forEach((input, guideNumber) => {
    docs.guides.push(input.guide);
    for (const document of input.documents) documents.push(document);
    for (const section of input.sections) {
      docs.sections.guide.push(guideNumber);
      docs.sections.anchor.push(section.anchor);
      docs.sections.heading.push(section.heading);
    }
    texts.push(input.texts);
  });
  return { documents, docs, texts };
}

export function guideSearchInput(guide: Pick<Guide, 'slug' | 'meta' | 'rendered'>): GuideSearchInput {
  const { meta } = guide;
  const i18n: DocsTable['guides'][number]['i18n'] = {};
  for (const lang of FOREIGN_LANGUAGES) {
    const translation = meta.i18n?.[lang];
    if (translation) i18n[lang] = { title: translation.title, summary: translation.summary };
  }
  const input: GuideSearchInput = {
    documents: [],
    guide: { slug: guide.slug, title: meta.title, summary: meta.summary, ...(Object.keys(i18n).length > 0 ? { i18n } : {}) },
    sections: [],
    texts: [],
  };
  guide.rendered.sections.forEach((section, i) => {
    const fields: SectionFields = { heading: section.heading, body: section.text };
    if (i === 0) {
      fields.title = meta.title;
      fields.tags = meta.tags.join(' ');
      fields.summary = meta.summary;
      fields.questions = meta.questions.join(' ');
      for (const lang of FOREIGN_LANGUAGES) {
        const translation = meta.i18n?.[lang];
        if (!translation) continue;
        fields[`title_${lang}`] = translation.title;
        fields[`summary_${lang}`] = translation.summary;
        fields[`keywords_${lang}`] = translation.keywords.join(' ');
        fields[`questions_${lang}`] = translation.questions.join(' ');
      }
    } else {
      fields.guide = meta.title;
    }
    input.documents.push(fields);
    input.sections.push({ anchor: section.anchor, heading: section.heading });
    input.texts.push(section.text.slice(0, MAX_SECTION_TEXT));
  });
  return input;
}
