import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../lib/backend";
import type { IntakePlan, IntakePreview, Party, Provenance } from "../../lib/bindings";
import { BACKEND_KEY } from "../../lib/context";
import { startI18n } from "../../lib/i18n";
import Intake from "./Intake.svelte";

beforeAll(() => startI18n());

const okay = <T,>(data: T) => Promise.resolve({ status: "ok" as const, data });
const party = (id: number, label: string, side: Party["side"]): Party => ({ id, negotiation_id: 1, name: `${label} <b>org</b>`, side, label, colour: "#1f618d", position: id });
const parties = [party(1, "FTU", "workers"), party(2, "NEA", "employers"), party(3, "MLSP", "government")];

const plan: IntakePlan = {
  rows: [
    { line: 2, ref: "Статья 1", title: "Уведомление", clause_id: 11, matched_by: "ref", matched_ref: null, texts: [{ label: "MLSP", track: { kind: "party", party_id: 3 }, change: "changed", against_sent: null }, { label: "joint", track: { kind: "joint" }, change: "new", against_sent: null }] },
    { line: 3, ref: "Статья 7", title: "<script>alert(1)</script>", clause_id: 17, matched_by: "number", matched_ref: "Art. 7", texts: [{ label: "MLSP", track: { kind: "party", party_id: 3 }, change: "same", against_sent: null }] },
    { line: 4, ref: "Статья 9", title: "Споры", clause_id: null, matched_by: null, matched_ref: null, texts: [{ label: "MLSP", track: { kind: "party", party_id: 3 }, change: "new", against_sent: null }] },
  ],
  missing: [{ clause_id: 12, ref: "Статья 2", title: "Прозрачность", status: "open" }],
  tabled: 3,
  new_clauses: 1,
  authors: [],
};

/** A Word document we sent, back with tracked changes by two people and one text edited untracked. */
const word: IntakePlan = {
  rows: [
    {
      line: 1, ref: "Scope", title: "Scope", clause_id: 11, matched_by: "order", matched_ref: "Art. 1",
      texts: [{
        label: "NEA", track: { kind: "party", party_id: 2 }, change: "changed",
        against_sent: { version_id: 57, diff: { ops: [{ op: "equal", text: "Notice of " }, { op: "delete", text: "ninety" }, { op: "insert", text: "sixty" }, { op: "equal", text: " days." }], similarity: 0.8, words_deleted: 1, words_inserted: 1 } },
      }],
    },
  ],
  missing: [],
  tabled: 1,
  new_clauses: 0,
  authors: [
    { author: "Marat Z.", insertions: 2, deletions: 1, party_id: 2, recorded: true },
    { author: "Ivanova A.", insertions: 1, deletions: 0, party_id: 2, recorded: false },
  ],
};

/** The core's side: the file the user picks in the dialog it shows is kept behind handle 7. */
function setup(picked: string, calls: { took?: [number, string | null, Provenance]; previewed?: number }, shown = plan) {
  const preview: IntakePreview = { plan: shown, encoding: { encoding: "windows1251", lost_letters: true, first_lost_line: 3 }, source_name: picked };
  const api = {
    chooseIntake: () => okay({ handle: 7, name: picked, is_table: picked.endsWith(".csv") }),
    previewIntake: (_n: number, handle: number) => ((calls.previewed = handle), okay(preview)),
    takeIn: (_n: number, handle: number, p: string | null, prov: Provenance) => ((calls.took = [handle, p, prov]), okay(plan)),
  } as unknown as Backend;
  let notice = "";
  render(Intake, {
    props: { negotiationId: 1, parties, changed: (n: string) => (notice = n) },
    context: new Map<symbol, unknown>([[BACKEND_KEY, api]]),
  });
  return () => notice;
}

describe("taking in a party's file", () => {
  it("previews what matches, what is new and what is missing, then takes it in with its provenance", async () => {
    const calls: { took?: [number, string | null, Provenance]; previewed?: number } = {};
    const notice = setup("mlsp.csv", calls);
    await fireEvent.click(screen.getByTestId("intake-choose"));
    const table = await screen.findByTestId("intake-preview");
    expect(screen.getByTestId("intake-file").textContent).toBe("mlsp.csv");
    expect(table.textContent).toContain("Статья 1");
    expect(table.textContent).toContain("MLSP: changed");
    expect(table.textContent).toContain("joint text: new");
    expect(table.textContent).toContain("Art. 7");
    expect(table.textContent).toContain("a new clause");
    expect(table.textContent).toContain("not in the file: left as it is");
    expect(table.querySelector("script")).toBeNull();
    expect(table.textContent).toContain("<script>alert(1)</script>");
    expect(screen.getByTestId("intake-encoding").textContent).toContain("first on line 3");
    expect(screen.getByTestId("intake-summary").textContent).toBe("3 texts to table, 1 new clause, 1 clause not in the file.");
    await fireEvent.input(screen.getByTestId("intake-received"), { target: { value: "2026-11-20" } });
    await fireEvent.input(screen.getByTestId("intake-letter"), { target: { value: "МТСЗН-01/77" } });
    await fireEvent.click(screen.getByTestId("intake-apply"));
    await screen.findByTestId("intake-choose");
    expect(calls.previewed).toBe(7);
    expect(calls.took).toEqual([7, null, { received: "2026-11-20", session_id: null, letter_ref: "МТСЗН-01/77", sent_by: null, authors: [] }]);
    expect(notice()).toBe("Taken in: 3 texts tabled, 1 clause added.");
  });

  it("shows who made the tracked changes, what changed against what we sent, and takes an author as another party", async () => {
    const calls: { took?: [number, string | null, Provenance]; previewed?: number } = {};
    setup("nea-reply.docx", calls, word);
    await fireEvent.click(screen.getByTestId("intake-choose"));
    await fireEvent.change(await screen.findByTestId("intake-party"), { target: { value: "NEA" } });
    const revisions = await screen.findByTestId("intake-revisions");
    expect(revisions.textContent).toContain("Marat Z.: 2 insertions, 1 deletion");
    expect(revisions.textContent).toContain("as recorded for this negotiation");
    expect(revisions.textContent).toContain("first seen: recorded when taken in");
    expect(screen.getByTestId("intake-matched-by").textContent).toContain("by order");
    const sent = screen.getByTestId("intake-against-sent");
    expect(sent.querySelector("summary")?.textContent).toBe("against version 57 we sent: 1 word added, 1 word removed");
    expect(sent.querySelector("del")?.textContent).toBe("ninety");
    expect(sent.querySelector("ins")?.textContent).toBe("sixty");
    const [, second] = screen.getAllByTestId("intake-author");
    await fireEvent.change(second, { target: { value: "3" } });
    await fireEvent.click(screen.getByTestId("intake-apply"));
    await screen.findByTestId("intake-choose");
    expect(calls.took?.[1]).toBe("NEA");
    expect(calls.took?.[2].authors).toEqual([{ author: "Ivanova A.", party_id: 3 }]);
  });
});
