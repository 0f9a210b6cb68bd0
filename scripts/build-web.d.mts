/** Builds the browser pages into outDir (default dist/web) and returns the directory. */
export function buildWeb(outDir?: string): Promise<string>;
