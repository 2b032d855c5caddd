/**
 * Standalone SVG documents of the palette symbols, for renderers without CSS or
 * a DOM (the PDF report parses them with usvg). Each node kind's symbol is
 * rendered with react-dom/server at its default size, from the same components
 * the canvas draws, and every colour is resolved to a literal:
 *
 * - `var(--x, fallback)` becomes the fallback; `var(--x)` becomes the light-theme
 *   value of `--x` (the top-level `:root` block of ui/src/styles.css, read with
 *   `lightThemeVariables`; the caller passes it in, as Vite does not load CSS
 *   text under Vitest);
 * - `currentColor` becomes the light-theme ink (`--ink`), set on every element
 *   that uses it, so nothing depends on an inherited `color`;
 * - inline `style` declarations become presentation attributes (an inline style
 *   overrides the attribute of the same name, so its resolved value wins);
 * - `role`, `aria-*` and `class` are dropped (screen-reader and CSS only).
 *
 * The output is deterministic: attributes in rendered order, one element per line,
 * two-space indent, trailing newline. The generated files live in
 * icons/vsm-symbols/ (see its README) and standalone.test.ts keeps them current.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { PALETTE_NODE_KINDS, paletteIcons } from "./index";

export type PaletteNodeKind = (typeof PALETTE_NODE_KINDS)[number];

export type StandaloneSymbol = {
  kind: PaletteNodeKind;
  /** The SVG document, ending in a newline. */
  svg: string;
  /** Default size of the symbol = width, height and viewBox of the document. */
  width: number;
  height: number;
  /** Element names the PDF may want to treat specially (`text`, `foreignObject`) found in the symbol. */
  special: string[];
};

/** Light-theme CSS variables: the declarations of the first (top-level) `:root` block of a stylesheet. */
export function lightThemeVariables(css: string): Record<string, string> {
  const block = /(?:^|\})\s*:root\s*\{([^}]*)\}/.exec(css.replace(/\/\*[\s\S]*?\*\//g, ""));
  if (!block) throw new Error("no top-level :root block in the stylesheet");
  const vars: Record<string, string> = {};
  for (const decl of block[1].split(";")) {
    const m = /^\s*(--[\w-]+)\s*:\s*([\s\S]*?)\s*$/.exec(decl);
    if (m) vars[m[1]] = m[2];
  }
  return vars;
}

/**
 * Replace every `var(--x[, fallback])` in a CSS value: by the (resolved) fallback
 * when there is one, else by the (resolved) value of `--x` in `vars`.
 */
export function resolveCssVars(value: string, vars: Readonly<Record<string, string>>, depth = 0): string {
  if (depth > 16) throw new Error(`CSS variable cycle resolving "${value}"`);
  let out = "";
  let i = 0;
  for (;;) {
    const start = value.indexOf("var(", i);
    if (start < 0) return out + value.slice(i);
    out += value.slice(i, start);
    // Find the matching ")" and the first top-level ",".
    let level = 0;
    let comma = -1;
    let end = -1;
    for (let k = start + 4; k < value.length; k++) {
      const c = value[k];
      if (c === "(") level++;
      else if (c === ")") {
        if (level === 0) {
          end = k;
          break;
        }
        level--;
      } else if (c === "," && level === 0 && comma < 0) comma = k;
    }
    if (end < 0) throw new Error(`unbalanced var() in "${value}"`);
    const name = value.slice(start + 4, comma < 0 ? end : comma).trim();
    if (comma >= 0) {
      out += resolveCssVars(value.slice(comma + 1, end).trim(), vars, depth + 1);
    } else {
      const v = vars[name];
      if (v === undefined) throw new Error(`CSS variable ${name} has no fallback and no light-theme value`);
      out += resolveCssVars(v, vars, depth + 1);
    }
    i = end + 1;
  }
}

/** SVG presentation attributes an inline style declaration may be turned into. */
const PRESENTATION = new Set([
  "clip-path", "clip-rule", "color", "display", "fill", "fill-opacity", "fill-rule", "filter",
  "font-family", "font-size", "font-style", "font-weight", "letter-spacing", "marker-end",
  "marker-mid", "marker-start", "mask", "opacity", "overflow", "paint-order", "shape-rendering",
  "stop-color", "stop-opacity", "stroke", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap",
  "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width", "text-anchor",
  "vector-effect", "visibility",
]);

type Attr = [name: string, value: string];
type Element = { name: string; attrs: Attr[]; children: Node[] };
type Node = Element | string;

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === "quot") return '"';
    if (k === "amp") return "&";
    if (k === "lt") return "<";
    if (k === "gt") return ">";
    if (k === "apos") return "'";
    return String.fromCodePoint(k.startsWith("#x") ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

function escapeXml(s: string, attr: boolean): string {
  const t = s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return attr ? t.replace(/"/g, "&quot;") : t;
}

/** Parse renderToStaticMarkup output: well-formed, double-quoted attributes, no comments. */
function parseMarkup(markup: string): Element {
  const root: Element = { name: "#root", attrs: [], children: [] };
  const stack: Element[] = [root];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[^\s=/>]+(?:="[^"]*")?)*)\s*(\/?)>/g;
  let last = 0;
  for (let m = tag.exec(markup); m; m = tag.exec(markup)) {
    if (m.index > last) stack[stack.length - 1].children.push(unescapeXml(markup.slice(last, m.index)));
    last = tag.lastIndex;
    const [, closing, name, rawAttrs, selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`mismatched </${name}> in symbol markup`);
      continue;
    }
    const attrs: Attr[] = [];
    for (const a of rawAttrs.matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) attrs.push([a[1], unescapeXml(a[2] ?? "")]);
    const el: Element = { name, attrs, children: [] };
    stack[stack.length - 1].children.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (last < markup.length) stack[stack.length - 1].children.push(unescapeXml(markup.slice(last)));
  const svg = root.children.length === 1 ? root.children[0] : undefined;
  if (stack.length !== 1 || typeof svg !== "object" || svg.name !== "svg") {
    throw new Error("symbol markup is not a single <svg> element");
  }
  return svg;
}

/** Resolve colours and styles of one element and its subtree in place; collects special element names. */
function standaloneElement(el: Element, vars: Readonly<Record<string, string>>, ink: string, special: Set<string>): void {
  if (el.name === "text" || el.name === "foreignObject") special.add(el.name);
  const out: Attr[] = [];
  for (const [name, value] of el.attrs) {
    if (name === "role" || name.startsWith("aria-")) continue;
    if (name === "class" || name === "className") continue;
    if (name !== "style") {
      out.push([name, value]);
      continue;
    }
    // Each inline declaration overrides the attribute of the same name, or is added where the style was.
    const rest: string[] = [];
    for (const decl of value.split(";")) {
      const colon = decl.indexOf(":");
      if (colon < 0) continue;
      const prop = decl.slice(0, colon).trim().toLowerCase();
      const val = decl.slice(colon + 1).trim();
      if (!PRESENTATION.has(prop)) {
        rest.push(`${prop}:${val}`);
        continue;
      }
      const existing = el.attrs.findIndex(([n]) => n === prop);
      const done = out.findIndex(([n]) => n === prop);
      if (done >= 0) out[done] = [prop, val];
      else if (existing >= 0) el.attrs[existing] = [prop, val];
      else out.push([prop, val]);
    }
    if (rest.length > 0) out.push(["style", rest.join(";")]);
  }
  el.attrs = out.map(([name, value]) => [
    name,
    resolveCssVars(value, vars).replace(/\bcurrentColor\b/gi, ink),
  ]);
  for (const child of el.children) if (typeof child === "object") standaloneElement(child, vars, ink, special);
}

function serialize(el: Element, indent: string, lines: string[]): void {
  const attrs = el.attrs.map(([n, v]) => ` ${n}="${escapeXml(v, true)}"`).join("");
  if (el.children.length === 0) {
    lines.push(`${indent}<${el.name}${attrs}/>`);
  } else if (el.children.every((c) => typeof c === "string")) {
    lines.push(`${indent}<${el.name}${attrs}>${escapeXml(el.children.join(""), false)}</${el.name}>`);
  } else if (el.children.some((c) => typeof c === "string" && c.trim() !== "")) {
    // Mixed content: keep it on one line, whitespace there is significant.
    const inner: string[] = [];
    for (const c of el.children) {
      if (typeof c === "string") inner.push(escapeXml(c, false));
      else {
        const sub: string[] = [];
        serialize(c, "", sub);
        inner.push(sub.join(""));
      }
    }
    lines.push(`${indent}<${el.name}${attrs}>${inner.join("")}</${el.name}>`);
  } else {
    lines.push(`${indent}<${el.name}${attrs}>`);
    for (const c of el.children) if (typeof c === "object") serialize(c, `${indent}  `, lines);
    lines.push(`${indent}</${el.name}>`);
  }
}

/** The standalone SVG document of one palette node kind, at its default size. */
export function standaloneSymbol(kind: PaletteNodeKind, vars: Readonly<Record<string, string>>): StandaloneSymbol {
  const component = paletteIcons[kind];
  if (!component) throw new Error(`no palette symbol for node kind "${kind}"`);
  const svg = parseMarkup(renderToStaticMarkup(createElement(component)));
  const inkValue = vars["--ink"];
  if (inkValue === undefined) throw new Error("no light-theme --ink to resolve currentColor");
  const ink = resolveCssVars(inkValue, vars);
  const special = new Set<string>();
  standaloneElement(svg, vars, ink, special);

  const attr = (name: string) => svg.attrs.find(([n]) => n === name)?.[1];
  const viewBox = (attr("viewBox") ?? "").trim().split(/[\s,]+/).map(Number);
  if (viewBox.length !== 4 || viewBox[0] !== 0 || viewBox[1] !== 0 || !(viewBox[2] > 0) || !(viewBox[3] > 0)) {
    throw new Error(`symbol "${kind}" has no "0 0 w h" viewBox`);
  }
  const [, , width, height] = viewBox;
  if (Number(attr("width")) !== width || Number(attr("height")) !== height) {
    throw new Error(`symbol "${kind}" is not rendered at its default size`);
  }
  if (attr("xmlns") !== "http://www.w3.org/2000/svg") {
    svg.attrs = [["xmlns", "http://www.w3.org/2000/svg"], ...svg.attrs.filter(([n]) => n !== "xmlns")];
  }

  const lines = [`<!-- Value stream mapping symbol "${kind}", generated from ui/src/symbols; do not edit (see README.md). -->`];
  serialize(svg, "", lines);
  const text = `${lines.join("\n")}\n`;
  if (/var\(/.test(text) || /currentcolor/i.test(text)) throw new Error(`symbol "${kind}" still has an unresolved colour`);
  return { kind, svg: text, width, height, special: [...special].sort() };
}

/** Every palette node kind's standalone symbol, in palette order. */
export function standaloneSymbols(vars: Readonly<Record<string, string>>): StandaloneSymbol[] {
  return PALETTE_NODE_KINDS.map((kind) => standaloneSymbol(kind, vars));
}

/** icons/vsm-symbols/manifest.json: file and default size of each kind, in palette order. */
export function symbolManifest(symbols: StandaloneSymbol[]): string {
  const manifest: Record<string, { file: string; width: number; height: number }> = {};
  for (const s of symbols) manifest[s.kind] = { file: `${s.kind}.svg`, width: s.width, height: s.height };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
