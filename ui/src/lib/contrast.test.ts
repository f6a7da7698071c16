// The theme's colours meet WCAG 2.2 AA in light and dark: 4.5:1 for text, 3:1 for the focus ring and
// the edges of fields (non-text contrast). Read from app.css itself, so a new colour is checked too.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";

// Vitest runs in ui/.
const css = readFileSync("src/app.css", "utf8");

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in app.css`);
  const body = css.slice(start, css.indexOf("}", start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1], m[2]]));
}

const light = block(":root");
const dark = { ...light, ...block(':root[data-theme="dark"]') };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const STATUSES = ["not_opened", "open", "agreed_in_principle", "tentatively_agreed", "parked", "impasse", "in_protocol", "withdrawn"];

describe.each([["light", light], ["dark", dark]])("the %s theme", (_, t) => {
  const text: [string, string, string][] = [
    ["text", t.text, t.bg], ["text on panels", t.text, t.panel],
    ["muted", t.muted, t.bg], ["muted on panels", t.muted, t.panel],
    ["links", t.accent, t.bg], ["links on panels", t.accent, t.panel],
    ["primary buttons", t["accent-text"], t.accent],
    ["inserted words", t["ins-text"], t["ins-bg"]], ["deleted words", t["del-text"], t["del-bg"]],
    ["warnings", t.warn, t.panel],
    ...STATUSES.map((s): [string, string, string] => [`the ${s} badge`, t["badge-text"], t[`st-${s}`]]),
  ];
  it.each(text)("%s reach 4.5:1", (_, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
  it.each([["the focus ring", t.focus, t.bg], ["the focus ring on panels", t.focus, t.panel], ["field edges", t["field-line"], t.panel]])("%s reach 3:1", (_, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(3);
  });
});

it("the system's dark mode and the chosen dark theme are the same colours", () => {
  const media = css.slice(css.indexOf("@media (prefers-color-scheme: dark)"));
  expect(media.length).toBeGreaterThan(0);
  expect(block(':root:not([data-theme="light"])')).toEqual(block(':root[data-theme="dark"]'));
});
