// Test helpers for studies: hand-made recordings with chosen scores and surprise series, and a scene to go with them.
import type { ObserverTrack, Recording } from '../../../src/experiment/recording';
import type { SceneFile } from '../../../src/scenes/schema';
import { parseSceneValue } from '../../../src/scenes/parse';
import { testScene } from './trials';

export const FAKE_HASH = '0123456789abcdef';

/** A scene file to stand for hand-made recordings (the results read its title, concept and citation). */
export function fakeScene(id: string, title = `Scene ${id}`): SceneFile {
  return parseSceneValue({ ...testScene({}), id, title, study: { citation: `Someone (2000) on ${id}`, infants: 'Babies look longer.' } }, id);
}

export interface FakeTrack {
  model: string;
  kind?: ObserverTrack['kind'];
  experience?: number | null;
  /** The primary score (rollout_mean); the other scores are set to it too. Null: undefined. */
  score: number | null;
  total?: (number | null)[];
}

/** A recording of one trial with the given tracks: one snapshot, no events, optional looking time. */
export function fakeRecording(o: {
  sceneId: string; variant: number; condition: 'possible' | 'impossible'; seed: number;
  onset?: number | null; tracks: FakeTrack[]; looking?: number | null;
}): Recording {
  return {
    format: 'surprise-lab-recording', version: 1, id: `${o.sceneId}-${o.variant}-${o.condition}`, name: 'test', kind: 'trial',
    meta: {
      app_version: '0.0.0', scene_id: o.sceneId, scene_title: o.sceneId, scene_hash: FAKE_HASH, study: '',
      variant: o.variant, condition: o.condition, seed: o.seed, params: {}, onset_frame: o.onset ?? null,
      started_at: '2026-01-01T00:00:00.000Z', matter_version: '0', tfjs_version: '0',
    },
    place: null,
    snapshots: [{ frame: 0, t: 0, bodies: [] }],
    events: [],
    observers: o.tracks.map((t) => ({
      model: t.model, kind: t.kind ?? 'learned', checkpoint_hash: null,
      experience_frames: t.experience === undefined ? 1000 : t.experience,
      total: t.total ?? [], per_body: {},
      scores: { rollout_mean: t.score, rollout_max: t.score, rollout_mean_from_onset: t.score, onestep_nll_mean: t.score, onestep_nll_max: t.score },
    })),
    looking: o.looking == null ? null : { key: 'Space', seconds: o.looking, looks: [[0, 1]] },
  };
}
