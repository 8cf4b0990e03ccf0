import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadTarget } from '../../functions/attachments/blob-storage.ts';
import { dynamoAttachmentStore } from '../../functions/attachments/dynamo-store.ts';
import { s3Blobs, uploadKey } from '../../functions/attachments/s3-blobs.ts';
import { attachmentService } from '../../functions/attachments/service.ts';
import { systemClock } from '../../functions/core/clock.ts';
import { principalFor, type Principal } from '../../functions/core/principal.ts';
import { seedUser } from '../../functions/local/seed-data.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';
import { openTicket } from '../support/tickets.ts';
import { startS3StandIn, type S3StandIn } from './s3-standin.ts';

// The attachments service on the S3 adapter, over a loopback socket to the S3 stand-in (which checks every
// signature with the SDK's signer) and dynalite: what the complete step does in AWS, request by request.
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const region = 'eu-north-1';
const bucket = 'support-centre-attachments-test';
const LOG = 'srun: error: nid001234: task 3: Exited with exit code 1\n';

let stack: TestStack;
let s3: S3StandIn;
/** Runs once before the adapter's next request of this method, as if the uploader had sent another file meanwhile. */
let meanwhile: { method: string; run: () => Promise<unknown> } | undefined;
let service: ReturnType<typeof attachmentService>;
let maria: Principal;

beforeAll(async () => {
  stack = await startTestStack({ seed: true });
  s3 = await startS3StandIn({ bucket, region, credentials, sha256: new S3Client({ region, credentials }).config.sha256 });
  const blobs = s3Blobs({
    bucket, region, credentials: () => credentials, endpoint: s3.endpoint,
    fetch: async (url, init) => {
      const before = meanwhile;
      if (before?.method === (init?.method ?? 'GET')) {
        meanwhile = undefined;
        await before.run();
      }
      return fetch(url, init);
    },
  });
  service = attachmentService({ store: dynamoAttachmentStore(stack.server.db, stack.server.tableName), blobs, clock: systemClock });
  const user = seedUser(AS.maria);
  maria = principalFor(user, user.role, user.orgId)!;
});
afterAll(async () => {
  await s3?.close();
  await stack?.close();
});

const post = (upload: UploadTarget, content: string) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields)) form.append(name, value);
  form.append('file', new Blob([content]), 'job.log');
  return fetch(upload.url, { method: 'POST', body: form });
};

describe('the complete step on S3', () => {
  it('checks the upload, serves exactly it at the key no link writes, and drops the upload', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const { attachment, upload } = await service.create(maria, ticket.id, { filename: 'slurm.err', size: LOG.length, internal: false });
    expect((await post(upload, LOG)).status).toBe(204);
    expect(await service.complete(maria, ticket.id, attachment.id)).toMatchObject({ status: 'complete', kind: 'text' });
    const key = `tickets/${ticket.id}/${attachment.id}`;
    expect([...s3.objects.keys()]).toContain(key);
    expect([...s3.objects.keys()]).not.toContain(uploadKey(key));
    const { downloadUrl } = await service.download(maria, ticket.id, attachment.id);
    expect(await (await fetch(downloadUrl)).text()).toBe(LOG);
    expect(s3.requests.filter((r) => r.status === 403)).toEqual([]);
  });

  it('refuses an upload replaced while it was being checked, and gives its slot back', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const { attachment, upload } = await service.create(maria, ticket.id, { filename: 'slurm.err', size: LOG.length, internal: false });
    expect((await post(upload, LOG)).status).toBe(204);
    // Checked, and before the copy that keeps it, another file of the same size through the same link: markup.
    meanwhile = { method: 'PUT', run: () => post(upload, '<svg onload=alert(1)>'.padEnd(LOG.length, ' ')) };
    await expect(service.complete(maria, ticket.id, attachment.id)).rejects.toMatchObject({ code: 'attachment.refused', message: expect.stringMatching(/replaced/) });
    expect(meanwhile).toBeUndefined();
    const key = `tickets/${ticket.id}/${attachment.id}`;
    expect(s3.objects.has(key)).toBe(false);
    expect(s3.objects.has(uploadKey(key))).toBe(false);
    expect(await dynamoAttachmentStore(stack.server.db, stack.server.tableName).reservations(ticket.id)).toEqual([]);
  });
});

describe('a file the server received (e-mail) on S3', () => {
  it('lands where an upload lands, tagged pending, and is checked and kept as an upload is', async () => {
    const ticket = await openTicket(stack, AS.maria);
    const key = (id: string) => `tickets/${ticket.id}/${id}`;
    const seen: Array<string | undefined> = [];
    meanwhile = { method: 'HEAD', run: async () => { for (const [name, object] of s3.objects) if (name.startsWith(`tickets/${ticket.id}/`)) seen.push(`${name.slice(-7)} ${object.tagging}`); } };
    const received = await service.receive(maria, ticket.id, { filename: 'slurm.err', bytes: new TextEncoder().encode(LOG), contentType: 'text/plain', internal: false });
    expect(received).toMatchObject({ status: 'complete', kind: 'text' });
    expect(seen).toEqual(['.upload state=pending']);
    expect(s3.objects.get(key(received.id))?.tagging).toBeUndefined();
    expect(s3.objects.has(uploadKey(key(received.id)))).toBe(false);
    const { downloadUrl } = await service.download(maria, ticket.id, received.id);
    expect(await (await fetch(downloadUrl)).text()).toBe(LOG);

    await expect(service.receive(maria, ticket.id, { filename: 'notes.txt', bytes: new TextEncoder().encode('<html><script>x</script>'), internal: false }))
      .rejects.toMatchObject({ code: 'attachment.refused' });
    expect([...s3.objects.keys()].filter((name) => name.startsWith(`tickets/${ticket.id}/`))).toEqual([key(received.id)]);
    expect(s3.requests.filter((r) => r.status === 403)).toEqual([]);
  });
});
