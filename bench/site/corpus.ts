// Writes the project's synthetic corpus (corpus/guide.ts) as a content folder: guides/<category>/<nnnnn-slug>.md.
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { generateCorpus } from './corpus/guide.ts';

export async function writeCorpus(contentDir: string, { n, seed = 42 }: { n: number; seed?: number }): Promise<{ files: number; bytes: number }> {
  await rm(path.join(contentDir, 'guides'), { recursive: true, force: true });
  const guides = generateCorpus({ n, seed });
  const folders = new Set(guides.map((guide) => path.dirname(path.join(contentDir, 'guides', guide.path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(guides.map((guide) => writeFile(path.join(contentDir, 'guides', guide.path), guide.markdown)));
  // The guides name owners from the project's experts; the build checks them against this file.
  await copyFile(fileURLToPath(new URL('../../content/experts.json', import.meta.url)), path.join(contentDir, 'experts.json'));
  return { files: guides.length, bytes: guides.reduce((sum, guide) => sum + Buffer.byteLength(guide.markdown), 0) };
}
