// Rendering on worker threads gives exactly what rendering in this thread gives.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../site/src/build/content.ts';
import { renderAll } from '../../site/src/build/renderPool.ts';
import { FIXTURE_CONTENT } from './helpers.ts';

describe('render pool', () => {
  it('renders the same on worker threads as inline, in the same order', async () => {
    const bodies = (await loadContent(FIXTURE_CONTENT)).guides.map((guide) => guide.body);
    const inline = await renderAll(bodies, Infinity);
    const pooled = await renderAll(bodies, 1);
    expect(pooled).toEqual(inline);
    expect(pooled.map((rendered) => rendered.headings[0]?.id)).toEqual(inline.map((rendered) => rendered.headings[0]?.id));
  });
});
