// The language a comparison shows the texts in, where the agreement has several authentic texts: the
// one the user chose, else the interface's if it is authentic, else the first. Word diffs and the
// comparison table compare within that one language. None where there is one language.
import type { Lang } from "./bindings";

export function textLanguage(authentic: readonly string[], chosen: Lang | null, ui: Lang): Lang | null {
  if (authentic.length < 2) return null;
  if (chosen && authentic.includes(chosen)) return chosen;
  if (authentic.includes(ui)) return ui;
  return authentic[0] as Lang;
}
