// Fuzz mode for the Experiment screen (?fuzz&seed=N&fuzzRate=R, ?assert): random, seeded use of
// the whole screen as a person would use it (setup clicks and odd numbers, starts, pauses,
// resumes and ends, replays, recordings opened, renamed, deleted, compared, exported) and imports
// of random files (real recordings broken on purpose); with ?assert, the screen's invariants are
// checked after every event.
import type { Rng } from '../../sim/rng';
import type { FuzzEventSource } from '../../web/fuzz/startFuzz';
import { mutateValue } from '../../web/fuzz/mutatedSceneText';
import { getRecording, listRecordings } from '../../storage/recordingStore';
import type { StudyHookState } from './studyHook';

const ODD_NUMBERS = ['1', '2', '3', '0', '-4', '2.5', '201', '', 'abc', '1e9', '4294967296'];

class AssertionFailed extends Error {
  constructor(message: string) { super(`assertion failed: ${message}`); this.name = 'AssertionFailed'; }
}

export class StudyFuzz implements FuzzEventSource {
  private importing = false;

  constructor(private readonly rng: Rng, private readonly hook: StudyHookState, private readonly assertOn: boolean) {}

  next(): string {
    const what = this.act();
    if (this.assertOn) this.check();
    return what;
  }

  private act(): string {
    const r = this.rng.int(0, 99);
    if (r < 22) return this.toggle();
    if (r < 34) return this.number();
    if (r < 44) return this.click('[data-testid=study-start]', 'start');
    if (r < 50) return this.click('[data-testid=study-pause]:not([hidden])', 'pause');
    if (r < 55) return this.click('[data-testid=study-resume]:not([hidden])', 'resume');
    if (r < 58) return this.click('[data-testid=study-end]:not([hidden])', 'end');
    if (r < 62) return this.click('[data-testid=stage-replay]', 'replay');
    if (r < 66) return this.click('[data-testid=resume-run], [data-testid=end-interrupted]', 'interrupted run');
    if (r < 74) return this.recordingButton();
    if (r < 78) return this.click('[data-testid=rec-compare]', 'compare');
    if (r < 81) return this.click('[data-testid=rec-export-csv], [data-testid=rec-export-json]', 'export');
    if (r < 88) return this.importFile();
    if (r < 94) return this.key();
    return this.click('select[data-testid=study-speed], select[data-testid=rec-filter]', 'select');
  }

  private all<T extends Element>(selector: string): T[] {
    return [...document.querySelectorAll<T>(selector)].filter((el) => !(el as unknown as HTMLButtonElement).disabled);
  }

  private click(selector: string, label: string): string {
    const targets = this.all<HTMLElement>(selector);
    if (targets.length === 0) return `${label}: nothing to click`;
    const el = this.rng.pick(targets);
    if (el instanceof HTMLSelectElement) {
      el.selectedIndex = this.rng.int(0, Math.max(0, el.options.length - 1));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return `${label}: option ${el.value}`;
    }
    el.click();
    return `${label}: ${el.textContent?.trim().slice(0, 30) ?? ''}`;
  }

  private toggle(): string {
    const boxes = this.all<HTMLInputElement>('#setup-panel input[type=checkbox], [data-testid=rec-select]');
    if (boxes.length === 0) return 'toggle: none';
    const box = this.rng.pick(boxes);
    box.click();
    return `toggle ${box.value || box.getAttribute('aria-label') || box.id} → ${box.checked}`;
  }

  private number(): string {
    const fields = this.all<HTMLInputElement>('#setup-panel input[type=number]');
    if (fields.length === 0) return 'number: none';
    const field = this.rng.pick(fields);
    field.value = this.rng.pick(ODD_NUMBERS);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    return `${field.id} = "${field.value}"`;
  }

  private recordingButton(): string {
    const what = this.rng.pick(['rec-open', 'rec-rename', 'rec-delete']);
    const out = this.click(`[data-testid=${what}]`, what);
    const input = document.querySelector<HTMLInputElement>('[data-testid=rec-rename-input]');
    if (input && this.rng.chance(0.7)) {
      input.value = this.rng.pick(['', '  ', 'renamed', '<b>bold</b>', 'x'.repeat(300), '🙂 trial']);
      input.dispatchEvent(new KeyboardEvent('keydown', { key: this.rng.chance(0.8) ? 'Enter' : 'Escape', bubbles: true }));
    }
    return out;
  }

  private key(): string {
    const key = this.rng.pick(['l', 'L', 'Tab', 'Enter', ' ', 'Escape']);
    const type = this.rng.chance(0.5) ? 'keydown' : 'keyup';
    (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent(type, { key, bubbles: true }));
    return `${type} ${JSON.stringify(key)}`;
  }

  /** A file for the import button: a stored recording broken at random, or garbage. */
  private importFile(): string {
    if (this.importing) return 'import: busy';
    const input = document.querySelector<HTMLInputElement>('[data-testid=rec-import]');
    if (!input) return 'import: no button';
    this.importing = true;
    const seed = this.rng.int(0, 1e9);
    const kind = this.rng.int(0, 4);
    void (async () => {
      try {
        const list = await listRecordings().catch(() => []);
        const base = list.length > 0 ? await getRecording(list[seed % list.length]!.id).catch(() => null) : null;
        const text = base === null || kind === 0 ? ['', '{', 'null', '[]', '{"format":"surprise-lab-recording"}', '{"__proto__":{"polluted":1}}'][seed % 6]!
          : kind === 1 ? JSON.stringify(base).slice(0, seed % JSON.stringify(base).length)
          : kind === 2 ? JSON.stringify(base)
          : JSON.stringify(mutateValue(this.rng, base));
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], `fuzz-${seed}.json`, { type: 'application/json' }));
        input.files = transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      } finally {
        this.importing = false;
      }
    })();
    return `import kind ${kind} (${seed})`;
  }

  /** The screen's invariants: counts in range, a known state, results that are numbers or absent. */
  private check(): void {
    const h = this.hook;
    if (!['idle', 'running', 'paused', 'finished', 'ended'].includes(h.state)) throw new AssertionFailed(`unknown state ${h.state}`);
    if (h.finished < 0 || h.finished > h.total) throw new AssertionFailed(`${h.finished} of ${h.total} trials finished`);
    if (({} as Record<string, unknown>)['polluted'] !== undefined) throw new AssertionFailed('Object.prototype was polluted by an import');
    for (const scene of h.results?.scenes ?? []) {
      for (const m of scene.models) {
        for (const s of [m.bars.possible, m.bars.impossible]) {
          if (s.n > 0 && !Number.isFinite(s.mean)) throw new AssertionFailed(`${scene.sceneId}/${m.model}: mean ${s.mean} over ${s.n} trials`);
        }
        if (m.suite && !(m.suite.pairwise_accuracy >= 0 && m.suite.pairwise_accuracy <= 1)) throw new AssertionFailed(`${m.model}: accuracy ${m.suite.pairwise_accuracy}`);
      }
    }
  }
}
