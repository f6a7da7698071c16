/** A Svelte action marking the moment a view's content enters the page (`performance.mark("ready:…")`),
 * so the end-to-end run can time the first dashboard from the process's start. */
export function ready(_node: HTMLElement, view: string): void {
  performance.mark(`ready:${view}`);
}
