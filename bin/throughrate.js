#!/usr/bin/env node
import { main } from '../dist/src/cli/main.js';
import { openapi } from '../dist/src/openapi.js';

process.exitCode = await main(
  process.argv.slice(2),
  {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  },
  { openapi },
);
