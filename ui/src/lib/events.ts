// Why a journal entry happened, in the interface's language: the reason a person gave, or, for a change
// the workbench made itself, the code it recorded (`detail.because`, with the version and count it
// names) put into words. A journal written before those codes holds the English sentence a code stands
// for, and is read as that code (as the core's report::reason does for documents).
import type { Event } from "./bindings";

type Translate = (key: string, options?: { values: Record<string, string | number> }) => string;
type Because = { code: string; version: number; count: number };

const WRITTEN_BEFORE: Record<string, string> = {
  "a text was tabled": "text_tabled",
  "every party initialed the same text": "all_initialed",
  "a tentatively agreed clause was reopened: the settlement is back at the table": "clause_reopened",
};

function writtenBefore(reason: string): Because | null {
  if (WRITTEN_BEFORE[reason]) return { code: WRITTEN_BEFORE[reason], version: 0, count: 0 };
  const voided = /^a new joint text \(version (\d+)\) voids (\d+) initial\(s\)$/.exec(reason);
  return voided ? { code: "initials_voided", version: Number(voided[1]), count: Number(voided[2]) } : null;
}

export function reasonOf(event: Pick<Event, "reason" | "detail">, t: Translate): string {
  const detail = (event.detail ?? {}) as { because?: unknown; version_id?: unknown; voided?: unknown };
  const because: Because | null =
    !event.reason && typeof detail.because === "string"
      ? { code: detail.because, version: Number(detail.version_id ?? 0), count: Number(detail.voided ?? 0) }
      : writtenBefore(event.reason);
  if (!because) return event.reason;
  return t(`because.${because.code}`, { values: { version: String(because.version), count: because.count } });
}
