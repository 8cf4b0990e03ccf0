// Ranking through the same code the browser's search worker runs (site/src/search/core.ts), on the
// fixture guides built into a temporary site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInto, FIXTURE_CONTENT, removeTempDirs } from './helpers.ts';
import { searchBuiltSite } from './searchSource.ts';
import type { SearchCore } from '../../site/src/search/core.ts';

let search: SearchCore;
const urls = async (text: string, limit = 10) => (await search.query(text, { limit })).map((result) => result.url);

beforeAll(async () => {
  const { outDir } = await buildInto(FIXTURE_CONTENT);
  search = await searchBuiltSite(outDir);
});
afterAll(removeTempDirs);

describe('search ranking on the fixture guides', () => {
  it('returns the section whose heading equals the query first', async () => {
    expect((await urls('Reading pending reasons'))[0]).toBe('/guides/slurm-basics/#reading-pending-reasons');
    expect((await urls('storage quotas'))[0]).toBe('/guides/data-transfer/#storage-quotas');
    expect((await urls('Launching with torchrun'))[0]).toBe('/guides/pytorch-distributed/#launching-with-torchrun');
  });

  it('returns the guide introduction first for a query equal to its title', async () => {
    expect((await urls('Running containers with Apptainer'))[0]).toBe('/guides/containers/');
  });

  it('completes the word being typed', async () => {
    expect((await search.query('slur'))[0]?.slug).toBe('slurm-basics');
    expect((await urls('launching torchr'))[0]).toBe('/guides/pytorch-distributed/#launching-with-torchrun');
    // a finished word (followed by a space) is not completed
    expect(await search.query('slur ')).toEqual([]);
  });

  it('forgives one typo in words of five letters or more, not in shorter ones', async () => {
    expect((await search.query('aptainer '))[0]?.slug).toBe('containers');
    expect((await search.query('torchrnu '))[0]?.slug).toBe('pytorch-distributed');
    expect(await search.query('slrm ')).toEqual([]);
    expect((await search.query('apptainerr '))[0]?.slug).toBe('containers');
    expect(await search.query('aptaainerr ')).toEqual([]);
  });

  it('ranks sections matching all the words above sections matching some of them', async () => {
    const results = await urls('gpu quotas ');
    expect(results[0]).toBe('/guides/pytorch-distributed/#when-memory-runs-out');
    // the heading matches of single words come after, though they score higher on their own word
    expect(results).toContain('/guides/data-transfer/#storage-quotas');
    expect(results).toContain('/guides/containers/#gpu-access-inside-containers');
  });

  it('ranks the same whether the all-words shortcut applies (small limit) or not (large limit)', async () => {
    for (const text of ['gpu quotas ', 'slurm job ', 'job pending reason ', 'containers gpu ', 'memory storage ']) {
      const few = await urls(text, 2);
      expect(few.length, text).toBe(2);
      expect(few, text).toEqual((await urls(text, 50)).slice(0, 2));
    }
  });

  it('ignores stop words', async () => {
    expect(await urls('how to cancel a job ')).toEqual(await urls('cancel job '));
    expect((await urls('how to cancel a job '))[0]).toBe('/guides/slurm-basics/#cancelling-jobs');
    expect(await search.query('the ')).toEqual([]);
  });

  it('answers "no good match" (no results) when the best section matches at most half of the words', async () => {
    expect(await search.query('kubernetes helm chart ')).toEqual([]);
    expect(await search.query('title:slurm')).toEqual([]);
    expect((await search.query('slurm pending reasons '))[0]?.slug).toBe('slurm-basics');
    // a word matched only through a typo counts half: two of three words well matched still answer
    expect((await search.query('aptainer containers gpu '))[0]?.slug).toBe('containers');
  });

  it('never throws on lunr query syntax in user input', async () => {
    for (const text of [':', '~', '^', '*', '+', '-', 'title:slurm', 'slurm~2', '+slurm -gpu', 'gpu^10', 'sl*rm', '"unclosed', '\\', '***', '~~~1', ':::', '-', 'a:b:c ~ ^ * + -']) {
      await expect(search.query(text), text).resolves.toBeInstanceOf(Array);
    }
    // "title" is not a word of the guides: "title:slurm" matches half of it, no good match
    expect((await search.query('slurm:'))[0]?.slug).toBe('slurm-basics');
    expect((await search.query('+scancel'))[0]?.url).toBe('/guides/slurm-basics/#cancelling-jobs');
  });

  it('highlights the matched words in an escaped snippet', async () => {
    const [first] = await search.query('pending reasons ');
    expect(first?.snippetHtml).toContain('<mark>pending</mark>');
    expect(first?.snippetHtml).toContain('<mark>reason</mark>');
    expect(first?.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
    expect(first?.sectionTitle).toBe('Reading pending reasons');
    expect(first?.guideTitle).toBe('Submitting jobs with Slurm');
  });

  it('suggests distinct guides for the new-ticket form', async () => {
    const results = await search.query('slurm job ', { limit: 3, distinctGuides: true });
    expect(new Set(results.map((result) => result.slug)).size).toBe(results.length);
    expect(results[0]?.slug).toBe('slurm-basics');
  });
});

describe('multilingual search finds the guide and shows the title in the query language', () => {
  const cases = [
    { lang: 'fr', text: 'soumettre des tâches', slug: 'slurm-basics', title: 'Soumettre des tâches avec Slurm' },
    { lang: 'fr', text: 'exécuter un conteneur', slug: 'containers', title: 'Exécuter des conteneurs avec Apptainer' },
    { lang: 'de', text: 'Datenübertragung auf den Supercomputer', slug: 'data-transfer', title: 'Daten auf den Supercomputer übertragen' },
    { lang: 'de', text: 'Jobs einreichen', slug: 'slurm-basics', title: 'Jobs mit Slurm einreichen' },
    { lang: 'es', text: 'entrenamiento distribuido', slug: 'pytorch-distributed', title: 'Entrenamiento distribuido con PyTorch' },
    { lang: 'es', text: 'enviar trabajos', slug: 'slurm-basics', title: 'Enviar trabajos con Slurm' },
    { lang: 'it', text: 'addestramento distribuito', slug: 'pytorch-distributed', title: 'Addestramento distribuito con PyTorch' },
    { lang: 'it', text: 'eseguire container', slug: 'containers', title: 'Eseguire container con Apptainer' },
  ] as const;

  for (const { lang, text, slug, title } of cases) {
    it(`${lang}: "${text}"`, async () => {
      const [first] = await search.query(text);
      expect(first).toMatchObject({ slug, lang, guideTitle: title, url: `/guides/${slug}/` });
    });
  }

  it('keeps English titles for English queries that also match translations', async () => {
    const [first] = await search.query('slurm ');
    expect(first).toMatchObject({ slug: 'slurm-basics', lang: 'en', guideTitle: 'Submitting jobs with Slurm' });
    // the French keywords of the containers guide contain "GPU access": still an English query
    const results = await search.query('gpu access ');
    expect(results.map((result) => result.url)).toContain('/guides/containers/');
    expect(results.every((result) => result.lang === 'en')).toBe(true);
  });
});

describe('Enter opens the first result only when it is clearly ahead', () => {
  const ahead = async (text: string) => (await search.query(text, { limit: 5 }))[0]?.clearlyAhead === true;

  it('when it has every word and the next guide has fewer', async () => {
    expect(await ahead('pending reasons')).toBe(true);
    expect(await ahead('Running containers with Apptainer')).toBe(true);
  });

  it('not when a word of the query is found nowhere, or only through a typo', async () => {
    // "pending reasons" alone was ahead; a word no guide has makes it a guess
    expect(await ahead('pending reasons azure')).toBe(false);
    expect(await ahead('aptainer containers')).toBe(false);
  });
});
