// Builds the JSON Schema of the scene format from the zod schema, with named definitions.
import { z } from 'zod';
import { Num, SceneFile } from '../scenes/schema';

type Meta = { id?: string; title?: string; description?: string };

/** The JSON Schema (draft 2020-12) an editor uses to check and complete scene files. Reused parts
 * get readable names in `$defs` (Body, Action, Violation…) instead of zod's numbered ones. */
export function sceneJsonSchema(): Record<string, unknown> {
  const registry = z.registry<Meta>();
  const shape = SceneFile.shape;
  const body = shape.bodies.element;
  const violation = shape.violation.unwrap().unwrap().options[0];
  registry.add(SceneFile, {
    title: 'Surprise Lab scene',
    description: 'A violation-of-expectation scene: bodies, actions, an optional violation and the ranges its variants are drawn from. SI units, y up. Documented in scenes/README.md.',
  });
  registry.add(Num, { id: 'NumberOrExpression', description: 'A number, or an arithmetic expression over the params and pi: + - * / ( ) min() max() abs() sqrt() sin() cos() atan2() round() floor().' });
  registry.add(shape.id, { id: 'Id' });
  registry.add(shape.params.unwrap().valueType, { id: 'Param', description: 'A variation range; variants draw uniformly in [min, max] (in heldout, with --split heldout), the canonical scene uses default; diet names the training diet range it varies (src/scenes/dietRanges.ts).' });
  registry.add(body, { id: 'Body' });
  registry.add(body.shape.velocity.unwrap(), { id: 'Vector' });
  registry.add(shape.occluders.unwrap().element, { id: 'Occluder', description: 'A screen that hides bodies whose centre is inside it; no physics.' });
  registry.add(shape.occluders.unwrap().element.shape.moves.unwrap().element, { id: 'OccluderMove', description: 'From `at` for `duration` seconds the screen goes linearly to this rectangle (omitted fields keep their value).' });
  registry.add(shape.actions.unwrap().element, { id: 'Action' });
  registry.add(violation, { id: 'Violation', description: 'The magic, applied only in the impossible condition, from the frame its trigger fires. A scene has one, or a list of them, each with its own trigger.' });
  registry.add(violation.options[0].shape.trigger, { id: 'Trigger' });
  return z.toJSONSchema(SceneFile, { reused: 'ref', metadata: registry }) as Record<string, unknown>;
}

/** The schema as committed at scenes/scene.schema.json: two-space indent, final newline. */
export function sceneJsonSchemaText(): string {
  return `${JSON.stringify(sceneJsonSchema(), null, 2)}\n`;
}
