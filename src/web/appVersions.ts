// The versions a recording cites: this app's (package.json), matter-js's (the library's own
// Matter.version) and TF.js's (its installed package.json: reading it does not load TF.js).
import Matter from 'matter-js';
import { version as APP_VERSION } from '../../package.json';
import { version as TFJS_VERSION } from '@tensorflow/tfjs/package.json';

export interface AppVersions { app: string; matter: string; tfjs: string }

export const APP_VERSIONS: AppVersions = {
  app: APP_VERSION,
  matter: String((Matter as unknown as { version?: string }).version ?? 'unknown'),
  tfjs: TFJS_VERSION,
};
