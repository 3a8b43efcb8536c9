// Selects TF.js's wasm backend (Node and browser alike); the browser shell sets the wasm paths first.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

export async function useWasmBackend(): Promise<void> {
  if (tf.getBackend() === 'wasm') return;
  const ok = await tf.setBackend('wasm');
  if (!ok) throw new Error('TF.js could not start its wasm backend');
  await tf.ready();
}
