import type { ColumnHead } from "./bindings";

/** A comparison column as the user reads it: the party's label, "Joint text", "Status quo". */
export function columnName(head: ColumnHead, t: (key: string) => string): string {
  if (head.reference.kind === "joint") return t("clause.joint");
  if (head.reference.kind === "base") return t("clause.base");
  return head.label;
}

/** The columns the four-column document shows — those the core found a text in (`with_text`) — each
 * with its index into the rows' cells. */
export function columnsWithText(d: { columns: ColumnHead[]; with_text: number[] }): { head: ColumnHead; index: number }[] {
  return d.with_text.map((index) => ({ head: d.columns[index], index }));
}
