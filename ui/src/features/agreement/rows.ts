import type { ClauseStatus, Outline, OutlineRow, Reference } from "../../lib/bindings";

export type Scope = "all" | "open" | "impasse";

const STILL_OPEN: ClauseStatus[] = ["not_opened", "open", "agreed_in_principle", "parked", "impasse"];

/** The rows a mediator asked for: all, those still open (or in impasse), only those in impasse; and
 * optionally only those where the texts on the table differ. */
export function filterRows(rows: OutlineRow[], scope: Scope, differsOnly: boolean): OutlineRow[] {
  return rows.filter(
    (r) =>
      (scope === "all" || (scope === "open" ? STILL_OPEN.includes(r.status) : r.status === "impasse")) &&
      (!differsOnly || r.differs),
  );
}

/** The joint text when there is one to compare against, else the status quo, else the first party. */
export function defaultReference(outline: Outline): Reference {
  const has = (kind: string) => outline.with_text.some((i) => outline.columns[i].reference.kind === kind);
  if (has("joint")) return { kind: "joint" };
  if (has("base")) return { kind: "base" };
  return outline.columns[0]?.reference ?? { kind: "joint" };
}

/** The row a typed reference names: exactly (ignoring case, spaces and dots), else the first that starts so. */
export function findRow(rows: OutlineRow[], typed: string): number {
  const norm = (s: string) => s.toLowerCase().replace(/[\s.]+/g, "");
  const t = norm(typed);
  if (!t) return -1;
  const exact = rows.findIndex((r) => norm(r.ref) === t);
  return exact !== -1 ? exact : rows.findIndex((r) => norm(r.ref).startsWith(t));
}
