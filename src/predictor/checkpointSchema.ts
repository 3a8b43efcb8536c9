// The shapes of a checkpoint's model.json and meta.json (zod), with plausible ranges, and the
// reading of either file into a checked value or an error naming the file, the JSON path and the rule.
import { z } from 'zod';
import { describeValue, formatPath } from '../scenes/sceneError';
import { JsonTextError, parseJsonText as readJsonText } from '../scenes/jsonText';

/** Hidden sizes a checkpoint may declare: far above any trained one, far below what would exhaust memory. */
export const MAX_HIDDEN = 4096;
/** Experience a checkpoint may claim (frames): about 5,000 years at 60 fps; more is not a real run. */
export const MAX_EXPERIENCE_FRAMES = 1e13;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const hidden = z.number().int().min(1).max(MAX_HIDDEN);

/** `architecture.features`: every option a boolean (a string is refused); the switches added with the
 * core-knowledge switchboard may be absent (checkpoints written before it), which means on. */
export const featureOptionsSchema = z.strictObject({ contactFeatures: z.boolean(), objectFiles: z.boolean().optional(), integrator: z.boolean().optional() });

const tensorSchema = z.strictObject({
  name: z.string().min(1).max(200),
  shape: z.array(z.number().int().min(1).max(MAX_HIDDEN)).min(1).max(4),
  dtype: z.literal('float32'),
});

export const modelJsonSchema = z.strictObject({
  format: z.string().max(100),
  formatVersion: z.number(),
  architecture: z.strictObject({
    type: z.literal('interaction-network'),
    shape: z.strictObject({ relationHidden: hidden, effect: hidden, objectHidden: hidden }),
    features: featureOptionsSchema,
    objectFeatures: z.number().int().min(1).max(MAX_HIDDEN),
    pairFeatures: z.number().int().min(1).max(MAX_HIDDEN),
    outputs: z.number().int().min(1).max(MAX_HIDDEN),
  }),
  weightsManifest: z.array(z.strictObject({
    paths: z.array(z.string().max(200)).length(1),
    weights: z.array(tensorSchema).min(1).max(64),
  })).length(1),
});

export const metaJsonSchema = z.strictObject({
  format_version: z.literal(1),
  name: z.string().min(1).max(200),
  experience_frames: z.number().int().min(0).max(MAX_EXPERIENCE_FRAMES),
  experience_minutes: finite,
  seed: z.number().int().min(0).max(0xffffffff),
  /** The experience diet as written by training (docs/learn.md): kept as a record, not used to load. */
  diet: z.record(z.string(), z.unknown()),
  features: featureOptionsSchema,
  training: z.strictObject({
    ema_decay: z.number().min(0).max(1), lr_decay_frames: z.number().int().min(0).max(MAX_EXPERIENCE_FRAMES),
    replay: z.number().int().min(1).max(64).optional(), learning_rate: z.number().gt(0).max(0.1).optional(), batch_size: z.number().int().min(1).max(4096).optional(),
    support_weight: z.number().gt(0).max(100).optional(), spin_weight: z.number().gt(0).max(100).optional(), relation_width: hidden.optional(),
    rollout_steps: z.number().int().min(1).max(60).optional(), rollout_batch: z.number().int().min(1).max(1024).optional(), rollout_weight: z.number().gt(0).max(100).optional(), rollout_every: z.number().int().min(1).max(1000).optional(),
  }).optional(),
  /** How training summed matMul's gradient (network.ts): absent in checkpoints written before it was recorded. */
  matmul_gradient: z.enum(['plain', 'transposed']).optional(),
  validation_loss: z.union([finite, z.null()]),
  train_loss: z.union([finite, z.null()]),
  gradient_steps: z.number().int().min(0).max(1e12),
  training_seconds: z.number().min(0).max(1e9),
  code_version: z.string().max(100),
  command: z.string().max(2000),
  /** Required: without it, flipped bits in weights.bin would load unnoticed. */
  weights_hash: z.string().regex(/^[0-9a-f]{16}$/, 'must be the 16 hex digits of the weights\' FNV-1a hash'),
});

/** Parses a checkpoint file's text with the shared JSON reader (duplicate keys refused), or throws `fail(message)`. */
export function parseJsonText(text: string, fail: (message: string) => Error): unknown {
  try {
    return readJsonText(text);
  } catch (e) {
    if (e instanceof JsonTextError) throw fail(e.message);
    throw e;
  }
}

/** Checks a parsed file with `schema`, or throws `fail(message)` naming the first problem's JSON
 * path, the rule and the value found there. */
export function checkedValue<T>(value: unknown, schema: z.ZodType<T>, fail: (message: string) => Error): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = formatPath(issue.path);
  const got = issue.code === 'unrecognized_keys' ? '' : `, got ${describeValue(valueAt(value, issue.path))}`;
  throw fail(`${path || '(top level)'}: ${issueWords(issue)}${got}`);
}

function issueWords(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': return `expected ${issue.expected === 'number' ? 'a finite number' : issue.expected}`;
    case 'too_small': return issue.origin === 'array' ? `expected at least ${String(issue.minimum)} entries` : issue.origin === 'string' ? 'expected a non-empty text' : `expected at least ${String(issue.minimum)}`;
    case 'too_big': return issue.origin === 'array' ? `expected at most ${String(issue.maximum)} entries` : issue.origin === 'string' ? `expected at most ${String(issue.maximum)} characters` : `expected at most ${String(issue.maximum)}`;
    case 'invalid_value': return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'unrecognized_keys': return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default: return issue.message;
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key as string)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
