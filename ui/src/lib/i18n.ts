// Every string a user sees comes from a dictionary: English now, Kazakh and Russian next.
import { addMessages, init, locale } from "svelte-i18n";
import en from "./locales/en.json";

export const LANGUAGES = [{ code: "en", name: "English" }] as const;

let started = false;

export function startI18n(initial = "en"): void {
  if (!started) {
    addMessages("en", en);
    started = true;
  }
  init({ fallbackLocale: "en", initialLocale: initial });
  locale.set(initial);
}
