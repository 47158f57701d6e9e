// Generic keeping of unsaved input across a lock, without touching other features' forms: it watches the
// main area for fields the tutor typed into, snapshots them when the tablet locks, and types them back into
// the same route for the same tutor after unlock (through the native setters, so React sees the input).
// A field inside `[data-draft-scope=X]` (an editor opened by a button) is kept with a marker, and on restore
// the button `[data-draft-reopen=X]` is pressed first when that editor is not open: two attributes are all a
// feature adds to have its pop-up editor come back.
import type { DraftField } from '../../db/repos/drafts';

type FieldEl = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const OPEN = '@open:';
const SKIP_TYPES = new Set(['password', 'hidden', 'file', 'submit', 'button', 'reset', 'image']);

function isField(el: EventTarget | null): el is FieldEl {
  if (!(el instanceof HTMLElement)) return false;
  if (el.closest('[data-no-draft]')) return false;
  if (el instanceof HTMLInputElement) return !SKIP_TYPES.has(el.type);
  return el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

function baseKey(el: FieldEl): string {
  const label = el.labels?.[0]?.textContent?.trim();
  const name = el.getAttribute('name') || el.getAttribute('aria-label') || label || el.tagName.toLowerCase();
  return `${el.tagName.toLowerCase()}:${name}`;
}

/** Every draftable field of `root` with a stable key (duplicates numbered in document order). */
export function fieldsByKey(root: ParentNode): Map<string, FieldEl> {
  const out = new Map<string, FieldEl>();
  const seen = new Map<string, number>();
  for (const el of root.querySelectorAll('input, textarea, select')) {
    if (!isField(el)) continue;
    const base = baseKey(el);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.set(n === 0 ? base : `${base}#${n}`, el);
  }
  return out;
}

/** Remembers which fields the tutor typed into since the screen showed; a submit counts as saved. */
export class TouchTracker {
  private touched = new WeakSet<Element>();
  constructor(private root: HTMLElement) {
    root.addEventListener('input', this.onInput, true);
    root.addEventListener('change', this.onInput, true);
    root.addEventListener('submit', this.onSubmit, true);
  }
  private onInput = (e: Event) => {
    if (isField(e.target)) this.touched.add(e.target);
  };
  private onSubmit = () => {
    this.touched = new WeakSet();
  };
  dispose() {
    this.root.removeEventListener('input', this.onInput, true);
    this.root.removeEventListener('change', this.onInput, true);
    this.root.removeEventListener('submit', this.onSubmit, true);
  }
  /** The typed, unsaved fields now in the area (plus a marker per editor scope they sit in). */
  snapshot(): DraftField[] {
    const out: DraftField[] = [];
    const scopes = new Set<string>();
    for (const [key, el] of fieldsByKey(this.root)) {
      if (!this.touched.has(el)) continue;
      const scope = el.closest('[data-draft-scope]')?.getAttribute('data-draft-scope');
      const before = out.length;
      const isCheck = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      if (isCheck) out.push({ key, value: el.checked });
      else if (el.value !== '') out.push({ key, value: el.value });
      if (scope && out.length > before) scopes.add(scope);
    }
    return out.length ? [...[...scopes].map((x) => ({ key: `${OPEN}${x}`, value: true })), ...out] : out;
  }
}

function setNativeValue(el: FieldEl, value: string) {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Type the draft back in; returns how many of its fields are now showing their kept value. */
export function applyDraft(root: ParentNode, fields: readonly DraftField[]): number {
  const els = fieldsByKey(root);
  let shown = 0;
  for (const f of fields) {
    if (f.key.startsWith(OPEN)) {
      const scope = f.key.slice(OPEN.length);
      const having = (attr: string) =>
        [...root.querySelectorAll<HTMLElement>(`[${attr}]`)].find((e) => e.getAttribute(attr) === scope);
      if (having('data-draft-scope')) shown++;
      else having('data-draft-reopen')?.click();
      continue;
    }
    const el = els.get(f.key);
    if (!el) continue;
    if (typeof f.value === 'boolean') {
      if (el instanceof HTMLInputElement && el.checked !== f.value) el.click();
      if (el instanceof HTMLInputElement && el.checked === f.value) shown++;
    } else {
      if (el.value !== f.value) setNativeValue(el, f.value);
      if (el.value === f.value) shown++;
    }
  }
  return shown;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Restore once the screen has loaded: waits for the fields to appear, types the values, and types them again
 * if the screen's own loading overwrote them. Resolves true when every field shows its kept value.
 */
export async function restoreWhenReady(
  root: () => ParentNode | null,
  fields: readonly DraftField[],
  timeoutMs = 5000,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  let stableRounds = 0;
  while (Date.now() < until) {
    const el = root();
    const shown = el ? applyDraft(el, fields) : 0;
    stableRounds = shown === fields.length ? stableRounds + 1 : 0;
    if (stableRounds >= 3) return true;
    await wait(100);
  }
  return false;
}
