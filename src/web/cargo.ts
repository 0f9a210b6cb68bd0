import type { Suggestion } from './combobox.js';

/**
 * Cargo suggestions from GET /v1/cargo?q= where the service offers it. A service without that route (404) is
 * remembered and the field takes a typed ETSNG or GNG code as it is.
 */
let available = true;

interface CargoEntry {
  readonly etsng?: string;
  readonly code?: string;
  readonly gng?: string;
  readonly name?: string;
  readonly nameLocal?: string;
  readonly nameRu?: string;
}

export function cargoSuggestions(lang: () => string): (q: string) => Promise<Suggestion[]> {
  return async (q) => {
    if (!available) return [];
    const response = await fetch(`/v1/cargo?q=${encodeURIComponent(q)}&limit=8`, {
      headers: { accept: 'application/json' },
    });
    if (response.status === 404 || response.status === 405) {
      available = false;
      return [];
    }
    if (!response.ok) return [];
    const data: unknown = await response.json();
    const list = Array.isArray(data)
      ? data
      : ((data as { cargo?: unknown[]; items?: unknown[]; results?: unknown[] }).cargo ??
        (data as { items?: unknown[] }).items ??
        (data as { results?: unknown[] }).results ??
        []);
    return (list as CargoEntry[]).flatMap((c) => {
      const code = c.etsng ?? c.code ?? c.gng;
      if (!code) return [];
      const name = lang() === 'ru' ? (c.nameLocal ?? c.nameRu ?? c.name) : (c.name ?? c.nameLocal);
      return [{ value: code, label: name ? `${code} — ${name}` : code }];
    });
  };
}

/** The cargo part of a request from what was picked or typed: "693000", "693000 — Containers…", a GNG code. */
export function cargoOf(value: string): { etsng: string } | { gng: string } | undefined {
  const code = /^\s*(\d{6}|\d{8})\b/.exec(value)?.[1];
  if (!code) return undefined;
  return code.length === 8 ? { gng: code } : { etsng: code };
}
