/** A content problem the author must fix; `problems` each name the file and what is wrong. */
export class BuildError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The site build found ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'BuildError';
  }
}
