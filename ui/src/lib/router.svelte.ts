// Every view has an address (`#/clause/12/diff/40/41`), so a view can be linked, restored and tested.

import type { Reference } from "./bindings";

export type Route =
  | { view: "dashboard" }
  | { view: "clauses" }
  | { view: "clause"; clauseId: number; diff?: { from: number; to: number } }
  | { view: "compare"; clauseId: number; reference: Reference }
  | { view: "agreement"; reference: Reference | null }
  | { view: "print"; reference: Reference }
  | { view: "sessions"; number: number | null }
  | { view: "standing" }
  | { view: "search"; query: string }
  | { view: "library" }
  | { view: "setup" }
  | { view: "settings" };

export function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const number = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : undefined);
  switch (parts[0]) {
    case "clauses":
      return { view: "clauses" };
    case "clause": {
      const clauseId = number(parts[1]);
      if (clauseId === undefined) break;
      if (parts[2] === "compare") return { view: "compare", clauseId, reference: decodeReference(parts[3]) ?? { kind: "joint" } };
      const [from, to] = [number(parts[3]), number(parts[4])];
      const diff = parts[2] === "diff" && from !== undefined && to !== undefined ? { from, to } : undefined;
      return { view: "clause", clauseId, diff };
    }
    case "agreement": {
      const reference = decodeReference(parts[1]);
      if (reference && parts[2] === "print") return { view: "print", reference };
      return { view: "agreement", reference };
    }
    case "sessions":
      return { view: "sessions", number: number(parts[1]) ?? null };
    case "standing":
      return { view: "standing" };
    case "search":
      return { view: "search", query: parts.slice(1).join("/") };
    case "library":
      return { view: "library" };
    case "setup":
      return { view: "setup" };
    case "settings":
      return { view: "settings" };
  }
  return { view: "dashboard" };
}

export function href(route: Route): string {
  switch (route.view) {
    case "dashboard":
      return "#/";
    case "clause":
      return route.diff
        ? `#/clause/${route.clauseId}/diff/${route.diff.from}/${route.diff.to}`
        : `#/clause/${route.clauseId}`;
    case "compare":
      return `#/clause/${route.clauseId}/compare/${encodeReference(route.reference)}`;
    case "agreement":
      return route.reference ? `#/agreement/${encodeReference(route.reference)}` : "#/agreement";
    case "print":
      return `#/agreement/${encodeReference(route.reference)}/print`;
    case "sessions":
      return route.number === null ? "#/sessions" : `#/sessions/${route.number}`;
    case "search":
      return `#/search/${encodeURIComponent(route.query)}`;
    default:
      return `#/${route.view}`;
  }
}

/** `joint`, `base`, `party-3`, `since-5`: a reference as a path segment. */
export function encodeReference(r: Reference): string {
  return r.kind === "party" || r.kind === "since" ? `${r.kind}-${r.id}` : r.kind;
}

export function decodeReference(s: string | undefined): Reference | null {
  if (s === "joint" || s === "base") return { kind: s };
  const m = s?.match(/^(party|since)-(\d+)$/);
  return m ? { kind: m[1] as "party" | "since", id: Number(m[2]) } : null;
}

export function sameReference(a: Reference, b: Reference): boolean {
  return encodeReference(a) === encodeReference(b);
}

class Router {
  route = $state<Route>(parse(typeof location === "undefined" ? "" : location.hash));

  constructor() {
    if (typeof window !== "undefined") {
      window.addEventListener("hashchange", () => (this.route = parse(location.hash)));
    }
  }

  go(route: Route): void {
    location.hash = href(route);
  }
}

export const router = new Router();
