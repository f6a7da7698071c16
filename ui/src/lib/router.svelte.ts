// Every view has an address (`#/clause/12/diff/40/41`), so a view can be linked, restored and tested.

export type Route =
  | { view: "dashboard" }
  | { view: "clauses" }
  | { view: "clause"; clauseId: number; diff?: { from: number; to: number } }
  | { view: "search"; query: string }
  | { view: "library" }
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
      const [from, to] = [number(parts[3]), number(parts[4])];
      const diff = parts[2] === "diff" && from !== undefined && to !== undefined ? { from, to } : undefined;
      return { view: "clause", clauseId, diff };
    }
    case "search":
      return { view: "search", query: parts.slice(1).join("/") };
    case "library":
      return { view: "library" };
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
    case "search":
      return `#/search/${encodeURIComponent(route.query)}`;
    default:
      return `#/${route.view}`;
  }
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
