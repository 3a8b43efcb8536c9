// What the chart and the meter read each frame, straight from the running trial (never the store).
import type { Mark } from './chartMarks';

export interface SeriesInfo {
  id: string;
  label: string;
  colour: string;
  /** A cohort of seeds as one observer: its value is their mean, and `bandAt` gives their range. */
  band?: boolean;
}

export interface SurpriseSource {
  /** Changes whenever the series change (a model added, removed, or a new trial). */
  readonly version: number;
  readonly series: readonly SeriesInfo[];
  /** Trial length in frames. */
  readonly frames: number;
  /** The frame on screen, the newest frame, and the oldest frame still held. */
  readonly cursor: number;
  readonly head: number;
  readonly first: number;
  /** Surprise of series `i` at `frame` (null where it has none). */
  valueAt(i: number, frame: number): number | null;
  /** The other condition of the same trial (as scripted): series `i`'s surprise there, if known. */
  otherAt?(i: number, frame: number): number | null;
  /** Which condition `otherAt` is ('possible' / 'impossible'); null: none to show. */
  readonly otherCondition?: string | null;
  /** A y-axis top that holds both conditions of the scene (fixed while the scene stays); 0: none. */
  readonly fixedMax?: number;
  /** A cohort series' band at `frame`: [lowest, highest] over its seeds (null where it has none). */
  bandAt?(i: number, frame: number): [number, number] | null;
  marks(): Mark[];
}
