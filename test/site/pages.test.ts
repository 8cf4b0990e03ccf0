import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildInto, FIXTURE_CONTENT, removeTempDirs } from './helpers.ts';
import { createSiteApp } from '../../site/server.ts';

let outDir: string;
const page = (file: string) => readFile(path.join(outDir, file), 'utf8');

beforeAll(async () => {
  ({ outDir } = await buildInto(FIXTURE_CONTENT));
});
afterAll(removeTempDirs);

describe('rendered guide pages', () => {
  it('gives headings stable GitHub-style anchors, deduplicated, and a table of contents', async () => {
    const html = await page('guides/ssh-login/index.html');
    expect(html).toContain('<h2 id="creating-a-key-pair">');
    expect(html).toContain('<h2 id="connecting">');
    expect(html).toContain('<h2 id="connecting-1">');
    const toc = /<nav class="toc"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
    expect(toc).toContain('href="#creating-a-key-pair"');
    expect(toc).toContain('href="#connecting-1"');
    const slurm = await page('guides/slurm-basics/index.html');
    expect(slurm).toMatch(/<li><a href="#reading-pending-reasons">Reading pending reasons<\/a><ol><li><a href="#priority-and-fair-share">/);
  });

  it('says who a guide is for and when it changed in people\'s words, one date format (second outside review)', async () => {
    const html = await page('guides/slurm-basics/index.html');
    expect(html).toContain('<dt>For</dt><dd>start-ups, SMEs</dd>');
    expect(html).toContain('<time datetime="2026-11-20">20 November 2026</time>');
  });

  it('prints the title once: a leading "# Title" in Markdown is dropped', async () => {
    const html = await page('guides/ssh-login/index.html');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('sanitizes raw HTML: scripts and event handlers go, harmless tags stay', async () => {
    const html = await page('guides/ssh-login/index.html');
    const article = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? '';
    expect(article).not.toContain('<script');
    expect(article).not.toContain("alert('xss')");
    expect(article).not.toContain('onerror');
    expect(article).toContain('<kbd>Ctrl</kbd>');
    expect(article).toMatch(/<img src="https:\/\/example\.org\/key\.png" alt="A key" \/>/);
  });

  it('rewrites Markdown links between guides and marks external links', async () => {
    const ssh = await page('guides/ssh-login/index.html');
    expect(ssh).toContain('<a href="/guides/slurm-basics/">submit your first job</a>');
    expect(ssh).toMatch(/<a class="external" href="https:\/\/docs\.lumi-supercomputer\.eu\/firststeps\/" rel="noopener">official LUMI documentation<span class="visually-hidden"> \(external link\)<\/span><\/a>/);
    const containers = await page('guides/containers/index.html');
    expect(containers).toContain('<a href="/guides/slurm-basics/#reading-pending-reasons">pending reasons</a>');
  });

  it('highlights code at build time', async () => {
    const html = await page('guides/slurm-basics/index.html');
    expect(html).toContain('<code class="hljs language-bash">');
    expect(html).toMatch(/<span class="hljs-[a-z]+">/);
  });

  it('shows breadcrumbs, last updated, systems, sources, related guides and a ticket link with the category', async () => {
    const html = await page('guides/slurm-basics/index.html');
    expect(html).toMatch(/<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="\/">Home<\/a><\/li><li><a href="\/guides\/">Guides<\/a><\/li><li><a href="\/guides\/#jobs-and-scheduling">Jobs and scheduling<\/a><\/li><li aria-current="page">Submitting jobs with Slurm<\/li><\/ol><\/nav>/);
    expect(html).toContain('<time datetime="2026-11-20">');
    expect(html).toContain('<a href="/systems/#lumi">LUMI</a>');
    expect(html).toContain('href="https://docs.lumi-supercomputer.eu/runjobs/scheduled-jobs/slurm-quickstart/"');
    expect(html).toContain('href="/app/tickets/new?category=jobs-and-scheduling&amp;guide=slurm-basics"');
    expect(html).toContain('Still stuck?');
  });

  it('lists related guides by shared tags, and none when no tag is shared', async () => {
    const pytorch = await page('guides/pytorch-distributed/index.html');
    const related = /<section class="related"[\s\S]*?<\/section>/.exec(pytorch)?.[0] ?? '';
    expect(related).toContain('<a href="/guides/containers/">Running containers with Apptainer</a>');
    expect(related).not.toContain('/guides/data-transfer/');
    expect(await page('guides/data-transfer/index.html')).not.toContain('Related guides');
  });
});

describe('site pages', () => {
  it('home: offer, popular topics, search box, ticket and mentor links, home.md intro', async () => {
    const html = await page('index.html');
    expect(html).toContain('What the centre offers');
    expect(html).toContain('Popular topics');
    expect(html).toContain('href="/tags/slurm/"');
    expect(html).toContain('id="home-search"');
    expect(html).toContain('href="/app/tickets/new"');
    expect(html).toContain('href="/app/mentoring/"');
    expect(html).toContain('We help you <strong>get access</strong>');
  });

  it('tags, systems, about, search, 404 and sitemap', async () => {
    expect(await page('tags/slurm/index.html')).toContain('href="/guides/slurm-basics/"');
    const systems = await page('systems/index.html');
    const lumi = /<section class="system" id="lumi"[\s\S]*?<\/section>/.exec(systems)?.[0] ?? '';
    expect(lumi).toContain('/guides/slurm-basics/');
    expect(lumi).not.toContain('/guides/data-transfer/');
    expect(await page('about/index.html')).toContain('About the support centre');
    expect(await page('search/index.html')).toContain('<ol id="search-results"');
    expect(await page('404.html')).toContain('Page not found');
    const sitemap = await page('sitemap.xml');
    expect(sitemap).toContain('<loc>https://support.example.eu/guides/slurm-basics/</loc><lastmod>2026-11-20</lastmod>');
    expect(sitemap).toContain('<loc>https://support.example.eu/about/</loc>');
  });

  it('references content-hashed, minified assets', async () => {
    const html = await page('index.html');
    const js = /<script defer src="(\/assets\/main-[A-Z0-9]{8}\.js)"/.exec(html)?.[1];
    const css = /<link rel="stylesheet" href="(\/assets\/styles-[A-Z0-9]{8}\.css)">/.exec(html)?.[1];
    expect(js).toBeDefined();
    expect(css).toBeDefined();
    const script = await readFile(path.join(outDir, js as string), 'utf8');
    expect(script.split('\n').length).toBeLessThan(5);
  });
});

describe('createSiteApp serves the built site', () => {
  it('maps folders to index.html, caches hashed assets, and answers unknown paths with the 404 page', async () => {
    const app = createSiteApp(outDir);
    const guide = await app.request('/guides/slurm-basics/');
    expect(guide.status).toBe(200);
    expect(guide.headers.get('content-type')).toMatch(/^text\/html/);
    expect(guide.headers.get('cache-control')).toContain('max-age=0');
    const redirect = await app.request('/guides/slurm-basics');
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/guides/slurm-basics/');
    // Never a scheme-relative Location (a browser follows //guides/ to http://guides/): leading slashes collapse.
    for (const sneaky of ['//guides', '///guides', '//guides?x=1']) {
      const response = await app.request(sneaky);
      expect(response.status, sneaky).toBe(301);
      expect(response.headers.get('location'), sneaky).toMatch(/^\/guides\/(\?x=1)?$/);
    }
    const manifest = JSON.parse(await (await app.request('/search/manifest.json')).text()) as { index: string; worker: string };
    const index = await app.request(`/${manifest.index}`, { headers: { 'accept-encoding': 'gzip, br' } });
    expect(index.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(index.headers.get('content-encoding')).toBe('gzip');
    const worker = await app.request(`/${manifest.worker}`);
    expect(worker.headers.get('content-type')).toMatch(/^text\/javascript/);
    const missing = await app.request('/guides/no-such-guide/');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Page not found');
    expect((await app.request('/sitemap.xml')).headers.get('content-type')).toMatch(/xml/);
  });

  it('compresses on the fly what CloudFront compresses (pages, the snippet texts) from 1,000 bytes, when the client accepts gzip', async () => {
    const app = createSiteApp(outDir);
    const manifest = JSON.parse(await (await app.request('/search/manifest.json')).text()) as { text: string };
    const gzip = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
    for (const file of ['guides/slurm-basics/index.html', `${manifest.text}0.json`]) {
      const url = `/${file.replace(/index\.html$/, '')}`;
      const compressed = await app.request(url, gzip);
      expect(compressed.headers.get('content-encoding'), url).toBe('gzip');
      expect(compressed.headers.get('vary'), url).toMatch(/accept-encoding/i);
      const body = Buffer.from(await compressed.arrayBuffer());
      const original = await readFile(path.join(outDir, file));
      expect(gunzipSync(body).equals(original), url).toBe(true);
      expect(body.length, url).toBeLessThan(original.length);
      const plain = await app.request(url);
      expect(plain.headers.get('content-encoding'), url).toBeNull();
      expect(Buffer.from(await plain.arrayBuffer()).equals(original), url).toBe(true);
    }
    // below CloudFront's 1,000 bytes, as it is
    const small = await app.request('/search/manifest.json', gzip);
    expect(small.headers.get('content-encoding')).toBeNull();
  });

  it('answers HEAD with the headers GET sends (Content-Encoding and Vary included) and no body', async () => {
    const app = createSiteApp(outDir);
    const manifest = JSON.parse(await (await app.request('/search/manifest.json')).text()) as { index: string; text: string };
    const compared = ['content-encoding', 'content-length', 'content-type', 'vary', 'cache-control'];
    for (const url of ['/', '/guides/slurm-basics/', `/${manifest.text}0.json`, `/${manifest.index}`, '/search/manifest.json', '/guides/no-such-guide/']) {
      for (const acceptEncoding of ['gzip', 'identity', undefined]) {
        const headers: Record<string, string> = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {};
        const get = await app.request(url, { headers });
        const head = await app.request(url, { method: 'HEAD', headers });
        const label = `${url} accept-encoding: ${acceptEncoding}`;
        expect(head.status, label).toBe(get.status);
        for (const name of compared) expect(head.headers.get(name), `${label}: ${name}`).toBe(get.headers.get(name));
        expect((await head.arrayBuffer()).byteLength, label).toBe(0);
        await get.arrayBuffer();
      }
    }
    const home = await app.request('/', { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
    expect(home.headers.get('content-encoding')).toBe('gzip');
  });

  it('says Vary: Accept-Encoding on every response whose type could be compressed: ranged, small or not asked for gzip', async () => {
    const app = createSiteApp(outDir);
    const ranged = await app.request('/guides/slurm-basics/', { headers: { range: 'bytes=0-99', 'accept-encoding': 'gzip' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-encoding')).toBeNull();
    expect(ranged.headers.get('vary')).toMatch(/accept-encoding/i);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    const manifest = JSON.parse(await (await app.request('/search/manifest.json')).text()) as { index: string };
    for (const url of ['/guides/slurm-basics/', '/search/manifest.json', `/${manifest.index}`, '/guides/no-such-guide/']) {
      for (const method of ['GET', 'HEAD']) {
        const plain = await app.request(url, { method });
        expect(plain.headers.get('content-encoding'), `${method} ${url}`).toBeNull();
        expect(plain.headers.get('vary'), `${method} ${url}`).toMatch(/^accept-encoding$/i);
      }
    }
    // a type CloudFront never compresses, with no .gz beside it, does not vary
    const favicon = await app.request('/favicon.ico', { headers: { 'accept-encoding': 'gzip' } });
    expect(favicon.status).toBe(200);
    expect(favicon.headers.get('vary')).toBeNull();
  });
});

describe('the systems page', () => {
  it('shows per system what is specific to it (its own guides, sections naming it), not every guide again, with a filter', async () => {
    const html = await page('systems/index.html');
    expect(html).toMatch(/<nav aria-label="Show one system" class="system-filter">.*<a href="#systems-title">All systems<\/a>.*<a href="#lumi">LUMI<\/a>/s);
    const lumi = /<section class="system" id="lumi"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    // ssh-login names LUMI alone: it is LUMI's own guide. pytorch-distributed names three systems: a general guide.
    expect(lumi).toContain('Guides about LUMI');
    expect(lumi).toContain('href="/guides/ssh-login/"');
    expect(lumi).not.toContain('<h3><a href="/guides/pytorch-distributed/">');
    expect(lumi).toMatch(/1 general guide also applies to LUMI/);
  });
});
