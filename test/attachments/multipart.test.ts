import { describe, expect, it } from 'vitest';
import { boundaryOf, parseMultipart } from '../../functions/attachments/multipart.ts';

// The local upload route's form reader, against forms built by the platform's own FormData serializer.
async function encoded(form: FormData): Promise<{ body: Buffer; type: string }> {
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { body: Buffer.from(await request.arrayBuffer()), type: request.headers.get('content-type')! };
}

describe('multipart/form-data', () => {
  it('reads the fields and the file, bytes intact (CRLF and boundary-like text inside included)', async () => {
    const form = new FormData();
    form.append('key', 'tickets/t1/a1');
    form.append('Content-Type', 'text/plain');
    const bytes = new Uint8Array([0x0d, 0x0a, 0x2d, 0x2d, 0x41, 0, 255, 0x0d, 0x0a]);
    form.append('file', new Blob([bytes]), 'slurm.out');
    const { body, type } = await encoded(form);
    const parsed = parseMultipart(body, boundaryOf(type)!)!;
    expect(Object.fromEntries(parsed.fields)).toEqual({ key: 'tickets/t1/a1', 'Content-Type': 'text/plain' });
    expect(parsed.file?.name).toBe('slurm.out');
    expect([...parsed.file!.bytes]).toEqual([...bytes]);
  });

  it('refuses what is not a well-formed form', async () => {
    expect(boundaryOf('application/json')).toBeUndefined();
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    const form = new FormData();
    form.append('file', new Blob(['abc']), 'a.txt');
    const { body, type } = await encoded(form);
    expect(parseMultipart(body.subarray(0, body.length - 20), boundaryOf(type)!)).toBeUndefined();
    expect(parseMultipart(Buffer.from('garbage'), 'x')).toBeUndefined();
  });
});
