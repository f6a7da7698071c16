import { getContext, setContext } from "svelte";
import type { Backend } from "./backend";

export const BACKEND_KEY = Symbol("backend");
const KEY = BACKEND_KEY;

export function provideBackend(backend: Backend): void {
  setContext(KEY, backend);
}

export function backend(): Backend {
  return getContext<Backend>(KEY);
}
