// Deflection: a requester who opened a suggested guide and then left the new-ticket form without
// submitting was probably helped by the guide. The rules are pure; the page wires them to events.

export interface OpenedGuide {
  guide: string;
  section?: string;
}

/** Opening a suggestion in a new tab hides this one at once; that is not leaving. */
export const OPENING_GRACE_MS = 2_000;

export type LeaveReason = 'pagehide' | 'hidden' | 'route-change';

export interface DeflectionTracker {
  opened(guide: OpenedGuide, now: number): void;
  submitted(): void;
  /** The deflection to record now, at most once per form, or undefined. */
  leaving(reason: LeaveReason, now: number): OpenedGuide | undefined;
}

/** Guide slug and section anchor from a suggestion's URL (/guides/<slug>/#<anchor>). */
export function guideFromUrl(url: string): OpenedGuide | undefined {
  const parsed = new URL(url, 'https://site.invalid');
  const slug = parsed.pathname.match(/^\/guides\/([a-z0-9][a-z0-9-]{0,99})\/?$/)?.[1];
  if (!slug) return undefined;
  const section = decodeURIComponent(parsed.hash.slice(1));
  return /^[a-z0-9][a-z0-9_-]{0,149}$/.test(section) ? { guide: slug, section } : { guide: slug };
}

export function createDeflectionTracker(): DeflectionTracker {
  let last: OpenedGuide | undefined;
  let openedAt = -Infinity;
  let done = false;
  return {
    opened(guide, now) {
      last = guide;
      openedAt = now;
    },
    submitted() {
      done = true;
    },
    leaving(reason, now) {
      if (done || !last) return undefined;
      if (reason === 'hidden' && now - openedAt < OPENING_GRACE_MS) return undefined;
      done = true;
      return last;
    },
  };
}
