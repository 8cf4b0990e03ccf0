// The e-mail channel's two Lambda entries as deployed (cdk/bundling.ts), each run in its own node process with a
// Lambda-style environment and invoked as AWS invokes them: the parser with SES's receipt event for the Lambda
// action (after the receipt rule's S3 action stored the mail under incoming/<SES message id>), the receiver with
// the S3 event of the parsed object. S3 is the loopback stand-in that checks every SigV4 signature (one per
// bucket, behind a path router), DynamoDB is dynalite, SES v2 a recording stub.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { build } from 'esbuild';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions, LAMBDA_NODE_OPTIONS } from '../../cdk/bundling.ts';
import { FUNCTION_ENTRIES } from '../../cdk/paths.ts';
import { replyAddress, signReplyToken } from '../../functions/core/reply-token.ts';
import { startS3StandIn, type S3StandIn } from '../attachments/s3-standin.ts';
import { startSesStub } from '../notify/ses-stub.ts';
import { scanTable } from '../support/invariants.ts';
import { AS, startTestStack, type TestStack } from '../support/stack.ts';

const region = 'eu-north-1';
/** Lambda's role credentials, as its environment carries them (with a session token). */
const credentials = { accessKeyId: 'ASIAEXAMPLEINBOUND', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session-token-of-the-role' };
const RAW_MAIL_BUCKET = 'support-centre-received-mail';
const ATTACHMENTS_BUCKET = 'support-centre-attachments';
const SUPPORT_ADDRESS = 'support@support.example.eu';
const MAIL_TOKEN_SECRET = 'a-test-secret-of-at-least-thirty-two-characters';

type Verdict = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED';

let stack: TestStack;
let workDir: string;
let rawMail: S3StandIn;
let attachments: S3StandIn;
let router: { endpoint: string; close(): Promise<void> };
let ses: Awaited<ReturnType<typeof startSesStub>>;
const bundles: Record<'inboundMailParser' | 'inboundMail', string> = { inboundMailParser: '', inboundMail: '' };

/** One endpoint for both buckets, path-style: each request goes on, untouched (Host included), to its bucket's stand-in. */
async function bucketRouter(standIns: Record<string, S3StandIn>) {
  const server: Server = createServer((request, response) => {
    const target = standIns[(request.url ?? '/').split(/[/?]/)[1] ?? ''];
    if (!target) {
      response.writeHead(404).end();
      return;
    }
    const forward = httpRequest({ host: '127.0.0.1', port: new URL(target.endpoint).port, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(response);
    });
    forward.on('error', () => response.destroy());
    request.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

beforeAll(async () => {
  stack = await startTestStack();
  const sha256 = new S3Client({ region, credentials }).config.sha256;
  [rawMail, attachments, ses] = await Promise.all([
    startS3StandIn({ bucket: RAW_MAIL_BUCKET, region, credentials, sha256 }),
    startS3StandIn({ bucket: ATTACHMENTS_BUCKET, region, credentials, sha256 }),
    startSesStub(),
  ]);
  router = await bucketRouter({ [RAW_MAIL_BUCKET]: rawMail, [ATTACHMENTS_BUCKET]: attachments });
  workDir = mkdtempSync(join(tmpdir(), 'inbound-mail-bundles-'));
  for (const name of Object.keys(bundles) as Array<keyof typeof bundles>) {
    bundles[name] = join(workDir, name, 'index.mjs');
    await build(esbuildOptions(FUNCTION_ENTRIES[name], bundles[name]));
  }
}, 120_000);
afterAll(async () => {
  await Promise.all([stack?.close(), rawMail?.close(), attachments?.close(), router?.close(), ses?.close()]);
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

// A fresh node process per invocation: the function reads its settings at import, as in a Lambda cold start.
const INVOKE = `
const module = await import(process.argv[1]);
await module.handler(JSON.parse(process.argv[2]), { functionName: 'test', awsRequestId: 'test-request' });`;

/** Invokes a bundle's handler with one event; its log lines (JSON on stdout), parsed. */
async function invoke(name: keyof typeof bundles, event: unknown, settings: Record<string, string> = {}): Promise<Array<Record<string, unknown>>> {
  const { stdout } = await promisify(execFile)(process.execPath, [LAMBDA_NODE_OPTIONS, '--input-type=module', '-e', INVOKE, bundles[name], JSON.stringify(event)], {
    env: {
      PATH: process.env.PATH ?? '',
      AWS_REGION: region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_SESSION_TOKEN: credentials.sessionToken,
      TABLE_NAME: stack.server.tableName,
      DYNAMODB_ENDPOINT: stack.server.dynamoEndpoint,
      SUPPORT_ADDRESS,
      MAIL_TOKEN_SECRET,
      SENDER_ADDRESS: 'desk@support.example.eu',
      RAW_MAIL_BUCKET,
      ATTACHMENTS_BUCKET,
      S3_ENDPOINT: router.endpoint,
      SES_ENDPOINT: ses.endpoint,
      ...settings,
    },
  });
  return stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * SES's event for a receipt rule's Lambda action (asynchronous, `Event`), field for field as AWS documents it
 * ("Contents of notifications for Amazon SES email receiving"; Powertools' SesEvent schema): `mail` with its
 * common headers, `receipt` with the verdicts and the Lambda action itself. The S3 action that ran before it is
 * not in this event: it stored the mail under its object key prefix (incoming/) and SES's message id.
 */
function sesReceiptEvent(messageId: string, mail: { from: string; to: string; subject: string; id: string }, verdicts: { spf: Verdict; dkim: Verdict; dmarc: Verdict }) {
  const timestamp = new Date().toISOString();
  return {
    Records: [{
      eventSource: 'aws:ses',
      eventVersion: '1.0',
      ses: {
        mail: {
          timestamp, source: mail.from, messageId, destination: [mail.to], headersTruncated: false,
          headers: [{ name: 'From', value: mail.from }, { name: 'To', value: mail.to }, { name: 'Subject', value: mail.subject }, { name: 'Message-ID', value: mail.id }],
          commonHeaders: { returnPath: mail.from, from: [mail.from], date: new Date().toUTCString(), to: [mail.to], messageId: mail.id, subject: mail.subject },
        },
        receipt: {
          timestamp, processingTimeMillis: 612, recipients: [mail.to],
          spamVerdict: { status: 'PASS' }, virusVerdict: { status: 'PASS' },
          spfVerdict: { status: verdicts.spf }, dkimVerdict: { status: verdicts.dkim }, dmarcVerdict: { status: verdicts.dmarc }, dmarcPolicy: 'reject',
          action: { type: 'Lambda', functionArn: `arn:aws:lambda:${region}:123456789012:function:support-centre-inbound-mail-parser`, invocationType: 'Event' },
        },
      },
    }],
  };
}

/** S3's event notification for an object created (event version 2.1); the key URL-encoded as S3 sends it. */
function s3CreatedEvent(key: string, size: number) {
  return {
    Records: [{
      eventVersion: '2.1', eventSource: 'aws:s3', awsRegion: region, eventTime: new Date().toISOString(), eventName: 'ObjectCreated:Put',
      userIdentity: { principalId: 'AWS:AROAEXAMPLE:support-centre-inbound-mail-parser' },
      requestParameters: { sourceIPAddress: '192.0.2.10' },
      responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
      s3: {
        s3SchemaVersion: '1.0', configurationId: 'parsed-mail-created',
        bucket: { name: RAW_MAIL_BUCKET, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${RAW_MAIL_BUCKET}` },
        object: { key: encodeURIComponent(key).replace(/%2F/g, '/'), size, eTag: '0123456789abcdef0123456789abcdef', sequencer: '0A1B2C3D4E5F678901' },
      },
    }],
  };
}

/** The receiver's one line per mail: its outcome. */
const outcomeIn = (logs: Array<Record<string, unknown>>) => logs.find((line) => line.message === 'inbound mail' && line.service === 'inbound-mail');

let received = 0;

/** What SES's S3 action does: the raw mail under incoming/<SES message id>. Returns that id. */
function storeReceived(raw: string): string {
  const messageId = `o3vrnil0e2ic28trm7dfhrc2v0clambda${String(++received).padStart(4, '0')}`;
  rawMail.objects.set(`incoming/${messageId}`, { bytes: Buffer.from(raw), contentType: 'application/octet-stream' });
  return messageId;
}

function replyMail(to: string, id: string, text: string): string {
  return [
    `From: Maria Ortega <${AS.maria}>`, `To: ${to}`, 'Subject: Re: [HD] NCCL timeout on LUMI-G', `Message-ID: ${id}`, 'Date: Sun, 06 Dec 2026 07:00:00 +0100',
    'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '',
    '--b1', 'Content-Type: text/plain; charset=utf-8', '', text, '', 'On Sun, 6 Dec 2026 Ana wrote:', '> Which ROCm module?', '',
    '--b1', 'Content-Type: text/plain; name="slurm-4242.out"', 'Content-Disposition: attachment; filename="slurm-4242.out"', 'Content-Transfer-Encoding: base64', '',
    Buffer.from('srun: job 4242 step 0 completed\n').toString('base64'), '',
    '--b1--', '',
  ].join('\r\n');
}

describe('the e-mail channel\'s Lambda entries, invoked as AWS invokes them', () => {
  let ticket: { id: string; reference: string };
  let to: string;

  beforeAll(async () => {
    const created = await stack.call('POST', '/api/tickets', { as: AS.maria, body: { subject: 'NCCL timeout on LUMI-G', body: 'Job 4242 hangs.', category: 'performance' } });
    expect(created.status).toBe(201);
    ticket = await created.json() as { id: string; reference: string };
    const [localPart, domain] = SUPPORT_ADDRESS.split('@') as [string, string];
    const token = signReplyToken({ ticketNumber: Number(ticket.reference.replace(/^HD-/, '')), userId: 'u-maria', kind: 'reply', issuedAt: new Date(), validDays: 180 }, MAIL_TOKEN_SECRET);
    to = replyAddress(token, { localPart, domain });
  });

  const messagesOf = async () => (await (await stack.call('GET', `/api/tickets/${ticket.id}`, { as: AS.maria })).json() as { messages: Array<{ body: string; authorId: string; attachmentIds?: string[] }> }).messages;
  /** The parser's output for one SES message id, as the receiver's S3 event names it. */
  const parsedObject = (messageId: string) => {
    const key = `parsed/${messageId}.json`;
    const object = rawMail.objects.get(key);
    expect(object, key).toBeDefined();
    return { key, size: object!.bytes.length };
  };

  it('a reply: the parser stores it parsed, the receiver puts it on the ticket with its file; a second S3 event for it makes no second message', async () => {
    const text = 'It works now with NCCL_SOCKET_IFNAME=hsn0.';
    const messageId = storeReceived(replyMail(to, '<lambda-reply-1@aurora-ai.example>', text));
    await invoke('inboundMailParser', sesReceiptEvent(messageId, { from: AS.maria, to, subject: 'Re: [HD] NCCL timeout on LUMI-G', id: '<lambda-reply-1@aurora-ai.example>' }, { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' }));
    const { key, size } = parsedObject(messageId);
    expect(JSON.parse(rawMail.objects.get(key)!.bytes.toString('utf8')).envelope).toMatchObject({ recipients: [to], mailFrom: AS.maria, authentication: { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' } });

    const logs = await invoke('inboundMail', s3CreatedEvent(key, size));
    expect(outcomeIn(logs)).toMatchObject({ status: 'message' });
    const added = (await messagesOf()).filter((m) => m.body === text);
    expect(added).toHaveLength(1);
    expect(added[0]!.authorId).toBe('u-maria');
    expect(added[0]!.attachmentIds).toHaveLength(1);
    // The file went to the attachments bucket through its own stand-in, signed with the role's credentials.
    expect([...attachments.objects.keys()].some((k) => k.includes(added[0]!.attachmentIds![0]!))).toBe(true);
    expect(attachments.requests.every((r) => r.status < 400)).toBe(true);

    // S3 delivers an event at least once: the same event again finds the Message-ID claimed.
    const again = await invoke('inboundMail', s3CreatedEvent(key, size));
    expect(outcomeIn(again)).toMatchObject({ status: 'duplicate' });
    expect((await messagesOf()).filter((m) => m.body === text)).toHaveLength(1);
    expect(ses.received).toEqual([]);
  });

  it('a failing DKIM or SPF verdict (DMARC failing too): nothing written, nobody answered', async () => {
    for (const verdicts of [{ spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL' }, { spf: 'FAIL', dkim: 'PASS', dmarc: 'FAIL' }] as const) {
      const id = `<lambda-forged-${verdicts.spf}-${verdicts.dkim}@aurora-ai.example>`;
      const messageId = storeReceived(replyMail(to, id, 'Written by someone else.'));
      await invoke('inboundMailParser', sesReceiptEvent(messageId, { from: AS.maria, to, subject: 'Re: forged', id }, verdicts));
      const { key, size } = parsedObject(messageId);
      const before = await scanTable(stack.server.db, stack.server.tableName);
      const logs = await invoke('inboundMail', s3CreatedEvent(key, size));
      expect(outcomeIn(logs), JSON.stringify(verdicts)).toMatchObject({ status: 'ignored', reason: 'unauthenticated' });
      expect(await scanTable(stack.server.db, stack.server.tableName)).toEqual(before);
    }
    expect((await messagesOf()).some((m) => m.body.includes('someone else'))).toBe(false);
    expect(ses.received).toEqual([]);
  });

  it('a mail past the size limit: the parser reads only its head (a ranged GET), the receiver answers through SES in the sender\'s language', async () => {
    expect((await stack.call('PUT', '/api/me/preferences', { as: AS.maria, body: { language: 'fr' } })).status).toBe(200);
    const id = '<lambda-big-1@aurora-ai.example>';
    const messageId = storeReceived(replyMail(to, id, 'x'.repeat(8 * 1024)));
    const limit = { MAX_MAIL_BYTES: '4096' };
    await invoke('inboundMailParser', sesReceiptEvent(messageId, { from: AS.maria, to, subject: 'Re: [HD] NCCL timeout on LUMI-G', id }, { spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' }), limit);
    expect(rawMail.requests.some((r) => r.method === 'GET' && r.target.includes(`incoming/${messageId}`) && r.status === 206)).toBe(true);
    const { key, size } = parsedObject(messageId);
    expect(JSON.parse(rawMail.objects.get(key)!.bytes.toString('utf8')).envelope.size).toBeGreaterThan(8 * 1024);

    const logs = await invoke('inboundMail', s3CreatedEvent(key, size), limit);
    expect(outcomeIn(logs)).toMatchObject({ status: 'refused', reason: 'oversized' });
    expect(logs.find((line) => line.message === 'inbound mail refused')).toMatchObject({ reason: 'oversized', answered: true });
    expect(ses.received).toHaveLength(1);
    const answer = await simpleParser(Buffer.from(ses.received[0]!.body.Content.Raw.Data, 'base64'));
    expect(answer.to).toMatchObject({ value: [{ address: AS.maria }] });
    expect(answer.subject).toBe('Non remis : Re: [HD] NCCL timeout on LUMI-G');
    expect(answer.text).toContain('Nous n’avons pas pu accepter votre e-mail : il dépasse');
  });
});
