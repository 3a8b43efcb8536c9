// Saves each finished Record take to the browser's recordings and says so; when the browser will not
// store it (full, private window), says why and offers it as a JSON download, so nothing is lost.
import type { Recording } from '../../experiment/recording';
import { recordingsToJson, validRecording } from '../../experiment/recordingJson';
import { downloadFile } from '../../web/downloads';
import { STEP_S } from '../../sim/units';
import { putRecording } from '../../storage/recordingStore';
import type { RecordingStatus } from '../../ui/recordingStatus';
import { buildFreePlayRecording } from './freePlayRecording';
import type { FreePlayRecorder, RecordingEnd } from './freePlayRecorder';

const ENDED: Record<RecordingEnd, string> = {
  'stopped': 'Saved',
  'trial-replaced': 'Recording ended with the trial; saved',
  'limit': 'Recording reached its longest length and stopped; saved',
};

/** A file name from a recording's name: letters, digits, dashes. */
const fileStem = (name: string): string => name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'recording';

export interface FreePlaySaving {
  /** Recordings saved to IndexedDB since the page opened. */
  readonly saved: number;
}

export function saveFreePlayTakes(recorder: FreePlayRecorder, status: RecordingStatus): FreePlaySaving {
  let saved = 0;
  recorder.subscribe(() => {
    const start = recorder.startFrame;
    if (start !== null) status.recording(start * STEP_S);
  });
  recorder.onFinished((outcome) => {
    if (!outcome.take) return status.note(outcome.why);
    const raw = buildFreePlayRecording(outcome.take);
    let rec: Recording;
    try {
      rec = validRecording(raw, 'the recording');
    } catch (e) {
      // A bug here must not cost the session: the file can still be read by hand.
      status.failed(`The recording was not saved: it failed its own check (${e instanceof Error ? e.message : String(e)}).`,
        () => downloadFile(`${fileStem(raw.name)}.json`, JSON.stringify(raw, null, 2), 'application/json'));
      return;
    }
    status.saving(rec.name);
    const seconds = ((rec.snapshots.length - 1) * STEP_S).toFixed(1);
    putRecording(rec).then(() => {
      saved++;
      status.saved(`${ENDED[outcome.end]} “${rec.name}” (${rec.snapshots.length} frames, ${seconds} s).`);
    }, (e: unknown) => {
      status.failed(e instanceof Error ? e.message : String(e), () => downloadFile(`${fileStem(rec.name)}.json`, recordingsToJson([rec]), 'application/json'));
    });
  });
  return { get saved() { return saved; } };
}
