// What the setup panel holds (scenes, observers, pairs, familiarization, seed, speed, looking),
// read from and written to the page's URL so that a study can be shared as a link.

export type Speed = 'instant' | 0.5 | 1 | 2 | 4;
export const SPEEDS: readonly Speed[] = ['instant', 0.5, 1, 2, 4];
export const speedLabel = (s: Speed): string => (s === 'instant' ? 'instant (no drawing)' : s === 0.5 ? '½× (slow)' : `${s}×`);

export interface SetupForm {
  scenes: string[];
  models: string[];
  pairs: number;
  familiarization: number;
  seed: number;
  speed: Speed;
  /** A person records looking time with the lookaway key (trials play at 1×, conditions hidden). */
  looking: boolean;
}

export const LIMITS = { pairs: [1, 200], familiarization: [0, 10], seed: [0, 0xffffffff] } as const;

const clampInt = (text: string | null, [lo, hi]: readonly [number, number], fallback: number): number => {
  if (text === null || !/^\d+$/.test(text.trim())) return fallback;
  return Math.min(hi, Math.max(lo, Number(text)));
};

/** The form from `?scenes=a,b&models=x,y&pairs=10&fam=2&seed=1&speed=2&looking=1`, unknown names dropped. */
export function formFromQuery(search: string, known: { scenes: readonly string[]; models: readonly string[] }, defaults: SetupForm): SetupForm {
  const q = new URLSearchParams(search);
  const list = (name: string, allowed: readonly string[], fallback: string[]): string[] => {
    const v = q.get(name);
    if (v === null) return fallback;
    const picked = v.split(',').map((s) => s.trim()).filter((s) => allowed.includes(s));
    return picked.length > 0 ? [...new Set(picked)] : fallback;
  };
  const speedText = q.get('speed');
  const speed = SPEEDS.find((s) => String(s) === speedText) ?? defaults.speed;
  return {
    scenes: list('scenes', known.scenes, defaults.scenes),
    models: list('models', known.models, defaults.models),
    pairs: clampInt(q.get('pairs'), LIMITS.pairs, defaults.pairs),
    familiarization: clampInt(q.get('fam'), LIMITS.familiarization, defaults.familiarization),
    seed: clampInt(q.get('seed'), LIMITS.seed, defaults.seed),
    speed,
    looking: q.has('looking') ? q.get('looking') !== '0' : defaults.looking,
  };
}

export function queryOfForm(form: SetupForm): string {
  const q = new URLSearchParams({
    scenes: form.scenes.join(','), models: form.models.join(','), pairs: String(form.pairs),
    fam: String(form.familiarization), seed: String(form.seed), speed: String(form.speed),
  });
  if (form.looking) q.set('looking', '1');
  return `?${q.toString()}`;
}
