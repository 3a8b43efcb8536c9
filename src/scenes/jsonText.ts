// The one JSON reader for files from outside (scenes, checkpoints, recordings), in the CLI and the
// browser alike: bytes decoded as a browser's File.text() does (UTF-8, or UTF-16 by its byte-order
// mark), nesting bounded, and duplicate or `__proto__` keys refused instead of silently dropped.

/** Deeper nesting than this is refused before JSON.parse, so hostile files cannot exhaust the stack. */
export const MAX_JSON_DEPTH = 24;

/** A problem with the JSON text itself: `path` is a JSON path like `bodies[2]` ('' for the whole file). */
export class JsonTextError extends Error {
  constructor(readonly path: string, readonly what: string) {
    super(`${path ? `${path}: ` : ''}${what}`);
    this.name = 'JsonTextError';
  }
}

/** Bytes to text as the Encoding standard's "decode" does (and so File.text() in the browser):
 * a UTF-16 byte-order mark selects UTF-16, a UTF-8 one is dropped, anything else is UTF-8. */
export function decodeJsonBytes(bytes: Uint8Array): string {
  const b0 = bytes[0], b1 = bytes[1];
  let encoding = 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) encoding = 'utf-16le';
  else if (b0 === 0xfe && b1 === 0xff) encoding = 'utf-16be';
  // TextDecoder drops the byte-order mark it was told about.
  return new TextDecoder(encoding).decode(bytes);
}

interface Level { isObject: boolean; keys: Set<string> | null; key: string; index: number; expectKey: boolean }

function pathOf(stack: readonly Level[]): string {
  let out = '';
  for (const l of stack.slice(0, -1)) {
    if (!l.isObject) out += `[${l.index}]`;
    else out += /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(l.key) ? (out ? `.${l.key}` : l.key) : `[${JSON.stringify(l.key)}]`;
  }
  return out;
}

/** Scans JSON text (before JSON.parse) for nesting deeper than `maxDepth`, a key given twice in one
 * object, and a `__proto__` key; throws JsonTextError naming the object's JSON path. Text that is not
 * JSON is left for JSON.parse to refuse. Linear in the text, one pass. */
export function checkJsonStructure(text: string, maxDepth = MAX_JSON_DEPTH): void {
  const stack: Level[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) {
      // A string: find its end, then decide whether it is a key.
      const start = i + 1;
      let escaped = false;
      for (i = start; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 92) { i++; escaped = true; } else if (c === 34) break;
      }
      const top = stack[stack.length - 1];
      if (top?.isObject && top.expectKey) {
        const raw = text.slice(start, i);
        let key = raw;
        if (escaped) { try { key = JSON.parse(`"${raw}"`) as string; } catch { return; } }
        top.expectKey = false;
        top.key = key;
        if (key === '__proto__') throw new JsonTextError(pathOf(stack), 'unknown key "__proto__" (never allowed: it would be dropped or change prototypes)');
        top.keys ??= new Set();
        if (top.keys.has(key)) throw new JsonTextError(pathOf(stack) || '', `the key ${JSON.stringify(key)} appears twice in one object`);
        top.keys.add(key);
      }
    } else if (ch === 123 || ch === 91) {
      if (stack.length >= maxDepth) throw new JsonTextError('', `nested more than ${maxDepth} levels deep`);
      const top = stack[stack.length - 1];
      if (top) top.expectKey = false;
      stack.push({ isObject: ch === 123, keys: null, key: '', index: 0, expectKey: ch === 123 });
    } else if (ch === 125 || ch === 93) {
      stack.pop();
    } else if (ch === 44) {
      const top = stack[stack.length - 1];
      if (top?.isObject) top.expectKey = true;
      else if (top) top.index++;
    }
  }
}

/** JSON text → value, after checkJsonStructure; throws JsonTextError (with V8's reason for bad JSON). */
export function parseJsonText(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  checkJsonStructure(text, maxDepth);
  try {
    return JSON.parse(text);
  } catch (e) {
    // V8 quotes the offending text, newlines included: keep the message on one line.
    throw new JsonTextError('', `not valid JSON (${(e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ')})`);
  }
}
