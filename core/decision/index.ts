/**
 * The multi-criteria decision engine: pure functions from a decision problem (the JSON format of
 * docs/decision-format.md) to a result. `evaluate` is the entry point; the rest is exported for
 * callers that need one step (a UI computing ROC weights, a CR while someone types judgments).
 */
export { evaluate } from './evaluate.ts';
export { toMarkdown } from './report.ts';
export { parseDraft, parseProblem } from './validate.ts';
export * from './schema.ts';
export { normalizeToSum, rocWeights, swingWeights } from './weights.ts';
export { analyzePairwise, CR_THRESHOLD, SAATY_1980_RANDOM_INDEX, type PairwiseAnalysis } from './ahp.ts';
export { aggregatePairwise, spreadOf } from './group.ts';
export { defaultNormalization, normalizeColumn } from './normalize.ts';
