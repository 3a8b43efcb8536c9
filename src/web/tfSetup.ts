// Starts TF.js on its wasm backend in the browser: the .wasm files are bundled by Vite (`?url`)
// and handed to setWasmPaths before the backend is chosen.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { useWasmBackend } from '../predictor/backend';

let started: Promise<void> | null = null;

/** Idempotent: the first call starts the backend, later calls wait for the same start. */
export function startTfWasm(): Promise<void> {
  started ??= (async () => {
    setWasmPaths({
      'tfjs-backend-wasm.wasm': plainWasm,
      'tfjs-backend-wasm-simd.wasm': simdWasm,
      'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
    });
    await useWasmBackend();
  })();
  return started;
}
