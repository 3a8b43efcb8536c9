// Keyboard shortcuts: one table of keys, and the binding that calls the page's commands.
// Keys are ignored while typing in a field, choosing in a list, or pressing a focused button.
import type { Commands } from './commands';

export const SHORTCUTS = [
  { label: 'Space', does: 'play / pause' },
  { label: '→', does: 'one step forward (1/60 s)' },
  { label: '←', does: 'one step back' },
  { label: 'R', does: 'reset to the start' },
  { label: 'I', does: 'possible ⇄ impossible' },
  { label: 'C', does: 'record from now / stop and save the recording' },
  { label: 'G', does: 'ghost looks ahead 1 s → 2 s → 5 s → 10 s' },
  { label: '1 – 9', does: 'pick a scene' },
  { label: 'M', does: 'magic on the selected body' },
  { label: 'Delete', does: 'delete the selected body' },
  { label: '?', does: 'this help' },
  { label: 'Esc', does: 'close a panel' },
] as const;

export type KeyCommand =
  | { name: 'togglePlay' | 'stepOnce' | 'stepBack' | 'reset' | 'toggleCondition' | 'magicNow' | 'deleteSelected' | 'help' | 'close' | 'record' | 'ghost' }
  | { name: 'scene'; n: number };

/** The command a key press asks for, or null. */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): KeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case ' ': return { name: 'togglePlay' };
    case 'ArrowRight': return { name: 'stepOnce' };
    case 'ArrowLeft': return { name: 'stepBack' };
    case 'r': case 'R': return { name: 'reset' };
    case 'i': case 'I': return { name: 'toggleCondition' };
    case 'm': case 'M': return { name: 'magicNow' };
    case 'c': case 'C': return { name: 'record' };
    case 'g': case 'G': return { name: 'ghost' };
    case 'Delete': case 'Backspace': return { name: 'deleteSelected' };
    case '?': return { name: 'help' };
    case 'Escape': return { name: 'close' };
    default: return /^[1-9]$/.test(e.key) ? { name: 'scene', n: Number(e.key) } : null;
  }
}

/** Whether the focused element needs this key itself (typing, choosing, pressing a button). */
function ownsKey(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // An open modal dialog keeps the page's keys to itself, except those that close it.
  if (target.closest('[aria-modal="true"]')) return key !== 'Escape' && key !== '?';
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable) return key !== 'Escape';
  if (tag === 'INPUT') return (target as HTMLInputElement).type !== 'checkbox' ? key !== 'Escape' : key === ' ';
  return tag === 'BUTTON' && (key === ' ' || key === 'Enter');
}

export interface KeyTargets {
  commands: Commands;
  toggleHelp(): void;
  closeOverlay(): void;
  /** Record / stop (absent on pages without recording). */
  toggleRecord?(): void;
  /** The next ghost length (absent on pages without a ghost). */
  cycleGhost?(): void;
}

export function bindKeyboard(target: Window, t: KeyTargets): () => void {
  const onKey = (e: KeyboardEvent): void => {
    if (e.repeat && e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    if (ownsKey(e.target, e.key)) return;
    const c = commandForKey(e);
    if (!c) return;
    e.preventDefault();
    switch (c.name) {
      case 'scene': t.commands.selectSceneNumber(c.n); break;
      case 'help': t.toggleHelp(); break;
      case 'close': t.closeOverlay(); break;
      case 'record': t.toggleRecord?.(); break;
      case 'ghost': t.cycleGhost?.(); break;
      default: t.commands[c.name]();
    }
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
