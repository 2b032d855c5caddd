/** Test helpers that read like a user: open the app on a fixture, select, type, press keys. */
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { Backend } from "../backend/Backend";
import { createMemoryBackend, FIXTURES, type Fixture } from "../backend/memoryBackend";
import { App } from "../layout/App";
import { AppStore } from "../store/appStore";

/** Opens the app on `fixture`; `core` stands in for calls the in-memory backend cannot answer. */
export async function openApp(fixture: Fixture = FIXTURES[0], core: Partial<Backend> = {}) {
  const backend = Object.assign(createMemoryBackend(fixture), core);
  const store = new AppStore(backend);
  render(<App store={store} />);
  await act(() => store.load());
  return {
    store,
    backend,
    /** Selects nodes as a click on the canvas would. */
    async select(...nodes: string[]) {
      await act(async () => store.select({ nodes, edges: [] }));
    },
    /** Types into an inspector field and presses Enter. */
    async type(field: string, text: string) {
      const input = screen.getByTestId(`inspector-${field}`);
      fireEvent.change(input, { target: { value: text } });
      await act(async () => {
        fireEvent.keyDown(input, { key: "Enter" });
      });
      await act(() => store.idle());
    },
    async press(key: string, modifiers: { ctrl?: boolean; shift?: boolean } = {}) {
      await act(async () => {
        fireEvent.keyDown(window, { key, ctrlKey: modifiers.ctrl ?? false, shiftKey: modifiers.shift ?? false });
      });
      await act(() => store.idle());
    },
  };
}
