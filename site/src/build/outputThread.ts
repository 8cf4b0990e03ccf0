// The build's second thread: it computes the search index, highlights the code blocks (highlight.ts)
// and writes the output files, while the main thread reads and renders the guides and lays out the
// pages. The main thread hands over each guide's section documents and code blocks as soon as the
// guide is rendered, and each page as soon as it is laid out.
//
// Why this split, measured at 1,000 guides on this 2-core machine (see site/README.md "Build speed"):
//   - Writes could not overlap on the main thread: fs.promises' open → write → close steps each wait
//     for the event loop, which rendering and indexing kept busy, so they all ran at the end (~0.15 s
//     to 1 s, the kernel's file creation being slow while deleted files are recent). Here they are
//     synchronous, one system call each, overlapping the main thread's work.
//   - Rendering on both threads was tried (guides taken from a shared Atomics counter, indexed in
//     order through a reorder buffer): slower. Each thread pays the renderer's JIT warm-up (~0.3 s
//     for its first ~250 guides), and the two vCPUs behave like one core's hyperthreads for this
//     work (two renders at once take 1.6 times as long each). Indexing is other code, warm only here.
//
// The thread runs site/output-thread.ts, bundled beside the build's own (see run-build.mjs). Without
// a script (the build called as a library, e.g. by the
// tests, or `tsx site/build.ts`, where a worker cannot load TypeScript) the same `OutputWork` runs on
// the main thread: the same bytes either way (test/site/prebundled-build.test.ts compares both).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { IndexBuilder } from '../search/indexer.ts';
import { encodeIndex } from '../search/format.ts';
import { splitIndex } from '../search/shards.ts';
import type { SectionFields } from '../search/fields.ts';
import { highlightCode, PLACEHOLDER, type HighlightJob } from './highlight.ts';

/** A file's size as written and as sent compressed (gzip), in bytes. */
export interface FileSize {
  raw: number;
  gzip: number;
}

/** Where the index goes (from the search manifest, relative to the output folder). */
export interface IndexNames {
  head: string;
  /** folder prefix; shard n is `${postings}${n}.bin` */
  postings: string;
}

export interface WrittenIndex {
  head: FileSize;
  postings: FileSize & { files: number };
}

export interface OutputThread {
  /** whether the work runs on a second thread */
  readonly threaded: boolean;
  /** the next section documents, in index order */
  addDocuments(documents: readonly SectionFields[]): void;
  /** no more documents: the index is encoded while the main thread goes on */
  endDocuments(): void;
  /** code blocks to highlight: their placeholders are replaced in every file written afterwards */
  highlight(jobs: readonly HighlightJob[]): void;
  /** writes a file (path relative to the output folder) */
  write(file: string, data: string | Uint8Array): void;
  /** writes the index under these names */
  writeIndex(names: IndexNames): Promise<WrittenIndex>;
  /** every file written */
  finish(): Promise<void>;
  /** gives up (the content has an error): ends the thread, if any */
  stop(): void;
}

type Request =
  | { kind: 'documents'; documents: SectionFields[] }
  | { kind: 'end-documents' }
  | { kind: 'highlight'; jobs: HighlightJob[] }
  | { kind: 'write'; file: string; data: string | Uint8Array }
  | { kind: 'index'; names: IndexNames }
  | { kind: 'finish' };

type Reply = { kind: 'index'; written: WrittenIndex } | { kind: 'finished' };

const ROLE = 'site-build-output';
/** documents (or code blocks) per message: a guide has a few of each; a message per guide is needless overhead */
const BATCH = 200;

/** What the second thread does, request by request, synchronously. */
class OutputWork {
  private readonly builder = new IndexBuilder();
  private encoded: { head: Uint8Array; shards: Uint8Array[] } | undefined;
  private readonly folders = new Set<string>();
  private readonly highlighted = new Map<string, string>();

  constructor(
    private readonly outDir: string,
    private readonly shardBytes: number,
  ) {}

  handle(request: Request): Reply | undefined {
    switch (request.kind) {
      case 'documents':
        for (const document of request.documents) this.builder.add(document);
        return undefined;
      case 'end-documents':
        this.encoded = splitIndex(encodeIndex(this.builder.content()), this.shardBytes);
        return undefined;
      case 'highlight':
        for (const { placeholder, language, text } of request.jobs) this.highlighted.set(placeholder, highlightCode(language, text));
        return undefined;
      case 'write':
        this.write(request.file, this.withHighlights(request.data), false);
        return undefined;
      case 'index':
        return { kind: 'index', written: this.writeIndex(request.names) };
      case 'finish':
        return { kind: 'finished' };
    }
  }

  private withHighlights(data: string | Uint8Array): string | Uint8Array {
    if (typeof data !== 'string' || this.highlighted.size === 0 || !data.includes('\u0000')) return data;
    return data.replace(PLACEHOLDER, (placeholder) => this.highlighted.get(placeholder) ?? placeholder);
  }

  private writeIndex(names: IndexNames): WrittenIndex {
    if (!this.encoded) throw new Error('the index is written after the last documents');
    const { head, shards } = this.encoded;
    const postings = { raw: 0, gzip: 0, files: shards.length };
    shards.forEach((shard, number) => {
      const size = this.write(`${names.postings}${number}.bin`, shard, true);
      postings.raw += size.raw;
      postings.gzip += size.gzip;
    });
    return { head: this.write(names.head, head, true), postings };
  }

  private write(file: string, data: string | Uint8Array, gzip: boolean): FileSize {
    const target = path.join(this.outDir, file);
    const folder = path.dirname(target);
    if (!this.folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    writeFileSync(target, data);
    if (!gzip) return { raw: 0, gzip: 0 };
    const compressed = gzipSync(data);
    writeFileSync(`${target}.gz`, compressed);
    return { raw: data.length, gzip: compressed.length };
  }
}

export function outputThread(outDir: string, shardBytes: number, threadScript?: URL): OutputThread {
  if (!threadScript) {
    const work = new OutputWork(outDir, shardBytes);
    return client(false, (request) => work.handle(request));
  }
  const worker = new Worker(threadScript, { workerData: { role: ROLE, outDir, shardBytes } });
  const waiting = new Map<Reply['kind'], { resolve(reply: Reply): void; reject(error: unknown): void }>();
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    for (const { reject } of waiting.values()) reject(failure);
    waiting.clear();
  };
  worker.on('message', (reply: Reply) => {
    waiting.get(reply.kind)?.resolve(reply);
    waiting.delete(reply.kind);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the build's output thread stopped early (exit code ${code})`)));
  return client(
    true,
    (request) => {
      worker.postMessage(request);
      return undefined;
    },
    (kind) =>
      new Promise<Reply>((resolve, reject) => {
        if (failure) return reject(failure);
        waiting.set(kind, { resolve, reject });
      }),
    () => void worker.terminate(),
  );
}

/**
 * The main thread's side. `send` delivers a request (and, on the same thread, returns its reply at
 * once); `reply` waits for the other thread's reply of that kind.
 */
function client(
  threaded: boolean,
  send: (request: Request) => Reply | undefined,
  reply: (kind: Reply['kind']) => Promise<Reply> = () => Promise.reject(new Error('no reply')),
  stop: () => void = () => undefined,
): OutputThread {
  const ask = async <K extends Reply['kind']>(request: Request, kind: K): Promise<Extract<Reply, { kind: K }>> => {
    flush();
    const answer = reply(kind);
    answer.catch(() => undefined); // awaited below unless the same thread answered at once
    const immediate = send(request);
    return (immediate ?? (await answer)) as Extract<Reply, { kind: K }>;
  };
  let batch: SectionFields[] = [];
  let highlights: HighlightJob[] = [];
  const flushHighlights = () => {
    if (highlights.length > 0) send({ kind: 'highlight', jobs: highlights });
    highlights = [];
  };
  // Everything batched goes before any other request: a page's highlights before the page.
  const flush = () => {
    if (batch.length > 0) send({ kind: 'documents', documents: batch });
    batch = [];
    flushHighlights();
  };
  return {
    threaded,
    addDocuments(documents) {
      for (const document of documents) batch.push(document);
      if (batch.length >= BATCH) {
        send({ kind: 'documents', documents: batch });
        batch = [];
      }
    },
    write(file, data) {
      flush();
      send({ kind: 'write', file, data });
    },
    endDocuments() {
      flush();
      send({ kind: 'end-documents' });
    },
    highlight(jobs) {
      for (const job of jobs) highlights.push(job);
      if (highlights.length >= BATCH) flushHighlights();
    },
    writeIndex: async (names) => (await ask({ kind: 'index', names }, 'index')).written,
    finish: async () => void (await ask({ kind: 'finish' }, 'finished')),
    stop,
  };
}

/** The thread's side: started by `outputThread` (see site/output-thread.ts). */
export function serveOutputThread(): void {
  const port = parentPort;
  const data = workerData as { role?: string; outDir: string; shardBytes: number } | null;
  if (isMainThread || !port || data?.role !== ROLE) throw new Error('serveOutputThread runs only in the thread outputThread starts');
  const { outDir, shardBytes } = data;
  const work = new OutputWork(outDir, shardBytes);
  port.on('message', (request: Request) => {
    const reply = work.handle(request);
    if (reply) port.postMessage(reply);
    if (reply?.kind === 'finished') port.close();
  });
}
