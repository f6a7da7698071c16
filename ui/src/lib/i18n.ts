// Every string a user sees comes from a dictionary, in Kazakh, Russian or English. The language is the
// user's choice, kept between runs on this machine; on the first run it is the system's, when Trilogue
// speaks it. Dates, numbers and sorting follow the chosen language (format.ts).
import { addMessages, init, locale } from "svelte-i18n";
import en from "./locales/en.json";
import kk from "./locales/kk.json";
import ru from "./locales/ru.json";

/** The languages of the interface, each named in itself. */
export const LANGUAGES = [
  { code: "kk", name: "Қазақша" },
  { code: "ru", name: "Русский" },
  { code: "en", name: "English" },
] as const;

export type Language = (typeof LANGUAGES)[number]["code"];

export const CATALOGUES: Record<Language, Record<string, unknown>> = { kk, ru, en };

const KEY = "trilogue.language";

export const isLanguage = (code: string | null | undefined): code is Language => LANGUAGES.some((l) => l.code === code);

/** The language chosen before, else the first of the system's languages that Trilogue speaks, else English. */
export function initialLanguage(
  stored: string | null = localStorage.getItem(KEY),
  system: readonly string[] = navigator.languages ?? [navigator.language],
): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of system) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return "en";
}

let current: Language = "en";
let started = false;

/** The language the interface speaks now, for Intl's formats and collation. */
export const currentLanguage = (): Language => current;

export function startI18n(initial: Language = initialLanguage()): void {
  if (!started) {
    for (const [code, messages] of Object.entries(CATALOGUES)) addMessages(code, messages as never);
    locale.subscribe((code) => {
      if (isLanguage(code)) {
        current = code;
        document.documentElement.lang = code;
      }
    });
    started = true;
  }
  init({ fallbackLocale: "en", initialLocale: initial });
  locale.set(initial);
}

/** Switches the interface to `code` and keeps the choice for the next run. */
export function chooseLanguage(code: string): void {
  if (!isLanguage(code)) return;
  localStorage.setItem(KEY, code);
  locale.set(code);
}
