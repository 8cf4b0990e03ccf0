// esbuild runs with `write: false` so a build can bundle (in esbuild's own process) while it reads and
// renders the content, and write the bundles only once the content has proved good: a failing build
// leaves the previous output as it was.
import path from 'node:path';
import { promises as fs } from 'node:fs';

/** Where a bundle's files go (absolute path): the disk by default, the build's output thread in a build. */
export type WriteFile = (file: string, data: string | Uint8Array) => void | Promise<void>;

export const writeToDisk: WriteFile = async (file, data) => {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, data);
};

/** Writes esbuild's output files; returns their bytes by absolute path (metafile names resolve to it). */
export async function writeOutputFiles(files: readonly { path: string; contents: Uint8Array }[], write: WriteFile = writeToDisk): Promise<Map<string, Uint8Array>> {
  await Promise.all(files.map((file) => write(file.path, file.contents)));
  return new Map(files.map((file) => [file.path, file.contents]));
}
