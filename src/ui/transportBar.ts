// The transport: play/pause, single step, reset, the possible/impossible switch, and speed.
import type { AppStore } from '../store/appStore';
import { SPEEDS } from '../store/playbackSlice';
import { watch } from '../store/watch';
import type { Commands } from './commands';
import { h, noMouseFocus } from './dom';

export function mountTransportBar(root: HTMLElement, store: AppStore, commands: Commands): void {
  const play = h('button', { class: 'btn btn-primary', type: 'button', 'data-testid': 'play', 'aria-keyshortcuts': 'Space' });
  const step = h('button', { class: 'btn', type: 'button', 'data-testid': 'step', title: 'One step of 1/60 s (→)', 'aria-keyshortcuts': 'ArrowRight' }, 'Step ▶|');
  const reset = h('button', { class: 'btn', type: 'button', 'data-testid': 'reset', title: 'Back to the start (R)', 'aria-keyshortcuts': 'R' }, '↺ Reset');
  const possible = h('button', { class: 'seg', type: 'button', 'data-testid': 'possible' }, 'Possible');
  const impossible = h('button', { class: 'seg', type: 'button', 'data-testid': 'impossible', title: 'Toggle with I', 'aria-keyshortcuts': 'I' }, 'Impossible');
  const speed = h('select', { class: 'speed', 'aria-label': 'Speed', 'data-testid': 'speed' },
    ...SPEEDS.map((s) => h('option', { value: s }, s === 1 ? '1× speed' : `${s === 0.5 ? '½' : '¼'}× slow motion`)));
  for (const b of [play, step, reset, possible, impossible]) noMouseFocus(b);

  play.addEventListener('click', () => commands.togglePlay());
  step.addEventListener('click', () => commands.stepOnce());
  reset.addEventListener('click', () => commands.reset());
  possible.addEventListener('click', () => commands.setCondition('possible'));
  impossible.addEventListener('click', () => commands.setCondition('impossible'));
  speed.addEventListener('change', () => {
    commands.setSpeed(Number(speed.value));
    speed.blur();
  });

  root.append(
    h('div', { class: 'transport-group' }, play, step, reset),
    h('div', { class: 'segmented', role: 'group', 'aria-label': 'Condition' }, possible, impossible),
    speed,
  );

  watch(store, (s) => s.running, (running) => {
    play.textContent = running ? '❚❚ Pause' : '▶ Play';
    play.title = running ? 'Pause (Space)' : 'Play (Space)';
    play.setAttribute('aria-pressed', String(running));
  });
  watch(store, (s) => s.condition, (c) => {
    possible.setAttribute('aria-pressed', String(c === 'possible'));
    impossible.setAttribute('aria-pressed', String(c === 'impossible'));
  });
  watch(store, (s) => s.speed, (s) => {
    speed.value = String(s);
  });
}
