/**
 * Entry point. Inside the desktop app the Tauri backend is used; opened in a plain browser (UI
 * development, browser tests) the in-memory test double serves the bundled example instead.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./styles.css";
import "./dock/dock.css";
import "./kaizen/kaizen.css";
import "./dialogs/dialogs.css";
import type { Backend } from "./backend/Backend";
import type { Fixture } from "./backend/memoryBackend";
import { AppStore } from "./store/appStore";
import { App } from "./layout/App";

async function chooseBackend(): Promise<Backend> {
  if ("__TAURI_INTERNALS__" in window) return (await import("./backend/tauriBackend")).tauriBackend;
  const { createMemoryBackend, FIXTURES } = await import("./backend/memoryBackend");
  // Browser benchmarks hand in their own (large, generated) fixture.
  const injected = (window as unknown as { kaizenVsmFixture?: Fixture }).kaizenVsmFixture;
  const wanted = new URLSearchParams(window.location.search).get("example");
  return createMemoryBackend(injected ?? FIXTURES.find((f) => f.id === wanted) ?? FIXTURES[0]);
}

const store = new AppStore(await chooseBackend());
const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App store={store} />
    </StrictMode>,
  );
}
void store.load();
