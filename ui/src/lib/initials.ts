// Where each party's initial on a clause stands, from the clause's versions and initials as the core
// gives them: what the initials panel lists and what the voiding notice says.
import type { ClauseDetail, Delegate, Initial, Party, Version } from "./bindings";

export type InitialState =
  | { state: "pending" }
  | { state: "initialed"; initial: Initial; current: boolean }
  | { state: "voided"; initial: Initial }
  /** Its side has initialed the current text through another of its organisations. */
  | { state: "through"; initial: Initial; through: Party };

export interface PartyInitial {
  party: Party;
  state: InitialState;
  /** The party may initial the clause's latest tabled joint text now. */
  canInitial: boolean;
}

/** The newest tabled joint text: the one the parties initial. */
export function latestJoint(detail: ClauseDetail): Version | undefined {
  return detail.versions.filter((v) => v.track.kind === "joint" && v.tabled_at !== null).at(-1);
}

/** Each initialing party (the mediator does not initial) and where its initial stands. */
export function partyInitials(detail: ClauseDetail): PartyInitial[] {
  const joint = latestJoint(detail);
  const closed = detail.clause.status === "withdrawn" || detail.clause.status === "not_opened";
  // a side's initial on the current text, through whichever of its organisations gave it
  const sideInitial = (party: Party) =>
    detail.initials.find(
      (i) =>
        i.voided_at === null &&
        i.hash === joint?.hash &&
        i.party_id !== party.id &&
        party.side !== null &&
        detail.parties.find((p) => p.id === i.party_id)?.side === party.side,
    );
  return detail.parties
    .filter((p) => p.side !== "mediator")
    .map((party) => {
      const last = detail.initials.filter((i) => i.party_id === party.id).at(-1);
      const own: InitialState | null = !last
        ? null
        : last.voided_at
          ? { state: "voided", initial: last }
          : { state: "initialed", initial: last, current: joint?.hash === last.hash };
      const bySide = sideInitial(party);
      const current = own?.state === "initialed" && own.current;
      const state: InitialState =
        !current && bySide
          ? { state: "through", initial: bySide, through: detail.parties.find((p) => p.id === bySide.party_id)! }
          : (own ?? { state: "pending" });
      const onJoint = current || state.state === "through";
      return { party, state, canInitial: !!joint && !closed && !onJoint };
    });
}

/** The parties whose initials the latest voiding joint text voided and who have not initialed since. */
export function voidedByJoint(detail: ClauseDetail): { version: number; at: string; parties: Party[] } | null {
  const jointIds = new Set(detail.versions.filter((v) => v.track.kind === "joint").map((v) => v.id));
  const voided = partyInitials(detail).filter(
    (p) => p.state.state === "voided" && jointIds.has(p.state.initial.voided_by_version ?? -1),
  );
  if (!voided.length) return null;
  const last = voided
    .map((p) => (p.state as { initial: Initial }).initial)
    .reduce((a, b) => ((a.voided_by_version ?? 0) >= (b.voided_by_version ?? 0) ? a : b));
  const parties = voided
    .filter((p) => (p.state as { initial: Initial }).initial.voided_by_version === last.voided_by_version)
    .map((p) => p.party);
  return { version: last.voided_by_version ?? 0, at: last.voided_at ?? "", parties };
}

/**
 * The serving delegates who may give `party`'s initial: its side's coordinator first (who initials in
 * the side's name), then the party's own spokesperson, then the rest of the party, then the rest of
 * its side — the order the core falls back on when no one is named.
 */
export function signatories(detail: ClauseDetail, party: Party): Delegate[] {
  const sideOf = new Map(detail.parties.map((p) => [p.id, p.side]));
  const rank = (d: Delegate) =>
    d.role === "coordinator" ? 0 : d.party_id === party.id ? (d.role === "spokesperson" ? 1 : 2) : 3;
  return detail.delegates
    .filter((d) => d.retired_at === null)
    .filter((d) => d.party_id === party.id || (party.side !== null && sideOf.get(d.party_id) === party.side))
    .sort((a, b) => rank(a) - rank(b) || a.id - b.id);
}
