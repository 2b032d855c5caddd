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

// The UI is served by Vite in development and embedded into the Tauri binary for releases.
// Tests run in happy-dom against the in-memory backend (no Rust needed).
export default defineConfig({
  plugins: [react(), preloadUi()],
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
