import { useEffect } from 'react';
import { session } from './session';

const ACTIVITY = ['keydown', 'pointerdown', 'touchstart', 'wheel'] as const;

/** Minutes without activity before sign-out, set by the server (WEB_IDLE_MINUTES) in index.html. */
export function idleMinutes(): number {
  const raw = document.querySelector('meta[name="cm-idle-minutes"]')?.getAttribute('content');
  const minutes = Number(raw);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 30;
}

/** Shared office computers: a login left alone ends by itself. */
export function useIdleSignOut(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const ms = idleMinutes() * 60_000;
    let timer = window.setTimeout(() => void session.signOut('idle'), ms);
    const reset = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void session.signOut('idle'), ms);
    };
    for (const e of ACTIVITY) window.addEventListener(e, reset, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, reset);
    };
  }, [active]);
}
