// The Experiment screen's ready-made studies: the classic pair, the pair with its stay-versus-drop
// control, and every support scene with its controls, built from the shipped scenes.
import { describe, expect, it } from 'vitest';
import { studyPresets } from '../../src/experiment/studyPresets';
import { loadRepoScene } from './support/trials';
import { shippedSceneNames } from './support/sceneDigests';

const scenes = shippedSceneNames().map(loadRepoScene);
const models = ['newborn', 'learner-100k', 'constant-velocity', 'gravity-only', 'oracle'];

describe('study presets', () => {
  const presets = studyPresets(scenes, models);
  const byId = (id: string) => presets.find((p) => p.id === id)!;

  it('the classic study is the car off a platform alone', () => {
    expect(byId('classic').scenes).toEqual(['car-off-platform']);
    expect(byId('classic').addModels).toEqual([]);
  });

  it('the control study adds the car that comes to rest (stays or drops) and the two observers that bracket support', () => {
    expect(byId('control').scenes).toEqual(['car-off-platform', 'car-comes-to-rest-on-platform']);
    expect(byId('control').addModels).toEqual(['constant-velocity', 'gravity-only']);
  });

  it('the whole support design lists every support scene, each control right after its scene', () => {
    const order = byId('support-design').scenes;
    expect([...order].sort()).toEqual(scenes.filter((s) => s.concept === 'support').map((s) => s.id).sort());
    const controls = scenes.filter((x) => x.concept === 'support' && x.control_of);
    expect(controls.length).toBeGreaterThanOrEqual(4);
    for (const s of controls) expect(order.indexOf(s.id), s.id).toBe(order.indexOf(s.control_of!) + 1);
  });

  it('leaves out what the scenes or observers at hand do not allow', () => {
    expect(studyPresets(scenes.filter((s) => s.id !== 'car-off-platform'), models)).toEqual([]);
    expect(studyPresets(scenes.filter((s) => s.control_of !== 'car-off-platform'), models).map((p) => p.id)).toEqual(['classic', 'support-design']);
    expect(studyPresets(scenes, ['newborn']).find((p) => p.id === 'control')!.addModels).toEqual([]);
  });
});
