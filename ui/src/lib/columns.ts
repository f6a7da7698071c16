import type { ColumnHead } from "./bindings";

/** A comparison column as the user reads it: the party's label, "Joint text", "Status quo". */
export function columnName(head: ColumnHead, t: (key: string) => string): string {
  if (head.reference.kind === "joint") return t("clause.joint");
  if (head.reference.kind === "base") return t("clause.base");
  return head.label;
}
