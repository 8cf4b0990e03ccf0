// The site build's second thread (src/build/outputThread.ts) as its own script: the prebundled build
// (run-build.mjs) bundles it beside build.ts, so the thread starts without loading the renderer,
// the templates and the front-matter checks it never uses (~3 times less code to compile).
import { serveOutputThread } from './src/build/outputThread.ts';

serveOutputThread();
