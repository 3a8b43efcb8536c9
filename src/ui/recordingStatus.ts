// The line under the transport that says what Record is doing: recording, saved (with a link to the
// Experiment screen), nothing to save, or not saved (with a button that downloads the recording).
import { h } from './dom';

export interface RecordingStatus {
  recording(fromSeconds: number): void;
  saving(name: string): void;
  saved(text: string): void;
  note(text: string): void;
  /** Not saved: the message, and a button that offers the recording as a file. */
  failed(message: string, download: () => void): void;
}

export const EXPERIMENT_RECORDINGS_URL = 'experiment.html#recordings';

export function mountRecordingStatus(root: HTMLElement): RecordingStatus {
  const show = (kind: string, ...children: (Node | string)[]): void => {
    root.hidden = false;
    root.dataset.kind = kind;
    root.replaceChildren(...children);
  };
  return {
    recording: (from) => show('recording', h('span', { class: 'record-dot', 'aria-hidden': 'true' }, '●'),
      ` Recording from t = ${from.toFixed(2)} s. Press C or ■ Stop to save it; changing the scene or resetting also ends it.`),
    saving: (name) => show('saving', `Saving “${name}”…`),
    saved: (text) => show('saved', `${text} `, h('a', { href: EXPERIMENT_RECORDINGS_URL, 'data-testid': 'record-open' }, 'Open the recordings in the Experiment screen')),
    note: (text) => show('note', text),
    failed: (message, download) => {
      const button = h('button', { class: 'btn btn-small', type: 'button', 'data-testid': 'record-download' }, 'Download it (JSON)');
      button.addEventListener('click', download);
      show('failed', h('span', { 'data-testid': 'record-error' }, message), ' ', button);
    },
  };
}
