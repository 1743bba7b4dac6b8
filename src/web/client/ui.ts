import { html } from "htm/preact";
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "./api.js";

export { html };

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload: () => void;
}

/** Loads once per change of `deps`, and again on reload(); a late answer to an old request is dropped. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: Error; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, loading: false }),
      (error: Error) => live && setState({ error, loading: false }),
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  return { data: state.data, error: state.error, loading: state.loading, reload: useCallback(() => setTick((n) => n + 1), []) };
}

/** Runs an action (a POST) and keeps its error to show it next to the form. */
export function useAction(): { busy: boolean; error: Error | undefined; run: (action: () => Promise<unknown>) => Promise<boolean>; clear: () => void } {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | undefined>();
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      setError(e as Error);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(undefined) };
}

/** The page title in the tab and a focused <h1>, so a screen reader hears where a link led. */
export function PageTitle({ children, text }: { children?: ComponentChildren; text: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${text} · Vetrina delle opportunità`;
    ref.current?.focus();
  }, [text]);
  return html`<h1 tabindex="-1" ref=${ref}>${children ?? text}</h1>`;
}

export function ErrorBox({ error }: { error: Error | undefined }) {
  if (!error) return null;
  const fields = error instanceof ApiError ? error.fields : [];
  return html`<div class="error" role="alert">
    <p>${error.message}</p>
    ${fields.length > 0 && html`<ul>${fields.map((f) => html`<li><code>${f.field}</code>: ${f.message}</li>`)}</ul>`}
  </div>`;
}

export function Loading({ what }: { what: string }) {
  return html`<p class="loading" role="status">Caricamento ${what}…</p>`;
}

/** The three states of a loaded thing: waiting, refused, shown. */
export function Show<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (data: T) => ComponentChildren }) {
  if (loaded.error) return html`<${ErrorBox} error=${loaded.error} />`;
  if (loaded.data === undefined) return html`<${Loading} what=${what} />`;
  return html`${children(loaded.data)}`;
}

export const formatDate = (iso: string | null | undefined): string =>
  iso ? new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso).toLocaleDateString("it-IT", { day: "numeric", month: "long", year: "numeric" }) : "—";

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleString("it-IT", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }) : "—";

export const formatNumber = (n: number | null | undefined, digits = 1): string =>
  n === null || n === undefined ? "—" : n.toLocaleString("it-IT", { maximumFractionDigits: digits });

export interface Suggestion {
  code: string;
  label: string;
}

let autocompleteIds = 0;

/**
 * A text field with suggestions from a look-up route (/occupations, /competences, /comuni): the user picks a
 * label from the browser's own list (a native <datalist>, keyboard and screen readers included) and the field
 * reports the code behind it.
 */
export function Autocomplete(props: {
  label: string;
  name: string;
  /** The look-up: the suggestions for what was typed. */
  lookup: (q: string) => Promise<Suggestion[]>;
  onPick: (picked: Suggestion | null, typed: string) => void;
  initial?: string;
  hint?: string;
  required?: boolean;
}) {
  const [id] = useState(() => `ac-${++autocompleteIds}`);
  const [text, setText] = useState(props.initial ?? "");
  const [options, setOptions] = useState<Suggestion[]>([]);
  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) return;
    const timer = setTimeout(() => {
      props.lookup(q).then(setOptions, () => setOptions([]));
    }, 150);
    return () => clearTimeout(timer);
  }, [text]);
  const onInput = (value: string) => {
    setText(value);
    const picked = options.find((o) => o.label === value) ?? null;
    props.onPick(picked, value);
  };
  return html`<div class="field">
    <label for=${id}>${props.label}</label>
    <input id=${id} name=${props.name} list=${`${id}-list`} value=${text} autocomplete="off" required=${props.required}
      aria-describedby=${props.hint ? `${id}-hint` : undefined} onInput=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />
    ${props.hint && html`<p class="hint" id=${`${id}-hint`}>${props.hint}</p>`}
    <datalist id=${`${id}-list`}>${options.map((o) => html`<option value=${o.label}></option>`)}</datalist>
  </div>`;
}

/** A labelled form field: the label is always there, the hint tied to the input. */
export function Field(props: { label: string; id: string; hint?: string; children: ComponentChildren }) {
  return html`<div class="field">
    <label for=${props.id}>${props.label}</label>
    ${props.children}
    ${props.hint && html`<p class="hint" id=${`${props.id}-hint`}>${props.hint}</p>`}
  </div>`;
}

export const inputValue = (e: Event): string => (e.target as HTMLInputElement).value;
