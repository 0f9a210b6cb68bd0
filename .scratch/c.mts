import { main } from '../src/cli/main.ts';

const io = { stdout: process.stdout, stderr: process.stderr, env: process.env } as never;
process.exitCode = await main(process.argv.slice(2), io);
