import { describe, expect, it } from 'vitest';
import { replyAddress, signReplyToken, tokenOfAddress, TOKEN_LENGTH, verifyReplyToken } from '../../functions/core/reply-token.ts';
import { authenticated } from '../../functions/inbound-mail/domain/authentication.ts';
import { automaticReason, type MailSigns } from '../../functions/inbound-mail/domain/automatic.ts';
import { htmlToText } from '../../functions/inbound-mail/domain/html-to-text.ts';

const SECRET = 'k'.repeat(48);
const NOW = new Date('2026-12-06T07:00:00Z');
const CHANNEL = { localPart: 'support', domain: 'support.example.eu' };
const claims = { ticketNumber: 1005, userId: '2f9c1c7e-8d1a-4b8e-9c55-2d0c1f6a7b3e', kind: 'reply' as const, issuedAt: NOW, validDays: 180 };

describe('reply tokens', () => {
  it('fit an address\'s local part, in lower case, and read back for their user', () => {
    const token = signReplyToken(claims, SECRET);
    expect(token).toMatch(/^[a-z2-7]+$/);
    expect(token).toHaveLength(TOKEN_LENGTH);
    const address = replyAddress(token, CHANNEL);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    // Mail systems may change a local part's case.
    expect(tokenOfAddress(address.toUpperCase(), CHANNEL)).toBe(token);
    expect(verifyReplyToken(token, claims.userId, SECRET, NOW)).toEqual({ ok: true, claims, expiresAt: new Date(NOW.getTime() + 180 * 86_400_000) });
  });

  it('tell another user\'s token, an altered one, another secret\'s and an expired one apart', () => {
    const token = signReplyToken(claims, SECRET);
    expect(verifyReplyToken(token, 'someone-else', SECRET, NOW)).toEqual({ ok: false, reason: 'other-user' });
    const altered = `${token.slice(0, 5)}${token[5] === 'a' ? 'b' : 'a'}${token.slice(6)}`;
    expect(verifyReplyToken(altered, claims.userId, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyReplyToken(token, claims.userId, 'x'.repeat(48), NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyReplyToken(token, claims.userId, SECRET, new Date(NOW.getTime() + 180 * 86_400_000))).toEqual({ ok: false, reason: 'expired' });
    expect(verifyReplyToken('short', claims.userId, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('are found only in our own addresses', () => {
    const token = signReplyToken(claims, SECRET);
    expect(tokenOfAddress(`support+${token}@elsewhere.example`, CHANNEL)).toBeUndefined();
    expect(tokenOfAddress(`sales+${token}@support.example.eu`, CHANNEL)).toBeUndefined();
    expect(tokenOfAddress('support@support.example.eu', CHANNEL)).toBeUndefined();
  });
});

describe('automatic mail', () => {
  const person: MailSigns = { header: () => undefined, from: 'maria@aurora-ai.example', mailFrom: 'maria@aurora-ai.example', contentType: 'text/plain', subject: 'Re: [HD-1005] NCCL' };
  const withHeaders = (headers: Record<string, string>, rest: Partial<MailSigns> = {}): MailSigns => ({ ...person, header: (name) => headers[name], ...rest });
  const own = (address: string) => address === 'support@support.example.eu';

  it('lets a person\'s reply through', () => {
    expect(automaticReason(person, own)).toBeUndefined();
    expect(automaticReason(withHeaders({ 'auto-submitted': 'no' }), own)).toBeUndefined();
  });

  it.each([
    ['auto-submitted', withHeaders({ 'auto-submitted': 'auto-replied' })],
    ['precedence', withHeaders({ precedence: 'junk' })],
    ['mailing-list', withHeaders({ 'list-unsubscribe': '<mailto:x@lists.example>' })],
    ['delivery-report', withHeaders({}, { contentType: 'multipart/report; report-type=delivery-status' })],
    ['mailer-daemon', withHeaders({}, { from: 'mailer-daemon@mx.example' })],
    ['null-sender', withHeaders({}, { mailFrom: '<>' })],
    ['autoreply-header', withHeaders({ 'x-autorespond': 'yes' })],
    ['out-of-office', withHeaders({}, { subject: 'Réponse automatique : absence' })],
    ['out-of-office', withHeaders({}, { subject: 'Abwesenheitsnotiz: Re: NCCL' })],
    ['out-of-office', withHeaders({}, { subject: 'Fuera de la oficina' })],
    ['out-of-office', withHeaders({}, { subject: 'Risposta automatica: Re: NCCL' })],
    ['own-address', withHeaders({}, { from: 'support@support.example.eu' })],
  ])('%s', (reason, mail) => {
    expect(automaticReason(mail, own)).toBe(reason);
  });
});

describe('authentication and HTML', () => {
  it('believes a From only when SPF and DKIM pass, or DMARC does', () => {
    const own = { from: 'maria@aurora-ai.example', mailFrom: 'maria@aurora-ai.example' };
    expect(authenticated({ spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' }, own)).toBe(true);
    expect(authenticated({ spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' }, { ...own, mailFrom: 'bounces@mail.aurora-ai.example' })).toBe(true);
    expect(authenticated({ spf: 'FAIL', dkim: 'FAIL', dmarc: 'PASS' }, { ...own, mailFrom: 'x@elsewhere.example' })).toBe(true);
    expect(authenticated({ spf: 'PASS', dkim: 'FAIL', dmarc: 'FAIL' }, own)).toBe(false);
    expect(authenticated({ spf: 'PASS', dkim: 'PROCESSING_FAILED', dmarc: 'GRAY' }, own)).toBe(false);
    expect(authenticated('loopback', own)).toBe(true);
  });

  it('SPF and DKIM of someone else\'s domain do not vouch for the From (no DMARC): forged From in AWS', () => {
    // The attacker's own domain passes SPF (its MAIL FROM) and DKIM (its own signature) while claiming María's From.
    const forged = { from: 'maria@aurora-ai.example', mailFrom: 'bounce@attacker.example' };
    expect(authenticated({ spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' }, forged)).toBe(false);
    expect(authenticated({ spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' }, { ...forged, mailFrom: 'x@aurora-ai.example.attacker.example' })).toBe(false);
    expect(authenticated({ spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' }, { ...forged, mailFrom: 'x@evilaurora-ai.example' })).toBe(false);
    expect(authenticated({ spf: 'PASS', dkim: 'PASS', dmarc: 'GRAY' }, { ...forged, mailFrom: '' })).toBe(false);
  });

  it('turns HTML into text with no markup left', () => {
    expect(htmlToText('<html><head><style>p{}</style></head><body><p>Hi &lt;b&gt;<br>see <a href="https://lumi.example/doc">the docs</a></p><script>x()</script><ul><li>one</li></ul></body></html>'))
      .toBe('Hi <b>\nsee the docs (https://lumi.example/doc)\n\n- one');
  });
});

describe('the channel\'s settings', () => {
  it('name the variable at fault', async () => {
    const { mailChannelConfig } = await import('../../functions/core/config.ts');
    const { inboundMailConfig } = await import('../../functions/inbound-mail/config.ts');
    expect(mailChannelConfig({})).toBeUndefined();
    expect(() => mailChannelConfig({ SUPPORT_ADDRESS: 'support+x@example.eu', MAIL_TOKEN_SECRET: SECRET })).toThrow(/SUPPORT_ADDRESS/);
    expect(() => mailChannelConfig({ SUPPORT_ADDRESS: 'support@example.eu' })).toThrow(/MAIL_TOKEN_SECRET/);
    expect(() => mailChannelConfig({ SUPPORT_ADDRESS: 'support@example.eu', MAIL_TOKEN_SECRET: 'short' })).toThrow(/MAIL_TOKEN_SECRET.*32/);
    expect(mailChannelConfig({ SUPPORT_ADDRESS: 'Support@Example.EU', MAIL_TOKEN_SECRET: SECRET })).toEqual({ localPart: 'support', domain: 'example.eu', tokenSecret: SECRET, tokenDays: 180 });
    expect(() => inboundMailConfig({ SUPPORT_ADDRESS: 'support@example.eu', MAIL_TOKEN_SECRET: SECRET, SENDER_ADDRESS: 'desk@example.eu', ATTACHMENTS_BUCKET: 'a' })).toThrow(/RAW_MAIL_BUCKET/);
  });
});
