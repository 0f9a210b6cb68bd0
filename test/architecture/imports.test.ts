import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every source file (tests left out) with the project files it imports. */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(SRC, f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)];
    graph.set(
      relative(SRC, file),
      specifiers.map((m) => relative(SRC, resolve(dirname(file), m[1] ?? '').replace(/\.js$/, '.ts'))),
    );
  }
  return graph;
}

/** The strongly connected components with more than one file (Tarjan): each is an import loop. */
function importLoops(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const loops: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) loops.push(component.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return loops;
}

describe('the house', () => {
  const graph = importGraph();

  it('has no import loop anywhere in src/', () => {
    expect(importLoops(graph)).toEqual([]);
  });

  it('finds a loop when there is one, so the check above can fail', () => {
    const looped = new Map(graph);
    looped.set('domain/core/money.ts', [
      ...(graph.get('domain/core/money.ts') ?? []),
      'domain/core/dates.ts',
    ]);
    looped.set('domain/core/dates.ts', [
      ...(graph.get('domain/core/dates.ts') ?? []),
      'domain/core/money.ts',
    ]);
    expect(importLoops(looped)).toContainEqual(['domain/core/dates.ts', 'domain/core/money.ts']);
  });

  it('keeps the domain pure: it imports only itself', () => {
    const outside = [...graph]
      .filter(([file]) => file.startsWith('domain/'))
      .flatMap(([file, deps]) => deps.filter((d) => !d.startsWith('domain/')).map((d) => `${file} -> ${d}`));
    expect(outside).toEqual([]);
  });

  it('keeps the command line off the HTTP layer: src/cli imports nothing from src/http', () => {
    const intoHttp = [...graph]
      .filter(([file]) => file.startsWith('cli/'))
      .flatMap(([file, deps]) => deps.filter((d) => d.startsWith('http/')).map((d) => `${file} -> ${d}`));
    expect(intoHttp).toEqual([]);
  });

  it('keeps src/domain in topic folders of at most 12 files, with no loose files', () => {
    const loose = readdirSync(join(SRC, 'domain'), { withFileTypes: true }).filter((e) => e.isFile());
    expect(loose.map((e) => e.name)).toEqual([]);
    const folders = new Map<string, number>();
    for (const file of graph.keys())
      if (file.startsWith('domain/')) folders.set(dirname(file), (folders.get(dirname(file)) ?? 0) + 1);
    for (const [folder, count] of folders) expect(count, folder).toBeLessThanOrEqual(12);
  });
});
