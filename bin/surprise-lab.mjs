#!/usr/bin/env node
// The `surprise-lab` command: runs the TypeScript CLI (src/cli/main.ts) through tsx, in-process.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
