/**
 * What readers typed, reduced to the form counted: the same question asked as "Apptainer  LUMI " and
 * "apptainer lumi" is one row of the report. Pure; the API validates first (one line, no control or bidi
 * characters), this only folds what remains, and masks what would identify someone.
 */

/** Longest query kept (longer ones are cut: a pasted paragraph is still one question). */
export const MAX_QUERY_LENGTH = 120;
/** Longest reason kept for "not helpful". */
export const MAX_REASON_LENGTH = 200;

const collapse = (value: string) => value.trim().replace(/\s+/gu, ' ');

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Seven digits or more, each apart from the next by at most two of space . - ( ): a phone number written any
// common way (+33 6 12 34 56 78, (555) 123-4567), an account or card number. Shorter runs (gpu 4, a100 80gb,
// 2026, a job id under seven digits) say what the question is about and stay.
const LONG_NUMBER = /[+(]?\d(?:[\s.()-]{0,2}\d){6,}/gu;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * E-mail addresses become "[email]" and phone-like or long numbers "[number]": readers sometimes type who they
 * are into a search box or a reason, and the counters are kept 13 months and shown to coordinators. A date
 * (2026-12-06) is not a number that identifies anyone and stays.
 */
export function maskPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(LONG_NUMBER, (run) => (ISO_DATE.test(run) ? run : '[number]'));
}

const cut = (value: string, length: number) => [...value].slice(0, length).join('').trim();

export function normaliseQuery(query: string): string {
  return cut(maskPersonalData(collapse(query)).toLowerCase(), MAX_QUERY_LENGTH);
}

/** A reason keeps its case (people read it) but not its stray spaces. */
export function normaliseReason(reason: string | undefined): string {
  return reason === undefined ? '' : cut(maskPersonalData(collapse(reason)), MAX_REASON_LENGTH);
}
