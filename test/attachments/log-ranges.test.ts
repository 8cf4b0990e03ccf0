import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headReader, lineFromHash, readTail } from '../../site/src/app/logRanges.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';
import { attach } from './support.ts';

// The log viewer's reading by byte ranges, against the local server's signed downloads: the first screen and
// the end of a log come in one range each, lines cut by a chunk (even mid-character) come out whole.
let stack: TestStack;
beforeAll(async () => { stack = await startTestStack({ seed: true }); });
afterAll(async () => { await stack?.close(); });

const LINES = Array.from({ length: 5000 }, (_, i) => `line ${i + 1} ✓ ${'x'.repeat(i % 37)}`);
const LOG = `${LINES.join('\n')}\n`;

async function ranged() {
  const ticket = await openTicket(stack, AS.maria);
  const { id } = await attach(stack, ticket.id, AS.maria, 'big.log', LOG);
  const { downloadUrl, size } = await (await stack.call('GET', `/api/tickets/${ticket.id}/attachments/${id}`, { as: AS.maria })).json();
  const transferred: number[] = [];
  const fetchRange = async (start: number, end: number) => {
    const response = await fetch(downloadUrl, { headers: { range: `bytes=${start}-${end}` } });
    expect(response.status).toBe(206);
    const bytes = new Uint8Array(await response.arrayBuffer());
    transferred.push(bytes.length);
    return bytes;
  };
  return { size: size as number, fetchRange, transferred };
}

describe('reading a log by byte ranges', () => {
  it('shows the first lines from one small range, and all lines whole when read to the end', async () => {
    const { size, fetchRange, transferred } = await ranged();
    expect(size).toBe(new TextEncoder().encode(LOG).length);
    const reader = headReader(size, fetchRange, 1000);
    await reader.more();
    expect(transferred).toEqual([1000]);
    expect(reader.lines.length).toBeGreaterThan(10);
    expect(reader.lines).toEqual(LINES.slice(0, reader.lines.length));
    while (!reader.complete) await reader.more();
    expect(reader.lines).toEqual(LINES);
    expect(transferred.reduce((a, b) => a + b, 0)).toBe(size);
  });

  it('shows the end from one range from the end', async () => {
    const { size, fetchRange, transferred } = await ranged();
    const { lines, fromStart } = await readTail(size, fetchRange, 2048);
    expect(fromStart).toBe(false);
    expect(transferred).toEqual([2048]);
    expect(lines).toEqual(LINES.slice(-lines.length));
    expect(lines.at(-1)).toBe('line 5000 ✓ ' + 'x'.repeat(4999 % 37));
  });

  it('reads #L links', () => {
    expect(lineFromHash('#L120')).toBe(120);
    expect(lineFromHash('#L')).toBeUndefined();
    expect(lineFromHash('#x120')).toBeUndefined();
  });
});
