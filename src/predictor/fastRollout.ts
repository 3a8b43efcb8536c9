// A learner's rollouts advanced in typed arrays: the states live in one table of bodies, each step's
// features are written straight into the network's chunk (featureRows.ts) and its outputs applied in
// place, and only the finished states become objects. The same bits as stepping RolloutStates with
// predict and applyPrediction (rollout.ts), at a fraction of the allocation and copying
// (tests/unit/fastRollout.test.ts; docs/predictor.md, *Inference*).
import type { Observation, ObjectState } from './observation';
import type { StepPrediction } from './predictor';
import type { RolloutState } from './rollout';
import { sameStart } from './rolloutMemo';
import { BodyTable, MAX_SENDERS, nearestSenders, writePairRow, writeReceiverRow } from './featureRows';
import { CHUNK_PAIRS, CHUNK_RECEIVERS, OBJECT_STRIDE, PAIR_STRIDE, varianceOf, type FastNetwork } from './fastNetwork';
import { DV_SCALE, DW_SCALE, OUTPUTS, type FeatureOptions } from './features';
import { hasIntegrator } from './coreKnowledge';
import { STEP_S } from '../sim/units';

/** A first step already predicted: start k as observed is row rows[k] of `prediction`. */
export interface FirstStep { prediction: StepPrediction; rows: readonly number[] }

/** Scratch reused by every call (the computation is synchronous): bodies of all rollouts in a row. */
const table = new BodyTable();
let velocityVariance = new Float64Array(0);
let positionVariance = new Float64Array(0);
/** This step's predicted change of velocity and spin, and their variances, per body. */
let dvx = new Float64Array(0);
let dvy = new Float64Array(0);
let dw = new Float64Array(0);
let varX = new Float64Array(0);
let varY = new Float64Array(0);
let varW = new Float64Array(0);
/** The moving bodies (receivers), in the order predict meets them, with their frame's first body and size. */
let moving = new Int32Array(0);
let movingFrom = new Int32Array(0);
let movingCount = new Int32Array(0);
let movingFrame = new Int32Array(0);
/** How many bodies move (the first entries of moving). */
let moved = 0;
/** Per receiver of the chunk: its body. */
const chunkBody = new Int32Array(CHUNK_RECEIVERS);

function reserve(bodies: number): void {
  table.reserve(bodies);
  if (dvx.length >= bodies) return;
  const c = table.capacity;
  velocityVariance = new Float64Array(2 * c); positionVariance = new Float64Array(2 * c);
  dvx = new Float64Array(c); dvy = new Float64Array(c); dw = new Float64Array(c); varX = new Float64Array(c); varY = new Float64Array(c); varW = new Float64Array(c);
  moving = new Int32Array(c); movingFrom = new Int32Array(c); movingCount = new Int32Array(c); movingFrame = new Int32Array(c);
}

/** Rolls each start `steps` steps with the network, as rollout.ts's advanceRollouts would with
 * LearnedPredictor.predict, batched over all starts in one call per step; with `first`, the first
 * step is taken from that prediction instead (computeSurprise's one-step rows). */
export function rollForward(net: FastNetwork, features: FeatureOptions, starts: readonly (Observation | RolloutState)[], steps: number, first?: FirstStep): RolloutState[] {
  const states = starts.map((s) => (Array.isArray(s) ? s : (s as RolloutState).state));
  const offsets = load(states, starts);
  const receivers = moved;
  for (let s = 0; s < steps; s++) {
    if (s === 0 && first) takeFirstStep(first, states, offsets);
    else predictStep(net, features.contactFeatures, hasIntegrator(features), receivers, false);
    applyStep(receivers);
  }
  return states.map((state, b) => finished(state, offsets[b]!));
}

/** One-step predictions made before, of these frames (the other trial of a matched pair): rows of
 * the frames the two share from frame 0 on can be taken from it instead of computed again. */
export interface EarlierPrediction { frames: readonly Observation[]; prediction: StepPrediction }

/** LearnedPredictor.predict: one step for every frame, the same bits as FastNetwork.predict over
 * buildFeatures of the frames, rows in observation order (one per object of the widest frame;
 * static and padding rows: mean 0, variance 1). With `earlier`, the receivers of the frames it shares
 * with these from frame 0 on are not run where that keeps every bit (resumePoint): their rows are
 * copied from it. */
export function predictFrames(net: FastNetwork, features: FeatureOptions, frames: readonly Observation[], earlier?: EarlierPrediction): StepPrediction {
  load(frames, frames);
  const resume = earlier ? resumePoint(leadingSameFrames(frames, earlier.frames)) : undefined;
  if (earlier && resume) copyRows(earlier.prediction, resume.from);
  predictStep(net, features.contactFeatures, hasIntegrator(features), moved, true, resume);
  let n = 1;
  for (const f of frames) n = Math.max(n, f.length);
  const mean = new Float32Array(frames.length * n * OUTPUTS);
  const variance = new Float32Array(frames.length * n * OUTPUTS).fill(1);
  for (let q = 0; q < moved; q++) {
    const i = moving[q]!;
    const at = (movingFrame[q]! * n + i - movingFrom[q]!) * OUTPUTS;
    mean[at] = dvx[i]!; mean[at + 1] = dvy[i]!; mean[at + 2] = dw[i]!;
    variance[at] = varX[i]!; variance[at + 1] = varY[i]!; variance[at + 2] = varW[i]!;
  }
  return { n, mean, variance };
}

/** How many frames, from frame 0 on, are the same to the bit in both lists. */
function leadingSameFrames(a: readonly Observation[], b: readonly Observation[]): number {
  const n = Math.min(a.length, b.length);
  let t = 0;
  while (t < n && (a[t] === b[t] || sameStart(a[t]!, b[t]!))) t++;
  return t;
}

/** Where the prediction resumes: receiver `from`, found `inChunk` receivers and `pairs` pairs into the
 * chunk it falls in (as predictStep fills chunks from the first receiver). */
interface Resume { from: number; inChunk: number; pairs: number }

/** The receiver from which a prediction over frames that share the first `frames` frames with
 * these must be run again, every row before it being the same to the bit in both. Rows depend on
 * their own inputs, on the chunk they are in only through the kernel's pairing of rows (0 with 1, 2
 * with 3, … of each block), and on nothing else: so the chunks closed within the shared frames hold
 * the same rows (their boundaries too: a chunk ends at a fixed count of receivers, or where the next
 * receiver's pairs would not fit, and that receiver is shared), and in the chunk in progress where the
 * frames part, the rows from a receiver an even number of receivers and of pairs into it on are paired
 * as before if they are run as a chunk of their own that ends where that chunk would. */
function resumePoint(frames: number): Resume {
  let shared = 0;
  while (shared < moved && movingFrame[shared]! < frames) shared++;
  let chunkStart = 0;
  let inChunk = 0;
  let pairs = 0;
  for (let q = 0; q < shared; q++) {
    const heard = Math.min(movingCount[q]! - 1, MAX_SENDERS);
    if (inChunk === CHUNK_RECEIVERS || pairs + heard > CHUNK_PAIRS) {
      chunkStart = q;
      inChunk = 0;
      pairs = 0;
    }
    pairs += heard;
    inChunk++;
  }
  // Within the chunk in progress, the last receiver up to the first unshared one that starts an even
  // row of both blocks (its chunk start always does).
  let resume: Resume = { from: chunkStart, inChunk: 0, pairs: 0 };
  let before = 0;
  for (let q = chunkStart; q <= shared; q++) {
    if ((q - chunkStart) % 2 === 0 && before % 2 === 0) resume = { from: q, inChunk: q - chunkStart, pairs: before };
    if (q < shared) before += Math.min(movingCount[q]! - 1, MAX_SENDERS);
  }
  return resume;
}

/** The first `receivers` loaded receivers' change and variances from an earlier prediction's rows. */
function copyRows(p: StepPrediction, receivers: number): void {
  for (let q = 0; q < receivers; q++) {
    const i = moving[q]!;
    const at = (movingFrame[q]! * p.n + i - movingFrom[q]!) * OUTPUTS;
    dvx[i] = p.mean[at]!; dvy[i] = p.mean[at + 1]!; dw[i] = p.mean[at + 2]!;
    varX[i] = p.variance[at]!; varY[i] = p.variance[at + 1]!; varW[i] = p.variance[at + 2]!;
  }
}

/** Puts every state's bodies into the table one after another (a belief's variances with them),
 * computes the static bodies' geometry (they stay put) and lists the moving ones; returns where
 * each state's bodies begin. */
function load(states: readonly Observation[], starts: readonly (Observation | RolloutState)[]): Int32Array {
  const offsets = new Int32Array(states.length + 1);
  states.forEach((s, b) => { offsets[b + 1] = offsets[b]! + s.length; });
  reserve(offsets[states.length]!);
  moved = 0;
  states.forEach((state, b) => {
    const from = offsets[b]!;
    const start = starts[b]!;
    const belief = Array.isArray(start) ? null : (start as RolloutState);
    for (let k = 0; k < state.length; k++) {
      const i = from + k;
      table.load(i, state[k]!);
      if (table.isStatic[i]) table.setGeometry(i);
      else {
        moving[moved] = i;
        movingFrom[moved] = from;
        movingCount[moved] = state.length;
        movingFrame[moved] = b;
        moved++;
      }
      for (let c = 0; c < 2; c++) {
        velocityVariance[2 * i + c] = belief ? belief.velocityVariance[2 * k + c]! : 0;
        positionVariance[2 * i + c] = belief ? belief.positionVariance[2 * k + c]! : 0;
      }
    }
  });
  return offsets;
}

/** Row rows[b] of the one-step prediction as this step's change, for every start b. */
function takeFirstStep(first: FirstStep, states: readonly Observation[], offsets: Int32Array): void {
  const p = first.prediction;
  states.forEach((state, b) => {
    for (let k = 0; k < state.length; k++) {
      const i = offsets[b]! + k;
      const at = (first.rows[b]! * p.n + k) * OUTPUTS;
      dvx[i] = p.mean[at]!; dvy[i] = p.mean[at + 1]!; dw[i] = p.mean[at + 2]!;
      varX[i] = p.variance[at]!; varY[i] = p.variance[at + 1]!;
    }
  });
}

/** One batched prediction for every moving body, chunked exactly as FastNetwork.predict chunks a
 * FeatureBatch of these frames (the kernel pairs rows within a chunk), converted to m/s and rad/s
 * and rounded to float32 as LearnedPredictor's StepPrediction holds them. */
function predictStep(net: FastNetwork, contact: boolean, integrator: boolean, receivers: number, spin: boolean, resume?: Resume): void {
  const firstReceiver = resume?.from ?? 0;
  // A receiver's senders are the bodies of its own frame: geometry from that frame's first receiver on.
  let geometryFrom = firstReceiver;
  while (geometryFrom > 0 && geometryFrom < receivers && movingFrame[geometryFrom - 1] === movingFrame[geometryFrom]) geometryFrom--;
  for (let q = geometryFrom; q < receivers; q++) table.setGeometry(moving[q]!);
  const { f, objects, pairs: pairRows, pairEnd } = net.chunk;
  // Receivers and pairs counted into the chunk as if it were filled from its start (where it ends),
  // and how many of them were not run (resuming): rows are written that many places earlier, an even
  // number of rows, so the kernel pairs them as it would in the whole chunk.
  let inChunk = resume?.inChunk ?? 0;
  let pairs = resume?.pairs ?? 0;
  let skippedReceivers = inChunk;
  let skippedPairs = pairs;
  for (let q = firstReceiver; q < receivers; q++) {
    const i = moving[q]!;
    const from = movingFrom[q]!;
    const m = movingCount[q]!;
    const heard = Math.min(m - 1, MAX_SENDERS);
    if (inChunk === CHUNK_RECEIVERS || pairs + heard > CHUNK_PAIRS) {
      runChunk(net, inChunk - skippedReceivers, pairs - skippedPairs, integrator, spin);
      inChunk = 0;
      pairs = 0;
      skippedReceivers = 0;
      skippedPairs = 0;
    }
    const row = inChunk - skippedReceivers;
    writeReceiverRow(table, i, f, objects + row * OBJECT_STRIDE);
    const senders = m - 1 <= MAX_SENDERS ? null : nearestSenders(table, from, m, i);
    for (let k = 0; k < m; k++) {
      const j = from + k;
      if (j === i || (senders && senders[k] === 0)) continue;
      writePairRow(table, i, j, contact, f, pairRows + (pairs - skippedPairs) * PAIR_STRIDE);
      pairs++;
    }
    pairEnd[row] = pairs - skippedPairs;
    chunkBody[row] = i;
    inChunk++;
  }
  if (inChunk > skippedReceivers) runChunk(net, inChunk - skippedReceivers, pairs - skippedPairs, integrator, spin);
}

/** The network over the chunk written so far; each receiver's change and variances into its body's
 * slots, converted as LearnedPredictor's scatter converts them (the spin's variance only when asked). */
function runChunk(net: FastNetwork, receivers: number, pairs: number, integrator: boolean, spin: boolean): void {
  net.runChunk(receivers, pairs);
  const { f, out, outStride } = net.chunk;
  for (let k = 0; k < receivers; k++) {
    const i = chunkBody[k]!;
    const ob = out + k * outStride;
    // Without the integrator the network's mean is the next velocity: the change is that minus the present.
    dvx[i] = Math.fround(f[ob]! * DV_SCALE - (integrator ? 0 : table.vx[i]!));
    dvy[i] = Math.fround(f[ob + 1]! * DV_SCALE - (integrator ? 0 : table.vy[i]!));
    dw[i] = Math.fround(f[ob + 2]! * DW_SCALE - (integrator ? 0 : table.angularVelocity[i]!));
    varX[i] = Math.fround(Math.fround(varianceOf(f[ob + OUTPUTS]!)) * DV_SCALE * DV_SCALE);
    varY[i] = Math.fround(Math.fround(varianceOf(f[ob + OUTPUTS + 1]!)) * DV_SCALE * DV_SCALE);
    if (spin) varW[i] = Math.fround(Math.fround(varianceOf(f[ob + OUTPUTS + 2]!)) * DW_SCALE * DW_SCALE);
  }
}

/** applyPrediction's arithmetic for every moving body: velocity by the mean, position by the new
 * velocity × 1/60 s, variances accumulated. */
function applyStep(receivers: number): void {
  const { x, y, vx: tvx, vy: tvy, angle, angularVelocity } = table;
  for (let q = 0; q < receivers; q++) {
    const i = moving[q]!;
    const vx = tvx[i]! + dvx[i]!;
    const vy = tvy[i]! + dvy[i]!;
    const w = angularVelocity[i]! + dw[i]!;
    x[i] = x[i]! + vx * STEP_S;
    y[i] = y[i]! + vy * STEP_S;
    tvx[i] = vx;
    tvy[i] = vy;
    angle[i] = angle[i]! + w * STEP_S;
    angularVelocity[i] = w;
    velocityVariance[i * 2] = velocityVariance[i * 2]! + varX[i]!;
    velocityVariance[i * 2 + 1] = velocityVariance[i * 2 + 1]! + varY[i]!;
    positionVariance[i * 2] = positionVariance[i * 2]! + velocityVariance[i * 2]! * STEP_S * STEP_S;
    positionVariance[i * 2 + 1] = positionVariance[i * 2 + 1]! + velocityVariance[i * 2 + 1]! * STEP_S * STEP_S;
  }
}

/** The rollout of the start whose bodies begin at `from`, as objects (the literal of rollout.ts's
 * states; a static body stays the start's own object, as applyPrediction leaves it). */
function finished(state: Observation, from: number): RolloutState {
  const out: ObjectState[] = new Array<ObjectState>(state.length);
  for (let k = 0; k < state.length; k++) {
    const o = state[k]!;
    const i = from + k;
    if (o.isStatic) { out[k] = o; continue; }
    out[k] = {
      id: o.id, kind: o.kind, x: table.x[i]!, y: table.y[i]!, vx: table.vx[i]!, vy: table.vy[i]!, angle: table.angle[i]!,
      angularVelocity: table.angularVelocity[i]!, width: o.width, height: o.height, isStatic: o.isStatic,
    };
  }
  return {
    state: out,
    velocityVariance: velocityVariance.slice(2 * from, 2 * (from + state.length)),
    positionVariance: positionVariance.slice(2 * from, 2 * (from + state.length)),
  };
}
