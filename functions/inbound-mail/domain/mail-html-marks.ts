/**
 * What mail clients mark in the HTML of a reply, so the converter can treat those parts for what they are.
 * Each rule names the client it comes from; classes and ids are the ones those clients write today.
 */

type Attributes = Record<string, string>;

function hasClass(attributes: Attributes, name: string): boolean {
  return (attributes.class ?? '').split(/\s+/).includes(name);
}

/**
 * Outlook (desktop, web, new Outlook) puts the earlier message after the reply as siblings, not inside one
 * element: from this marker on, everything is history.
 */
export function startsHistory(attributes: Attributes): boolean {
  const id = attributes.id ?? '';
  return id === 'appendonsend' // Outlook on the web, new Outlook: an empty div before the history
    || id === 'divRplyFwdMsg' // Outlook: the "From: … Sent: …" block
    || id === 'mail-editor-reference-message-container'; // Outlook for Mac
}

/** A signature block the client inserted, not text the person typed for this reply. */
export function isSignatureBlock(attributes: Attributes): boolean {
  return hasClass(attributes, 'gmail_signature') // Gmail
    || attributes['data-smartmail'] === 'gmail_signature'
    || attributes.id === 'Signature' // Outlook on the web
    || hasClass(attributes, 'moz-signature'); // Thunderbird
}

/**
 * A quoted block: Gmail's `blockquote.gmail_quote`, Apple Mail's and Thunderbird's `blockquote type="cite"`,
 * and any other blockquote. It becomes "> " lines rather than being dropped here, because a person who answers
 * inline types between those blocks (Gmail puts the answers inside `div.gmail_quote`): the plain-text rules
 * then drop the trailing history and keep each answer, as they do for a text/plain reply.
 */
export function isQuoteBlock(name: string): boolean {
  return name === 'blockquote';
}
