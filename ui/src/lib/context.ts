import { getContext, setContext } from "svelte";
import type { Backend } from "./backend";
import type { Desktop } from "./desktop";

export const BACKEND_KEY = Symbol("backend");
export const DESKTOP_KEY = Symbol("desktop");

export function provide(backend: Backend, desktop: Desktop): void {
  setContext(BACKEND_KEY, backend);
  setContext(DESKTOP_KEY, desktop);
}

export function backend(): Backend {
  return getContext<Backend>(BACKEND_KEY);
}

export function desktop(): Desktop {
  return getContext<Desktop>(DESKTOP_KEY);
}
