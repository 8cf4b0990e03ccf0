import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMime } from './mime-reader.ts';
import { startSesStub } from './ses-stub.ts';
import { AS, startNotifyStack, type NotifyStack } from './support.ts';

/**
 * The Lambda entries as deployed wire them (SES v2 client, DynamoDB, directory), with the table in dynalite and
 * SES at a local endpoint: a stream batch in, a SendEmail request out.
 */
describe('functions/notify/index.ts', () => {
  let stack: NotifyStack;
  let ses: Awaited<ReturnType<typeof startSesStub>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    stack = await startNotifyStack();
    ses = await startSesStub();
    Object.assign(process.env, {
      TABLE_NAME: stack.server.tableName, DYNAMODB_ENDPOINT: stack.server.dynamoEndpoint, AWS_REGION: 'eu-north-1',
      SENDER_ADDRESS: 'desk@support.example.eu', PUBLIC_URL: 'https://support.example.eu', SES_ENDPOINT: ses.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret',
    });
  });
  afterAll(async () => {
    process.env = saved;
    await ses?.close();
    await stack?.close();
  });

  it('streamHandler turns a reply into one SendEmail request, and a retried batch into none', async () => {
    const ticket = await stack.newTicket(AS.lea);
    const key = { pk: `TICKET#${ticket.id}`, sk: 'TICKET' };
    const read = async () => (await stack.server.db.send(new GetCommand({ TableName: stack.server.tableName, Key: key, ConsistentRead: true }))).Item!;
    const before = await read();
    await stack.reply(AS.giulia, ticket.id, 'Public answer.');
    const after = await read();
    const options = { removeUndefinedValues: true, convertClassInstanceToMap: false };
    const batch = { Records: [{ eventName: 'MODIFY' as const, dynamodb: { OldImage: marshall(before, options), NewImage: marshall(after, options), SequenceNumber: '1' } }] };

    const { streamHandler, sweepHandler } = await import('../../functions/notify/index.ts');
    expect(await streamHandler(batch)).toEqual({ batchItemFailures: [] });
    expect(ses.received).toHaveLength(1);
    const [request] = ses.received;
    expect(request!.method).toBe('POST');
    expect(request!.path).toBe('/v2/email/outbound-emails');
    expect(request!.body.FromEmailAddress).toBe('"HPC AI Support Centre" <desk@support.example.eu>');
    expect(request!.body.Destination).toEqual({ ToAddresses: ['=?UTF-8?B?TMOpYSBNYXJ0aW4=?= <lea@basalt-labs.example>'] });
    const mail = parseMime(Buffer.from(request!.body.Content.Raw.Data, 'base64').toString('utf8'));
    expect(mail.headers.subject).toBe(`[${ticket.reference}] Réponse de Giulia Rossi : NCCL timeout on LUMI-G`);
    expect(mail.text).toContain(`https://support.example.eu/app/tickets/${ticket.id}`);

    expect(await streamHandler(batch)).toEqual({ batchItemFailures: [] });
    expect(ses.received).toHaveLength(1);

    const swept = await sweepHandler();
    expect(Object.keys(swept).sort()).toEqual(['escalations', 'parkedInDoubt', 'reminders', 'retried', 'sent']);
  });
});
