// 1,200 hostile scene files mutated from the real ones: each loads and simulates with finite values,
// or is refused with an error naming a JSON path; none crashes, hangs or pollutes a prototype.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { parseSceneText, parseSceneValue } from '../../src/scenes/parse';
import { resolveScene } from '../../src/scenes/resolve';
import { SceneError } from '../../src/scenes/sceneError';
import { Simulation, SimulationError } from '../../src/sim/simulation';
import { hostileScenes } from '../support/hostileScenes';

const sources = readdirSync('scenes').filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).map((f) => readFileSync(`scenes/${f}`, 'utf8'));
/** A JSON path as formatPath writes it: names, [index] and ["odd key"] segments, or empty. */
const JSON_PATH = /^(|[A-Za-z_$][\w$]*|\[(\d+|"(?:[^"\\]|\\.)*")\])((\.[A-Za-z_$][\w$]*)|\[(\d+|"(?:[^"\\]|\\.)*")\])*$/;

describe('hostile scene files', () => {
  it('are each either simulated with finite values or refused naming a JSON path', () => {
    const outcomes = { simulated: 0, refused: 0, exploded: 0 };
    for (const h of hostileScenes(sources, 1200, 20261128)) {
      let scene;
      try {
        scene = h.text !== undefined ? parseSceneText(h.text, 'hostile.json') : parseSceneValue(h.value, 'hostile.json');
      } catch (e) {
        if (!(e instanceof SceneError)) throw new Error(`${h.label}: not a SceneError: ${String(e)}`);
        expect(e.issues.length, h.label).toBeGreaterThan(0);
        for (const issue of e.issues) {
          expect(issue.path, `${h.label}: ${issue.message}`).toMatch(JSON_PATH);
          expect(e.message).toContain(`hostile.json: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`);
        }
        outcomes.refused++;
        continue;
      }
      try {
        const resolved = resolveScene(scene, { variant: 1, seed: 1 }, 'hostile.json');
        const sim = new Simulation(resolved.world, 'impossible');
        for (let f = 0; f < 60; f++) {
          sim.step();
          for (const b of sim.snapshot().bodies) {
            if (!b.present) continue;
            for (const v of [b.x, b.y, b.vx, b.vy, b.angle, b.angularVelocity]) expect(Number.isFinite(v), `${h.label}: ${b.id} at frame ${f}`).toBe(true);
          }
        }
        outcomes.simulated++;
      } catch (e) {
        if (e instanceof SceneError) { outcomes.refused++; continue; }
        // An exploding simulation is stopped with a message naming the body and the frame.
        if (e instanceof SimulationError) { expect(e.message).toMatch(/body ".*" .* frame \d+|no (body|occluder)/); outcomes.exploded++; continue; }
        throw new Error(`${h.label}: ${String(e)}`);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    // The generator must exercise both paths, or the test proves little.
    expect(outcomes.refused).toBeGreaterThan(300);
    expect(outcomes.simulated).toBeGreaterThan(50);
    expect(outcomes.exploded).toBe(0);
  }, 600_000);
});
