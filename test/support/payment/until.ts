/** Waits until `pred` holds, polling every ms (2 s at most): for asynchronous simulator effects. */
export async function until(pred: () => boolean, what = 'condition'): Promise<void> {
  const end = Date.now() + 2000;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}
