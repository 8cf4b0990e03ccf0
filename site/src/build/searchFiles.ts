// The search index's documents are guide sections: the introduction carries the guide's title,
// tags, summary and translations; every other section its heading, body and (weakly) the guide title.
import { buildIndexContent } from '../search/indexer.ts';
import { encodeIndex } from '../search/format.ts';
import { FOREIGN_LANGUAGES } from '../search/analysis.ts';
import type { SectionFields } from '../search/fields.ts';
import type { DocsTable } from '../search/types.ts';
import type { SiteModel } from './model.ts';

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

export function searchInputs(model: SiteModel): SearchInputs {
  const documents: SectionFields[] = [];
  const docs: DocsTable = { guides: [], sections: { guide: [], anchor: [], heading: [] } };
  const texts: string[][] = [];
  model.guides.forEach((guide, guideNumber) => {
    const { meta } = guide;
    const i18n: DocsTable['guides'][number]['i18n'] = {};
    for (const lang of FOREIGN_LANGUAGES) {
      const translation = meta.i18n?.[lang];
      if (translation) i18n[lang] = { title: translation.title, summary: translation.summary };
    }
    docs.guides.push({ slug: guide.slug, title: meta.title, summary: meta.summary, ...(Object.keys(i18n).length > 0 ? { i18n } : {}) });
    const guideTexts: string[] = [];
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
      documents.push(fields);
      docs.sections.guide.push(guideNumber);
      docs.sections.anchor.push(section.anchor);
      docs.sections.heading.push(section.heading);
      guideTexts.push(section.text.slice(0, MAX_SECTION_TEXT));
    });
    texts.push(guideTexts);
  });
  return { documents, docs, texts };
}
