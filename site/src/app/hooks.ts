// Loading data for a page (the value, the error, and a way to load again), and editing a setting in a form.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { isProblem } from './api/client.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): Promise<void>;
  set(data: T): void;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const run = useCallback(async () => {
    setLoading(true);
    try {
      setData(await load());
      setError(undefined);
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setLoading(false);
    }
  }, deps);
  useEffect(() => { void run(); }, [run]);
  return { data, error, loading, reload: run, set: setData };
}

export interface EditedDraft<D> {
  /** undefined while loading */
  draft: D | undefined;
  loadError: unknown;
  /** the last save's error (problem+json fields are shown beside their inputs) */
  error: unknown;
  saved: boolean;
  update(patch: Partial<D>): void;
  /** The form's submit handler: stores the draft with `store` and shows what came back. */
  submit(store: (draft: D) => Promise<D>): (event: Event) => Promise<void>;
}

/**
 * A setting of the signed-in person edited in a form: loaded into a draft (`whenMissing()` when there is none yet,
 * a 404), changed field by field, saved back; a change after saving clears "saved".
 */
export function useEditedDraft<D>(load: () => Promise<D>, whenMissing: () => D): EditedDraft<D> {
  const [draft, setDraft] = useState<D | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    load().then(setDraft, (caught) => (isProblem(caught, 'not-found') ? setDraft(whenMissing()) : setLoadError(caught)));
  }, []);
  return {
    draft, loadError, error, saved,
    update(patch) {
      setSaved(false);
      setDraft({ ...draft!, ...patch });
    },
    submit: (store) => async (event) => {
      event.preventDefault();
      setError(undefined);
      try {
        setDraft(await store(draft!));
        setSaved(true);
      } catch (caught) {
        setError(caught);
      }
    },
  };
}
