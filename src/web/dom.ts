/** A small DOM builder: el('td', { class: 'num' }, '12'), children as nodes or text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | undefined> = {},
  ...children: (Node | string | undefined)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes))
    if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child !== undefined) node.append(child);
  return node;
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing from the page`);
  return node as T;
}

/** An SVG string (from the chart module) as a node. */
export function svg(markup: string): Node {
  const holder = document.createElement('div');
  holder.className = 'chart-holder';
  holder.innerHTML = markup;
  return holder;
}

export function table(
  header: readonly string[],
  rows: readonly (readonly (string | Node)[])[],
  caption?: string,
): HTMLTableElement {
  const t = el('table');
  if (caption) t.append(el('caption', {}, caption));
  t.append(el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, h)))));
  const body = el('tbody');
  for (const row of rows)
    body.append(
      el(
        'tr',
        {},
        ...row.map((cell) =>
          typeof cell === 'string'
            ? el('td', { class: /^[−+\d\u202f .%—-]+( [A-Z]{3})?$/.test(cell) ? 'num' : undefined }, cell)
            : el('td', {}, cell),
        ),
      ),
    );
  t.append(body);
  return t;
}
