/**
 * What readers typed, reduced to the form counted: the same question asked as "Apptainer  LUMI " and
 * "apptainer lumi" is one row of the report. Pure; the API validates first (one line, no control or bidi
 * characters), this only folds what remains.
 */

/** Longest query kept (longer ones are cut: a pasted paragraph is still one question). */
export const MAX_QUERY_LENGTH = 120;
/** Longest reason kept for "not helpful". */
export const MAX_REASON_LENGTH = 200;

const collapse = (value: string) => value.trim().replace(/\s+/gu, ' ');

export function normaliseQuery(query: string): string {
  return [...collapse(query).toLowerCase()].slice(0, MAX_QUERY_LENGTH).join('').trim();
}

/** A reason keeps its case (people read it) but not its stray spaces. */
export function normaliseReason(reason: string | undefined): string {
  return reason === undefined ? '' : [...collapse(reason)].slice(0, MAX_REASON_LENGTH).join('').trim();
}
