import { describe, expect, it } from 'vitest';
import { markdownToMailHtml } from '../../functions/notify/templates/markdown.ts';

describe('Markdown in mail (the safe subset)', () => {
  it('renders what support replies use', () => {
    const html = markdownToMailHtml('Set **A=1**, then _retry_ with `srun -N 2`.\nSee [the guide](https://support.example/guides/nccl/).\n\n- one\n- two\n\n1. first\n\n> quoted\n\n## Next\n```bash\nexport X="1" && echo <ok>\n```');
    expect(html).toContain('Set <strong>A=1</strong>, then <em>retry</em> with <code');
    expect(html).toContain('<a href="https://support.example/guides/nccl/">the guide</a>');
    expect(html).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(html).toContain('<ol><li>first</li></ol>');
    expect(html).toMatch(/<blockquote[^>]*><p>quoted<\/p><\/blockquote>/);
    expect(html).toContain('<p><strong>Next</strong></p>');
    expect(html).toContain('<code>export X=&quot;1&quot; &amp;&amp; echo &lt;ok&gt;</code></pre>');
  });

  it('adds no markup of the writer\'s: raw HTML is text, only http(s) and mailto links, images only as links', () => {
    const html = markdownToMailHtml('<img src=x onerror=alert(1)> [x](javascript:alert(1)) [y](data:text/html,hi) ![pixel](https://tracker.example/p.png) <a href="https://evil.example">z</a> "quote" \'apos\'');
    expect(html).not.toContain('<img');
    // Links: the image's, shown as its alt text, and a typed address, shown as itself; nothing hides where it goes.
    expect([...html.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['https://tracker.example/p.png', 'pixel'], ['https://evil.example', 'https://evil.example'],
    ]);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('[x](javascript:alert(1))');
    expect(html).toContain('<a href="https://tracker.example/p.png">pixel</a>');
    // Every tag in the output is one the renderer writes.
    const tags = new Set([...html.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].every((tag) => ['p', 'br', 'a', 'strong', 'em', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote'].includes(tag!))).toBe(true);
  });

  it('does not take snake_case or arithmetic for emphasis, nor sentence punctuation for part of an address', () => {
    const html = markdownToMailHtml('NCCL_SOCKET_IFNAME and 2*3*4; see https://docs.example/x?a=1&b=2.');
    expect(html).not.toContain('<em>');
    expect(html).toContain('<a href="https://docs.example/x?a=1&amp;b=2">https://docs.example/x?a=1&amp;b=2</a>.');
  });
});
