// A deterministic synthetic knowledge base for benchmarks, in the real guides' front-matter schema.
//   npx tsx bench/site/gen-corpus.ts --n 1000 [--seed 42] --out DIR
// writes DIR/guides/<category>/<nnnnn-slug>.md (DIR is then a content folder for site/build.ts) and prints a JSON summary.
import { parseArgs } from 'node:util';
import { writeCorpus } from './corpus.ts';

const { values } = parseArgs({ options: { n: { type: 'string', default: '100' }, seed: { type: 'string', default: '42' }, out: { type: 'string' } } });
const n = Number(values.n);
const seed = Number(values.seed);
if (!values.out || !Number.isInteger(n) || n < 1 || !Number.isInteger(seed)) {
  console.error('usage: tsx bench/site/gen-corpus.ts --n N [--seed S] --out DIR');
  process.exit(2);
}
console.log(JSON.stringify({ n, seed, out: values.out, ...(await writeCorpus(values.out, { n, seed })) }));
