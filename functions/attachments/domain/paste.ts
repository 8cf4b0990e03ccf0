/**
 * A long paste becomes a file: when a description or reply is over the body limit, the form offers to move the
 * text into `pasted-log.txt` and keeps a short note in the body instead of failing after submit.
 */
export const BODY_LIMIT = 20_000;
export const PASTED_LOG_NAME = 'pasted-log.txt';

/** "12,345 / 20,000": the counter shown while typing; `over` when the body cannot be sent as it is. */
export function bodyCounter(body: string, limit = BODY_LIMIT): { text: string; over: boolean } {
  const format = (n: number) => n.toLocaleString('en');
  return { text: `${format(body.length)} / ${format(limit)}`, over: body.length > limit };
}

/**
 * Splits a body that is over the limit: the longest pasted block (the text between the typed words) becomes the
 * file, what the person wrote stays, with a line naming the attachment. Undefined when the body fits.
 */
export function moveLongPaste(body: string, pasted: string | undefined, limit = BODY_LIMIT): { body: string; file: string } | undefined {
  if (body.length <= limit) return undefined;
  const block = pasted && pasted.length > 0 && body.includes(pasted) ? pasted : body;
  const rest = body.replace(block, `(see the attached ${PASTED_LOG_NAME})`).trim();
  return { body: rest.length > limit ? `${rest.slice(0, limit - 200)}\n\n(see the attached ${PASTED_LOG_NAME})` : rest, file: block };
}
