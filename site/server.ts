// Serves the built site (dist/site) as CloudFront will: `/guides/x/` → guides/x/index.html,
// precompressed .gz files when the client accepts gzip, other text compressed on the fly as
// CloudFront does, immutable caching for the content-hashed files under /assets/, revalidation for
// everything else, and the site's 404 page with status 404.
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { cloudFrontCompression } from './compression.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=0, must-revalidate';

export function createSiteApp(rootDir: string): Hono {
  const root = path.resolve(rootDir);
  const app = new Hono();

  // A precompressed .gz is sent as it is (it has Content-Encoding already). Only assets have one: a folder's
  // index.html never does, so the path as asked is enough.
  const hasGzip = (c: Context) => c.req.path.startsWith('/assets/') && existsSync(`${path.join(root, c.req.path)}.gz`);
  app.use('*', cloudFrontCompression(hasGzip));

  app.use('*', async (c, next) => {
    await next();
    if (c.res.status >= 200 && c.res.status < 300 && !c.res.headers.has('Cache-Control')) {
      c.header('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
    }
    if (c.res.headers.get('Content-Type')?.startsWith('text/html')) c.header('X-Content-Type-Options', 'nosniff');
  });

  // The signed-in app is one page whose router reads the path: every /app/... path without a file
  // extension gets app/index.html, as the CloudFront function maps it (cdk/edge/site-request.js).
  app.get('*', async (c, next) => {
    const requested = c.req.path;
    if ((requested !== '/app' && !requested.startsWith('/app/')) || path.extname(requested) !== '') return next();
    const shell = await readFile(path.join(root, 'app', 'index.html'), 'utf8').catch(() => undefined);
    if (shell === undefined) return next();
    c.header('Cache-Control', REVALIDATE);
    return c.html(shell);
  });

  // A folder without its trailing slash would break relative URLs: redirect like S3 website hosting.
  app.get('*', async (c, next) => {
    // "//host/" in a Location is scheme-relative (an open redirect), and browsers read "\\" as "/": one slash only.
    const requested = c.req.path.replace(/^[/\\]+/, '/');
    if (requested.endsWith('/') || requested.includes('..') || path.extname(requested) !== '') return next();
    const isFolder = await stat(path.join(root, requested, 'index.html')).then(
      (found) => found.isFile(),
      () => false,
    );
    if (!isFolder) return next();
    const url = new URL(c.req.url);
    return c.redirect(`${requested}/${url.search}`, 301);
  });

  app.use('*', serveStatic({ root, precompressed: true, index: 'index.html' }));

  // A route rather than app.notFound: a parent app that mounts this one keeps its own notFound.
  const notFound = async (c: Context) => {
    try {
      const page = await readFile(path.join(root, '404.html'), 'utf8');
      c.header('Cache-Control', 'no-cache');
      return c.html(page, 404);
    } catch {
      return c.text('Not found', 404);
    }
  };
  app.get('*', notFound);
  app.notFound(notFound);

  return app;
}
