import { useEffect, useRef } from 'react';

/** Key → handler; a handler returns false when it did nothing (the key then keeps its default). */
export type KeyHandlers = Record<string, () => boolean | void>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.closest('input, textarea, select, [role="combobox"], [role="dialog"]')) return true;
  return false;
}

/**
 * Page-wide single-key shortcuts (j/k, ↑/↓, a …), ignored while typing or inside a dialog or drawer,
 * and with a modifier held.
 */
export function useRowKeyboard(handlers: KeyHandlers, enabled = true): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) return;
      const handler = latest.current[event.key];
      if (!handler) return;
      if (handler() !== false) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}
