#!/usr/bin/env node
import { existsSync } from 'node:fs';

// A .env file in the working directory, when there is one; variables already set win over it.
if (existsSync('.env')) process.loadEnvFile('.env');

// The HTTP app's modules load before the command line's, in the order the service and the tests load them: the
// OpenAPI document that `throughrate openapi` writes is then exactly the one the drift test expects.
const { openapi } = await import('../dist/src/openapi.js');
const { main } = await import('../dist/src/cli/main.js');

process.exitCode = await main(
  process.argv.slice(2),
  {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  },
  { openapi },
);
