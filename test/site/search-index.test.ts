// The compact index format and the lazy lunr index built on it, against lunr's own builder.
import { describe, expect, it } from 'vitest';
import { lunr } from '../../site/src/search/lunr.ts';
import { buildIndexContent } from '../../site/src/search/indexer.ts';
import { decodeIndex, encodeIndex, readPostings } from '../../site/src/search/format.ts';
import { LazyIndex } from '../../site/src/search/lazyIndex.ts';
import { FIELDS } from '../../site/src/search/fields.ts';

const documents = [
  { title: 'Slurm batch jobs', body: 'Submit jobs with sbatch. Jobs wait for nodes; jobs jobs jobs.' },
  { heading: 'Pending reasons', body: 'A pending job shows its reason in squeue.' },
  { heading: 'Containers', body: 'Apptainer runs containers on GPU nodes.', title_fr: 'Conteneurs et tâches' },
  { body: 'Nothing about scheduling here, only café and naïve words.' },
];

describe('compact search index', () => {
  it('round-trips the dictionary, term frequencies and field lengths', () => {
    const content = buildIndexContent(documents);
    const decoded = decodeIndex(encodeIndex(content));
    expect(decoded.docCount).toBe(4);
    expect(decoded.fields.map((field) => field.name)).toEqual(FIELDS.map((field) => field.name));
    expect(decoded.terms).toEqual([...content.postings.keys()].sort());
    expect(decoded.terms).toContain('café');
    const body = FIELDS.findIndex((field) => field.name === 'body');
    const job = readPostings(decoded, decoded.termIds.get('job') as number).find((entry) => entry.field === body);
    expect([...(job?.docs ?? [])]).toEqual([0, 1]);
    expect([...(job?.tfs ?? [])]).toEqual([5, 1]);
    expect(decoded.fieldLengths[body]?.[1]).toBe(content.fieldLengths[body]?.[1]);
    expect(() => decodeIndex(new Uint8Array([1, 2, 3, 4, 5]))).toThrow(/Not a search index/);
  });

  it('scores like lunr.Builder with the same fields, boosts and BM25 parameters', () => {
    const lazy = new LazyIndex(decodeIndex(encodeIndex(buildIndexContent(documents))));
    const reference = lunr(function () {
      this.ref('id');
      this.field('title', { boost: 10 });
      this.field('body');
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.pipeline.add(lunr.stopWordFilter, lunr.stemmer);
      documents.forEach((doc, id) => this.add({ id: String(id), title: doc.title ?? '', body: doc.body }));
    });
    const ask = (index: { query(build: lunr.Index.QueryBuilder): lunr.Index.Result[] }) =>
      index.query((query) => {
        query.term('job', { fields: ['title', 'body'], usePipeline: false });
        query.term('pend', { fields: ['title', 'body'], usePipeline: false });
      });
    const ours = ask(lazy).map((result) => result.ref);
    expect(ours).toEqual(ask(reference).map((result) => result.ref));
    expect(ours).toEqual(['0', '1']);
  });

  it('gives the same scores when restricted to some documents', () => {
    const lazy = new LazyIndex(decodeIndex(encodeIndex(buildIndexContent(documents))));
    const build: lunr.Index.QueryBuilder = (query) => {
      query.term('job', { usePipeline: false });
    };
    const full = lazy.query(build);
    const restricted = lazy.query(build, new Set([1]));
    expect(restricted.map((result) => result.ref)).toEqual(['1']);
    expect(restricted[0]?.score).toBeCloseTo(full.find((result) => result.ref === '1')?.score ?? NaN, 10);
  });

  it('still answers lunr wildcard and fuzzy clauses (the full token set is built on demand)', () => {
    const lazy = new LazyIndex(decodeIndex(encodeIndex(buildIndexContent(documents))));
    const wildcard = lazy.query((query) => {
      query.term('contain', { wildcard: lunr.Query.wildcard.TRAILING, usePipeline: false });
    });
    expect(wildcard.map((result) => result.ref)).toEqual(['2']);
    const fuzzy = lazy.query((query) => {
      query.term('apptainr', { editDistance: 1, usePipeline: false });
    });
    expect(fuzzy.map((result) => result.ref)).toEqual(['2']);
  });
});
