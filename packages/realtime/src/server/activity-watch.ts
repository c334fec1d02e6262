export interface ActivityWatchOptions {
  activityTimeoutMs: number;
  pongTimeoutMs: number;
  /** Called once the socket has been silent for the activity timeout. */
  onSilent(): void;
  /** Called when a silent socket did not answer the ping in time. */
  onDead(): void;
}

/** Pings a socket that has gone quiet, and gives up on one that stays quiet after the ping. */
export class ActivityWatch {
  private readonly silenceTimer: NodeJS.Timeout;
  private pongTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ActivityWatchOptions) {
    this.silenceTimer = setTimeout(() => this.pingSilentSocket(), options.activityTimeoutMs);
  }

  /** Any frame from the client counts as a sign of life. */
  recordActivity(): void {
    clearTimeout(this.pongTimer);
    this.pongTimer = undefined;
    this.silenceTimer.refresh();
  }

  stop(): void {
    clearTimeout(this.silenceTimer);
    clearTimeout(this.pongTimer);
  }

  private pingSilentSocket(): void {
    this.options.onSilent();
    this.pongTimer = setTimeout(() => this.options.onDead(), this.options.pongTimeoutMs);
  }
}
