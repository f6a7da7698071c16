import { fireEvent, render, screen } from "@testing-library/svelte";
import { beforeAll, describe, expect, it } from "vitest";
import type { Backend } from "../../lib/backend";
import type { PacketClause } from "../../lib/bindings";
import { BACKEND_KEY } from "../../lib/context";
import { startI18n } from "../../lib/i18n";
import Sessions from "./Sessions.svelte";

beforeAll(() => startI18n());

const okay = <T,>(data: T) => Promise.resolve({ status: "ok" as const, data });

const negotiation = { id: 1, title: "AI at work", level: "general", tripartite: true, status: "in_session", starts_on: null, ends_on: null, owner_party_id: 1, created_at: "", closing_rule: "all", languages: ["en"] };
const parties = [{ id: 1, negotiation_id: 1, name: "Federation of Trade Unions", side: "workers", label: "FTU", colour: "#c0392b", position: 0 }];
const session = { id: 3, negotiation_id: 1, number: 1, starts_at: "2026-01-10T09:00:00Z", place: "Astana", kind: "plenary", minutes: "" };
// 40 clauses changed since the session, each with the FTU's first text
const changed: PacketClause[] = Array.from({ length: 40 }, (_, i) => ({
  clause_id: i + 1,
  ref: `Art. ${i + 1}`,
  title: `Clause <b>${i + 1}</b>`,
  status: "open",
  texts: [{ track: { kind: "party", party_id: 1 }, label: "FTU", before: null, after: 100 + i, diff: { ops: [{ op: "insert", text: `text ${i + 1}` }], similarity: null, words_deleted: 0, words_inserted: 2 } }],
  events: [],
}));

/** A fake backend: the overview, the session and a packet that pages like the core's. */
function fake(calls: [number, number][]) {
  return {
    overview: () => okay({ negotiation, parties, by_status: [["open", 40]], sessions: [session], next_session: null, held_sessions: [session.id], last_session: session }),
    sessionDetail: () => okay({ session, parties, attendees: [], delegates: [], agenda: [], tabled: [], initialed: [], minutes_html: "" }),
    sessionPacket: (_n: number, _since: number | null, from: number, limit: number) => {
      calls.push([from, limit]);
      return okay({ negotiation, since: session, parties, clauses: changed.slice(from, from + limit), changed: changed.length, by_track: [{ track: { kind: "party", party_id: 1 }, label: "FTU", clauses: 40 }] });
    },
  } as unknown as Backend;
}

describe("a session's packet", () => {
  it("shows a screenful of changes and reads the next ones a page at a time", async () => {
    const calls: [number, number][] = [];
    render(Sessions, { props: { negotiationId: 1, number: 1 }, context: new Map([[BACKEND_KEY, fake(calls)]]) });
    expect(await screen.findByText("Clause <b>10</b>", { exact: false })).toBeTruthy();
    expect(screen.queryByText("Clause <b>11</b>", { exact: false })).toBeNull();
    expect(screen.getByTestId("packet-rest").textContent).toBe("30 more changed clauses are not shown yet; the exported packet holds every change.");
    for (const last of [20, 30]) {
      await fireEvent.click(screen.getByRole("button", { name: "Show the next 10" }));
      expect(await screen.findByText(`Clause <b>${last}</b>`, { exact: false })).toBeTruthy();
      expect(screen.queryByText(`Clause <b>${last + 1}</b>`, { exact: false })).toBeNull();
    }
    expect(screen.getByText("Clause <b>11</b>", { exact: false })).toBeTruthy();
    expect(screen.getByTestId("packet-rest").textContent).toBe("10 more changed clauses are not shown yet; the exported packet holds every change.");
    await fireEvent.click(screen.getByRole("button", { name: "Show the next 10" }));
    expect(await screen.findByText("Clause <b>40</b>", { exact: false })).toBeTruthy();
    expect(screen.queryByTestId("packet-more")).toBeNull();
    expect(calls).toEqual([[0, 10], [10, 10], [20, 10], [30, 10]]);
    expect(screen.getAllByText("FTU").length).toBeGreaterThanOrEqual(40);
  });
});
