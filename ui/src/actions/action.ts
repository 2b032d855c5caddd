/**
 * User actions: one object per thing a user can do, with its label and shortcut. The toolbar,
 * the keyboard and the native menu all run the same action, so they cannot behave differently.
 */
import type { AppStore } from "../store/appStore";

export interface Shortcut {
  key: string;
  /** Ctrl on Linux and Windows, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
}

export interface Action {
  id: string;
  label: string;
  shortcut?: Shortcut;
  /** Whether the action can run now (disabled buttons and menu items otherwise). */
  enabled?: (store: AppStore) => boolean;
  perform: (store: AppStore, argument?: string) => Promise<unknown> | void;
  /** It acts on the symbols on the canvas: its shortcut does nothing while the canvas is not shown (comparison, preview). */
  onCanvas?: boolean;
}

/** A shortcut as people read it: `Ctrl+Shift+Z`. */
export function describeShortcut(shortcut: Shortcut): string {
  const key = shortcut.key.length === 1 ? shortcut.key.toUpperCase() : shortcut.key;
  return [shortcut.mod ? "Ctrl" : null, shortcut.shift ? "Shift" : null, key].filter(Boolean).join("+");
}

/** Whether a keyboard event is this shortcut. */
export function matches(shortcut: Shortcut, event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey">): boolean {
  const mod = event.ctrlKey || event.metaKey;
  return (
    event.key.toLowerCase() === shortcut.key.toLowerCase() && mod === Boolean(shortcut.mod) && event.shiftKey === Boolean(shortcut.shift)
  );
}
