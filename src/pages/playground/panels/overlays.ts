// The two overlays: help (the keys, and what the pointer does) and About (the story, what
// surprise means here, how to read the chart). One is open at a time; Esc or ✕ closes it. A modal
// dialog: opening moves focus to its close button, Tab stays inside, closing gives focus back.
import type { AppStore } from '../store/appStore';
import type { Overlay } from '../store/uiSlice';
import { watch } from '../store/watch';
import { h } from '../../../ui/dom';
import { keysList } from '../../../ui/keysPanel';

function aboutBody(): HTMLElement {
  const p = (...text: (string | Node)[]): HTMLElement => h('p', {}, ...text);
  return h('div', { class: 'overlay-body' },
    h('h3', {}, 'The story'),
    p('In a 2023 talk Yann LeCun showed a toy car pushed off a platform. In one version it falls; in the impossible one it stays floating in the air. A five-month-old, he said, does not find the floating car odd; a ten-month-old stares at it, because by then the baby has learned, just by watching, that things without support fall. Surprise is a prediction that failed, and predicting needs a model of the world learned from observation.'),
    p('Surprise Lab lets you watch that happen with a small learned predictor. It has only ever watched ordinary simulated physics (boxes, balls and cars pushed, dropped and tossed; never any magic). "Age" here is how much it has watched: a checkpoint with 1k frames is an infant; one with 100k frames has seen about half an hour of falls and landings. Infant ages are only an analogy: each scene names the study it copies.'),
    h('h3', {}, 'What surprise means here'),
    p('Every physics step (1/60 s), each observer looks at where things were a third of a second ago and rolls its own expectation forward to now. Surprise is how far what it now sees is from what it expected, measured in its own uncertainty (half a squared z-score, summed over the moving bodies). Something expected, even a hard landing, costs little; something that the observer was confident would not happen costs a lot.'),
    p('Beside the learners are two baselines. ', h('b', {}, 'Constant velocity'), ' knows inertia but not gravity: it is surprised when the car falls and not when it floats, the wrong way round. The ', h('b', {}, 'ideal observer'), ' is the simulator itself run without the magic: it is never surprised by possible events, and it bounds what any learner could do.'),
    h('h3', {}, 'How to read the chart'),
    h('ul', {},
      h('li', {}, 'One line per observer, in the colours of the meter above it. The scale is compressed (linear near zero, logarithmic above), so small and huge surprises both fit.'),
      h('li', {}, 'Vertical marks show what happened: the push, the moment the body loses support, and the magic (or, in the possible version, where the impossible twin would diverge).'),
      h('li', {}, 'Compare possible and impossible (press I): an experienced learner\'s line rises after the magic and stays low when the car falls. The ghost on the stage is that learner\'s expectation for the next second (G: up to 10 s); where what it expected has already happened, its dots are green while within 5 cm of the real path and red after it left it. The glow around a body grows with its surprise.'),
      h('li', {}, 'Step back with ← or drag the timeline to look at any moment again: the chart\'s playhead, the meter, the ghost and the glow follow.')),
    h('p', { class: 'muted small' }, 'Details: docs/surprise.md and docs/predictor.md in the repository.'),
  );
}

function helpBody(): HTMLElement {
  return h('div', { class: 'overlay-body' },
    keysList(),
    h('h3', {}, 'With the mouse'),
    h('ul', {},
      h('li', {}, 'Press on a body and drag to carry it (a spring pulls it to the pointer); let go to drop or throw it.'),
      h('li', {}, 'Click and flick quickly to push it in the direction of the flick.'),
      h('li', {}, 'Click a body to select it, then Delete removes it and ✦ Magic breaks physics for it.'),
      h('li', {}, 'Drop a scene file (.json) anywhere on the page, or use "Open a scene file…", to play your own scene.')),
    h('h3', {}, 'Links'),
    h('p', {}, 'The address bar always holds a link to what you see, e.g. ', h('code', {}, '?scene=car-off-platform&condition=impossible&speed=0.25&models=learner-100k,constant-velocity&autoplay')));
}

export function mountOverlays(host: HTMLElement, store: AppStore): void {
  const make = (kind: Exclude<Overlay, null>, title: string, body: HTMLElement): HTMLElement => {
    const close = h('button', { class: 'overlay-close', type: 'button', 'aria-label': 'Close', title: 'Close (Esc)' }, '✕');
    close.addEventListener('click', () => store.getState().closeOverlay());
    const panel = h('div', { class: 'overlay-panel', role: 'dialog', 'aria-modal': 'true', 'aria-label': title, 'data-testid': `${kind}-overlay` },
      h('div', { class: 'overlay-head' }, h('h2', {}, title), close), body);
    const backdrop = h('div', { class: 'overlay', hidden: true }, panel);
    backdrop.addEventListener('click', (e) => {
      if (e.target === backdrop) store.getState().closeOverlay();
    });
    host.append(backdrop);
    return backdrop;
  };
  const help = make('help', 'Keys and mouse', helpBody());
  const about = make('about', 'About Surprise Lab', aboutBody());
  let returnFocus: HTMLElement | null = null;
  watch(store, (s) => s.overlay, (o) => {
    const wasOpen = !help.hidden || !about.hidden;
    help.hidden = o !== 'help';
    about.hidden = o !== 'about';
    const open = o === 'help' ? help : o === 'about' ? about : null;
    if (open) {
      if (!wasOpen) returnFocus = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      open.querySelector<HTMLElement>('.overlay-close')?.focus();
    } else if (wasOpen) {
      returnFocus?.focus();
      returnFocus = null;
    }
  });
  for (const backdrop of [help, about]) backdrop.addEventListener('keydown', (e) => trapTab(e, backdrop));
}

/** Keeps Tab and Shift+Tab cycling among the open dialog's own controls. */
function trapTab(e: KeyboardEvent, dialog: HTMLElement): void {
  if (e.key !== 'Tab') return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"])')];
  if (focusable.length === 0) return;
  const first = focusable[0]!;
  const last = focusable[focusable.length - 1]!;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
