// Calls back when a selected part of the store changes (and once at the start).
import type { StoreApi } from 'zustand/vanilla';

export function watch<S, T>(store: StoreApi<S>, select: (s: S) => T, onChange: (value: T, previous: T | undefined) => void,
  equal: (a: T, b: T) => boolean = Object.is): () => void {
  let current = select(store.getState());
  onChange(current, undefined);
  return store.subscribe((state) => {
    const next = select(state);
    if (equal(next, current)) return;
    const previous = current;
    current = next;
    onChange(next, previous);
  });
}
