import { describe, expect, it } from "vitest";
import { PerfLog, percentile } from "./perf";

describe("performance log", () => {
  it("computes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([], 95)).toBe(0);
  });

  it("records one sample per preview refresh", () => {
    const log = new PerfLog();
    log.keystroke();
    const start = performance.now();
    log.previewStarted(1234)(start + 0.5);
    const summary = log.summary();
    expect(summary.count).toBe(1);
    expect(log.samples[0].chars).toBe(1234);
    expect(log.samples[0].total).toBeGreaterThanOrEqual(log.samples[0].update);
    expect(log.samples[0].render + log.samples[0].dom).toBeCloseTo(log.samples[0].update, 5);
  });
});
