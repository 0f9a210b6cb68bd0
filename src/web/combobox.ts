import { el } from './dom.js';

export interface Suggestion {
  readonly value: string;
  readonly label: string;
  readonly detail?: string;
}

/**
 * A text field that suggests as you type (ARIA 1.2 combobox with a listbox): arrows move, Enter picks, Escape
 * closes. The picked suggestion's value is kept apart from the text shown; text typed without picking is taken as
 * it is (a station or cargo code typed in full works without the list).
 */
export class Combobox {
  private items: Suggestion[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private picked: Suggestion | undefined;
  private asked = 0;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly source: (query: string) => Promise<Suggestion[]>,
    private readonly emptyText: () => string,
  ) {
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.autocomplete = 'off';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.addEventListener('input', () => {
      this.picked = undefined;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.search(), 120);
    });
    input.addEventListener('keydown', (event) => this.key(event));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  /** The picked value, else the text as typed. */
  value(): string {
    return this.picked?.value ?? this.input.value.trim();
  }

  set(suggestion: Suggestion): void {
    this.picked = suggestion;
    this.input.value = suggestion.label;
  }

  private async search(): Promise<void> {
    const query = this.input.value.trim();
    const ask = ++this.asked;
    if (query.length < 2) return this.close();
    let found: Suggestion[] = [];
    try {
      found = await this.source(query);
    } catch {
      found = [];
    }
    if (ask !== this.asked) return;
    this.items = found;
    this.active = -1;
    this.render();
  }

  private render(): void {
    this.list.replaceChildren();
    if (this.items.length === 0) {
      const text = this.emptyText();
      if (!text) {
        this.close();
        return;
      }
      this.list.append(
        el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true', 'aria-selected': 'false' }, text),
      );
    }
    this.items.forEach((item, i) => {
      const li = el(
        'li',
        { role: 'option', id: `${this.list.id}-${i}`, 'aria-selected': String(i === this.active) },
        el('span', {}, item.label),
        item.detail ? el('small', {}, ` ${item.detail}`) : undefined,
      );
      li.addEventListener('mousedown', (event) => {
        event.preventDefault();
        this.choose(i);
      });
      this.list.append(li);
    });
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `${this.list.id}-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private key(event: KeyboardEvent): void {
    if (this.list.hidden) {
      if (event.key === 'ArrowDown') void this.search();
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + step + this.items.length) % Math.max(this.items.length, 1);
      this.render();
    } else if (event.key === 'Enter' && this.active >= 0) {
      event.preventDefault();
      this.choose(this.active);
    } else if (event.key === 'Escape') this.close();
  }

  private choose(i: number): void {
    const item = this.items[i];
    if (item) this.set(item);
    this.close();
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }
}
