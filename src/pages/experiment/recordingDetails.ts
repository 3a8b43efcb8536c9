// Tables that describe recordings: one recording's metadata and scores, or two side by side with
// their differences marked (the recordings panel's Compare).
import type { Recording } from '../../experiment/recording';
import { h } from '../../ui/dom';

const fmt = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '—' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(2));

function facts(rec: Recording): [string, string][] {
  const m = rec.meta;
  return [
    ['kind', rec.kind === 'free-play' ? 'free play' : rec.place ? `trial ${rec.place.trial_index + 1} of ${rec.place.trial_count} (${rec.place.phase}) in “${rec.place.run_name}”` : 'trial'],
    ['scene', `${m.scene_title} (${m.scene_id})`],
    ['scene file hash', m.scene_hash],
    ['condition', m.condition],
    ['variant · seed', `${m.variant ?? 'canonical'} · ${m.seed}`],
    ['onset frame', m.onset_frame === null ? '—' : String(m.onset_frame)],
    ['length', `${rec.snapshots.length - 1} frames (${((rec.snapshots.length - 1) / 60).toFixed(2)} s)`],
    ['observers', rec.observers.map((o) => `${o.model}${o.checkpoint_hash ? ` #${o.checkpoint_hash.slice(0, 8)}` : ''}`).join(', ') || '—'],
    ['looking time', rec.looking ? `${rec.looking.seconds.toFixed(2)} s in ${rec.looking.looks.length} look${rec.looking.looks.length === 1 ? '' : 's'}` : 'not recorded'],
    ['started', m.started_at],
    ['versions', `app ${m.app_version}, matter-js ${m.matter_version}, TF.js ${m.tfjs_version}`],
  ];
}

export function recordingDetails(rec: Recording): HTMLElement {
  return h('div', { class: 'recording-details', 'data-testid': 'recording-details' },
    h('h3', { class: 'panel-title' }, `Recording: ${rec.name}`),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data' }, h('tbody', {}, ...facts(rec).map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v)))))),
    scoresTable([rec]));
}

export function comparison(a: Recording, b: Recording): HTMLElement {
  const fa = facts(a), fb = facts(b);
  return h('div', { class: 'compare', 'data-testid': 'compare-view' },
    h('h3', { class: 'panel-title' }, 'Comparing two recordings'),
    h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, `A: ${a.name}`), h('th', {}, `B: ${b.name}`))),
      h('tbody', {}, ...fa.map(([k, va], i) => {
        const vb = fb[i]![1];
        return h('tr', {}, h('th', {}, k), h('td', {}, va), h('td', { class: va === vb ? '' : 'is-different', title: va === vb ? '' : 'differs from A' }, va === vb ? 'same' : vb));
      })))),
    scoresTable([a, b]));
}

/** Each observer's trial scores, one column per recording. */
function scoresTable(recs: readonly Recording[]): HTMLElement {
  const models = [...new Set(recs.flatMap((r) => r.observers.map((o) => o.model)))];
  const label = (i: number): string => (recs.length > 1 ? `${'AB'[i]}: ` : '');
  return h('div', { class: 'table-wrap' }, h('table', { class: 'data', 'data-testid': 'scores-table' },
    h('thead', {}, h('tr', {}, h('th', {}, 'observer'), ...recs.flatMap((_, i) => [h('th', {}, `${label(i)}mean surprise`), h('th', {}, `${label(i)}peak`), h('th', {}, `${label(i)}mean from onset`)]))),
    h('tbody', {}, ...models.map((m) => h('tr', {}, h('td', {}, m), ...recs.flatMap((r) => {
      const s = r.observers.find((o) => o.model === m)?.scores;
      return [h('td', {}, fmt(s?.['rollout_mean'])), h('td', {}, fmt(s?.['rollout_max'])), h('td', {}, fmt(s?.['rollout_mean_from_onset']))];
    }))))));
}
