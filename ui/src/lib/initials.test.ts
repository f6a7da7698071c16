import { describe, expect, it } from "vitest";
import type { ClauseDetail, Delegate, Initial, Party, Version } from "./bindings";
import { latestJoint, partyInitials, signatories, voidedByJoint } from "./initials";

const party = (id: number, label: string, side: Party["side"]): Party => ({ id, negotiation_id: 1, name: label, side, label, colour: "#000", position: id });
const version = (id: number, kind: "joint" | "party", hash: string, tabled = true): Version => ({
  id,
  clause_id: 5,
  track: kind === "joint" ? { kind: "joint" } : { kind: "party", party_id: 1 },
  parent_id: null,
  text: `text ${id}`,
  hash,
  author: "a",
  created_at: "2026-10-06T05:00:00Z",
  rationale: "",
  tabled_at: tabled ? "2026-10-06T05:00:00Z" : null,
  session_id: null,
  sent_by: null,
  letter_ref: "",
  needs_revision: [],
});
const initial = (id: number, party_id: number, version_id: number, hash: string, voided_by: number | null = null): Initial => ({
  id,
  clause_id: 5,
  party_id,
  version_id,
  hash,
  initialed_by: "x",
  initialed_at: "2026-10-06T06:00:00Z",
  session_id: null,
  voided_at: voided_by ? "2026-10-27T06:00:00Z" : null,
  voided_by_version: voided_by,
});

function detail(versions: Version[], initials: Initial[], status: ClauseDetail["clause"]["status"] = "open"): ClauseDetail {
  return {
    clause: { id: 5, negotiation_id: 1, ref: "Art. 5", title: "t", position: 5, status, status_quo: null, topics: [], section: "" },
    parties: [party(1, "FTU", "workers"), party(2, "NEA", "employers"), party(3, "MLSP", "government"), party(4, "MED", "mediator")],
    versions,
    initials,
    standards: [],
    reservations: [],
    delegates: [],
    private_notes: [],
    rendered: [],
    neighbours: { prev: null, next: null },
    stage: null,
    sessions: [],
    languages: ["en"],
    language_sets: [],
  };
}

describe("initials", () => {
  it("offers the latest tabled joint text to every party that has not initialed it; never to the mediator", () => {
    const d = detail([version(10, "joint", "a"), version(11, "party", "b"), version(12, "joint", "c", false)], [initial(1, 1, 10, "a")]);
    expect(latestJoint(d)?.id).toBe(10);
    const rows = partyInitials(d);
    expect(rows.map((r) => r.party.label)).toEqual(["FTU", "NEA", "MLSP"]);
    expect(rows.map((r) => r.state.state)).toEqual(["initialed", "pending", "pending"]);
    expect(rows.map((r) => r.canInitial)).toEqual([false, true, true]);
    expect(voidedByJoint(d)).toBeNull();
  });

  it("names the parties whose initials a new joint text voided, until they initial again", () => {
    const versions = [version(10, "joint", "a"), version(14, "joint", "d")];
    const voided = detail(versions, [initial(1, 1, 10, "a", 14), initial(2, 2, 10, "a", 14)]);
    expect(voidedByJoint(voided)).toEqual({ version: 14, at: "2026-10-27T06:00:00Z", parties: [voided.parties[0], voided.parties[1]] });
    expect(partyInitials(voided).every((r) => r.canInitial)).toBe(true);
    const again = detail(versions, [initial(1, 1, 10, "a", 14), initial(2, 2, 10, "a", 14), initial(3, 1, 14, "d")]);
    expect(voidedByJoint(again)?.parties.map((p) => p.label)).toEqual(["NEA"]);
    expect(partyInitials(again)[0].state).toMatchObject({ state: "initialed", current: true });
  });

  it("offers nothing on a withdrawn clause or one with no joint text", () => {
    expect(partyInitials(detail([version(10, "joint", "a")], [], "withdrawn")).some((r) => r.canInitial)).toBe(false);
    expect(partyInitials(detail([version(11, "party", "b")], [])).some((r) => r.canInitial)).toBe(false);
  });

  it("offers the side's coordinator first to give an initial, then the organisation's own people; never a retired one", () => {
    const d = detail([version(10, "joint", "a")], []);
    d.parties.push(party(5, "KTU", "workers"));
    const delegate = (id: number, party_id: number, role: Delegate["role"], retired = false): Delegate => ({
      id, party_id, name: `d${id}`, role, retired_at: retired ? "2026-10-01T00:00:00Z" : null,
    });
    d.delegates = [
      delegate(1, 1, "member"),
      delegate(2, 1, "spokesperson"),
      delegate(3, 5, "coordinator"),
      delegate(4, 5, "expert"),
      delegate(5, 2, "coordinator"),
      delegate(6, 1, "member", true),
    ];
    expect(signatories(d, d.parties[0]).map((x) => x.id)).toEqual([3, 2, 1, 4]);
    expect(signatories(d, d.parties[1]).map((x) => x.id)).toEqual([5]);
    expect(signatories(d, d.parties[2])).toEqual([]);
  });

  it("counts a coalition's initial for every organisation of its side, and offers none of them another", () => {
    const d = detail([version(10, "joint", "a")], [initial(1, 5, 10, "a")]);
    d.parties.push(party(5, "KTU", "workers"));
    const rows = partyInitials(d);
    const ftu = rows.find((r) => r.party.label === "FTU")!;
    expect(ftu.state.state).toBe("through");
    expect(ftu.state.state === "through" && ftu.state.through.label).toBe("KTU");
    expect(ftu.canInitial).toBe(false);
    expect(rows.find((r) => r.party.label === "KTU")!.state.state).toBe("initialed");
    expect(rows.find((r) => r.party.label === "NEA")!.canInitial).toBe(true);
  });
});
