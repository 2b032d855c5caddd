/**
 * Entry point. Inside the desktop app the Tauri backend is used; opened in a plain browser (UI
 * development, browser tests) the in-memory test double serves the bundled example instead.
 *
 * Kept small on purpose: it asks the backend for the open document while the browser is still
 * fetching and compiling the UI's code (`start.tsx` and its libraries, loaded in parallel), so
 * neither waits for the other.
 */
import "@xyflow/react/dist/style.css";
import "./styles.css";
import "./canvas/canvas.css";
import "./dock/dock.css";
import "./kaizen/kaizen.css";
import "./dialogs/dialogs.css";
import type { Backend } from "./backend/Backend";
import type { Fixture } from "./backend/memoryBackend";
import { opening } from "./store/opening";

async function chooseBackend(): Promise<Backend> {
  if ("__TAURI_INTERNALS__" in window) return (await import("./backend/tauriBackend")).tauriBackend;
  const { createMemoryBackend, FIXTURES } = await import("./backend/memoryBackend");
  // Browser benchmarks hand in their own (large, generated) fixture.
  const injected = (window as unknown as { kaizenVsmFixture?: Fixture }).kaizenVsmFixture;
  const wanted = new URLSearchParams(window.location.search).get("example");
  return createMemoryBackend(injected ?? FIXTURES.find((f) => f.id === wanted) ?? FIXTURES[0]);
}

const backend = chooseBackend();
const asked = backend.then(opening);
const [{ start }, chosen] = await Promise.all([import("./start"), backend]);
await start(chosen, asked);
