#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so services need no build step to manage their database.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
