/**
 * How every Lambda function is bundled, in one place: the CDK stack (NodejsFunction) and the bundle
 * benchmark (esbuild's API) both derive their options from LAMBDA_BUNDLE, so the benchmark measures what ships.
 */
import type { BuildOptions } from 'esbuild';

/**
 * ESM output keeps top-level await and tree-shakes better. A CommonJS dependency bundled into ESM that
 * calls `require` for a Node built-in fails at run time ("Dynamic require of ... is not supported"), so a
 * real `require` is put in scope. Today's dependencies resolve to ESM builds and make no such call; the
 * banner is ~100 bytes of insurance against the next one that does.
 */
export const ESM_REQUIRE_BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

export const LAMBDA_BUNDLE = {
  /** Matches the Lambda runtime (Node.js 22). */
  target: 'node22',
  format: 'esm',
  platform: 'node',
  minify: true,
  /** A separate .map file: stack traces point at the TypeScript with NODE_OPTIONS=--enable-source-maps. */
  sourceMap: true,
  /** The map names files and lines; the sources themselves are in the repository, not in every bundle. */
  sourcesContent: false,
  /** Prefer the ESM builds of dependencies (hono, the AWS SDK) so unused exports are shaken out. */
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  /** Nothing external: the AWS SDK is bundled, so the version tested is the version that runs. */
  externalModules: [] as string[],
} as const;

/** NODE_OPTIONS for the function: source-mapped stack traces. */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

/** The same bundle through esbuild's API (the benchmark). */
export function esbuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: LAMBDA_BUNDLE.platform,
    target: LAMBDA_BUNDLE.target,
    format: LAMBDA_BUNDLE.format,
    minify: LAMBDA_BUNDLE.minify,
    sourcemap: LAMBDA_BUNDLE.sourceMap,
    sourcesContent: LAMBDA_BUNDLE.sourcesContent,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    banner: { js: LAMBDA_BUNDLE.banner },
    external: [...LAMBDA_BUNDLE.externalModules],
    metafile: true,
    logLevel: 'warning',
  };
}
