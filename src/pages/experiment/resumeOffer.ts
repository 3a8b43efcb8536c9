// A run's setup as stored beside it, and the offer to resume or end a run that a reload (or a
// closed tab) cut short: its stored setup read back into a form and handed to the page to prepare.
import { h } from '../../ui/dom';
import { designStudy, type StudySettings } from '../../experiment/studyDesign';
import type { Recording } from '../../experiment/recording';
import { listRuns, recordingsOfRun, type StoredRun } from '../../storage/recordingStore';
import type { SetupForm } from './setupForm';
import type { StudyStore } from './studyStore';

/** What a run stores of its setup: the study's settings and the screen's own choices (the
 * infants and test orders only when not the default, so older runs read back the same). */
export type StoredSetup = StudySettings & Partial<Pick<SetupForm, 'speed' | 'looking' | 'lookingModel' | 'infants' | 'orders'>>;

export function storedSetupOf(form: SetupForm, settings: StudySettings): StoredSetup {
  return {
    ...settings, speed: form.speed, looking: form.looking, lookingModel: form.lookingModel,
    ...(form.infants > 1 ? { infants: form.infants } : {}), ...(form.orders !== 'shared' ? { orders: form.orders } : {}),
  };
}

/** The form a stored run was started with (what its settings leave out: the defaults). */
export function formOfStored(stored: StoredSetup): SetupForm {
  return {
    ...stored, speed: stored.speed ?? 'instant', looking: stored.looking ?? false, lookingModel: stored.lookingModel ?? 'none',
    habituate: stored.habituate === true, infants: stored.infants ?? 1, orders: stored.orders ?? 'shared',
  };
}

export interface ResumeHost {
  store: StudyStore;
  alert(text: string | null, isError: boolean, ...extra: HTMLElement[]): void;
  settingsOf(form: SetupForm): StudySettings;
  /** Prepares the run with these finished trials; false when it could not start (the page said why). */
  prepare(run: StoredRun, form: SetupForm, done: Recording[]): Promise<boolean>;
  go(): Promise<void>;
  finish(status: 'finished' | 'ended'): Promise<void>;
}

/** The newest run still marked running, if any: offer to resume it or end it. */
export async function offerResume(page: ResumeHost): Promise<void> {
  const act = page.store.getState();
  let runs: StoredRun[];
  try { runs = await listRuns(); } catch (e) { page.alert(e instanceof Error ? e.message : String(e), true); return; }
  const open = runs.filter((r) => r.status === 'running').sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (!open) return;
  const done = await recordingsOfRun(open.id);
  const stored = open.settings as StoredSetup;
  let total: number;
  try {
    total = designStudy(page.settingsOf({ ...formOfStored(stored), speed: 'instant', looking: false, lookingModel: 'none', infants: 1, orders: 'shared' })).trials.length;
  } catch (e) {
    page.alert(`“${open.name}” was interrupted, but its stored settings are unreadable (${e instanceof Error ? e.message : String(e)}); its ${done.length} finished trials are under Recordings.`, true);
    return;
  }
  act.interruptedFound({ runId: open.id, finished: done.length, total });
  const resume = h('button', { class: 'btn btn-primary', type: 'button', 'data-testid': 'resume-run' }, 'Resume it');
  const end = h('button', { class: 'btn', type: 'button', 'data-testid': 'end-interrupted' }, 'End it here');
  page.alert(`“${open.name}” was interrupted after ${done.length} of ${total} trials (all ${done.length} are saved).`, false, resume, end);
  const form = formOfStored(stored);
  const take = async (then: () => Promise<void>): Promise<void> => {
    const { settingUp, runner } = page.store.getState();
    if (settingUp || runner?.isRunning) return;
    act.setupStarted();
    let ready = false;
    try {
      ready = await page.prepare(open, form, done);
    } finally {
      act.setupEnded();
    }
    if (ready) await then();
  };
  resume.addEventListener('click', () => void take(page.go));
  end.addEventListener('click', () => void take(async () => { await page.finish('ended'); page.alert(null, false); }));
}
