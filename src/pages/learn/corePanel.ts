// The Learn screen's core-knowledge switches (coreKnowledge.ts): what a newborn has built in, chosen
// before it starts watching; a continued learner keeps its checkpoint's settings.
import { h } from '../../ui/dom';
import { ALL_CORE, CORE_SWITCHES, type CoreSettings } from '../../predictor/coreKnowledge';

export interface CorePanel {
  readonly element: HTMLElement;
  /** The switches as ticked. */
  value(): CoreSettings;
  /** Off while a run is going, or when a saved learner is continued (its settings are its own). */
  setEnabled(enabled: boolean): void;
}

export function createCorePanel(): CorePanel {
  const boxes = CORE_SWITCHES.map((s) => {
    const box = h('input', { type: 'checkbox', checked: ALL_CORE[s.key], 'data-testid': `core-${s.name}` });
    return { key: s.key, box, label: h('label', { class: 'probe', title: s.what }, box, h('span', {}, s.name)) };
  });
  const element = h('fieldset', { class: 'probes', 'data-testid': 'core-switches' },
    h('legend', {}, 'Built in (newborn only; docs/predictor.md, Core knowledge)'), ...boxes.map((b) => b.label));
  return {
    element,
    value() {
      const out: CoreSettings = { ...ALL_CORE };
      for (const b of boxes) out[b.key] = b.box.checked;
      return out;
    },
    setEnabled(enabled) { for (const b of boxes) b.box.disabled = !enabled; },
  };
}
