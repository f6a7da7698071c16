// Times are stored in UTC and shown in the user's local time, in the interface's language.
import { currentLanguage } from "./i18n";

export function localTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(currentLanguage(), { dateStyle: "medium", timeStyle: "short" });
}

export function localDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(currentLanguage(), { dateStyle: "long" });
}

/** A day in a table cell: "Oct 27, 2026". */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(currentLanguage(), { dateStyle: "medium" });
}

export function percent(x: number | null): string {
  return x === null ? "—" : `${Math.round(x * 100)} %`;
}

/** A file's size in words a user reads: "830 kB", "12.4 MB" (in Russian "830 кБ", "12,4 МБ"). */
export function fileSize(bytes: number): string {
  const [value, unit, digits] =
    bytes < 1000 ? [bytes, "byte", 0] : bytes < 1_000_000 ? [bytes / 1000, "kilobyte", 0] : [bytes / 1_000_000, "megabyte", 1];
  return new Intl.NumberFormat(currentLanguage(), { style: "unit", unit, maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** Compares two texts as the interface's language sorts them (Kazakh ә after а, not after я). */
export function collate(a: string, b: string): number {
  const language = currentLanguage();
  if (collator?.language !== language) collator = { language, compare: new Intl.Collator(language).compare };
  return collator.compare(a, b);
}

let collator: { language: string; compare: (a: string, b: string) => number } | null = null;
