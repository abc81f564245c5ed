/**
 * The part of Papa Parse this folder uses, typed here for its plain-JS entry point. The package's
 * own types (@types/papaparse) reference Node's types, which would bring `process`, `Buffer` and
 * friends into core/'s program, which is meant to type-check without Node or the DOM.
 */
declare module 'papaparse/papaparse.js' {
  export interface ParseError {
    type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
    code: string;
    message: string;
    /** The 0-based index of the row the error is in, header row included. */
    row?: number;
  }
  export interface ParseResult<T> {
    data: T[];
    errors: ParseError[];
    meta: { delimiter: string; linebreak: string; aborted: boolean; truncated: boolean; cursor: number };
  }
  export interface ParseConfig {
    delimiter?: string;
    newline?: string;
    quoteChar?: string;
    /** Stop after this many rows. */
    preview?: number;
    skipEmptyLines?: boolean | 'greedy';
  }
  export interface UnparseConfig {
    delimiter?: string;
    newline?: string;
    /** false: quote only cells that need it. */
    quotes?: boolean;
  }
  const Papa: {
    parse<T>(input: string, config?: ParseConfig): ParseResult<T>;
    unparse(data: readonly (readonly string[])[], config?: UnparseConfig): string;
  };
  export default Papa;
}
