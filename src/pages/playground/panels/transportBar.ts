// The transport: play/pause, step back, single step, reset, Record, the possible/impossible switch, speed.
import type { AppStore } from '../store/appStore';
import { SPEEDS } from '../store/playbackSlice';
import { watch } from '../store/watch';
import type { Commands, RecordToggle } from '../../../ui/commands';
import { h, noMouseFocus } from '../../../ui/dom';

const speedLabel = (s: number): string => (s === 1 ? '1× speed' : `${s === 0.5 ? '½' : s === 0.25 ? '¼' : s === 0.1 ? '⅒' : s}× slow motion`);

export function mountTransportBar(root: HTMLElement, store: AppStore, commands: Commands, recorder?: RecordToggle): void {
  const play = h('button', { class: 'btn btn-primary', type: 'button', 'data-testid': 'play', 'aria-keyshortcuts': 'Space' });
  const back = h('button', { class: 'btn btn-icon', type: 'button', 'data-testid': 'step-back', title: 'One step back (←)', 'aria-label': 'One step back', 'aria-keyshortcuts': 'ArrowLeft' }, '|◀');
  const step = h('button', { class: 'btn btn-icon', type: 'button', 'data-testid': 'step', title: 'One step of 1/60 s (→)', 'aria-label': 'One step forward', 'aria-keyshortcuts': 'ArrowRight' }, '▶|');
  const reset = h('button', { class: 'btn', type: 'button', 'data-testid': 'reset', title: 'Back to the start (R)', 'aria-keyshortcuts': 'R' }, '↺ Reset');
  const possible = h('button', { class: 'seg', type: 'button', 'data-testid': 'possible' }, 'Possible');
  const impossible = h('button', { class: 'seg', type: 'button', 'data-testid': 'impossible', title: 'Toggle with I', 'aria-keyshortcuts': 'I' }, 'Impossible');
  const speed = h('select', { class: 'speed', 'aria-label': 'Speed', 'data-testid': 'speed', title: 'Slow motion runs fewer 1/60 s steps per second; the physics is the same' },
    ...SPEEDS.map((s) => h('option', { value: s }, speedLabel(s))));
  const record = recorder ? h('button', { class: 'btn btn-record', type: 'button', 'data-testid': 'record', 'aria-keyshortcuts': 'C' }) : null;
  for (const b of [play, back, step, reset, possible, impossible, record]) if (b) noMouseFocus(b);

  play.addEventListener('click', () => commands.togglePlay());
  back.addEventListener('click', () => commands.stepBack());
  step.addEventListener('click', () => commands.stepOnce());
  reset.addEventListener('click', () => commands.reset());
  record?.addEventListener('click', () => recorder?.toggle());
  possible.addEventListener('click', () => commands.setCondition('possible'));
  impossible.addEventListener('click', () => commands.setCondition('impossible'));
  speed.addEventListener('change', () => {
    commands.setSpeed(Number(speed.value));
    speed.blur();
  });

  root.append(
    h('div', { class: 'transport-group' }, play, back, step, reset, record),
    h('div', { class: 'segmented', role: 'group', 'aria-label': 'Condition' }, possible, impossible),
    speed,
  );

  watch(store, (s) => s.running, (running) => {
    play.textContent = running ? '❚❚ Pause' : '▶ Play';
    play.title = running ? 'Pause (Space)' : 'Play (Space)';
    play.setAttribute('aria-pressed', String(running));
  });
  if (record && recorder) {
    const show = (): void => {
      const on = recorder.recording;
      record.textContent = on ? '■ Stop' : '● Record';
      record.title = on ? 'Stop recording and save it (C)' : 'Record this session from now, to look at or export later (C)';
      record.setAttribute('aria-pressed', String(on));
    };
    recorder.subscribe(show);
    show();
  }
  watch(store, (s) => s.condition, (c) => {
    possible.setAttribute('aria-pressed', String(c === 'possible'));
    impossible.setAttribute('aria-pressed', String(c === 'impossible'));
  });
  watch(store, (s) => s.speed, (s) => {
    speed.value = String(s);
  });
}
