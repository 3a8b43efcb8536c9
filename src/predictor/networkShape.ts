// The interaction network's layer sizes and its named weight list, without TF.js: the checkpoint
// format, the TF.js model (network.ts) and the typed-array forward pass (fastNetwork.ts) share it.
import { OBJECT_FEATURES, OUTPUTS, PAIR_FEATURES } from './features';

export interface NetworkShape {
  relationHidden: number;
  effect: number;
  objectHidden: number;
}

export const DEFAULT_SHAPE: NetworkShape = { relationHidden: 64, effect: 32, objectHidden: 64 };

/** Named weight list in a fixed order: the checkpoint format relies on it. */
export function weightSpecs(shape: NetworkShape): { name: string; shape: number[] }[] {
  const { relationHidden: rh, effect: e, objectHidden: oh } = shape;
  const layers: [string, number, number][] = [
    ['relation/0', PAIR_FEATURES + OBJECT_FEATURES, rh], ['relation/1', rh, rh], ['relation/2', rh, e],
    ['object/0', OBJECT_FEATURES + e, oh], ['object/1', oh, oh], ['object/mean', oh, OUTPUTS], ['object/logvar', oh, OUTPUTS],
  ];
  return layers.flatMap(([name, i, o]) => [{ name: `${name}/kernel`, shape: [i, o] }, { name: `${name}/bias`, shape: [o] }]);
}
