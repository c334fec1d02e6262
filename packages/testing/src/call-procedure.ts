import superjson from 'superjson';

/**
 * One call over HTTP the way tRPC's `httpLink` makes it (GET for queries, POST for mutations),
 * answering the status and body whatever they are: the fuzz and the authorization matrix judge
 * statuses a typed client would turn into exceptions.
 */
export async function callProcedure(
  baseUrl: string,
  call: {
    path: string;
    type: 'query' | 'mutation';
    /** Omitted: the call carries no input. */
    input?: unknown;
    headers?: Record<string, string>;
    signal?: AbortSignal;
  },
): Promise<{ status: number; body: unknown }> {
  const encoded =
    call.input === undefined ? undefined : JSON.stringify(superjson.serialize(call.input));
  const url = new URL(`${baseUrl.replace(/\/$/, '')}/trpc/${call.path}`);
  if (call.type === 'query' && encoded !== undefined) url.searchParams.set('input', encoded);
  const response = await fetch(url, {
    method: call.type === 'query' ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...call.headers },
    body: call.type === 'mutation' ? encoded : undefined,
    signal: call.signal,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON (e.g. a 431 from Node's HTTP parser): keep the text
  }
  return { status: response.status, body };
}
