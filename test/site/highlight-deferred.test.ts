// The command's builds leave each code block as a placeholder for the second thread to highlight
// (src/build/highlight.ts); filled in, the page is what highlighting at once gives.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../site/src/build/markdown.ts';
import { highlightCode, PLACEHOLDER } from '../../site/src/build/highlight.ts';

const source = '# T\n\nRun:\n\n```bash\nsbatch --gpus=8 train.sh # <go>\n```\n\n```unknown-lang\nx < y\n```\n\n```python\nprint("a & b")\n```\n';

describe('deferred highlighting', () => {
  it('leaves a placeholder per highlightable block and, filled in, gives the same HTML', () => {
    const now = renderMarkdown(source);
    const later = renderMarkdown(source, { deferHighlighting: true });
    expect(now.highlights).toBeUndefined();
    expect(later.highlights?.map((job) => job.language)).toEqual(['bash', 'python']);
    expect(later.html).not.toContain('hljs-comment');
    const filled = later.html.replace(PLACEHOLDER, (placeholder) => {
      const job = later.highlights?.find((candidate) => candidate.placeholder === placeholder);
      return job ? highlightCode(job.language, job.text) : placeholder;
    });
    expect(filled).toBe(now.html);
    expect(filled).toContain('&lt;go&gt;');
  });

  it('highlights at once a source holding the NUL character the placeholders use', () => {
    const withNul = `${source}\nText with \u0000 in it.\n`;
    const rendered = renderMarkdown(withNul, { deferHighlighting: true });
    expect(rendered.highlights).toBeUndefined();
    expect(rendered.html).toBe(renderMarkdown(withNul).html);
  });
});
