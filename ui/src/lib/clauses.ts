// Filtering and sorting the clause list: plain functions, tested without a window.
import type { ClauseRow, ClauseStatus } from "./bindings";
import { collate } from "./format";

export type Filters = { status: ClauseStatus | ""; topic: string; partyId: number | null; text: string };
export type SortKey = "position" | "status" | "title";

const STATUS_ORDER: ClauseStatus[] = [
  "impasse", "open", "agreed_in_principle", "parked", "in_protocol", "not_opened", "tentatively_agreed", "withdrawn",
];

export function filterClauses(rows: ClauseRow[], f: Filters): ClauseRow[] {
  const text = f.text.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (f.status === "" || r.status === f.status) &&
      (f.topic === "" || r.topics.includes(f.topic)) &&
      (f.partyId === null || r.heads.some((h) => h.tabled && h.track.kind === "party" && h.track.party_id === f.partyId)) &&
      (text === "" || r.ref.toLocaleLowerCase().includes(text) || r.title.toLocaleLowerCase().includes(text)),
  );
}

export function sortClauses(rows: ClauseRow[], key: SortKey): ClauseRow[] {
  const sorted = [...rows];
  if (key === "position") sorted.sort((a, b) => a.position - b.position);
  if (key === "title") sorted.sort((a, b) => collate(a.title, b.title));
  if (key === "status") sorted.sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || a.position - b.position);
  return sorted;
}

export function topicsOf(rows: ClauseRow[]): string[] {
  return [...new Set(rows.flatMap((r) => r.topics))].sort();
}
