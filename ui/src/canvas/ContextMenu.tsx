/**
 * The canvas context menu: the actions that apply to what was right-clicked, with their
 * shortcuts. It runs the same action objects as the keyboard and the native menu.
 */
import { useEffect, useRef } from "react";
import { describeShortcut, type Action } from "../actions/action";
import type { AppStore } from "../store/appStore";

export interface MenuRequest {
  x: number;
  y: number;
  actions: Action[];
}

export function ContextMenu({ store, request, onClose }: { store: AppStore; request: MenuRequest; onClose: () => void }) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>("button:not(:disabled)")?.focus();
    const close = (event: Event) => {
      if (!(event.target instanceof Node) || !menu.current?.contains(event.target)) onClose();
    };
    const escape = (event: KeyboardEvent) => event.key === "Escape" && onClose();
    window.addEventListener("pointerdown", close, true);
    window.addEventListener("keydown", escape, true);
    return () => {
      window.removeEventListener("pointerdown", close, true);
      window.removeEventListener("keydown", escape, true);
    };
  }, [onClose]);
  return (
    <div ref={menu} className="context-menu" role="menu" style={{ left: request.x, top: request.y }} data-testid="context-menu">
      {request.actions.map((action) => (
        <button
          key={action.id}
          type="button"
          role="menuitem"
          className="context-menu__item"
          disabled={action.enabled ? !action.enabled(store) : false}
          onClick={() => {
            onClose();
            void action.perform(store);
          }}
        >
          <span>{action.label}</span>
          {action.shortcut && <kbd>{describeShortcut(action.shortcut)}</kbd>}
        </button>
      ))}
    </div>
  );
}
