import { resolve } from 'node:path';
import { type Config, loadConfig } from '../config.js';
import { type CliIo, UsageError } from './io.js';

/** The configuration of the command's environment, read by loadConfig as the server reads it. */
export function cliConfig(io: CliIo): Config {
  try {
    return loadConfig(io.env);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** The rules directory a command works on: the one given on its command line, else RULES_DIR, else the bundled. */
export function rulesDirFor(io: CliIo, given?: string): string {
  return given === undefined ? cliConfig(io).rulesDir : resolve(given);
}
