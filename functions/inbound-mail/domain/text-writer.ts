/**
 * Builds the text of an HTML mail line by line: block boundaries become line breaks (written only when more
 * text follows, never twice), list markers wait for their item's first text, lines inside blockquotes start
 * with their ">" markers.
 *
 * The text is kept as a list of pieces with its last character and trailing newlines tracked, because
 * inspecting one growing string on every write (endsWith) flattens it each time, which made a 2 MB mail of
 * small inline elements take over a minute.
 */

/**
 * Nesting shown at most this deep (list indentation, ">" markers): deeper is no clearer to read, and a bound
 * keeps a hostile mail of thousands of unclosed lists or quotes from costing quadratic time.
 */
export const MAX_SHOWN_DEPTH = 8;

const COLLAPSIBLE_SPACE_ONLY = /^[ \t\n\r\f]*$/;

export class TextWriter {
  private readonly pieces: string[] = [];
  private lastCharacter = '';
  private trailingNewlines = 0;
  private wantedNewlines = 0;
  private linePrefix = '';
  quoteDepth = 0;

  private get atLineStart(): boolean {
    return this.pieces.length === 0 || this.trailingNewlines > 0;
  }

  /** Ends the current line, or leaves a blank line (2), before whatever is written next. */
  breakLines(count: 1 | 2): void {
    this.wantedNewlines = Math.max(this.wantedNewlines, count);
  }

  /** A list marker, written with the item's first text so a `<div>` inside the `<li>` does not part them. */
  prefixNextLine(prefix: string): void {
    this.linePrefix = prefix;
  }

  /** Text as it appears: runs of white space in it are already collapsed unless it came from a `<pre>`. */
  write(text: string, preformatted = false): void {
    const redundantSpace = !preformatted && COLLAPSIBLE_SPACE_ONLY.test(text)
      && (this.atLineStart || this.wantedNewlines > 0 || this.lastCharacter === ' ');
    if (redundantSpace) return;
    this.flushBreaks();
    if (this.linePrefix !== '') {
      this.append(this.linePrefix);
      this.linePrefix = '';
    }
    const startsLine = this.atLineStart || this.lastCharacter === ' ';
    this.append(!preformatted && startsLine ? text.replace(/^ /, '') : text);
  }

  newline(): void {
    this.flushBreaks();
    this.append('\n');
  }

  /** A position to read the text from later (a link's start). */
  mark(): number {
    return this.pieces.length;
  }

  textSince(mark: number): string {
    return this.pieces.slice(mark).join('');
  }

  private flushBreaks(): void {
    const missing = this.pieces.length === 0 ? 0 : this.wantedNewlines - this.trailingNewlines;
    if (missing > 0) this.append('\n'.repeat(missing));
    this.wantedNewlines = 0;
  }

  /** Appends, starting each non-empty line inside a blockquote with its "> " markers. */
  private append(chunk: string): void {
    const lines = chunk.split('\n');
    lines.forEach((line, index) => {
      if (index > 0) this.push('\n');
      if (line === '') return;
      if (this.atLineStart && this.quoteDepth > 0) this.push(`${'>'.repeat(Math.min(this.quoteDepth, MAX_SHOWN_DEPTH))} `);
      this.push(line);
    });
  }

  private push(piece: string): void {
    this.pieces.push(piece);
    this.lastCharacter = piece.at(-1)!;
    this.trailingNewlines = piece === '\n' ? this.trailingNewlines + 1 : 0;
  }
}
