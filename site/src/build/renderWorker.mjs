// Worker thread entry for renderPool.ts: renders its share of the guides. Plain JavaScript so that
// Node can start it; it registers tsx to load the TypeScript renderer (the build runs under tsx).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { renderMarkdown } = await import('./markdown.ts');
parentPort.postMessage(workerData.sources.map((source) => renderMarkdown(source)));
