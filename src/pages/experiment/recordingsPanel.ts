// The recordings panel: every saved trial and free-play session in this browser; open (replay with
// its curves), rename, delete, compare two, export as CSV or JSON, and import JSON back.
import type { Recording } from '../../experiment/recording';
import { parseRecordingsJson, recordingsToJson } from '../../experiment/recordingJson';
import { recordingsCsv } from '../../experiment/recordingCsv';
import { importRecordings } from '../../storage/recordingImport';
import { deleteRecording, getRecording, listRecordings, onRecordingsChanged, renameRecording, type RecordingSummary } from '../../storage/recordingStore';
import { h } from '../../ui/dom';
import { downloadFile, fileStem } from '../../web/downloads';

export interface RecordingsActions { open(rec: Recording): void; compare(a: Recording, b: Recording): void }

export interface RecordingsPanel { refresh(): Promise<void>; count(): number }

const when = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

export function mountRecordingsPanel(host: HTMLElement, actions: RecordingsActions): RecordingsPanel {
  let rows: RecordingSummary[] = [];
  const selected = new Set<string>();
  const message = h('p', { class: 'rec-message', 'data-testid': 'rec-message', role: 'status' });
  const show = h('select', { 'data-testid': 'rec-filter', 'aria-label': 'which recordings to list' });
  const importInput = h('input', { type: 'file', accept: '.json,application/json', multiple: true, class: 'visually-hidden', id: 'rec-import', 'data-testid': 'rec-import' });
  const importLabel = h('label', { class: 'btn', for: 'rec-import', tabindex: 0, role: 'button' }, 'Import JSON…');
  const csvBtn = h('button', { class: 'btn', type: 'button', 'data-testid': 'rec-export-csv' }, 'Export CSV');
  const jsonBtn = h('button', { class: 'btn', type: 'button', 'data-testid': 'rec-export-json' }, 'Export JSON');
  const compareBtn = h('button', { class: 'btn', type: 'button', 'data-testid': 'rec-compare', disabled: true }, 'Compare two');
  const selectionNote = h('span', { class: 'muted small', 'data-testid': 'rec-selection' });
  const body = h('tbody', { 'data-testid': 'rec-rows' });
  const empty = h('p', { class: 'muted', 'data-testid': 'rec-empty' }, 'No recordings yet. Run a study above, or press Record in the playground.');
  const table = h('div', { class: 'table-wrap rec-table' }, h('table', { class: 'data' },
    h('thead', {}, h('tr', {}, h('th', {}, h('span', { class: 'visually-hidden' }, 'select')), h('th', {}, 'Name and scene'), h('th', {}, 'Condition'),
      h('th', {}, 'Variant'), h('th', {}, 'Observers'), h('th', {}, 'Length'), h('th', {}, 'Started'), h('th', {}, 'Actions'))), body));

  host.replaceChildren(
    h('h2', { class: 'panel-title' }, 'Recordings'),
    h('div', { class: 'rec-toolbar' }, h('label', { class: 'muted' }, 'Show ', show), csvBtn, jsonBtn, compareBtn, importLabel, importInput, selectionNote),
    message, empty, table,
  );
  importLabel.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); importInput.click(); } });

  const say = (text: string, isError = false): void => { message.textContent = text; message.classList.toggle('is-error', isError); };
  const visible = (): RecordingSummary[] => rows.filter((r) => show.value === '' || (show.value === 'free-play' ? r.kind === 'free-play' : r.runId === show.value));
  const chosen = (): RecordingSummary[] => { const v = visible(); const s = v.filter((r) => selected.has(r.id)); return s.length > 0 ? s : v; };
  const load = async (ids: readonly string[]): Promise<Recording[]> => {
    const out: Recording[] = [];
    for (const id of ids) { const r = await getRecording(id); if (r) out.push(r); }
    return out;
  };

  const renderFilter = (): void => {
    const keep = show.value;
    const runs = new Map<string, string>();
    for (const r of rows) if (r.runId) runs.set(r.runId, r.runName ?? r.runId);
    show.replaceChildren(h('option', { value: '' }, `all (${rows.length})`),
      ...[...runs].map(([id, name]) => h('option', { value: id }, `${name} (${rows.filter((r) => r.runId === id).length})`)),
      ...(rows.some((r) => r.kind === 'free-play') ? [h('option', { value: 'free-play' }, 'free play')] : []));
    show.value = [...show.options].some((o) => o.value === keep) ? keep : '';
  };

  const renderRows = (): void => {
    const list = visible();
    empty.hidden = rows.length > 0;
    table.hidden = rows.length === 0;
    for (const id of [...selected]) if (!rows.some((r) => r.id === id)) selected.delete(id);
    body.replaceChildren(...list.map((r) => row(r)));
    compareBtn.disabled = selected.size !== 2;
    selectionNote.textContent = selected.size > 0 ? `${selected.size} selected (exports use the selection)` : 'exports use the list shown';
  };

  const row = (r: RecordingSummary): HTMLTableRowElement => {
    const box = h('input', { type: 'checkbox', 'aria-label': `select ${r.name}`, checked: selected.has(r.id), 'data-testid': 'rec-select' });
    box.addEventListener('change', () => { if (box.checked) selected.add(r.id); else selected.delete(r.id); renderRows(); });
    const name = h('td', { class: 'wrap' }, h('span', { 'data-testid': 'rec-name' }, r.name), h('br'), h('span', { class: 'muted small', title: r.sceneId }, r.sceneTitle));
    const open = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': 'rec-open' }, 'Open');
    const rename = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': 'rec-rename' }, 'Rename');
    const del = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': 'rec-delete' }, 'Delete');
    open.addEventListener('click', async () => {
      const rec = await getRecording(r.id).catch((e: unknown) => { say(String(e instanceof Error ? e.message : e), true); return null; });
      if (rec) actions.open(rec);
    });
    rename.addEventListener('click', () => {
      const input = h('input', { type: 'text', value: r.name, maxlength: 200, 'aria-label': 'new name', 'data-testid': 'rec-rename-input' });
      const save = h('button', { class: 'btn btn-small', type: 'button' }, 'Save');
      const cancel = h('button', { class: 'btn btn-small', type: 'button' }, 'Cancel');
      const commit = async (): Promise<void> => {
        try { await renameRecording(r.id, input.value); say(`Renamed to “${input.value.trim()}”.`); await refresh(); } catch (e) { say(e instanceof Error ? e.message : String(e), true); }
      };
      save.addEventListener('click', () => void commit());
      cancel.addEventListener('click', renderRows);
      input.addEventListener('keydown', (e) => { if (e.key === 'Enter') void commit(); if (e.key === 'Escape') renderRows(); });
      name.replaceChildren(input, ' ', save, ' ', cancel);
      input.focus();
      input.select();
    });
    del.addEventListener('click', async () => {
      if (del.dataset['armed'] !== '1') { del.dataset['armed'] = '1'; del.textContent = 'Really delete?'; return; }
      try { await deleteRecording(r.id); selected.delete(r.id); say(`Deleted “${r.name}”.`); await refresh(); } catch (e) { say(e instanceof Error ? e.message : String(e), true); }
    });
    const condition = r.kind === 'free-play' ? 'free play' : r.phase === 'familiarization' ? `familiarization (${r.condition})` : r.condition;
    return h('tr', { 'data-id': r.id },
      h('td', {}, box), name, h('td', {}, condition), h('td', {}, r.variant === null ? '—' : String(r.variant)),
      h('td', { class: 'wrap' }, r.models.join(', ')), h('td', {}, `${(r.frames / 60).toFixed(1)} s`), h('td', {}, when(r.startedAt)),
      h('td', {}, h('span', { class: 'row-actions' }, open, rename, del)));
  };

  async function refresh(): Promise<void> {
    try {
      rows = (await listRecordings()).sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id));
    } catch (e) {
      rows = [];
      say(e instanceof Error ? e.message : String(e), true);
    }
    renderFilter();
    renderRows();
  }

  /** An export that fails (a stored recording that no longer checks) says why instead of throwing. */
  async function exporting(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      say(`Nothing was exported: ${e instanceof Error ? e.message : String(e)}`, true);
    }
  }

  show.addEventListener('change', () => { selected.clear(); renderRows(); });
  csvBtn.addEventListener('click', async () => {
    await exporting(async () => {
      const recs = await load(chosen().map((r) => r.id));
      if (recs.length === 0) { say('Nothing to export yet.', true); return; }
      downloadFile(`${fileStem(recs.length === 1 ? recs[0]!.name : 'surprise-lab-recordings')}.csv`, recordingsCsv(recs), 'text/csv');
      say(`Exported ${recs.length} recording${recs.length === 1 ? '' : 's'} as CSV (columns: docs/data.md).`);
    });
  });
  jsonBtn.addEventListener('click', async () => {
    await exporting(async () => {
      const recs = await load(chosen().map((r) => r.id));
      if (recs.length === 0) { say('Nothing to export yet.', true); return; }
      downloadFile(`${fileStem(recs.length === 1 ? recs[0]!.name : 'surprise-lab-recordings')}.json`, recordingsToJson(recs), 'application/json');
      say(`Exported ${recs.length} recording${recs.length === 1 ? '' : 's'} as JSON.`);
    });
  });
  compareBtn.addEventListener('click', async () => {
    const [a, b] = await load([...selected]);
    if (a && b) actions.compare(a, b);
  });
  importInput.addEventListener('change', async () => {
    const files = [...(importInput.files ?? [])];
    importInput.value = '';
    const notes: string[] = [];
    let problem = false;
    for (const file of files) {
      try {
        const recs = parseRecordingsJson(await file.text(), file.name);
        notes.push(await importRecordings(recs, file.name));
      } catch (e) {
        problem = true;
        notes.push(e instanceof Error ? e.message : String(e));
      }
    }
    say(notes.join(' '), problem);
    await refresh();
  });

  onRecordingsChanged(() => void refresh());
  void refresh();
  return { refresh, count: () => rows.length };
}
