// Text a person is writing (a new ticket, a reply, an internal note) survives a refresh, a closed tab or a
// detour to another page: it is kept in this browser's localStorage per user and place, restored on return,
// and removed once sent. Leaving a page with unsent text asks first (beforeunload, and links inside the app).
import { useEffect, useRef, useState } from 'preact/hooks';

const PREFIX = 'hpc-support.draft.';

export const draftKey = (userId: string, place: string): string => `${PREFIX}${userId}.${place}`;

export function readDraft<T>(key: string, storage: Storage = localStorage): T | undefined {
  try {
    return (JSON.parse(storage.getItem(key) ?? 'null') as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores the draft, or removes it when there is nothing worth keeping. */
export function saveDraft<T>(key: string, value: T, worthKeeping: boolean, storage: Storage = localStorage): void {
  try {
    if (worthKeeping) storage.setItem(key, JSON.stringify(value));
    else storage.removeItem(key);
  } catch {
    // Storage full or refused (private mode): the text stays on the page, only the safety net is missing.
  }
}

/** Pages with unsent text; links inside the app ask before leaving while any says so. */
const unsaved = new Set<() => boolean>();

export function hasUnsavedText(): boolean {
  return [...unsaved].some((check) => check());
}

export const LEAVE_QUESTION = 'You have text that is not sent yet, or changes not saved. Leave this page? Your draft stays in this browser and comes back when you return.';

/** Asks before an in-app navigation would leave unsent text; true to go ahead. */
export function mayLeave(): boolean {
  return !hasUnsavedText() || confirm(LEAVE_QUESTION);
}

/**
 * Registers a page's unsaved state: links inside the app and closing or reloading the tab ask first while
 * `isDirty()` says so.
 */
export function useLeaveGuard(isDirty: () => boolean): void {
  const check = useRef(isDirty);
  check.current = isDirty;
  useEffect(() => {
    const dirty = () => check.current();
    unsaved.add(dirty);
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    addEventListener('beforeunload', onBeforeUnload);
    return () => {
      unsaved.delete(dirty);
      removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);
}

/**
 * A draft kept under `key`: the value (restored from storage on first render), a setter that saves it, and
 * `clear()` for when it has been sent. `hasText` says whether the value holds anything a person typed.
 */
export function useDraft<T>(key: string, empty: T, hasText: (value: T) => boolean): [T, (next: T) => void, () => void] {
  const [value, setValue] = useState<T>(() => ({ ...empty, ...readDraft<T>(key) }) as T);
  const dirty = useRef(hasText(value));
  dirty.current = hasText(value);
  useLeaveGuard(() => dirty.current);
  const update = (next: T) => {
    dirty.current = hasText(next);
    saveDraft(key, next, dirty.current);
    setValue(next);
  };
  const clear = () => {
    dirty.current = false;
    saveDraft(key, empty, false);
    setValue(empty);
  };
  return [value, update, clear];
}

/**
 * Unsaved edits of something stored (settings): the edited copy is kept under `key` until saved, so a refresh
 * or a detour keeps it, and leaving asks first. `value` is the edited copy, or what is stored when nothing is
 * edited; `dirty` says whether they differ.
 */
export function useEditedCopy<T>(key: string, stored: T | undefined): { value: T | undefined; dirty: boolean; edit(next: T): void; discard(): void } {
  const [edited, setEdited] = useState<T | undefined>(() => readDraft<T>(key));
  const dirty = edited !== undefined && stored !== undefined && JSON.stringify(edited) !== JSON.stringify(stored);
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;
  useLeaveGuard(() => dirtyNow.current);
  return {
    // Nothing to edit until what is stored has loaded: the copy is judged (and saved) against it.
    value: stored === undefined ? undefined : edited ?? stored,
    dirty,
    edit(next) {
      saveDraft(key, next, true);
      setEdited(next);
    },
    discard() {
      saveDraft(key, undefined, false);
      setEdited(undefined);
    },
  };
}
