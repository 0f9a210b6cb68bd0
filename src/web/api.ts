/** Calls to the service's own API; a problem+json answer becomes an ApiError with its detail and pointers. */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: {
      title?: string;
      detail?: string;
      code?: string;
      errors?: { pointer: string; detail: string }[];
      suggestions?: string[];
    },
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  describe(): string {
    const parts = [this.message];
    for (const e of this.problem.errors ?? []) parts.push(`${e.pointer}: ${e.detail}`);
    if (this.problem.suggestions?.length) parts.push(`→ ${this.problem.suggestions.join(', ')}`);
    return parts.join(' · ');
  }
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  return answer<T>(response);
}

/** A document the key may read, fetched with it and opened from memory (a plain link cannot send the key). */
export async function openWithKey(path: string, headers: Record<string, string>): Promise<void> {
  const response = await fetch(path, { headers });
  if (!response.ok) await answer(response);
  const url = URL.createObjectURL(await response.blob());
  window.open(url, '_blank', 'noopener');
}

export async function postJson<T>(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return answer<T>(response);
}

async function answer<T>(response: Response): Promise<T> {
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : {};
  } catch {
    data = { detail: text.slice(0, 200) };
  }
  if (!response.ok) throw new ApiError(response.status, (data ?? {}) as ApiError['problem']);
  return data as T;
}
