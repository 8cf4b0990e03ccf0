import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed token in a notification's Reply-To (`support+<token>@<domain>`): which ticket, whose reply, and
 * whether it is a public reply or a staff member's internal note. Pure (node:crypto only).
 *
 * It must fit an address's local part (at most 64 characters, RFC 5321) and survive mail systems that change the
 * case of a local part, so it is 25 bytes in lower-case base32 (40 characters, no padding):
 *
 *   1 byte   version (high 4 bits) and kind (low 4 bits)
 *   4 bytes  the ticket's number (HD-1005 → 1005): a ticket id (26) and a user id (36) would not fit
 *   4 bytes  issued at, seconds since 1970 (revocation compares it, see below)
 *   2 bytes  days of validity from then (expiry = issued + days)
 *   4 bytes  the first bytes of SHA-256(user id): names the user only to tell "another user's token" apart
 *            from a forgery in the log; the full user id is inside the MAC, so a token never verifies for anyone else
 *  10 bytes  HMAC-SHA256 over all of the above and the full user id, truncated to 80 bits
 *
 * Revocation without a read at send time: each user may have a "not before" instant (kept by
 * functions/inbound-mail); a token issued at or before it is revoked. Bumping it (a user who forwarded a mail
 * by mistake, a coordinator for a leaving employee) kills every earlier reply address of that person at once,
 * while the notifier signs new tokens from the clock alone, with no extra read per mail. A per-user counter
 * ("epoch") would need the notifier to read it for each mail; an instant does the same job.
 */
export type ReplyKind = 'reply' | 'note';

export interface ReplyClaims {
  ticketNumber: number;
  userId: string;
  kind: ReplyKind;
  issuedAt: Date;
  /** Whole days of validity from `issuedAt`. */
  validDays: number;
}

export type TokenCheck =
  | { ok: true; claims: ReplyClaims; expiresAt: Date }
  /** `malformed`: not a token of ours or altered; `other-user`: a genuine token, but for someone else; `expired`. */
  | { ok: false; reason: 'malformed' | 'other-user' | 'expired' };

export const TOKEN_VERSION = 1;
export const TOKEN_LENGTH = 40;
const KINDS: readonly ReplyKind[] = ['reply', 'note'];
const BODY_BYTES = 15;
const MAC_BYTES = 10;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | undefined {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.toLowerCase()) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

const userDigest = (userId: string) => createHash('sha256').update(userId, 'utf8').digest().subarray(0, 4);
const mac = (secret: string | Buffer, body: Uint8Array, userId: string) =>
  createHmac('sha256', secret).update(body).update('\u0000').update(userId, 'utf8').digest().subarray(0, MAC_BYTES);

export function signReplyToken(claims: ReplyClaims, secret: string | Buffer): string {
  const body = Buffer.alloc(BODY_BYTES);
  body.writeUInt8((TOKEN_VERSION << 4) | KINDS.indexOf(claims.kind), 0);
  body.writeUInt32BE(claims.ticketNumber, 1);
  body.writeUInt32BE(Math.floor(claims.issuedAt.getTime() / 1000), 5);
  body.writeUInt16BE(claims.validDays, 9);
  userDigest(claims.userId).copy(body, 11);
  return base32(Buffer.concat([body, mac(secret, body, claims.userId)]));
}

/**
 * Checks a token for the user the mail comes from (found by its From address). Only the MAC decides; the user
 * digest is consulted after a failed MAC, to say in the log whether it was another person's genuine token.
 */
export function verifyReplyToken(token: string, userId: string, secret: string | Buffer, now: Date): TokenCheck {
  const bytes = token.length === TOKEN_LENGTH ? fromBase32(token) : undefined;
  if (!bytes || bytes.length !== BODY_BYTES + MAC_BYTES) return { ok: false, reason: 'malformed' };
  const body = bytes.subarray(0, BODY_BYTES);
  const kind = KINDS[body.readUInt8(0) & 0x0f];
  if (body.readUInt8(0) >> 4 !== TOKEN_VERSION || !kind) return { ok: false, reason: 'malformed' };
  if (!timingSafeEqual(bytes.subarray(BODY_BYTES), mac(secret, body, userId))) {
    return { ok: false, reason: userDigest(userId).equals(body.subarray(11, 15)) ? 'malformed' : 'other-user' };
  }
  const issuedAt = new Date(body.readUInt32BE(5) * 1000);
  const validDays = body.readUInt16BE(9);
  const expiresAt = new Date(issuedAt.getTime() + validDays * 86_400_000);
  if (now >= expiresAt) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { ticketNumber: body.readUInt32BE(1), userId, kind, issuedAt, validDays }, expiresAt };
}

/** `support+<token>@domain` → the token, when the address is one of ours with a token of the right shape. */
export function tokenOfAddress(address: string, { localPart, domain }: { localPart: string; domain: string }): string | undefined {
  const match = /^([^@+]+)\+([a-z2-7]+)@(.+)$/i.exec(address.trim());
  if (!match || match[1]!.toLowerCase() !== localPart.toLowerCase() || match[3]!.toLowerCase() !== domain.toLowerCase()) return undefined;
  return match[2]!.length === TOKEN_LENGTH ? match[2]!.toLowerCase() : undefined;
}

export const replyAddress = (token: string, { localPart, domain }: { localPart: string; domain: string }) => `${localPart}+${token}@${domain}`;
