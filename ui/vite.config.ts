/// <reference types="vitest/config" />
import { defineConfig, type HtmlTagDescriptor, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * Modulepreload links in index.html for what the small entry point (`src/main.tsx`) imports
 * dynamically — the UI (`src/start.tsx`) and the two backends — and the chunks they import: the
 * browser fetches and compiles them while the entry point runs, instead of after it. (The backend
 * not used is a small chunk compiled off the main thread; waiting for the one used held up the
 * request for the document.)
 */
function preloadUi(): Plugin {
  return {
    name: "kaizen-vsm-preload-ui",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, { bundle }) {
        const entry = Object.values(bundle ?? {}).find((chunk) => chunk.type === "chunk" && chunk.isEntry);
        if (!bundle || entry?.type !== "chunk") return html;
        const files = new Set<string>();
        const add = (file: string) => {
          const chunk = bundle[file];
          if (files.has(file) || chunk?.type !== "chunk") return;
          files.add(file);
          chunk.imports.forEach(add);
        };
        // The largest first: the browser fetches (and compiles) in this order.
        const size = (file: string) => {
          const chunk = bundle[file];
          return chunk?.type === "chunk" ? chunk.code.length : 0;
        };
        [...entry.dynamicImports].sort((a, b) => size(b) - size(a)).forEach(add);
        const tags: HtmlTagDescriptor[] = [...files]
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({ tag: "link", attrs: { rel: "modulepreload", crossorigin: "", href: `/${file}` }, injectTo: "head" }));
        return { html, tags };
      },
    },
  };
}

/**
 * React Flow (12.x) measures each symbol again as soon as it is drawn, as a forced update
 * (`force: true` in its `useResizeObserver`): the symbol's connection points are read back from
 * the DOM and its entry in React Flow's store replaced, which renders it and its arrows a second
 * time even when nothing changed (20–45 ms of the first frame of a large map, and of each frame
 * that pans symbols into view). The canvas gives every symbol its size and connection points
 * (`canvas/nodes/sizes.ts`, `toFlow.ts`), exact for most symbols, so this build lets such a
 * measurement update only what changed: a size other than the one given, or connection points
 * not yet known. Build only (development serves React Flow unchanged, measuring as upstream).
 * The build fails if a React Flow upgrade changes that code: check then whether it is still needed.
 */
function reactFlowKeepsGivenSizes(): Plugin {
  const forced = /(updates\.set\(id, \{\s*id,\s*nodeElement: entry\.target,\s*)force: true,/g;
  let patched = false;
  return {
    name: "kaizen-vsm-react-flow-keeps-given-sizes",
    apply: "build",
    transform(code, id) {
      if (!/@xyflow[\\/]react[\\/]dist[\\/]esm[\\/]index\.js$/.test(id)) return null;
      const found = code.match(forced)?.length ?? 0;
      if (found !== 1) this.error(`React Flow's resize observer code has changed (${found} matches): review reactFlowKeepsGivenSizes in vite.config.ts`);
      patched = true;
      return { code: code.replace(forced, "$1force: false,"), map: null };
    },
    buildEnd(error) {
      if (!error && !patched) this.error("React Flow was not built from @xyflow/react/dist/esm/index.js: review reactFlowKeepsGivenSizes in vite.config.ts");
    },
  };
}

// The UI is served by Vite in development and embedded into the Tauri binary for releases.
// Tests run in happy-dom against the in-memory backend (no Rust needed).
export default defineConfig({
  plugins: [react(), preloadUi(), reactFlowKeepsGivenSizes()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: {
    target: "safari16",
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React's renderer in a file of its own: Chromium compiles each script on a background
        // thread as it arrives, so two files of about the same size compile side by side.
        codeSplitting: { groups: [{ name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ }] },
      },
    },
  },
  test: {
    environment: "happy-dom",
    setupFiles: ["src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
  },
});
