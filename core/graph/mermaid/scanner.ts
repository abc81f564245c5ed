import type { AppError } from '../../api/result.ts';
import { invalidFile } from '../roundtrip.ts';

/**
 * The cursor the Mermaid parser reads with: a position in the whole text (CRLF normalised, BOM
 * dropped), line numbers for it, and the small steps every statement is made of.
 */
export class Scanner {
  protected pos = 0;
  protected readonly text: string;
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    this.text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    for (let i = 0; i < this.text.length; i++) if (this.text[i] === '\n') this.lineStarts.push(i + 1);
  }

  // -------------------------------------------------------------------------------------------
  // Positions and errors.

  protected lineAt(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  protected get line(): number {
    return this.lineAt(this.pos);
  }

  protected fail(line: number, message: string): AppError {
    return invalidFile('Mermaid', { line }, message);
  }

  /** What the reader is looking at, for error messages. */
  protected snippet(at = this.pos): string {
    const rest = this.text.slice(at, at + 80).split('\n')[0] ?? '';
    return rest.length > 24 ? `${rest.slice(0, 24)}…` : rest;
  }

  // -------------------------------------------------------------------------------------------
  // Low-level scanning.

  protected peek(): string {
    return this.text[this.pos] ?? '';
  }

  protected skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++;
  }

  protected skipBlank(): void {
    while (/[\s;]/.test(this.peek()) && this.pos < this.text.length) this.pos++;
  }

  protected atStatementEnd(): boolean {
    const ch = this.peek();
    return ch === '' || ch === '\n' || ch === ';' || this.text.startsWith('%%', this.pos);
  }

  protected expectStatementEnd(): void {
    this.skipSpaces();
    if (!this.atStatementEnd()) throw this.fail(this.line, `unexpected "${this.snippet()}"`);
  }

  /** `re` must be sticky (`/…/y`): it matches exactly here or not at all. */
  protected match(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const m = re.exec(this.text);
    if (m) this.pos += m[0].length;
    return m;
  }

  /** The rest of the statement (to `;`, a newline or a comment), quotes respected. */
  protected restOfStatement(): string {
    const start = this.pos;
    let quoted = false;
    while (this.pos < this.text.length) {
      const ch = this.peek();
      if (ch === '"') quoted = !quoted;
      else if (ch === '\n' || (!quoted && (ch === ';' || this.text.startsWith('%%', this.pos)))) break;
      this.pos++;
    }
    return this.text.slice(start, this.pos).trim();
  }

  protected endOfLine(from: number): number {
    const end = this.text.indexOf('\n', from);
    return end < 0 ? this.text.length : end;
  }

  protected restOfLine(): string {
    const end = this.text.indexOf('\n', this.pos);
    const stop = end < 0 ? this.text.length : end;
    const rest = this.text.slice(this.pos, stop);
    this.pos = stop;
    return rest;
  }

  /** A `"…"` string starting at `at`; may span lines. */
  protected quoted(at: number): { value: string; end: number } {
    const close = this.text.indexOf('"', at + 1);
    if (close < 0) throw this.fail(this.lineAt(at), 'unterminated string: a " is never closed');
    return { value: this.text.slice(at + 1, close), end: close + 1 };
  }
}
