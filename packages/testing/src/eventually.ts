/**
 * Waits until `check` gives a value (not undefined/null/false): for what arrives on its own time
 * (webhooks, events through the queue). Polls real time, not a test clock.
 */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what = 'the condition',
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
