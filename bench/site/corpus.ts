// Writes the shared synthetic corpus (../shared/bench/gen-corpus.mjs) as a content folder.
import { mkdir, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

interface GeneratedDoc {
  path: string;
  markdown: string;
}

export async function writeCorpus(repoRoot: string, n: number, contentDir: string): Promise<{ bytes: number }> {
  const generator = path.resolve(repoRoot, '../shared/bench/gen-corpus.mjs');
  const { generateCorpus } = (await import(pathToFileURL(generator).href)) as {
    generateCorpus(options: { n: number; seed?: number }): GeneratedDoc[];
  };
  await rm(contentDir, { recursive: true, force: true });
  let bytes = 0;
  const folders = new Set<string>();
  const docs = generateCorpus({ n, seed: 42 });
  for (const doc of docs) folders.add(path.dirname(path.join(contentDir, 'guides', doc.path)));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(
    docs.map((doc) => {
      bytes += Buffer.byteLength(doc.markdown);
      return writeFile(path.join(contentDir, 'guides', doc.path), doc.markdown);
    }),
  );
  return { bytes };
}
