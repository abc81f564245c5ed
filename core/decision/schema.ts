import { z } from 'zod';
import { EntityId } from '../model/entity.ts';

/**
 * The decision-problem file format (also the input of `evaluate` and of the CLI) and the shape of
 * its result. docs/decision-format.md explains every field with examples; keep the two in step.
 */

export const METHODS = ['wsm', 'wpm', 'topsis', 'vikor', 'promethee2'] as const;
export type Method = (typeof METHODS)[number];

export const NORMALIZATIONS = ['none', 'minmax', 'max', 'sum', 'vector', 'linear'] as const;
export type Normalization = (typeof NORMALIZATIONS)[number];

export const PREFERENCE_FUNCTIONS = ['usual', 'ushape', 'vshape', 'level', 'linear', 'gaussian'] as const;
export type PreferenceFunction = (typeof PREFERENCE_FUNCTIONS)[number];

export const PRIORITY_METHODS = ['eigenvector', 'approximate'] as const;
export type PriorityMethod = (typeof PRIORITY_METHODS)[number];

/** Bounds that keep one evaluation within seconds and one file within reason. */
export const LIMITS = { alternatives: 20_000, criteria: 1_000, participants: 1_000, smaaSamples: 1_000_000 } as const;

const Id = z.string().trim().min(1, 'needs a non-empty id').max(100, 'ids are at most 100 characters');
const Name = z.string().max(500, 'names are at most 500 characters');
const NonNegative = z.number().min(0, 'cannot be negative');
const Judgment = z.number().positive('pairwise judgments must be positive (Saaty scale 1/9 … 9)');
const PairwiseMatrix = z.array(z.array(Judgment)).min(1, 'needs at least one row');
const RandomIndex = z.union([z.number().positive('a random index must be positive'), z.literal('saaty1980')]);

export const PreferenceSchema = z.strictObject({
  function: z.enum(PREFERENCE_FUNCTIONS),
  /** Indifference threshold, in the criterion's own unit. */
  q: NonNegative.optional(),
  /** Strict-preference threshold, in the criterion's own unit. */
  p: NonNegative.optional(),
  /** Gaussian spread, in the criterion's own unit. */
  s: z.number().positive('the gaussian spread s must be positive').optional(),
});
export type Preference = z.output<typeof PreferenceSchema>;

export const AlternativeSchema = z.strictObject({
  id: Id,
  /** Defaults to the id. */
  name: Name.optional(),
  /** Optional link to a knowledge-base entity. */
  entity: EntityId.optional(),
});

export const CriterionSchema = z.strictObject({
  id: Id,
  name: Name.optional(),
  type: z.enum(['benefit', 'cost']),
  weight: NonNegative.optional(),
  preference: PreferenceSchema.optional(),
});
export type Criterion = z.output<typeof CriterionSchema>;

const AhpOptions = {
  priority: z.enum(PRIORITY_METHODS).default('eigenvector'),
  randomIndex: RandomIndex.default('saaty1980'),
};

export const WeightingSchema = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('direct') }),
  z.strictObject({ method: z.literal('roc'), ranks: z.array(z.number().int('ranks are whole numbers').min(1, 'ranks start at 1')) }),
  z.strictObject({ method: z.literal('swing'), points: z.array(NonNegative) }),
  z.strictObject({ method: z.literal('ahp'), pairwise: PairwiseMatrix.optional(), ...AhpOptions }),
  z.strictObject({
    method: z.literal('ahp-hierarchy'),
    criteria: PairwiseMatrix.optional(),
    alternatives: z.record(z.string(), PairwiseMatrix),
    ...AhpOptions,
  }),
]);
export type Weighting = z.output<typeof WeightingSchema>;

const GroupValue = z.number().positive('group values are combined by geometric mean, which needs positive numbers');

export const ParticipantSchema = z.strictObject({
  name: z.string().trim().min(1, 'needs a name').max(200),
  /** Direct weights in criteria order. */
  weights: z.array(GroupValue).optional(),
  /** Pairwise judgments of the criteria (for weighting ahp / ahp-hierarchy). */
  pairwise: PairwiseMatrix.optional(),
  /** A full decision matrix; null marks a value this participant did not give. */
  matrix: z.array(z.array(GroupValue.nullable())).optional(),
});
export type Participant = z.output<typeof ParticipantSchema>;

/** A knowledge-base entry cited for one cell of the matrix (or for a whole criterion, without an alternative). */
export const EvidenceSchema = z.strictObject({
  alternative: Id.optional(),
  criterion: Id,
  entity: EntityId,
  note: z.string().max(2000).optional(),
});
export type Evidence = z.output<typeof EvidenceSchema>;

export const DecisionProblemSchema = z.strictObject({
  title: z.string().max(500).optional(),
  alternatives: z
    .array(AlternativeSchema)
    .min(1, 'needs at least one alternative')
    .max(LIMITS.alternatives, `at most ${LIMITS.alternatives} alternatives`),
  criteria: z
    .array(CriterionSchema)
    .min(1, 'needs at least one criterion')
    .max(LIMITS.criteria, `at most ${LIMITS.criteria} criteria`),
  /** Rows = alternatives, columns = criteria; null = missing. Optional with ahp-hierarchy or participants' matrices. */
  matrix: z.array(z.array(z.number().nullable())).optional(),
  method: z.enum(METHODS),
  normalization: z.enum(NORMALIZATIONS).optional(),
  normalizeWeights: z.boolean().default(true),
  v: z.number().min(0, 'v is between 0 and 1').max(1, 'v is between 0 and 1').default(0.5),
  weighting: WeightingSchema.default({ method: 'direct' }),
  participants: z.array(ParticipantSchema).min(1).max(LIMITS.participants).optional(),
  sensitivity: z.boolean().default(false),
  /** Citations of knowledge-base entries behind scores; the evaluation ignores them, the report lists them. */
  evidence: z.array(EvidenceSchema).max(10_000).default([]),
  smaa: z
    .strictObject({
      samples: z.number().int().min(1).max(LIMITS.smaaSamples).default(10_000),
      seed: z.number().int().default(1),
    })
    .optional(),
});
/** A problem as written in a file (defaults not yet applied). */
export type DecisionProblemInput = z.input<typeof DecisionProblemSchema>;
/** A validated problem with defaults applied. */
export type DecisionProblem = z.output<typeof DecisionProblemSchema>;

// ---------------------------------------------------------------------------------------------
// Result

const Path = z.array(z.union([z.string(), z.number()]));
const Numbers = z.array(z.number());
const Table = z.array(Numbers);

export const WARNING_CODES = [
  'missing_value',
  'constant_column',
  'zero_weight',
  'equal_weights',
  'weights_ignored',
  'normalization_ignored',
  'matrix_ignored',
  'cost_ignored',
  'participants_override',
  'inconsistent_judgments',
  'no_random_index',
  'tie',
  'no_single_compromise',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export const WarningSchema = z.object({ code: z.enum(WARNING_CODES), message: z.string(), path: Path.optional() });
export type Warning = z.output<typeof WarningSchema>;

export const ConsistencySchema = z.object({
  n: z.number().int(),
  priority: z.enum(PRIORITY_METHODS),
  lambdaMax: z.number(),
  ci: z.number(),
  /** null when no random index is known for this size (n > 10 with saaty1980). */
  cr: z.number().nullable(),
  randomIndex: z.number().nullable(),
});
export type Consistency = z.output<typeof ConsistencySchema>;

export const DetailsSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('wsm') }),
  z.object({ method: z.literal('wpm'), logScores: Numbers }),
  z.object({ method: z.literal('topsis'), dPlus: Numbers, dMinus: Numbers, ideal: Numbers, antiIdeal: Numbers }),
  z.object({
    method: z.literal('vikor'),
    v: z.number(),
    S: Numbers,
    R: Numbers,
    Q: Numbers,
    /** The advantage threshold DQ = 1/(m−1). */
    dq: z.number(),
    acceptableAdvantage: z.boolean(),
    acceptableStability: z.boolean(),
    compromise: z.array(z.string()),
  }),
  z.object({ method: z.literal('promethee2'), phiPlus: Numbers, phiMinus: Numbers, phi: Numbers }),
]);
export type Details = z.output<typeof DetailsSchema>;

const Spread = z.object({ mean: z.number(), gsd: z.number(), min: z.number(), max: z.number(), count: z.number().int() });
export type Spread = z.output<typeof Spread>;

export const GroupSchema = z.object({
  participants: z.array(z.string()),
  /** Per criterion, over the participants' weight shares. */
  weights: z.array(Spread).optional(),
  /** Per pairwise cell (n × n). */
  pairwise: z.array(z.array(Spread)).optional(),
  /** Consistency ratio of each participant's own pairwise matrix (null: none given or no random index). */
  participantCr: z.array(z.number().nullable()).optional(),
  /** Per decision-matrix cell (m × n); null where no participant gave a value. */
  matrix: z.array(z.array(Spread.nullable())).optional(),
  /** The cells with the largest geometric standard deviation, largest first. */
  mostDisagreement: z.array(z.object({ path: Path, label: z.string(), gsd: z.number(), min: z.number(), max: z.number() })),
});
export type Group = z.output<typeof GroupSchema>;

export const SensitivitySchema = z.object({
  top: z.string(),
  /** exact: solved in closed form (scores linear in the weights); numeric: grid scan plus bisection. */
  solver: z.enum(['exact', 'numeric']),
  criteria: z.array(
    z.object({
      criterion: z.string(),
      /** Current share of the total weight. */
      weight: z.number(),
      /** Shares of this criterion (others rescaled proportionally) within which `top` stays first. */
      topStays: z.object({ min: z.number(), max: z.number() }),
      /** The share nearest to the current one at which two alternatives exchange places. */
      nearestSwap: z.object({ weight: z.number(), alternatives: z.tuple([z.string(), z.string()]) }).nullable(),
    }),
  ),
});
export type Sensitivity = z.output<typeof SensitivitySchema>;

export const SmaaSchema = z.object({
  samples: z.number().int(),
  seed: z.number().int(),
  /** acceptability[alternative][rank − 1]: the share of samples giving that rank. */
  acceptability: Table,
  /** Mean weights over the samples where the alternative ranks first; null if it never does. */
  centralWeights: z.array(Numbers.nullable()),
});
export type Smaa = z.output<typeof SmaaSchema>;

export const DecisionResultSchema = z.object({
  method: z.enum(METHODS),
  /** The transformation behind `normalized`; 'unicriterion-flows' for PROMETHEE II. */
  normalization: z.enum([...NORMALIZATIONS, 'unicriterion-flows']),
  alternatives: z.array(z.string()),
  criteria: z.array(z.string()),
  weights: Numbers,
  normalized: Table,
  scores: Numbers,
  ranks: z.array(z.number().int()),
  ranking: z.array(z.string()),
  contributions: Table,
  details: DetailsSchema,
  consistency: ConsistencySchema.extend({ local: z.record(z.string(), ConsistencySchema).optional() }).optional(),
  group: GroupSchema.optional(),
  sensitivity: SensitivitySchema.optional(),
  smaa: SmaaSchema.optional(),
  warnings: z.array(WarningSchema),
});
export type DecisionResult = z.output<typeof DecisionResultSchema>;
