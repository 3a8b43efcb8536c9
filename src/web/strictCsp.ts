// Lets the pages run under their strict Content Security Policy (no eval): pixi.js draws with
// its eval-free shader and uniform code, and zod validates without compiling functions (its
// probe for eval would itself be reported as a violation). Imported first by every page entry.
import 'pixi.js/unsafe-eval';
import { z } from 'zod';

z.config({ jitless: true });
