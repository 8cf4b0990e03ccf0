// Renders guides on all cores: marked and highlight.js are most of the build's CPU time, and each
// guide renders independently. Small sites render in this thread (starting a worker costs ~0.3 s).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderMarkdown, type RenderedMarkdown } from './markdown.ts';

const MIN_GUIDES_FOR_WORKERS = 500;
const MAX_WORKERS = 3;

function renderInWorker(sources: string[]): Promise<RenderedMarkdown[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./renderWorker.mjs', import.meta.url), { workerData: { sources } });
    worker.once('message', (rendered: RenderedMarkdown[]) => {
      resolve(rendered);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`render worker exited with code ${code}`));
    });
  });
}

export async function renderAll(sources: readonly string[], minForWorkers = MIN_GUIDES_FOR_WORKERS): Promise<RenderedMarkdown[]> {
  const workers = Math.min(MAX_WORKERS, availableParallelism() - 1);
  if (sources.length < minForWorkers || workers < 1) return sources.map(renderMarkdown);
  // This thread takes a share too; the workers get theirs first so they start at once.
  const share = Math.ceil(sources.length / (workers + 1));
  const jobs = Array.from({ length: workers }, (_, i) => renderInWorker(sources.slice((i + 1) * share, (i + 2) * share)));
  const own = sources.slice(0, share).map(renderMarkdown);
  return [own, ...(await Promise.all(jobs))].flat();
}
