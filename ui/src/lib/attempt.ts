/** Runs a change the user asked for; resolves to the message to show beside the form when the core
 * refused it (with its reason), or to "" when it went through. */
export async function attempt(task: () => Promise<unknown>): Promise<string> {
  try {
    await task();
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

/** Runs a change whose result is a notice for `changed` (what it did); resolves to the core's refusal,
 * or "" when it went through. */
export async function change(task: () => Promise<string>, changed: (notice: string) => void): Promise<string> {
  let done = "";
  const refused = await attempt(async () => (done = await task()));
  if (!refused) changed(done);
  return refused;
}
