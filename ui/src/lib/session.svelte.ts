// What the whole window shares: the negotiations and which one is open.
import type { NegotiationSummary } from "./bindings";

class Session {
  negotiations = $state<NegotiationSummary[]>([]);
  negotiationId = $state<number | null>(null);
}

export const session = new Session();
