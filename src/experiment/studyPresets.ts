// Ready-made studies for the Experiment screen: the talk's fall-versus-float pair, the same pair with
// its stay-versus-drop control, and the whole support design (every support scene and its controls).

export interface PresetScene { id: string; concept: string; control_of?: string | undefined }

export interface StudyPreset {
  id: 'classic' | 'control' | 'support-design';
  label: string;
  /** What the preset shows, for a tooltip. */
  note: string;
  /** Scenes to tick (every other scene is unticked). */
  scenes: string[];
  /** Observers to tick in addition to those already ticked. */
  addModels: string[];
}

/** The scene the classic study runs. */
export const CLASSIC_SCENE = 'car-off-platform';
/** Observers that bracket support: one never expects a fall, the other always does. */
export const SUPPORT_BRACKET = ['constant-velocity', 'gravity-only'];

/** The presets that the given scenes and observers allow (a preset whose scenes are missing is left out). */
export function studyPresets(scenes: readonly PresetScene[], models: readonly string[]): StudyPreset[] {
  const ids = new Set(scenes.map((s) => s.id));
  const bracket = SUPPORT_BRACKET.filter((m) => models.includes(m));
  const out: StudyPreset[] = [];
  if (!ids.has(CLASSIC_SCENE)) return out;
  out.push({ id: 'classic', label: 'Classic: falls or floats', note: 'The car pushed off a platform: it falls (possible) or floats on (impossible).', scenes: [CLASSIC_SCENE], addModels: [] });
  const controls = scenes.filter((s) => s.control_of === CLASSIC_SCENE).map((s) => s.id);
  if (controls.length > 0) {
    out.push({
      id: 'control', label: 'Control: stays or drops',
      note: 'The classic pair beside its control, where the car comes to rest on the platform and stays (possible) or drops through it (impossible). An observer that expects everything to fall passes the first and fails the second.',
      scenes: [CLASSIC_SCENE, ...controls], addModels: bracket,
    });
  }
  // Each support scene followed by its controls (as scenes/families.ts orders them).
  const inSupport = scenes.filter((s) => s.concept === 'support');
  const placed = (s: PresetScene): boolean => s.control_of !== undefined && inSupport.some((t) => t.id === s.control_of);
  const support = inSupport.filter((s) => !placed(s)).flatMap((s) => [s.id, ...inSupport.filter((c) => c.control_of === s.id).map((c) => c.id)]);
  if (support.length > 1 + controls.length) {
    out.push({
      id: 'support-design', label: 'Support: every scene and control',
      note: 'Every support scene with its controls: support counts as known only when every one is passed.',
      scenes: support, addModels: bracket,
    });
  }
  return out;
}
