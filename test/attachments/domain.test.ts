import { describe, expect, it } from 'vitest';
import { kindOfName, refusalOfDeclared, MAX_FILE_BYTES } from '../../functions/attachments/domain/limits.ts';
import { firstErrorLine, isErrorLine } from '../../functions/attachments/domain/log-errors.ts';
import { bodyCounter, BODY_LIMIT, moveLongPaste, PASTED_LOG_NAME } from '../../functions/attachments/domain/paste.ts';
import { describeSecrets, findSecrets } from '../../functions/attachments/domain/secrets.ts';
import { sniff } from '../../functions/attachments/domain/sniff.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('names and limits', () => {
  it('reads the kind a name claims, longest extension first', () => {
    expect(kindOfName('run.tar.gz')).toBe('gzip');
    expect(kindOfName('slurm-1.OUT')).toBe('text');
    expect(kindOfName('.log')).toBeUndefined();
    expect(kindOfName('x.exe')).toBeUndefined();
  });
  it('takes exactly 50 MB and refuses one byte more, and empty files', () => {
    expect(refusalOfDeclared('a.log', MAX_FILE_BYTES)).toBeUndefined();
    expect(refusalOfDeclared('a.log', MAX_FILE_BYTES + 1)?.field).toBe('size');
    expect(refusalOfDeclared('a.log', 0)?.field).toBe('size');
  });
});

describe('sniffing', () => {
  const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
  it('accepts what the content and the name agree on', () => {
    expect(sniff('shot.png', png, 12)).toEqual({ ok: true, kind: 'png' });
    expect(sniff('doc.pdf', text('%PDF-1.7\n'), 9)).toEqual({ ok: true, kind: 'pdf' });
    expect(sniff('job.sh', text('#!/bin/bash\n#SBATCH -N 2\nsrun python train.py\n'), 45)).toEqual({ ok: true, kind: 'text' });
    expect(sniff('ünï.log', text('Schritt ✓ fertig'), 100).ok).toBe(true);
  });
  it('refuses HTML renamed .png, SVG and XML as text, programs renamed .log, and names that disagree', () => {
    expect(sniff('shot.png', text('<html><body>hi</body></html>'), 28).ok).toBe(false);
    expect(sniff('notes.txt', text('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>'), 50).ok).toBe(false);
    expect(sniff('data.json', text('<?xml version="1.0"?><svg/>'), 27).ok).toBe(false);
    // What a sniffing browser renders as HTML (WHATWG MIME Sniffing, HTML patterns), and SVG closed by a slash.
    for (const markup of ['<svg/onload=alert(1)>', '<!-- x --><script>alert(1)</script>', '<div>x</div>', '<p onclick=x>', '<a href=x>y</a>', '<B>bold', '<table>', '<title>x', '<math><mi>x']) {
      expect(sniff('notes.txt', text(`\n ${markup}`), markup.length + 2).ok, markup).toBe(false);
    }
    // Logs that merely start with angle brackets stay text.
    for (const log of ['<frozen importlib._bootstrap>: ImportError', '<unknown>: rank 3 died', '<a1b2> job started', '<<< srun output >>>']) {
      expect(sniff('slurm.out', text(log), log.length)).toEqual({ ok: true, kind: 'text' });
    }
    expect(sniff('job.log', bytes(0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0), 8)).toMatchObject({ ok: false, reason: expect.stringMatching(/program/) });
    expect(sniff('shot.jpg', png, 12)).toMatchObject({ ok: false, reason: expect.stringMatching(/name says JPEG but the content is PNG/) });
    expect(sniff('data.bin', text('abc'), 3).ok).toBe(false);
  });
  it('refuses zip and gzip headers that claim a huge expansion', () => {
    const zip = new Uint8Array(64);
    zip.set([0x50, 0x4b, 0x03, 0x04]);
    new DataView(zip.buffer).setUint32(18, 10_000, true);
    new DataView(zip.buffer).setUint32(22, 9_000_000_000 % 2 ** 32, true);
    expect(sniff('a.zip', zip, 10_030)).toMatchObject({ ok: false, reason: expect.stringMatching(/zip bomb/) });
    new DataView(zip.buffer).setUint32(22, 20_000, true);
    expect(sniff('a.zip', zip, 10_030)).toEqual({ ok: true, kind: 'zip' });
    const tail = new Uint8Array(4);
    new DataView(tail.buffer).setUint32(0, 4_000_000_000, true);
    expect(sniff('a.tgz', bytes(0x1f, 0x8b, 8, 0), 1000, tail).ok).toBe(false);
  });
  it('accepts text cut in the middle of a character at the end of the sample', () => {
    const sample = text('ok €');
    expect(sniff('a.txt', sample.subarray(0, sample.length - 1), 1000).ok).toBe(true);
  });
});

describe('secret detection', () => {
  const fixture = [
    'module load cray-python',
    '-----BEGIN OPENSSH PRIVATE KEY-----',
    'export HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345',
    'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
    'db password = hunter2',
    'curl -H "Authorization: Bearer eyJhbGciOi"',
    'epoch 1 loss 2.3',
  ].join('\n');
  it('finds each kind on its line, and nothing in a plain log', () => {
    expect(findSecrets(fixture)).toEqual([
      { kind: 'private key', line: 2 }, { kind: 'Hugging Face token', line: 3 }, { kind: 'AWS access key', line: 4 },
      { kind: 'password', line: 5 }, { kind: 'Authorization header', line: 6 },
    ]);
    expect(findSecrets('epoch 1 loss 2.3\nNCCL INFO Bootstrap\npasswordless ssh set up\n')).toEqual([]);
    expect(describeSecrets(findSecrets(fixture))).toBe('a private key (line 2), a Hugging Face token (line 3), an AWS access key (line 4) and 2 more');
  });
});

describe('log errors', () => {
  it('finds the first error line of a job log', () => {
    const log = ['srun: job 4711 queued', 'epoch 1', 'NCCL WARN Connect to 10.0.0.2 failed', 'Traceback (most recent call last):'];
    expect(firstErrorLine(log)).toBe(3);
    expect(firstErrorLine(log, 100)).toBe(102);
    for (const line of ['torch.cuda.OutOfMemoryError: CUDA out of memory.', 'slurmstepd: error: Detected 1 oom-kill event', 'HIP error: invalid device function', 'srun: error: nid001: task 0: Killed']) {
      expect(isErrorLine(line), line).toBe(true);
    }
    expect(isErrorLine('loss 0.12 errors=none'.replace('errors', 'err'))).toBe(false);
  });
});

describe('long paste becomes a file', () => {
  it('counts while typing and moves the pasted block into pasted-log.txt', () => {
    expect(bodyCounter('abc')).toEqual({ text: '3 / 20,000', over: false });
    const pasted = 'x'.repeat(BODY_LIMIT + 1);
    const body = `My job fails:\n${pasted}\nAny idea?`;
    expect(bodyCounter(body).over).toBe(true);
    expect(moveLongPaste(body, pasted)).toEqual({ body: `My job fails:\n(see the attached ${PASTED_LOG_NAME})\nAny idea?`, file: pasted });
    expect(moveLongPaste('short', 'short')).toBeUndefined();
  });
});
