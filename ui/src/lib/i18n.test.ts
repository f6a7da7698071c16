import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { collate, fileSize, localDate } from "./format";
import { CATALOGUES, LANGUAGES, chooseLanguage, initialLanguage, startI18n } from "./i18n";

/** Every message of a catalogue by its dotted key; the translators' `_notes` are not messages. */
function messages(catalogue: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (key.startsWith("_")) continue;
    if (typeof value === "string") out.set(prefix + key, value);
    else for (const [k, v] of messages(value as Record<string, unknown>, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

/** The arguments a message uses, and the plural forms it writes out for each. */
function argumentsOf(elements: MessageFormatElement[], out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) {
      if (!out.has(e.value)) out.set(e.value, new Set());
    }
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      const forms = out.get(e.value) ?? new Set<string>();
      for (const [form, option] of Object.entries(e.options)) {
        forms.add(form);
        argumentsOf(option.value, out);
      }
      out.set(e.value, forms);
    }
  }
  return out;
}

const english = messages(CATALOGUES.en);

describe("the catalogues", () => {
  for (const { code } of LANGUAGES) {
    const catalogue = messages(CATALOGUES[code]);
    it(`${code} has every message English has, and no other`, () => {
      expect([...english.keys()].filter((k) => !catalogue.has(k))).toEqual([]);
      expect([...catalogue.keys()].filter((k) => !english.has(k))).toEqual([]);
    });
    it(`${code}'s messages are well-formed and use the same arguments as English`, () => {
      for (const [key, text] of catalogue) {
        const used = [...argumentsOf(parse(text)).keys()].sort();
        const expected = [...argumentsOf(parse(english.get(key)!)).keys()].sort();
        expect(used, `${code} ${key}`).toEqual(expected);
      }
    });
  }

  it("Russian counts write out one, few and many", () => {
    for (const [key, text] of messages(CATALOGUES.ru)) {
      for (const [name, forms] of argumentsOf(parse(text))) {
        if (forms.size === 0 || [...forms].every((f) => f.startsWith("="))) continue;
        expect([...forms].filter((f) => !f.startsWith("=")).sort(), `ru ${key} {${name}}`).toEqual(["few", "many", "one", "other"]);
      }
    }
  });

  it("no Kazakh or Russian message is left in English", () => {
    for (const code of ["kk", "ru"] as const) {
      for (const [key, text] of messages(CATALOGUES[code])) {
        const same = text === english.get(key) && /[a-z]{3}/i.test(text.replace(/\{[^}]*\}|Trilogue|SHA-256|Ctrl|Alt|Markdown|HTML|CSV|Word/g, ""));
        expect(same, `${code} ${key}: ${text}`).toBe(false);
      }
    }
  });
});

describe("the language", () => {
  beforeAll(() => startI18n("en"));

  it("is the one chosen before, else the system's first that Trilogue speaks, else English", () => {
    expect(initialLanguage("ru", ["kk-KZ"])).toBe("ru");
    expect(initialLanguage(null, ["de-DE", "kk-KZ", "ru"])).toBe("kk");
    expect(initialLanguage("xx", ["ru_RU"])).toBe("ru");
    expect(initialLanguage(null, ["de", "fr"])).toBe("en");
  });

  it("is kept between runs", () => {
    chooseLanguage("kk");
    expect(localStorage.getItem("trilogue.language")).toBe("kk");
    expect(initialLanguage(localStorage.getItem("trilogue.language"), ["en"])).toBe("kk");
    expect(document.documentElement.lang).toBe("kk");
    chooseLanguage("en");
  });

  it("dates, sizes and sorting follow the language", () => {
    chooseLanguage("ru");
    expect(localDate("2026-10-27T09:00:00Z")).toMatch(/27 октября 2026/);
    expect(fileSize(12_400_000)).toMatch(/^12,4\sМБ$/);
    chooseLanguage("kk");
    expect(localDate("2026-10-27T09:00:00Z")).toMatch(/қазан/);
    expect(["бап", "әріптес", "азамат"].sort(collate)).toEqual(["азамат", "әріптес", "бап"]);
    chooseLanguage("en");
    expect(localDate("2026-10-27T09:00:00Z")).toMatch(/October 27, 2026/);
  });
});
