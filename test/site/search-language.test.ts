// The query's language on short queries, over the real guides: every result's title is in the
// query's language, English when the evidence is thin or split.
import { beforeAll, describe, expect, it } from 'vitest';
import { searchContent } from '../../site/src/evaluation/runEvaluation.ts';
import type { SearchCore } from '../../site/src/search/core.ts';

let search: SearchCore;
beforeAll(async () => {
  ({ search } = await searchContent('content'));
});

const languages = async (text: string) => [...new Set((await search.query(text, { limit: 8 })).map((result) => result.lang))];

describe('query language on short queries', () => {
  it.each([
    ['quota disque dépassé', 'fr'],
    ['conteneur sur LUMI', 'fr'],
    ['Rechenzeit abschätzen', 'de'],
    ['Warteschlange', 'de'],
    ['cuota de almacenamiento', 'es'],
    ['contenedores docker', 'es'],
    ['job bloccato in coda', 'it'],
    ['modelli senza internet', 'it'],
  ])('%s → every title in %s', async (text, lang) => {
    expect(await languages(text)).toEqual([lang]);
  });

  it.each(['AI for science call', 'slurm job', 'container apptainer', 'GPU', 'AIF fast lane', 'max walltime leonardo'])(
    'English query %s → English titles only',
    async (text) => {
      expect(await languages(text)).toEqual(['en']);
    },
  );
});
