// The build's second thread. The main thread reads the content, lays out the pages and checks the
// links; the work that can go elsewhere goes here, so a 2-core machine builds in about half the time:
//   - rendering the guides: both threads take the next guide to render from one shared counter
//     (Atomics), so the work splits evenly however late this thread starts or however busy the
//     machine is; this thread sends its renderings back;
//   - the search index: each guide's section documents are indexed in guide order (the order of
//     the index) as soon as both threads' renderings arrive, then the index is encoded;
//   - writing the files as the main thread lays the pages out (after the documents sent before
//     them are indexed): writes on the main thread through fs.promises could not overlap with its
//     computing (each open → write → close step waits for the event loop), so they all ran at the
//     end; synchronous writes here are one system call each, in order.
//
// The thread runs the build's own entry script (site/build.ts, or its bundle, see run-build.mjs),
// which checks `isBuildThread()` first. Without a script (the build called as a library, e.g. by
// the tests, whose entry is TypeScript with no loader) the same `BuildWork` runs on the main thread:
// the same bytes either way (test/site/prebundled-build.test.ts compares both).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { IndexBuilder } from '../search/indexer.ts';
import { encodeIndex } from '../search/format.ts';
import { splitIndex } from '../search/shards.ts';
import type { SectionFields } from '../search/fields.ts';
import { renderMarkdown, type RenderedMarkdown } from './markdown.ts';
import { guideSearchInput, type GuideSearchInput } from './searchFiles.ts';
import { loadGuide, type GuideFile, type LoadedGuide } from './content.ts';

const NO_SEARCH_INPUT: Readonly<GuideSearchInput> = { documents: [], guide: { slug: '', title: '', summary: '' }, sections: [], texts: [] };

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

export interface LoadedGuides {
  /** each guide read and checked, in the order asked */
  loaded: LoadedGuide[];
  /** each guide's rendering (undefined where the guide has problems) */
  rendered: (RenderedMarkdown | undefined)[];
  /** each guide's search inputs */
  search: GuideSearchInput[];
  /** how many of them the second thread read and rendered (0 without one) */
  bySecondThread: number;
}

export interface BuildThread {
  /** reads, checks and renders the guides (sorted by slug: the index's order) with the main thread, and indexes them */
  loadGuides(files: readonly GuideFile[]): Promise<LoadedGuides>;
  /** writes a file (path relative to the output folder) */
  write(file: string, data: string | Uint8Array): void;
  /** encodes the index and writes it under these names */
  writeIndex(names: IndexNames): Promise<WrittenIndex>;
  /** every file written */
  finish(): Promise<void>;
  /** gives up (the content has an error): ends the thread, if any */
  stop(): void;
}

type Request =
  | { kind: 'load'; files: GuideFile[]; next: Int32Array }
  | { kind: 'documents'; guides: { guide: number; documents: SectionFields[] }[] }
  | { kind: 'write'; file: string; data: string | Uint8Array }
  | { kind: 'index'; names: IndexNames }
  | { kind: 'finish' };

type Reply =
  | { kind: 'loaded'; guides: GuideLoad[] }
  | { kind: 'index'; written: WrittenIndex }
  | { kind: 'finished' };

/** One guide read, checked and rendered (when it has no problems). */
interface GuideLoad {
  guide: number;
  loaded: LoadedGuide;
  rendered?: RenderedMarkdown;
}

function loadAndRender(file: GuideFile, guide: number): GuideLoad {
  const loaded = loadGuide(file);
  return loaded.guide ? { guide, loaded, rendered: renderMarkdown(loaded.guide.body) } : { guide, loaded };
}

/** A guide's search inputs: none for a guide with problems (the build stops before using them). */
function searchInputOf({ loaded, rendered }: GuideLoad): GuideSearchInput {
  return loaded.guide && rendered ? guideSearchInput({ ...loaded.guide, rendered }) : NO_SEARCH_INPUT;
}

const ROLE = 'site-build-thread';
/** guides per message of documents from the main thread */
const BATCH = 25;

/** Takes the next guide to render; both threads share `next`. */
const take = (next: Int32Array) => Atomics.add(next, 0, 1);

/** What the second thread does, request by request. */
class BuildWork {
  private readonly builder = new IndexBuilder();
  /** documents that arrived before those of an earlier guide */
  private readonly waiting = new Map<number, SectionFields[]>();
  private nextToIndex = 0;
  private readonly folders = new Set<string>();

  constructor(
    private readonly outDir: string,
    private readonly shardBytes: number,
  ) {}

  handle(request: Request): Reply | undefined {
    switch (request.kind) {
      case 'load': {
        const mine: GuideLoad[] = [];
        for (let guide = take(request.next); guide < request.files.length; guide = take(request.next)) {
          mine.push(loadAndRender(request.files[guide] as GuideFile, guide));
        }
        // Indexed after replying, so the main thread goes on meanwhile (see `afterReply`).
        this.afterReply = () => {
          for (const load of mine) this.index(load.guide, searchInputOf(load).documents);
        };
        return { kind: 'loaded', guides: mine };
      }
      case 'documents':
        for (const { guide, documents } of request.guides) this.index(guide, documents);
        return undefined;
      case 'write':
        this.write(request.file, request.data, false);
        return undefined;
      case 'index':
        return { kind: 'index', written: this.writeIndex(request.names) };
      case 'finish':
        return { kind: 'finished' };
    }
  }

  /** work to do once the reply is sent */
  afterReply: (() => void) | undefined;

  private index(guide: number, documents: SectionFields[]): void {
    this.waiting.set(guide, documents);
    for (let next = this.waiting.get(this.nextToIndex); next; next = this.waiting.get(this.nextToIndex)) {
      this.waiting.delete(this.nextToIndex);
      for (const document of next) this.builder.add(document);
      this.nextToIndex++;
    }
  }

  private writeIndex(names: IndexNames): WrittenIndex {
    if (this.waiting.size > 0) throw new Error(`the search index is missing guide ${this.nextToIndex}`);
    const { head, shards } = splitIndex(encodeIndex(this.builder.content()), this.shardBytes);
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

export function buildThread(outDir: string, shardBytes: number, threadScript?: URL): BuildThread {
  if (!threadScript) {
    const work = new BuildWork(outDir, shardBytes);
    return client(false, (request) => {
      const reply = work.handle(request);
      work.afterReply?.();
      work.afterReply = undefined;
      return reply;
    });
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
  worker.on('exit', (code) => fail(new Error(`the build's second thread stopped early (exit code ${code})`)));
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
 * The main thread's side. `threaded`: whether another thread answers. `send` delivers a request (and, on the same thread, returns its reply at
 * once); `reply` waits for the other thread's reply of that kind.
 */
function client(
  threaded: boolean,
  send: (request: Request) => Reply | undefined,
  reply: (kind: Reply['kind']) => Promise<Reply> = () => Promise.reject(new Error('no reply')),
  stop: () => void = () => undefined,
): BuildThread {
  const ask = async <K extends Reply['kind']>(request: Request, kind: K): Promise<Extract<Reply, { kind: K }>> => {
    const answer = reply(kind);
    answer.catch(() => undefined); // awaited below unless the same thread answered at once
    const immediate = send(request);
    return (immediate ?? (await answer)) as Extract<Reply, { kind: K }>;
  };
  return {
    async loadGuides(files) {
      const next = new Int32Array(new SharedArrayBuffer(4));
      const theirs = ask({ kind: 'load', files: [...files], next }, 'loaded');
      const loads: GuideLoad[] = new Array(files.length);
      const search: GuideSearchInput[] = new Array(files.length);
      let batch: { guide: number; documents: SectionFields[] }[] = [];
      const flush = () => {
        if (batch.length > 0) send({ kind: 'documents', guides: batch });
        batch = [];
      };
      for (let guide = take(next); guide < files.length; guide = take(next)) {
        const load = loadAndRender(files[guide] as GuideFile, guide);
        loads[guide] = load;
        const input = searchInputOf(load);
        search[guide] = input;
        batch.push({ guide, documents: input.documents });
        if (batch.length >= BATCH) flush();
      }
      flush();
      const other = (await theirs).guides;
      for (const load of other) {
        loads[load.guide] = load;
        search[load.guide] = searchInputOf(load);
      }
      return { loaded: loads.map((load) => load.loaded), rendered: loads.map((load) => load.rendered), search, bySecondThread: threaded ? other.length : 0 };
    },
    write: (file, data) => void send({ kind: 'write', file, data }),
    writeIndex: async (names) => (await ask({ kind: 'index', names }, 'index')).written,
    finish: async () => void (await ask({ kind: 'finish' }, 'finished')),
    stop,
  };
}

/** True in the thread `buildThread` started: the entry script then serves it instead of building. */
export function isBuildThread(): boolean {
  return !isMainThread && (workerData as { role?: string } | null)?.role === ROLE;
}

export function serveBuildThread(): void {
  const port = parentPort;
  if (!port) throw new Error('serveBuildThread runs only in a worker thread');
  const { outDir, shardBytes } = workerData as { outDir: string; shardBytes: number };
  const work = new BuildWork(outDir, shardBytes);
  port.on('message', (request: Request) => {
    const reply = work.handle(request);
    if (reply) port.postMessage(reply);
    work.afterReply?.();
    work.afterReply = undefined;
    if (reply?.kind === 'finished') port.close();
  });
}
