// Malformed scenes are rejected with the JSON path of the problem; none crashes or hangs.
import { describe, expect, it } from 'vitest';
import { parseSceneText, parseSceneValue, MAX_SCENE_BYTES } from '../../src/scenes/parse';
import { resolveScene } from '../../src/scenes/resolve';
import { SceneError } from '../../src/scenes/sceneError';
import { readRepoFile } from './support/trials';

type Json = Record<string, any>;
/** A fresh copy of the car scene as plain data (bodies: 0 floor, 1 platform, 2 car). */
const car = (): Json => JSON.parse(readRepoFile('scenes/car-off-platform.json')) as Json;
const edit = (change: (s: Json) => void): Json => {
  const s = car();
  change(s);
  return s;
};
const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};

interface Case {
  name: string;
  /** A JS value (parsed with parseSceneValue) or, for `text`, the file's text. */
  value?: unknown;
  text?: string;
  path: string;
  message: RegExp;
}

const cases: Case[] = [
  { name: 'negative width', value: edit((s) => { s.bodies[2].width = -1; }), path: 'bodies[2].width', message: /expected a positive number, got -1/ },
  { name: 'zero height', value: edit((s) => { s.bodies[0].height = 0; }), path: 'bodies[0].height', message: /positive number, got 0/ },
  { name: 'string where a number is required', value: edit((s) => { s.world.width = '7'; }), path: 'world.width', message: /expected a finite number, got "7"/ },
  { name: 'boolean where a number or expression is expected', value: edit((s) => { s.bodies[1].x = true; }), path: 'bodies[1].x', message: /expected a number or an expression, got boolean/ },
  { name: 'missing field', value: edit((s) => { delete s.duration; }), path: 'duration', message: /expected a finite number, got nothing/ },
  { name: 'missing id', value: edit((s) => { delete s.id; }), path: 'id', message: /expected string, got nothing/ },
  { name: 'missing body position', value: edit((s) => { delete s.bodies[2].y; }), path: 'bodies[2].y', message: /expected a number or an expression, got nothing/ },
  { name: 'unknown top-level key', value: edit((s) => { s.gravity = 9.81; }), path: '', message: /unknown key "gravity"/ },
  { name: 'unknown body key', value: edit((s) => { s.bodies[2].colour = '#ffffff'; }), path: 'bodies[2]', message: /unknown key "colour"/ },
  { name: 'unknown body kind', value: edit((s) => { s.bodies[2].kind = 'rocket'; }), path: 'bodies[2].kind', message: /expected one of "ground"\|"platform".*got "rocket"/ },
  { name: 'action on an unknown body', value: edit((s) => { s.actions[0].body = 'ghost'; }), path: 'actions[0].body', message: /no body with id "ghost"/ },
  { name: 'violation on an unknown body', value: edit((s) => { s.violation.body = 'ghost'; }), path: 'violation.body', message: /no body with id "ghost"/ },
  { name: 'NaN as a JS value', value: edit((s) => { s.bodies[2].x = Number.NaN; }), path: 'bodies[2].x', message: /got NaN/ },
  { name: 'Infinity as a JS value', value: edit((s) => { s.world.gravity = Number.POSITIVE_INFINITY; }), path: 'world.gravity', message: /expected a finite number, got Infinity/ },
  { name: '-Infinity as a JS value', value: edit((s) => { s.duration = Number.NEGATIVE_INFINITY; }), path: 'duration', message: /expected a finite number, got -Infinity/ },
  { name: '1e999 in the text (JSON.parse makes it Infinity)', text: readRepoFile('scenes/car-off-platform.json').replace('"width": 7', '"width": 1e999'), path: 'world.width', message: /expected a finite number, got Infinity/ },
  { name: 'huge number in a body', value: edit((s) => { s.bodies[2].x = 1e300; }), path: 'bodies[2].x', message: /within ±10000/ },
  { name: 'a 10 MB file', text: `{"description": "${'x'.repeat(10_000_000)}"}`, path: '', message: /10\.0 MB; a scene file may be at most 1 MB/ },
  { name: 'deeply nested junk in the text', text: `${'['.repeat(100_000)}${']'.repeat(100_000)}`, path: '', message: /nested more than \d+ levels/ },
  { name: 'deeply nested junk as a value', value: edit((s) => { s.bodies[2].velocity = nested(10_000); }), path: 'bodies[2].velocity', message: /unknown key "a"/ },
  { name: '__proto__ key in the text', text: readRepoFile('scenes/car-off-platform.json').replace('"format": 1,', '"format": 1, "__proto__": {"polluted": true},'), path: '', message: /unknown key "__proto__"/ },
  { name: '__proto__ key in a body', text: readRepoFile('scenes/car-off-platform.json').replace('"id": "car",', '"id": "car", "__proto__": {"isStatic": true},'), path: 'bodies[2]', message: /unknown key "__proto__"/ },
  { name: 'constructor key', value: edit((s) => { s.world.constructor = 'x'; }), path: 'world', message: /unknown key "constructor"/ },
  { name: 'bad expression syntax', value: edit((s) => { s.bodies[1].x = '0.3 + '; }), path: 'bodies[1].x', message: /bad expression "0\.3 \+ ": unexpected end/ },
  { name: 'expression with a stray character', value: edit((s) => { s.bodies[1].y = 'platformHeight; process.exit()'; }), path: 'bodies[1].y', message: /unexpected character ";"/ },
  { name: 'unknown param in an expression', value: edit((s) => { s.bodies[2].width = 'carLength'; }), path: 'bodies[2].width', message: /unknown parameter "carLength"/ },
  { name: 'unknown function in an expression', value: edit((s) => { s.bodies[2].y = 'tan(2)'; }), path: 'bodies[2].y', message: /unknown function "tan"/ },
  { name: 'constructor as a param name in an expression', value: edit((s) => { s.bodies[2].x = 'constructor'; }), path: 'bodies[2].x', message: /unknown parameter "constructor"/ },
  { name: 'division by zero in an expression', value: edit((s) => { s.bodies[2].x = '1 / (carWidth - carWidth)'; }), path: 'bodies[2].x', message: /expected a finite number, got Infinity/ },
  { name: 'expression too long', value: edit((s) => { s.bodies[2].x = `${'1+'.repeat(150)}1`; }), path: 'bodies[2].x', message: /<=200 characters/ },
  { name: 'param with min > max', value: edit((s) => { s.params.carWidth = { default: 0.5, min: 0.6, max: 0.4 }; }), path: 'params.carWidth', message: /min ≤ default ≤ max/ },
  { name: 'param default outside its range', value: edit((s) => { s.params.pushSpeed.default = 5; }), path: 'params.pushSpeed', message: /min ≤ default ≤ max/ },
  { name: 'a range end that breaks a size', value: edit((s) => { s.params.carWidth.min = 0.05; }), path: 'bodies[2].wheelRadius', message: /do not fit/ },
  { name: 'duplicate body ids', value: edit((s) => { s.bodies[1].id = 'floor'; }), path: 'bodies[1].id', message: /duplicate id "floor"/ },
  { name: 'occluder id reusing a body id', value: edit((s) => { s.occluders = [{ id: 'car', x: 1, y: 1, width: 1, height: 1 }]; }), path: 'occluders[0].id', message: /duplicate id "car"/ },
  { name: 'releasing a body that is not held', value: edit((s) => { s.actions.push({ type: 'release', body: 'car', at: 1 }); }), path: 'actions[1].body', message: /not held/ },
  { name: 'pushing a static body', value: edit((s) => { s.actions[0].body = 'platform'; }), path: 'actions[0].body', message: /static/ },
  { name: 'a violation on a static body', value: edit((s) => { s.violation.body = 'floor'; }), path: 'violation.body', message: /static/ },
  { name: 'trigger on an unknown occluder', value: edit((s) => { s.violation.trigger = { on: 'enters-occluder', occluder: 'wall' }; }), path: 'violation.trigger.occluder', message: /no occluder with id "wall"/ },
  { name: 'pass-through with an unknown other body', value: edit((s) => { s.violation = { type: 'pass-through', body: 'car', other: 'ghost', trigger: { on: 'time', at: 1 } }; }), path: 'violation.other', message: /no body with id "ghost"/ },
  { name: 'unknown violation type', value: edit((s) => { s.violation.type = 'explode'; }), path: 'violation.type', message: /expected one of "float", "freeze", .*"resize", "reshape", "transfer", "set-velocity", "scale-velocity", "weightless", got "explode"/ },
  { name: 'unknown trigger', value: edit((s) => { s.violation.trigger = { on: 'sunrise' }; }), path: 'violation.trigger.on', message: /expected one of "time", "loses-support", .*got "sunrise"/ },
  { name: 'wrong format version', value: edit((s) => { s.format = 2; }), path: 'format', message: /expected 1, got 2/ },
  { name: 'bad colour', value: edit((s) => { s.bodies[2].color = 'red'; }), path: 'bodies[2].color', message: /colour like/ },
  { name: 'bad id characters', value: edit((s) => { s.bodies[2].id = 'my car'; }), path: 'bodies[2].id', message: /expected an id/ },
  { name: 'no bodies', value: edit((s) => { s.bodies = []; }), path: 'bodies', message: />=1 items/ },
  { name: 'null body', value: edit((s) => { s.bodies[1] = null; }), path: 'bodies[1]', message: /got null/ },
  { name: 'fractional substeps', value: edit((s) => { s.world.substeps = 2.5; }), path: 'world.substeps', message: /expected int, got 2\.5/ },
  { name: 'restitution above 1', value: edit((s) => { s.bodies[2].restitution = 2; }), path: 'bodies[2].restitution', message: /≤ 1, got 2/ },
  { name: 'negative friction', value: edit((s) => { s.bodies[2].friction = -0.5; }), path: 'bodies[2].friction', message: /≥ 0, got -0.5/ },
  { name: 'wheels taller than the car', value: edit((s) => { s.bodies[2].wheelRadius = 'carHeight'; }), path: 'bodies[2].wheelRadius', message: /taller than the car/ },
  { name: 'a ball without a radius', value: edit((s) => { s.bodies.push({ id: 'ball', kind: 'ball', x: 1, y: 2 }); }), path: 'bodies[3].radius', message: /needs a radius/ },
  { name: 'a string param default', value: edit((s) => { s.params.carWidth.default = '0.5'; }), path: 'params.carWidth.default', message: /expected a finite number, got "0.5"/ },
  { name: 'a top-level array', value: [1, 2, 3], path: '', message: /expected object, got an array/ },
  { name: 'not JSON at all', text: 'bodies: [car]', path: '', message: /not valid JSON/ },
  { name: 'an empty file', text: '', path: '', message: /not valid JSON/ },
  { name: 'a negative trigger time', value: edit((s) => { s.violation.trigger = { on: 'time', at: -1 }; }), path: 'violation.trigger.at', message: /≥ 0, got -1/ },
];

function rejection(c: Case): SceneError {
  try {
    if (c.text !== undefined) parseSceneText(c.text, 'bad.json');
    else parseSceneValue(c.value, 'bad.json');
  } catch (e) {
    if (e instanceof SceneError) return e;
    throw new Error(`"${c.name}" threw ${String(e)} instead of a SceneError`);
  }
  throw new Error(`"${c.name}" was accepted`);
}

describe('scene validation', () => {
  it('has a table of at least 25 malformed scenes, and the base scene is valid', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(() => parseSceneValue(car(), 'car.json')).not.toThrow();
  });

  it.each(cases.map((c) => [c.name, c] as const))('rejects %s, naming its path', (_name, c) => {
    const error = rejection(c);
    const issue = error.issues.find((i) => i.path === c.path);
    expect(issue, `issues: ${JSON.stringify(error.issues)}`).toBeDefined();
    expect(issue!.message).toMatch(c.message);
    expect(error.message).toContain(`bad.json: ${c.path ? `${c.path}: ` : ''}${issue!.message}`);
    for (const i of error.issues) expect(i.message).not.toMatch(/[\r\n]/);
  });

  it('does not pollute Object.prototype through a __proto__ key', () => {
    const text = readRepoFile('scenes/car-off-platform.json').replace('"format": 1,', '"format": 1, "__proto__": {"polluted": true},');
    expect(() => parseSceneText(text, 'bad.json')).toThrow(SceneError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('checks the size limit before parsing', () => {
    expect(MAX_SCENE_BYTES).toBeLessThan(10_000_000);
  });

  it('resolves every seeded variant of a valid scene without issues', () => {
    const scene = parseSceneValue(car(), 'car.json');
    for (let variant = 0; variant < 50; variant++) expect(() => resolveScene(scene, { variant, seed: 3 })).not.toThrow();
  });
});
