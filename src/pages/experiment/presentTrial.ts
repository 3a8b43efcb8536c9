// Shows one scored trial on the stage at the chosen speed, its surprise curve drawn as it plays
// and the surprising body glowing; in looking-time mode the condition and curve stay hidden and
// the person's looks are added to the recording.
import type { Recording } from '../../experiment/recording';
import type { PlannedTrial } from '../../experiment/studyDesign';
import { surpriseLevel } from '../../ui/surpriseLevel';
import type { LookingKey } from './lookingKey';
import type { RecordingWorld } from './recordingWorld';
import type { SetupForm } from './setupForm';
import type { StagePanel } from './stagePanel';

/** A pause between trials, as the attention-getter between trials of an infant study. */
const BETWEEN_TRIALS_MS = 500;

export async function presentTrial(panel: StagePanel, looking: LookingKey, rec: Recording, planned: PlannedTrial, form: SetupForm, world: RecordingWorld): Promise<Recording> {
  const total = rec.place?.trial_count ?? 0;
  const blind = form.looking;
  const badge = planned.phase === 'familiarization' ? { text: 'familiarization', kind: 'familiarization' as const }
    : blind ? null : { text: planned.condition, kind: planned.condition };
  panel.heading(`Trial ${planned.index + 1} of ${total} · ${rec.meta.scene_title}`, badge, blind ? 'Hold L (or the button) while you look at the scene.' : world.note ?? undefined);
  panel.overlay(null);
  panel.curve.show(rec, blind ? -1 : 0);
  // The glow follows the first observer that scores per body (the one listed first in the study).
  const focus = rec.observers.find((o) => Object.keys(o.per_body).length > 0);
  looking.startTrial();
  const outcome = await panel.stage.play(rec, world, form.speed === 'instant' ? 1 : form.speed, (frame) => {
    looking.sample(frame);
    if (!blind) panel.curve.reveal(frame);
    if (!focus || blind) return undefined;
    const glow = new Map<string, number>();
    for (const [id, series] of Object.entries(focus.per_body)) glow.set(id, surpriseLevel(series[frame] ?? 0));
    return glow;
  });
  panel.curve.reveal(rec.snapshots.length);
  const out = form.looking ? { ...rec, looking: looking.finish() } : rec;
  if (outcome === 'ended') await new Promise((ok) => setTimeout(ok, BETWEEN_TRIALS_MS));
  return out;
}
