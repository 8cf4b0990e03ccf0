// esbuild runs with `write: false` so a build can bundle (in esbuild's own process) while it reads and
// renders the content, and write the bundles only once the content has proved good: a failing build
// leaves the previous output as it was.
import path from 'node:path';
import { promises as fs } from 'node:fs';

/** Writes esbuild's output files; returns their bytes by absolute path (metafile names resolve to it). */
export async function writeOutputFiles(files: readonly { path: string; contents: Uint8Array }[]): Promise<Map<string, Uint8Array>> {
  const folders = [...new Set(files.map((file) => path.dirname(file.path)))];
  await Promise.all(folders.map((folder) => fs.mkdir(folder, { recursive: true })));
  await Promise.all(files.map((file) => fs.writeFile(file.path, file.contents)));
  return new Map(files.map((file) => [file.path, file.contents]));
}
