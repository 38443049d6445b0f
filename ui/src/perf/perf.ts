// Keystroke → preview measurements, with performance marks the E2E reads back through the
// test API (`window.__edito.perf`). `update` is the preview refresh (IPC + render + DOM patch
// + layout); `total` runs from the key event itself (its `timeStamp`), so it includes the
// editor's own work and any wait before the render starts.

export interface PerfSample {
  update: number;
  total: number;
  /** Of `update`: the IPC round trip with the backend's render. */
  render: number;
  /** Of `update`: patching the preview's DOM and laying it out. */
  dom: number;
  /** Length of the piece, so a reader of the figures knows what was measured. */
  chars: number;
}

export interface PerfSummary {
  count: number;
  update: { p50: number; p95: number; max: number };
  total: { p50: number; p95: number; max: number };
  render: { p50: number; p95: number; max: number };
  dom: { p50: number; p95: number; max: number };
}

/** A key event older than this made no edit (an arrow, a shortcut): it is not the cause. */
const KEY_TO_EDIT_MS = 1000;

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

const stats = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(0, ...values) });

export class PerfLog {
  readonly samples: PerfSample[] = [];
  private lastKey = 0;
  private keyDownAt = -Infinity;

  /** A key went down in the editor at `at` (the event's `timeStamp`, on the
   *  `performance.now()` clock): the edit it makes is timed from there. */
  keyDown(at: number): void {
    this.keyDownAt = at;
  }

  /** The text changed: the sample of the render that follows starts at the key event that
   *  made it, or now for an edit no key made (a paste, a spelling fix). */
  keystroke(): void {
    const now = performance.now();
    this.lastKey = now - this.keyDownAt < KEY_TO_EDIT_MS ? this.keyDownAt : now;
    this.keyDownAt = -Infinity;
    performance.mark("edito:keystroke");
  }

  /** Starts timing one preview refresh; returns the function to call once it is on screen,
   *  given when the backend's answer arrived. */
  previewStarted(chars: number): (answeredAt?: number) => void {
    const start = performance.now();
    const fromKey = this.lastKey || start;
    performance.mark("edito:preview-start");
    return (answeredAt) => {
      const end = performance.now();
      const answered = answeredAt ?? end;
      performance.mark("edito:preview-done");
      try {
        performance.measure("edito:preview-update", "edito:preview-start", "edito:preview-done");
      } catch {
        // Marks cleared by someone else: the sample below still counts.
      }
      this.samples.push({ update: end - start, total: end - fromKey, render: answered - start, dom: end - answered, chars });
      if (this.samples.length > 2000) this.samples.shift();
    };
  }

  clear(): void {
    this.samples.length = 0;
    performance.clearMarks?.();
    performance.clearMeasures?.();
  }

  summary(): PerfSummary {
    return {
      count: this.samples.length,
      update: stats(this.samples.map((s) => s.update)),
      total: stats(this.samples.map((s) => s.total)),
      render: stats(this.samples.map((s) => s.render)),
      dom: stats(this.samples.map((s) => s.dom)),
    };
  }
}
