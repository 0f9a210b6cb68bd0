#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { main } from '../dist/src/cli/main.js';

// A .env file in the working directory, when there is one; variables already set win over it.
if (existsSync('.env')) process.loadEnvFile('.env');

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
