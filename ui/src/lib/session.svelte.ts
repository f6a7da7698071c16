// What the whole window shares: the workbench's negotiations, which one is open, and a word for the
// user that outlives the view that said it.
import type { Lang, NegotiationSummary } from "./bindings";
import { ok, type Backend } from "./backend";
import { textLanguage } from "./texts";

class Session {
  negotiations = $state<NegotiationSummary[]>([]);
  /** False until the workbench has said which negotiations it holds. */
  loaded = $state(false);
  negotiationId = $state<number | null>(null);
  /** A shared record on a server is open, not a workbench file: there is no "whose workbench". */
  server = $state(false);
  /** On a shared record, each member's name by their login: views name people, not logins. */
  people = $state<Record<string, string>>({});
  /** Counts the workbenches opened, so every view starts afresh on another file. */
  workbench = $state(0);
  /** Counts the changes made to the open negotiation on a shared record, by anyone: each open view
   * reads again what it shows when it moves. */
  revision = $state(0);
  /** The language the user chose to compare texts in, where an agreement has several (lib/texts.ts). */
  textLanguage = $state<Lang | null>(null);
  /** An error or notice for the whole window (e.g. a workbench that could not be opened). */
  banner = $state<{ text: string; error: boolean } | null>(null);

  /** The window opens: on a workbench this run created, the demo in the interface's language first. */
  async start(api: Backend, lang: Lang): Promise<void> {
    const info = await api.workbenchInfo();
    this.server = info.server;
    // the names beside the negotiations, not before them
    const people = this.readPeople(api);
    if (info.fresh) await this.openDemo(api, lang);
    else await this.reload(api);
    await people;
  }

  /** Reads who the record's people are (none on a workbench file). */
  async readPeople(api: Backend): Promise<void> {
    const people = await ok(api.people());
    this.people = Object.fromEntries(people.map((p) => [p.login, p.name]));
  }

  /** The name of the person a record names by `login`; the login itself where it names no member. */
  nameOf(login: string): string {
    return this.people[login] ?? login;
  }

  /** Loads the demo negotiation in `lang` (once per language) and opens it. */
  async openDemo(api: Backend, lang: Lang): Promise<void> {
    const demo = await ok(api.loadDemo(lang));
    await this.reload(api);
    this.negotiationId = demo.id;
  }

  /** The language the open negotiation's texts are compared in, if it has several authentic ones. */
  comparedIn(ui: Lang): Lang | null {
    const open = this.negotiations.find((n) => n.id === this.negotiationId);
    return textLanguage(open?.languages ?? [], this.textLanguage, ui);
  }

  /** Reads the negotiations again; keeps the open one if it is still there. */
  async reload(api: Backend): Promise<void> {
    this.negotiations = await ok(api.negotiations());
    this.loaded = true;
    if (!this.negotiations.some((n) => n.id === this.negotiationId)) this.negotiationId = this.negotiations[0]?.id ?? null;
  }
}

export const session = new Session();
