// Everything a person can ask the page to do: the buttons and the keyboard both call these.
import type { Condition } from '../sim/spec';

export interface Commands {
  togglePlay(): void;
  stepOnce(): void;
  reset(): void;
  setCondition(condition: Condition): void;
  toggleCondition(): void;
  selectScene(id: string): void;
  setVariant(variant: number | null): void;
  nextVariant(): void;
  setSeed(seed: number): void;
  setSpeed(speed: number): void;
}
