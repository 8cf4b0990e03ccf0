import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { esbuildOptions } from '../../cdk/bundling.ts';
import { importTime } from './cold-init.ts';
import { median } from '../lib/stats.ts';
const onlyEnglish = { name: 'zod-en-only', setup(b: any) { b.onLoad({ filter: /zod\/v4\/locales\/index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' })); } };
for (const [name, entry] of [['baseline', 'bench/lambda/baseline-handler.ts'], ['tickets', 'functions/tickets/index.ts'], ['bookings', 'functions/bookings/index.ts']]) {
  for (const variant of ['as-is', 'en-only']) {
    const out = `/tmp/exp/${name}-${variant}/index.mjs`;
    await build({ ...esbuildOptions(entry, out), ...(variant === 'en-only' ? { plugins: [onlyEnglish] } : {}) });
    const code = readFileSync(out);
    const withMaps: number[] = []; const without: number[] = [];
    for (let i = 0; i < 7; i++) { withMaps.push(importTime(out)); without.push(importTime(out, ['--no-enable-source-maps'])); }
    console.log(name, variant, (code.length / 1024).toFixed(1), (gzipSync(code).length / 1024).toFixed(1), 'init maps', median(withMaps).toFixed(1), 'no maps', median(without).toFixed(1));
  }
}
