// A scene carried inside a link: its JSON text compressed with the platform's CompressionStream
// ('deflate-raw') and written in base64url, so the playground, the Experiment screen and the
// studio open a scene nobody uploaded anywhere. The link parameter is declared in queryParams.ts.

/** Longest encoded scene a link carries (characters): links past ~8,000 characters are cut by some
 * servers, mail and chat programs; a bigger scene is shared as a file. */
export const MAX_SCENE_LINK_CHARS = 8000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('a shared scene is written with letters, digits, - and _ only');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(b64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The scene text, compressed and encoded for a link; an error when it would pass the limit. */
export async function encodeSceneLink(sceneText: string): Promise<string> {
  const encoded = toBase64Url(await pipe(new TextEncoder().encode(sceneText), new CompressionStream('deflate-raw')));
  if (encoded.length > MAX_SCENE_LINK_CHARS) {
    throw new Error(`this scene needs ${encoded.length} characters in a link; a link carries at most ${MAX_SCENE_LINK_CHARS}. Share it as a file (Export) instead.`);
  }
  return encoded;
}

/** The scene text a link carries; an error saying what is wrong with a damaged one. */
export async function decodeSceneLink(encoded: string): Promise<string> {
  if (encoded.length > MAX_SCENE_LINK_CHARS) throw new Error(`the shared scene is ${encoded.length} characters long; at most ${MAX_SCENE_LINK_CHARS} are read`);
  let bytes: Uint8Array;
  try {
    bytes = await pipe(fromBase64Url(encoded), new DecompressionStream('deflate-raw'));
  } catch (e) {
    throw new Error(`the shared scene in this link is damaged or cut short (${e instanceof Error ? e.message : String(e)})`);
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}
