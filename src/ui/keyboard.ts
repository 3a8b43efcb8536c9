// Keyboard shortcuts: Space play/pause, → one step, R reset, I toggle impossible. Typing in a
// field, or using a focused control, is left alone.
import type { Commands } from './commands';

export const SHORTCUTS = [
  { key: ' ', label: 'Space', does: 'play / pause' },
  { key: 'ArrowRight', label: '→', does: 'one step (1/60 s)' },
  { key: 'r', label: 'R', does: 'reset to the start' },
  { key: 'i', label: 'I', does: 'possible ⇄ impossible' },
] as const;

export type KeyCommand = 'togglePlay' | 'stepOnce' | 'reset' | 'toggleCondition';

/** The command a key press asks for, or null. */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): KeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ': return 'togglePlay';
    case 'ArrowRight': return 'stepOnce';
    case 'r': case 'R': return 'reset';
    case 'i': case 'I': return 'toggleCondition';
    default: return null;
  }
}

/** Whether the focused element needs this key itself (typing, choosing, pressing a button). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  const tag = target.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return true;
  return tag === 'BUTTON' && key === ' ';
}

export function bindKeyboard(target: Window, commands: Commands): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.repeat && e.key !== 'ArrowRight') return;
    if (ownsKey(e.target, e.key)) return;
    const name = commandForKey(e);
    if (!name) return;
    e.preventDefault();
    commands[name]();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
