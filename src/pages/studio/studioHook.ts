// The Studio's read-only test hook (window.__studio): a projection of the store and of what the
// page drew and checked. The page itself never reads it.
import type { SceneDraft } from './model/sceneDraft';
import type { SceneIssue } from '../../scenes/sceneError';
import type { CheckState } from './liveChecks';
import type { TwinsFacts } from './twinsPreview';
import type { LearnersFacts } from './panels/learnersPanel';
import type { StageMarker } from './model/checkMarkers';

export interface StudioHook {
  ready: boolean;
  renderer: string;
  doc: SceneDraft | null;
  origin: string;
  selected: string | null;
  undoCount: number;
  redoCount: number;
  issues: SceneIssue[];
  checks: CheckState;
  markers: StageMarker[];
  onion: number;
  twins: () => TwinsFacts | null;
  learners: () => LearnersFacts | null;
  /** World → canvas pixels (CSS px from the canvas's top-left), for tests that drag. */
  toScreen: (x: number, y: number) => { x: number; y: number } | null;
}

export function installStudioHook(): StudioHook {
  const hook: StudioHook = {
    ready: false, renderer: 'none', doc: null, origin: '', selected: null, undoCount: 0, redoCount: 0, issues: [],
    checks: { status: 'idle' }, markers: [], onion: 0, twins: () => null, learners: () => null, toScreen: () => null,
  };
  (window as unknown as { __studio: StudioHook }).__studio = hook;
  return hook;
}
