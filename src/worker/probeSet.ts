// The developmental probes of a training run: matched pairs of the chosen scenes, simulated once
// (a pair at a time, so the worker can answer messages in between), then re-scored at each mark.
import { parseSceneText } from '../scenes/parse';
import type { SceneFile } from '../scenes/schema';
import { prepareMatchedPair, probeAccuracy, scoreTrial, type MatchedPair, type PairScore } from '../experiment/pairProbe';
import type { Observer } from '../experiment/observers';
import { SCENE_FILES } from '../web/sceneFiles';

/** The bundled scenes by id (scenes/*.json). */
export function bundledScenes(): Map<string, SceneFile> {
  const out = new Map<string, SceneFile>();
  for (const [path, text] of Object.entries(SCENE_FILES)) {
    const scene = parseSceneText(text, path.replace(/^\//, ''));
    out.set(scene.id, scene);
  }
  return out;
}

export class ProbeSet {
  private readonly todo: { scene: SceneFile; variant: number }[] = [];
  private readonly pairs = new Map<string, MatchedPair[]>();

  constructor(sceneIds: readonly string[], pairsPerScene: number, private readonly seed: number) {
    const scenes = bundledScenes();
    for (const id of sceneIds) {
      const scene = scenes.get(id);
      if (!scene) throw new Error(`probe scene "${id}" is not among the bundled scenes (${[...scenes.keys()].join(', ')})`);
      this.pairs.set(id, []);
      for (let v = 0; v < pairsPerScene; v++) this.todo.push({ scene, variant: v });
    }
  }

  get sceneIds(): string[] { return [...this.pairs.keys()] }
  get pairsPerScene(): number { return Math.min(...[...this.pairs.values()].map((p) => p.length)) }

  /** Simulates one more pair; false once every pair is ready. */
  prepareNext(): boolean {
    const next = this.todo.shift();
    if (!next) return false;
    this.pairs.get(next.scene.id)!.push(prepareMatchedPair(next.scene, next.variant, this.seed));
    return this.todo.length > 0;
  }

  /** Scores every trial for an observer, yielding after each; returns accuracy per scene. */
  *measure(observer: Observer): Generator<void, Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [id, pairs] of this.pairs) {
      const scores: PairScore[] = [];
      for (const pair of pairs) {
        const possible = scoreTrial(observer, pair, 'possible');
        yield;
        const impossible = scoreTrial(observer, pair, 'impossible');
        yield;
        scores.push({ possible, impossible });
      }
      if (scores.length > 0) out[id] = probeAccuracy(scores);
    }
    return out;
  }
}
