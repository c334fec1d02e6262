/**
 * Just enough `XMLHttpRequest`, on `fetch`, for `uploadthing/client`'s presigned PUT to run in Node
 * unmodified: open, request headers, `send(FormData)`, `responseType = 'json'`, upload progress (one
 * event when the body is sent), `load` / `error`, `abort`.
 */
type Listener = (event: { loaded: number }) => void;

export class XhrOverFetch {
  status = 0;
  statusText = '';
  responseType = '';
  response: unknown = null;
  readonly upload = { addEventListener: (type: string, listener: Listener) => this.on(`upload:${type}`, listener) };
  private method = 'GET';
  private url = '';
  private readonly headers = new Headers();
  private readonly listeners = new Map<string, Listener[]>();
  private readonly aborter = new AbortController();

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers.set(name, value);
  }

  addEventListener(type: string, listener: Listener): void {
    this.on(type, listener);
  }

  abort(): void {
    this.aborter.abort();
  }

  send(body: FormData): void {
    const size = [...body.values()].reduce((sum, value) => sum + (typeof value === 'string' ? value.length : value.size), 0);
    fetch(this.url, { method: this.method, headers: this.headers, body, signal: this.aborter.signal })
      .then(async (response) => {
        this.emit('upload:progress', size);
        this.status = response.status;
        this.statusText = response.statusText;
        const text = await response.text();
        this.response = this.responseType === 'json' ? (JSON.parse(text || 'null') as unknown) : text;
        this.emit('load', size);
      })
      .catch(() => this.emit('error', 0));
  }

  private on(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  private emit(type: string, loaded: number): void {
    for (const listener of this.listeners.get(type) ?? []) listener({ loaded });
  }
}
