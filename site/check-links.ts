// `npm run check:links [-- --content DIR --timeout MS --concurrency N]`: lists the guides' sources that are
// dead or redirected. Needs the internet, so it is run on demand, never in the tests. Exit code 1 when a
// source is dead. (Links between guides and their anchors are checked by every site build.)
import { parseArgs } from 'node:util';
import { loadContent } from './src/build/content.ts';
import { buildModel } from './src/build/model.ts';
import { BuildError } from './src/build/errors.ts';
import { checkLinks, collectLinks } from './src/links/linkCheck.ts';

const { values } = parseArgs({
  options: {
    content: { type: 'string', default: 'content' },
    timeout: { type: 'string', default: '15000' },
    concurrency: { type: 'string', default: '6' },
  },
});

try {
  const model = buildModel(await loadContent(values.content));
  const links = collectLinks(model.guides.map((guide) => ({
    slug: guide.slug,
    sources: guide.meta.sources,
    checkSources: guide.rendered.checks.map((check) => check.source),
  })));
  console.log(`Checking ${links.length} external links cited by ${model.guides.length} guides…`);
  const results = await checkLinks(links.map((link) => link.url), { timeoutMs: Number(values.timeout), concurrency: Number(values.concurrency) });
  const citedBy = (url: string) => links.find((link) => link.url === url)?.slugs.join(', ') ?? '';
  const dead = results.filter((result) => result.state === 'dead');
  const redirected = results.filter((result) => result.state === 'redirected');
  for (const result of dead) if (result.state === 'dead') console.log(`DEAD      ${result.url} (${result.reason}) — in ${citedBy(result.url)}`);
  for (const result of redirected) if (result.state === 'redirected') console.log(`REDIRECT  ${result.url} → ${result.finalUrl} — in ${citedBy(result.url)}`);
  console.log(`${results.length - dead.length - redirected.length} ok, ${redirected.length} redirected, ${dead.length} dead.`);
  if (dead.length > 0) process.exitCode = 1;
} catch (error) {
  if (error instanceof BuildError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
