// The scene as a whole: its id, title, concept, the study it copies, the words for each twin, the
// world's size, gravity and sub-steps and the trial's duration.
import { CONCEPTS } from '../../../scenes/schema';
import type { SceneDraft } from '../model/sceneDraft';
import type { StudioStore } from '../studioStore';
import { choiceField, numberField, rebuild, section, textField } from './fields';

export function renderScenePanel(host: HTMLElement, store: StudioStore, doc: SceneDraft): void {
  rebuild(host, () => [
    textField(store, doc, 'Id', ['id'], { required: true }),
    textField(store, doc, 'Title', ['title'], { required: true }),
    choiceField(store, doc, 'Concept', ['concept'], CONCEPTS.map((c) => [c, c] as const)),
    textField(store, doc, 'Description', ['description'], { long: true }),
    textField(store, doc, 'Study it copies (citation)', ['study', 'citation'], { required: true, long: true }),
    textField(store, doc, 'What infants did', ['study', 'infants'], { long: true }),
    textField(store, doc, 'Possible twin, in words', ['conditions', 'possible'], { long: true }),
    textField(store, doc, 'Impossible twin, in words', ['conditions', 'impossible'], { long: true }),
    textField(store, doc, 'Control of (scene id)', ['control_of']),
    section('World', 'studio-world-title',
      numberField(store, doc, 'Width (m)', ['world', 'width']), numberField(store, doc, 'Height (m)', ['world', 'height']),
      numberField(store, doc, 'Gravity (m/s²)', ['world', 'gravity'], { placeholder: '9.81' }), numberField(store, doc, 'Sub-steps', ['world', 'substeps'], { placeholder: 'default' }),
      numberField(store, doc, 'Duration (s)', ['duration'])),
  ]);
}
