/**
 * What the UI asks the backend for when it starts: the open document, any start-up notice and the
 * examples. Separate from the store (no React here), so the entry point can ask before the UI's
 * code has loaded.
 */
import type { Backend } from "../backend/Backend";
import type { AppError, DocumentState, ExampleInfo } from "../bindings";

export type Opening = [doc: DocumentState, notice: AppError | null, examples: ExampleInfo[]];

export function opening(backend: Backend): Promise<Opening> {
  const asked = Promise.all([backend.documentState(), backend.startupNotice(), backend.examples()]);
  // A failure is reported when the store takes the answer (AppStore.load), maybe a little later.
  asked.catch(() => undefined);
  return asked;
}
