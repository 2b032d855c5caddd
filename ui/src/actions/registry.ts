/**
 * All actions, and the two ways besides buttons to reach them: keyboard shortcuts and the native
 * menu. Where a native menu exists it owns the shortcuts it lists (GTK consumes those keys before
 * the page sees them), and when a text field has focus the menu's edit items act on the text.
 */
import type { MenuEvent } from "../bindings";
import type { AppStore } from "../store/appStore";
import { matches, type Action } from "./action";
import { copy, cut, duplicate, pasteAction } from "./clipboard";
import { exportPng, exportSvg } from "./exportImage";
import { exportReport } from "./exportReport";
import { NUDGES, deleteSelection, deleteSelectionBackspace, redo, redoAlternative, selectAll, undo } from "./editing";
import { exportJson, importJson, newDocument, openDocument, openExample, openRecent, saveAs } from "./files";

export const ACTIONS: Action[] = [
  newDocument,
  openDocument,
  openRecent,
  openExample,
  saveAs,
  importJson,
  exportJson,
  undo,
  redo,
  redoAlternative,
  deleteSelection,
  deleteSelectionBackspace,
  selectAll,
  copy,
  cut,
  pasteAction,
  duplicate,
  exportPng,
  exportSvg,
  exportReport,
  ...NUDGES,
];

const MENU_ACTIONS: Record<MenuEvent["action"], Action> = {
  new: newDocument,
  open: openDocument,
  open_recent: openRecent,
  open_example: openExample,
  save_as: saveAs,
  import_json: importJson,
  export_json: exportJson,
  export_png: exportPng,
  export_svg: exportSvg,
  export_report: exportReport,
  undo,
  redo,
  delete: deleteSelection,
  select_all: selectAll,
};

/** The text-editing command a menu edit item means inside a text field. */
const TEXT_COMMANDS: Partial<Record<MenuEvent["action"], string>> = {
  undo: "undo",
  redo: "redo",
  delete: "delete",
  select_all: "selectAll",
};

/** Whether the keyboard focus is in something that edits text. */
export function isTextTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Runs the action a key press means; returns whether it was one. */
export function handleKeyDown(store: AppStore, event: KeyboardEvent): boolean {
  // A modal dialog has the keyboard: nothing behind it may change meanwhile.
  if (store.getState().dialog || isTextTarget(event.target)) return false;
  // Keyboard access: Tab reaches each symbol; Enter or Space selects the focused one.
  if ((event.key === "Enter" || event.key === " ") && event.target instanceof HTMLElement) {
    const id = event.target.closest(".react-flow__node")?.getAttribute("data-id");
    if (id) {
      event.preventDefault();
      store.select({ nodes: [id], edges: [] });
      return true;
    }
  }
  const action = ACTIONS.find((candidate) => candidate.shortcut && matches(candidate.shortcut, event));
  if (!action || (action.enabled && !action.enabled(store)) || (action.onCanvas && !store.canvasShown())) return false;
  event.preventDefault();
  void action.perform(store);
  return true;
}

/** Runs the action a native menu item means (or the text command, inside a text field). */
export function handleMenu(store: AppStore, event: MenuEvent, focused: Element | null = document.activeElement): void {
  const textCommand = TEXT_COMMANDS[event.action];
  if (textCommand && isTextTarget(focused)) {
    document.execCommand(textCommand);
    return;
  }
  const action = MENU_ACTIONS[event.action];
  // Behind a modal dialog nothing may change: the choice is dropped (the dialog says what to do).
  if (store.getState().dialog) return;
  if ((action.enabled && !action.enabled(store)) || (action.onCanvas && !store.canvasShown())) return;
  void action.perform(store, event.argument ?? undefined);
}
