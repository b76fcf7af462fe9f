import { useSyncExternalStore } from 'react';

/**
 * Short confirmations ("Đã lưu") and failures, read out by screen readers through a live region.
 * A few lines instead of Ant Design's message service, which would weigh on the first screen.
 */
interface Toast {
  id: number;
  kind: 'success' | 'error';
  text: string;
}
let toasts: Toast[] = [];
let next = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

function push(kind: Toast['kind'], text: string): void {
  const id = next++;
  toasts = [...toasts.slice(-2), { id, kind, text }];
  emit();
  window.setTimeout(() => {
    toasts = toasts.filter((t) => t.id !== id);
    emit();
  }, kind === 'error' ? 8000 : 4000);
}

export const toast = {
  success: (text: string) => push('success', text),
  error: (text: string) => push('error', text),
};

export function Toasts() {
  const list = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => toasts,
  );
  return (
    <div className="toasts no-print" role="status" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`}>
          {t.text}
        </div>
      ))}
    </div>
  );
}
