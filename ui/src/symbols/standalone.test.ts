// @vitest-environment node
/**
 * The committed standalone symbol SVGs (icons/vsm-symbols/, drawn by the PDF
 * report) must equal what the symbol components render now. Regenerate them with
 *
 *   cd ui && UPDATE_SYMBOLS=1 npx vitest run src/symbols/standalone
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { PALETTE_NODE_KINDS } from "./index";
import { lightThemeVariables, resolveCssVars, standaloneSymbols, symbolManifest } from "./standalone";

const DIR = fileURLToPath(new URL("../../../icons/vsm-symbols/", import.meta.url));
/** Light-theme colours of the canvas, from the app's stylesheet. */
const LIGHT_THEME = lightThemeVariables(readFileSync(new URL("../styles.css", import.meta.url), "utf8"));
const UPDATE = process.env.UPDATE_SYMBOLS === "1";
const REGENERATE = "cd ui && UPDATE_SYMBOLS=1 npx vitest run src/symbols/standalone";

const symbols = standaloneSymbols(LIGHT_THEME);
const manifestText = symbolManifest(symbols);

function committed(file: string): string | null {
  try {
    return readFileSync(DIR + file, "utf8");
  } catch {
    return null;
  }
}

if (UPDATE) {
  mkdirSync(DIR, { recursive: true });
  for (const s of symbols) writeFileSync(`${DIR}${s.kind}.svg`, s.svg);
  writeFileSync(`${DIR}manifest.json`, manifestText);
}

describe("standalone symbol SVGs (icons/vsm-symbols)", () => {
  it("manifest.json lists every palette node kind in palette order and is current", () => {
    const manifest = JSON.parse(manifestText) as Record<string, { file: string; width: number; height: number }>;
    expect(Object.keys(manifest)).toEqual([...PALETTE_NODE_KINDS]);
    expect(committed("manifest.json"), `stale; regenerate with: ${REGENERATE}`).toBe(manifestText);
  });

  it.each(symbols.map((s) => [s.kind, s] as const))("%s.svg is current and standalone", (kind, s) => {
    expect(committed(`${kind}.svg`), `${kind}.svg is stale; regenerate with: ${REGENERATE}`).toBe(s.svg);
    expect(s.svg).not.toContain("var(");
    expect(s.svg).not.toMatch(/currentcolor/i);
    expect(s.svg).not.toMatch(/\sclass=|\sstyle=|\srole=|\saria-/);
    expect(s.svg.endsWith("</svg>\n")).toBe(true);
    const root = /<svg\b[^>]*>/.exec(s.svg)?.[0] ?? "";
    expect(root).toContain('xmlns="http://www.w3.org/2000/svg"');
    const manifest = JSON.parse(committed("manifest.json") ?? "{}") as Record<string, { file: string; width: number; height: number }>;
    const entry = manifest[kind];
    expect(entry).toEqual({ file: `${kind}.svg`, width: s.width, height: s.height });
    expect(root).toContain(`viewBox="0 0 ${entry.width} ${entry.height}"`);
    expect(root).toContain(`width="${entry.width}"`);
    expect(root).toContain(`height="${entry.height}"`);
  });

  it("draws ink and paper in the light-theme colours", () => {
    const ink = LIGHT_THEME["--ink"];
    const byKind = Object.fromEntries(symbols.map((s) => [s.kind, s.svg]));
    expect(byKind.inventory).toContain(`stroke="${ink}"`);
    expect(byKind.inventory).toContain(`fill="${ink}"`);
    expect(byKind.inventory).toContain('fill="#fff"');
    expect(byKind.kaizen_burst).toContain('stroke="#c62828"');
    expect(byKind.kaizen_burst).toContain('fill="#fff3f0"');
    expect(byKind.supplier).toBe(byKind.customer.replace('"customer"', '"supplier"'));
  });

  it("reports symbols with text, which the PDF may draw itself", () => {
    const withText = symbols.filter((s) => s.special.length > 0).map((s) => [s.kind, s.special]);
    expect(withText).toEqual([["fifo", ["text"]]]);
  });
});

describe("CSS variable resolution", () => {
  const vars = lightThemeVariables(":root { --a: #111; --b: var(--a); } @media (x) { :root { --a: #999; } }");

  it("reads only the top-level :root block", () => {
    expect(vars).toEqual({ "--a": "#111", "--b": "var(--a)" });
  });

  it("uses the fallback when there is one, else the light-theme value", () => {
    expect(resolveCssVars("var(--a, #fff)", vars)).toBe("#fff");
    expect(resolveCssVars("var(--zz, var(--b))", vars)).toBe("#111");
    expect(resolveCssVars("var(--b)", vars)).toBe("#111");
    expect(resolveCssVars("1px solid var(--a)", vars)).toBe("1px solid #111");
    expect(() => resolveCssVars("var(--zz)", vars)).toThrow(/--zz/);
  });

  it("takes the light theme from styles.css", () => {
    expect(LIGHT_THEME["--ink"]).toMatch(/^#[0-9a-f]{6}$/i);
    expect(resolveCssVars("var(--vsm-paper)", LIGHT_THEME)).toMatch(/^#f{3}(f{3})?$/i);
  });
});
