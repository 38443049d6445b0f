// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { StatusBar } from "./status-bar";

function setup() {
  document.body.innerHTML = `<div id="counts"></div><div id="gauge"><span class="gauge__fill"></span><span class="gauge__text"></span></div>`;
  const counts = document.getElementById("counts")!;
  const gauge = document.getElementById("gauge")!;
  return { bar: new StatusBar({ counts, gauge }), counts, gauge };
}

describe("status bar", () => {
  it("shows a dash for every figure until the backend sends counts", () => {
    const { counts } = setup();
    // Issue #11: nothing said the figures count the body only.
    expect([...counts.children].map((c) => c.textContent)).toEqual([
      "Texte de l'article :",
      "— signes",
      "— sans espaces",
      "— mots",
      "— feuillets",
      "— min de lecture",
    ]);
    expect(counts.dataset.source).toBe("none");
  });

  it("shows the counts and moves the gauge with them", () => {
    const { bar, counts, gauge } = setup();
    bar.setTarget(1500);
    expect(gauge.dataset.level).toBe("unknown");
    bar.setCounts({ signs: 1200, signs_no_spaces: 1000, words: 200, feuillets: 0.8, reading_minutes: 0.9 });
    expect(counts.querySelector('[data-count="signs"]')?.textContent).toBe("1\u202F200 signes");
    // French takes the singular below 2: "0,8 feuillet" (issue #11: counts did not agree).
    expect(counts.querySelector('[data-count="feuillets"]')?.textContent).toBe("0,8 feuillet");
    expect(counts.querySelector('[data-count="reading_minutes"]')?.textContent).toBe("1 min de lecture");
    expect(gauge.dataset.level).toBe("under");
    expect(gauge.querySelector<HTMLElement>(".gauge__fill")?.style.transform).toBe("scaleX(0.8)");
    bar.setCounts({ signs: 1500, signs_no_spaces: 1250, words: 250, feuillets: 1, reading_minutes: 1 });
    expect(gauge.dataset.level).toBe("on");
  });

  it("hides the gauge when the piece has no target", () => {
    const { bar, gauge } = setup();
    bar.setTarget(undefined);
    expect(gauge.hidden).toBe(true);
  });
});
