// Settings pages (service hours, SLA targets, routing, support hours) all load a document, edit a copy and PUT
// it back whole. The edited copy survives a refresh (drafts.ts) until saved; field errors come back by name.
import { useState } from 'preact/hooks';
import { api } from './api/client.ts';
import type { Me } from './api/types.ts';
import { draftKey, useEditedCopy } from './drafts.ts';
import { useLoad } from './hooks.ts';

export interface SettingsForm<T> {
  /** what is stored, or the edited copy */
  value: T | undefined;
  loadError: Error | undefined;
  dirty: boolean;
  saved: boolean;
  busy: boolean;
  error: unknown;
  edit(next: T): void;
  discard(): void;
  save(event?: Event): Promise<void>;
  /** loads what is stored again (after a change made elsewhere) */
  reload(): Promise<void>;
}

export function useSettingsForm<T>(path: string, user: Me, { load = () => api.get<T>(path), bodyOf = (value: T): unknown => value }: { load?: () => Promise<T>; bodyOf?: (value: T) => unknown } = {}): SettingsForm<T> {
  const stored = useLoad(load, [path]);
  const copy = useEditedCopy<T>(draftKey(user.id, `settings.${path}`), stored.data);
  const [error, setError] = useState<unknown>(undefined);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  return {
    value: copy.value,
    loadError: stored.error,
    dirty: copy.dirty,
    saved,
    busy,
    error,
    reload: stored.reload,
    edit(next) {
      setSaved(false);
      copy.edit(next);
    },
    discard() {
      setError(undefined);
      copy.discard();
    },
    async save(event) {
      event?.preventDefault();
      if (!copy.value) return;
      setBusy(true);
      setError(undefined);
      setSaved(false);
      try {
        stored.set(await api.put<T>(path, bodyOf(copy.value)));
        copy.discard();
        setSaved(true);
      } catch (caught) {
        setError(caught);
      } finally {
        setBusy(false);
      }
    },
  };
}
