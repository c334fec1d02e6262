import type { ServerResponse } from 'node:http';
import { signPayload } from './signing';

/** What `POST /route-metadata` registered for the files one upload request presigned. */
interface RouteRegistration {
  metadata: unknown;
  callbackUrl: string;
  callbackSlug: string;
  awaitServerData: boolean;
  /** Development: callbacks go back as JSON lines on the still-open `/route-metadata` answer. */
  devStream?: DevStream;
}

interface DevStream {
  response: ServerResponse;
  keysLeft: Set<string>;
}

type CallbackResult = { serverData: unknown } | { error: string };

const REGISTRATION_WAIT_MS = 5_000;
const CALLBACK_RESULT_TIMEOUT_MS = 30_000;

/**
 * The ingest's side of the route handler's callbacks: the registrations, the signed callback after
 * each upload (a POST to the handler, or a line on the dev stream), and the handler's answer
 * (`POST /callback-result`) that the upload's PUT waits for when `awaitServerData`.
 */
export class RouteCallbacks {
  private readonly registrations = new Map<string, RouteRegistration>();
  private readonly registrationWaiters = new Map<string, (registration: RouteRegistration) => void>();
  private readonly pendingResults = new Map<string, (result: CallbackResult) => void>();
  private readonly devStreams = new Set<ServerResponse>();

  constructor(private readonly apiKey: string) {}

  register(fileKeys: string[], registration: Omit<RouteRegistration, 'devStream'>, devResponse?: ServerResponse): void {
    const devStream = devResponse ? { response: devResponse, keysLeft: new Set(fileKeys) } : undefined;
    if (devResponse) {
      this.devStreams.add(devResponse);
      devResponse.on('close', () => this.devStreams.delete(devResponse));
    }
    for (const key of fileKeys) {
      const entry = { ...registration, devStream };
      this.registrations.set(key, entry);
      this.registrationWaiters.get(key)?.(entry);
      this.registrationWaiters.delete(key);
    }
  }

  /** In development the handler registers without awaiting, so a fast PUT can arrive first. */
  async registrationFor(key: string): Promise<RouteRegistration | undefined> {
    const known = this.registrations.get(key);
    if (known) return known;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.registrationWaiters.delete(key);
        resolve(undefined);
      }, REGISTRATION_WAIT_MS);
      this.registrationWaiters.set(key, (registration) => {
        clearTimeout(timer);
        resolve(registration);
      });
    });
  }

  /** Sends the signed callback and, when the route awaits it, the handler's `onUploadComplete` result. */
  async deliver(key: string, registration: RouteRegistration, body: { file: unknown; origin: string }): Promise<CallbackResult> {
    const payload = JSON.stringify({ status: 'uploaded', file: body.file, origin: body.origin, metadata: registration.metadata });
    const signature = signPayload(payload, this.apiKey);
    const result = registration.awaitServerData ? this.awaitResult(key) : Promise.resolve({ serverData: null });
    try {
      if (registration.devStream) this.writeDevLine(key, registration.devStream, { payload, signature, hook: 'callback' });
      else await this.postCallback(registration, payload, signature);
    } catch (error) {
      this.pendingResults.delete(key);
      return { error: `Callback to ${registration.callbackUrl} failed: ${error instanceof Error ? error.message : String(error)}` };
    } finally {
      this.registrations.delete(key);
    }
    return result;
  }

  /** `POST /callback-result`: false when no upload waits for this key. */
  settle(fileKey: string, result: CallbackResult): boolean {
    const resolve = this.pendingResults.get(fileKey);
    this.pendingResults.delete(fileKey);
    resolve?.(result);
    return resolve !== undefined;
  }

  closeDevStreams(): void {
    for (const response of this.devStreams) response.end();
  }

  private awaitResult(key: string): Promise<CallbackResult> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pendingResults.delete(key);
        resolve({ error: 'The route handler did not answer the callback in time' });
      }, CALLBACK_RESULT_TIMEOUT_MS);
      this.pendingResults.set(key, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
    });
  }

  private async postCallback(registration: RouteRegistration, payload: string, signature: string): Promise<void> {
    const url = new URL(registration.callbackUrl);
    url.searchParams.set('slug', registration.callbackSlug);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'uploadthing-hook': 'callback', 'x-uploadthing-signature': signature },
      body: payload,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`status ${response.status}`);
  }

  private writeDevLine(key: string, stream: DevStream, line: { payload: string; signature: string; hook: 'callback' }): void {
    if (stream.response.writableEnded || stream.response.destroyed) throw new Error('the development stream is closed');
    stream.response.write(`${JSON.stringify(line)}\n`);
    stream.keysLeft.delete(key);
    if (stream.keysLeft.size === 0) stream.response.end();
  }
}
