import type { ImportResult, MapDocument } from './model.ts';
import { buildMap } from './cxl/build.ts';
import { readCxl } from './cxl/reader.ts';
import { writeCxl } from './cxl/writer.ts';
import { DEFAULT_LIMITS, withSafeIds, type ImportLimits } from './roundtrip.ts';

/**
 * CmapTools CXL ⇄ concept maps. Concepts and linking phrases keep their CmapTools ids (never
 * merged by label); a linking phrase with several incoming and outgoing connections stays one
 * phrase with several sources and targets. Labels are kept exactly as written, line breaks and
 * trailing spaces included; only labels over the model's 2,000 characters are cut (and reported).
 * Appearance x/y are node centres in CmapTools files and in the map's layout alike.
 */

export { MAX_EDGES, MAX_NESTING, MAX_NODES, type ImportLimits } from './roundtrip.ts';

export interface CxlImportOptions {
  limits?: Partial<ImportLimits>;
}

/** Reads a CXL file. Throws AppError `invalid_file` (with XML path and line) or `too_large`. */
export function parseCxl(text: string, options: CxlImportOptions = {}): ImportResult {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const result = buildMap(readCxl(text, limits), limits);
  return { ...result, map: withSafeIds(result.map) };
}

/** Writes a CXL document CmapTools can open, which reads back to the same concepts, propositions and groups. */
export function printCxl(map: MapDocument): string {
  return writeCxl(map);
}
