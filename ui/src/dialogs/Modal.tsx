/**
 * A modal dialog over the window: labelled by its title, Escape cancels, Tab stays inside, and
 * focus returns where it was when it closes. While `busy`, Escape does nothing (the work in
 * progress cannot be cancelled) and the dialog itself holds the focus, its buttons being disabled.
 */
import { useEffect, useId, useRef, type ReactNode } from "react";

const FOCUSABLE = "button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [href], [tabindex]:not([tabindex='-1'])";

export interface ModalProps {
  title: string;
  /** Escape (unless busy). */
  onCancel: () => void;
  busy?: boolean;
  /** Changes when the dialog shows another step: focus then moves to the step's first control. */
  step?: string;
  testId?: string;
  children: ReactNode;
}

export function Modal({ title, onCancel, busy = false, step, testId, children }: ModalProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  useEffect(() => {
    const root = dialog.current;
    if (!root) return;
    const wanted = root.querySelector<HTMLElement>("[data-autofocus]:not(:disabled)") ?? root.querySelector<HTMLElement>(FOCUSABLE);
    (busy ? root : (wanted ?? root)).focus();
  }, [step, busy]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (!busy) onCancel();
      return;
    }
    if (event.key !== "Tab" || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (focusable.length === 0) {
      event.preventDefault();
      return;
    }
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="modal__backdrop">
      <div
        ref={dialog}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-busy={busy}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="modal__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
