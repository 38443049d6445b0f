import { afterEach, describe, expect, it } from "vitest";
import { setUiLang } from "../i18n";
import { gaugeFill, gaugeLevel, gaugeText } from "./gauge";

describe("target gauge", () => {
  afterEach(() => setUiLang("fr", null));

  it("is under, on (±5 %) or over the target", () => {
    expect(gaugeLevel(900, 1000)).toBe("under");
    expect(gaugeLevel(949, 1000)).toBe("under");
    expect(gaugeLevel(950, 1000)).toBe("on");
    expect(gaugeLevel(1050, 1000)).toBe("on");
    expect(gaugeLevel(1051, 1000)).toBe("over");
  });

  it("has no level without a target, and says so when counts are missing", () => {
    expect(gaugeLevel(500, undefined)).toBe("none");
    expect(gaugeLevel(500, 0)).toBe("none");
    expect(gaugeLevel(undefined, 1000)).toBe("unknown");
  });

  it("says the numbers and the verdict in words", () => {
    expect(gaugeText(1200, 1500)).toBe("1\u202F200 / 1\u202F500 signes — il manque 300 signes");
    expect(gaugeText(1500, 1500)).toBe("1\u202F500 / 1\u202F500 signes — longueur atteinte");
    expect(gaugeText(1800, 1500)).toBe("1\u202F800 / 1\u202F500 signes — 300 signes de trop");
    setUiLang("en", null);
    expect(gaugeText(1800, 1500)).toBe("1,800 / 1,500 characters — 300 too many");
  });

  it("fills in proportion and caps at full", () => {
    expect(gaugeFill(750, 1500)).toBe(0.5);
    expect(gaugeFill(3000, 1500)).toBe(1);
    expect(gaugeFill(undefined, 1500)).toBe(0);
  });
});
