// Autosave: saves the latest value a short while after the last change, one save at a time,
// and keeps a failed value pending (retried with backoff) so no keystroke is ever dropped.
import { errorMessage } from "../api/ipc";

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; message: string };

export interface AutosaveOptions {
  /** Quiet time after the last change before saving (the issue asks for ≤ 1 s). */
  debounceMs: number;
  /** Delays between retries of a failed save; the last one repeats. */
  retryDelaysMs: number[];
}

const DEFAULTS: AutosaveOptions = { debounceMs: 700, retryDelaysMs: [1000, 2000, 5000, 10000] };

export class Autosaver<T> {
  private value: T | undefined;
  private dirty = false;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;
  private readonly options: AutosaveOptions;

  constructor(
    private readonly save: (value: T) => Promise<void>,
    private readonly onState: (state: SaveState) => void,
    options: Partial<AutosaveOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Records a new value; it is saved once the writer pauses. */
  schedule(value: T): void {
    this.value = value;
    this.dirty = true;
    this.onState({ kind: "pending" });
    this.arm(this.options.debounceMs);
  }

  /** True while something is not yet safely on disk. */
  hasUnsaved(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  /** Saves now whatever is pending and waits for it; rejects if the save fails. */
  async flush(): Promise<void> {
    this.disarm();
    while (this.inFlight || this.dirty) {
      if (this.inFlight) {
        await this.inFlight.catch(() => undefined);
        continue;
      }
      await this.saveLatest();
    }
  }

  private saveLatest(): Promise<void> {
    const value = this.value as T;
    this.dirty = false;
    this.onState({ kind: "saving" });
    const attempt = this.save(value).then(
      () => {
        this.failures = 0;
        if (!this.dirty) this.onState({ kind: "saved", at: new Date() });
      },
      (err: unknown) => {
        // A newer value may have arrived meanwhile; it supersedes this one. Otherwise this
        // value is still the latest and must be tried again.
        this.dirty = true;
        this.failures += 1;
        this.onState({ kind: "error", message: errorMessage(err) });
        this.arm(this.retryDelay());
        throw err;
      },
    );
    this.inFlight = attempt.finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private retryDelay(): number {
    const delays = this.options.retryDelaysMs;
    return delays[Math.min(this.failures - 1, delays.length - 1)] ?? 1000;
  }

  private arm(delayMs: number): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.flush().catch(() => undefined);
    }, delayMs);
  }

  private disarm(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
