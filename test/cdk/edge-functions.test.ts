// The CloudFront Functions of the site behaviour, run on the event shapes CloudFront passes them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

type Handler = (event: Record<string, unknown>) => Record<string, any>;

/** CloudFront Functions are plain scripts defining `handler`; load one the same way. */
function loadHandler(file: string): Handler {
  const source = readFileSync(join(import.meta.dirname, '../../cdk/edge', file), 'utf8');
  return new Function(`${source}\nreturn handler;`)() as Handler;
}

const siteRequest = loadHandler('site-request.js');
const siteResponse = loadHandler('site-response.js');

const request = (uri: string, querystring: Record<string, unknown> = {}) => siteRequest({ request: { method: 'GET', uri, querystring, headers: {} } });

describe('site request function', () => {
  it('serves a folder\'s index.html', () => {
    expect(request('/').uri).toBe('/index.html');
    expect(request('/guides/slurm-basics/').uri).toBe('/guides/slurm-basics/index.html');
  });

  it('leaves files alone', () => {
    expect(request('/assets/main-AB12CD34.js').uri).toBe('/assets/main-AB12CD34.js');
    expect(request('/config.json').uri).toBe('/config.json');
    expect(request('/app/favicon.svg').uri).toBe('/app/favicon.svg');
  });

  it('serves the app shell for every app path, with or without a trailing slash', () => {
    for (const path of ['/app', '/app/', '/app/tickets/new', '/app/tickets/01J9ZQ/', '/app/callback']) expect(request(path).uri, path).toBe('/app/index.html');
    expect(request('/app/manifest.webmanifest').uri).toBe('/app/manifest.webmanifest');
  });

  it('redirects a folder named without its slash, keeping the query', () => {
    expect(request('/guides')).toEqual({ statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/guides/' } } });
    const redirected = request('/search', { q: { value: 'slurm' }, tag: { value: 'a', multiValue: [{ value: 'a' }, { value: 'b' }] }, flag: { value: '' } });
    expect(redirected.headers.location.value).toBe('/search/?q=slurm&tag=a&tag=b&flag');
  });

  it('never answers a scheme-relative Location: leading slashes collapse to one', () => {
    for (const uri of ['//guides', '///guides', '/\\guides', '//evil']) {
      const location = request(uri).headers.location.value as string;
      expect(location, uri).toMatch(/^\/[^/\\]/);
    }
    expect(request('//guides/').uri).toBe('/guides/index.html');
    expect(request('//evil.example').uri).toBe('/evil.example');
  });
});

describe('site response function', () => {
  const respond = (statusCode: number, uri = '/missing/index.html') => siteResponse({ request: { uri }, response: { statusCode, headers: {} } });

  it('sends a missing page (S3 answers 403 without list permission) to the 404 page', () => {
    for (const status of [403, 404]) {
      expect(respond(status)).toMatchObject({ statusCode: 302, headers: { location: { value: '/404.html' } } });
    }
  });

  it('passes other responses through, and never loops on the 404 page itself', () => {
    expect(respond(200).statusCode).toBe(200);
    expect(respond(304).statusCode).toBe(304);
    expect(respond(403, '/404.html').statusCode).toBe(403);
  });
});
