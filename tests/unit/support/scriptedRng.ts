// A generator playing a script, for hand-worked trials of the looking models: next() answers from
// `uniforms` in order, normal() from `normals`; running out of either is an error.
import type { Rng } from '../../../src/sim/rng';

export function scripted(uniforms: readonly number[], normals: readonly number[]): Rng & { used: () => [number, number] } {
  let u = 0, n = 0;
  const r = {
    next: (): number => { if (u >= uniforms.length) throw new Error(`script ran out at draw ${u}`); return uniforms[u++]!; },
    normal: (): number => { if (n >= normals.length) throw new Error(`script ran out at normal ${n}`); return normals[n++]!; },
    uniform: () => { throw new Error('unused'); }, int: () => { throw new Error('unused'); },
    chance: () => { throw new Error('unused'); }, pick: () => { throw new Error('unused'); },
    used: (): [number, number] => [u, n],
  };
  return r as Rng & { used: () => [number, number] };
}
