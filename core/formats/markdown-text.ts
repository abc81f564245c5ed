/**
 * Plain entity text inside the Markdown body. Summaries and list items are written as they are,
 * so a person reads them as Markdown (emphasis, links, inline code all work); only a line start
 * that would change the document's structure gets a backslash: a heading that would end the
 * section, a setext underline that would turn the line above into one, a code fence or an HTML
 * block that would swallow the headings after it, a rule where a list item should be. The
 * backslash is also what Markdown itself uses to escape, so the text renders as written.
 *
 * Each escape is a bijection: `escape` adds one backslash to every line matching
 * `^ {0,3}\\*X` and `unescape` removes one from every line matching `^ {0,3}\\+X`, so lines that
 * already began with backslashes come back unchanged too.
 */

/** Structure-changing starts of a summary line: #, ```, ~~~, <, and a line of only = or -. */
const SUMMARY_START = String.raw`(?:#|\x60{3}|~{3}|<|=+[ \t]*$|-+[ \t]*$)`;
const SUMMARY_ESCAPE = new RegExp(String.raw`^( {0,3})(?=\\*${SUMMARY_START})`, 'gm');
const SUMMARY_UNESCAPE = new RegExp(String.raw`^( {0,3})\\(?=\\*${SUMMARY_START})`, 'gm');

export const escapeSummary = (text: string): string => text.replace(SUMMARY_ESCAPE, '$1\\');
export const unescapeSummary = (text: string): string => text.replace(SUMMARY_UNESCAPE, '$1');

/** A list item whose first line is only -, * or _ (and spaces) would read as a rule, not an item. */
const ITEM_START = String.raw`(?=[-*_])[-*_ \t]*(?:\n|$)`;
const ITEM_ESCAPE = new RegExp(String.raw`^(?=\\*${ITEM_START})`);
const ITEM_UNESCAPE = new RegExp(String.raw`^\\(?=\\*${ITEM_START})`);

export const escapeItem = (text: string): string => text.replace(ITEM_ESCAPE, '\\');
export const unescapeItem = (text: string): string => text.replace(ITEM_UNESCAPE, '');

/** `- item`, its later lines indented to stay inside the item; an empty item is a bare `-`. */
export function bullet(item: string): string {
  const [first = '', ...rest] = escapeItem(item.trim()).split('\n');
  return [first === '' ? '-' : `- ${first}`, ...rest.map((line) => (line === '' ? '' : `  ${line}`))].join('\n');
}
