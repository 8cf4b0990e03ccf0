/**
 * The polite answers to a mail the channel could not take, in plain words and without internals (no token
 * details, no ids): pure texts. Sent only to a known, authenticated sender, at most once a day each (limits.ts),
 * never to automatic mail (automatic.ts) or unknown senders.
 */
export type RefusalReason =
  | 'reply-address' // the token is another person's, altered, expired or revoked; or the ticket is gone
  | 'internal-note' // the internal-note address used by someone who is not staff
  | 'oversized'
  | 'rate-limited'
  | 'not-accepted' // a rule of the ticket refused it (e.g. a requester writing on a closed ticket)
  | 'empty';

export interface RefusalText {
  subject: string;
  text: string;
}

export function refusalText(reason: RefusalReason, { name, subject, supportAddress, maxSize, detail }: {
  name: string; subject: string; supportAddress: string; maxSize: string; detail?: string;
}): RefusalText {
  const lines: Record<RefusalReason, string> = {
    'reply-address': `We could not add your mail to a ticket: the address it was sent to is not a valid reply address for you (it may have expired, been withdrawn, or belong to someone else's notification). Please reply from the ticket's page, or to a recent notification of your own. To open a new ticket, write to ${supportAddress}.`,
    'internal-note': 'We could not add your mail to the ticket: that address is for internal notes of the support staff. Reply to the notification instead.',
    oversized: `We could not take your mail: it is larger than ${maxSize}. Please send large files from the ticket's page, or share them another way.`,
    'rate-limited': 'We could not take your mail: you have sent us a lot of mail in the last hour. Please wait an hour and send it again, or use the ticket\'s page.',
    'not-accepted': `We could not add your mail to the ticket: ${detail ?? 'the ticket does not take new messages.'}`,
    empty: 'We could not add your mail to the ticket: we found no text or files in it.',
  };
  return {
    subject: `Not delivered: ${subject}`.slice(0, 200),
    text: `Hello ${name},\n\n${lines[reason]}\n\nYour mail, for reference: "${subject}".\n\n-- \nHPC AI Support Centre (an automatic answer; replies to it are not read)\n`,
  };
}

/** When files of an accepted mail were refused: the message went in, without them. */
export function refusedFilesText({ name, reference, refused }: { name: string; reference: string; refused: Array<{ filename: string; reason: string }> }): RefusalText {
  return {
    subject: `[${reference}] Some files were not attached`,
    text: `Hello ${name},\n\nYour mail was added to ticket ${reference}, but these files were not attached:\n\n${refused.map((f) => `- ${f.filename}: ${f.reason}`).join('\n')}\n\nYou can attach files from the ticket's page.\n\n-- \nHPC AI Support Centre (an automatic answer; replies to it are not read)\n`,
  };
}
