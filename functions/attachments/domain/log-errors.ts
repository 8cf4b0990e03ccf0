/**
 * Lines of an HPC job log that report an error: what the viewer's "jump to the first error" looks for. Pure,
 * shared by the web app and the tests.
 */
export const ERROR_PATTERN = /Traceback \(most recent call last\)|\bNCCL WARN\b|\bsrun: error\b|\bslurmstepd: error\b|CUDA out of memory|\bHIP error\b|\bOOM\b|\bout of memory\b|\b[A-Za-z]*Error\b|\bERROR\b|\bSegmentation fault\b|\bKilled\b/;

export const isErrorLine = (line: string): boolean => ERROR_PATTERN.test(line);

/** The 1-based number of the first error line among `lines` (numbered from `firstLine`), or undefined. */
export function firstErrorLine(lines: readonly string[], firstLine = 1): number | undefined {
  const index = lines.findIndex(isErrorLine);
  return index === -1 ? undefined : firstLine + index;
}
