// Every scene shipped in scenes/ validates (and its seeded variants resolve); the JSON Schema is current.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSceneFile } from '../../src/cli/commands/validate';
import { sceneJsonSchemaText } from '../../src/cli/sceneJsonSchema';
import { REPO_ROOT, readRepoFile } from './support/trials';

const sceneFiles = readdirSync(join(REPO_ROOT, 'scenes')).filter((f) => f.endsWith('.json') && f !== 'scene.schema.json').sort();

describe('scene files', () => {
  it('include the two support scenes', () => {
    expect(sceneFiles).toEqual(expect.arrayContaining(['car-off-platform.json', 'box-released-beyond-platform.json']));
  });

  it.each(sceneFiles)('%s validates and points editors at the JSON Schema', (name) => {
    expect(validateSceneFile(join(REPO_ROOT, 'scenes', name))).toEqual([]);
    const scene = JSON.parse(readRepoFile(`scenes/${name}`)) as { $schema?: string; id: string };
    expect(scene.$schema).toBe('./scene.schema.json');
    expect(`${scene.id}.json`).toBe(name);
  });

  it('scenes/scene.schema.json is what `npm run schema` generates now', () => {
    expect(readRepoFile('scenes/scene.schema.json')).toBe(sceneJsonSchemaText());
  });

  it('the JSON Schema describes the format: required fields, closed objects, named parts', () => {
    const schema = JSON.parse(readRepoFile('scenes/scene.schema.json')) as Record<string, any>;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['format', 'id', 'title', 'concept', 'study', 'world', 'duration', 'bodies']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.$defs).sort()).toEqual(['Action', 'Body', 'Id', 'NumberOrExpression', 'Occluder', 'OccluderMove', 'Param', 'Trigger', 'Vector', 'Violation']);
    expect(schema.$defs.Violation.oneOf.map((v: any) => v.properties.type.const)).toEqual(
      ['float', 'freeze', 'teleport', 'vanish', 'appear', 'pass-through', 'reverse', 'deflect', 'resize', 'reshape', 'transfer', 'set-velocity', 'scale-velocity', 'weightless'],
    );
  });
});
