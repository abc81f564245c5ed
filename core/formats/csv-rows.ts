import Papa from 'papaparse/papaparse.js';
import { LIMITS, checkTextSize, tooLarge } from './limits.ts';
import { Problems, countLineBreaks, stripBom } from './problems.ts';

/**
 * CSV as spreadsheets write and read it, shared by every CSV format of the app. Written with a
 * UTF-8 byte-order mark (without it Excel decodes Chinese as the local code page), CRLF between
 * rows (RFC 4180) and quotes only where needed; read with or without the mark, CRLF or LF, and
 * comma, semicolon or tab as the separator (Excel in many European locales saves with semicolons).
 */

const BOM = '\uFEFF';
const ROW_END = '\r\n';

export function writeCsv(rows: readonly (readonly string[])[]): string {
  return BOM + Papa.unparse(rows.map((r) => [...r]), { newline: ROW_END, quotes: false }) + ROW_END;
}

/** The separator the header line uses. */
export function detectSeparator(text: string): string {
  const end = text.search(/[\r\n]/);
  const header = end === -1 ? text : text.slice(0, end);
  if (header.includes(',')) return ',';
  if (header.includes(';')) return ';';
  if (header.includes('\t')) return '\t';
  return ',';
}

export interface CsvRow {
  cells: string[];
  /** The 1-based line the row starts on, counting line breaks inside quoted cells. */
  line: number;
}

/**
 * Parses CSV text into rows with their lines. Throws `too_large` past `maxRows` data rows and
 * `invalid_file` for broken quoting, naming the line.
 */
export function readCsv(input: string, fileName: string, maxRows: number = LIMITS.maxCsvRows): { rows: CsvRow[]; separator: string } {
  checkTextSize(input, fileName);
  // Without the final line breaks, which would read as one more (empty) row.
  const text = stripBom(input).replace(/[\r\n]+$/, '');
  const separator = detectSeparator(text);
  // Header + the most rows allowed + one, to know whether there are more.
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, preview: maxRows + 2, skipEmptyLines: false });
  if (parsed.data.length > maxRows + 1)
    throw tooLarge(
      fileName,
      `the file has more than ${maxRows.toLocaleString('en')} rows, the most one import accepts. Split it into smaller files and import them one by one.`,
      'maxCsvRows',
      maxRows,
    );
  const rows: CsvRow[] = [];
  let line = 1;
  for (const cells of parsed.data) {
    rows.push({ cells, line });
    line += 1 + cells.reduce((n, cell) => n + countLineBreaks(cell), 0);
  }
  const problems = new Problems();
  for (const error of parsed.errors)
    if (error.type === 'Quotes') problems.add([], quoteMessage(error.code), rows[error.row ?? 0]?.line);
  problems.throwIfAny(fileName);
  return { rows, separator };
}

const quoteMessage = (code: string): string =>
  code === 'MissingQuotes'
    ? 'a quoted cell is not closed: a " is missing'
    : 'a quote is misplaced: a quoted cell must end with " followed by a separator or a line end, and a " inside it is written ""';
