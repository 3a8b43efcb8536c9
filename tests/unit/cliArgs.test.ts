// The CLI's argument parser: both flag forms, switches, positionals, and clear errors.
import { describe, expect, it } from 'vitest';
import { choiceFlag, editDistance, integerFlag, parseArgs, type ArgsSpec } from '../../src/cli/args';
import { UsageError } from '../../src/cli/errors';

const spec: ArgsSpec = {
  command: 'demo',
  flags: [
    { name: 'scene', kind: 'string', required: true, description: '' },
    { name: 'seed', kind: 'string', description: '' },
    { name: 'dry', kind: 'switch', description: '' },
  ],
  positionals: { name: 'FILE', min: 0, max: 2 },
};

const usageError = (argv: string[]): string => {
  try {
    parseArgs(argv, spec);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
};

describe('parseArgs', () => {
  it('reads --flag value, --flag=value, switches and positionals', () => {
    const a = parseArgs(['--scene', 'a.json', '--seed=-3', '--dry', 'x', '--', '--not-a-flag'], spec);
    expect(a.values.get('scene')).toBe('a.json');
    expect(a.values.get('seed')).toBe('-3');
    expect(a.values.get('dry')).toBe('true');
    expect(a.positionals).toEqual(['x', '--not-a-flag']);
    expect(parseArgs(['--scene', 'a', '--seed', '-3'], spec).values.get('seed')).toBe('-3');
  });

  it('rejects unknown flags, suggesting a near one', () => {
    expect(usageError(['--scene', 'a', '--sede', '1'])).toBe('unknown flag --sede for "demo"; did you mean --seed?');
    expect(usageError(['--scene', 'a', '--colour', '1'])).toMatch(/^unknown flag --colour for "demo" \(known: --scene, --seed, --dry\)$/);
    expect(usageError(['-x'])).toMatch(/^unknown option -x/);
  });

  it('rejects a missing value, a repeated flag, a value on a switch, a missing required flag, extra positionals', () => {
    expect(usageError(['--scene'])).toBe('--scene needs a value');
    expect(usageError(['--scene', '--dry'])).toBe('--scene needs a value');
    expect(usageError(['--scene='])).toBe('--scene needs a value');
    expect(usageError(['--scene', 'a', '--scene', 'b'])).toBe('--scene is given more than once');
    expect(usageError(['--scene', 'a', '--dry=yes'])).toBe('--dry takes no value');
    expect(usageError(['--seed', '1'])).toBe('--scene is required');
    expect(usageError(['--scene', 'a', '1', '2', '3'])).toBe('too many arguments (at most 2)');
  });

  it('lets --help through without the required flags', () => {
    expect(parseArgs(['--help'], spec).help).toBe(true);
    expect(parseArgs(['-h'], spec).help).toBe(true);
  });

  it('converts whole numbers and choices with range checks', () => {
    const a = parseArgs(['--scene', 'ok', '--seed', '42'], spec);
    expect(integerFlag(a, 'seed', 0, 100)).toBe(42);
    expect(integerFlag(a, 'missing', 0, 100)).toBeUndefined();
    expect(() => integerFlag(a, 'seed', 0, 10)).toThrow('--seed expects a whole number from 0 to 10, got 42');
    for (const bad of ['1.5', '1e3', 'abc', '0x10', '99999999999999999999']) {
      const b = parseArgs(['--scene', 'ok', '--seed', bad], spec);
      expect(() => integerFlag(b, 'seed', 0, 2 ** 32)).toThrow(UsageError);
    }
    expect(choiceFlag(a, 'scene', ['ok', 'fine'])).toBe('ok');
    expect(() => choiceFlag(a, 'scene', ['possible', 'impossible'])).toThrow('--scene expects one of possible, impossible, got "ok"');
  });

  it('measures edit distance, a swap of neighbours counting as one edit', () => {
    expect(editDistance('seed', 'sede')).toBe(1);
    expect(editDistance('scene', 'sede')).toBe(2);
    expect(editDistance('frames', 'frams')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
