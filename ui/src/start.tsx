/**
 * Starts the UI on a backend: the store, the document's first load and the React tree. Loaded by
 * the entry point (main.tsx) in parallel with the backend and the open document.
 */
import { StrictMode } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { Backend } from "./backend/Backend";
import { AppStore } from "./store/appStore";
import type { Opening } from "./store/opening";
import { App } from "./layout/App";

export async function start(backend: Backend, asked: Promise<Opening>): Promise<void> {
  const store = new AppStore(backend);
  const loaded = store.load(asked);
  // The document has usually arrived while this code loaded: then the first render shows it.
  // Otherwise the window opens at once on "Opening…" and the map follows.
  await Promise.race([loaded, new Promise((resolve) => setTimeout(resolve))]);
  const element = document.getElementById("root");
  if (!element) return;
  const root = createRoot(element);
  // Rendered synchronously: React then runs the effects at once too, so React Flow adopts the
  // symbols and draws those in view in the same task, and the first frame painted shows the map
  // (a scheduled render paints the window without it first, then draws the map in another pass).
  flushSync(() =>
    root.render(
      <StrictMode>
        <App store={store} />
      </StrictMode>,
    ),
  );
}
