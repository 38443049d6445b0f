// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { fieldHistory } from "./field-history";

function typeInto(field: HTMLInputElement, value: string, inputType = "insertText") {
  field.value = value;
  field.dispatchEvent(new InputEvent("input", { inputType }));
}

function press(field: HTMLInputElement, key: string, shiftKey = false) {
  field.dispatchEvent(new KeyboardEvent("keydown", { key, ctrlKey: true, shiftKey, cancelable: true }));
}

describe("undo in a text field", () => {
  // Issue #11: Ctrl+Z in the title did nothing once autosaved; emptying it was final.
  it("undoes a run of typing as one step, and a deletion, then redoes", () => {
    const field = document.createElement("input");
    let clock = 0;
    let heard = 0;
    fieldHistory(field, () => heard++, () => clock);
    for (const value of ["2", "20", "200", "2002"]) {
      clock += 100;
      typeInto(field, value);
    }
    clock += 5000;
    typeInto(field, "", "deleteContentBackward");
    press(field, "z");
    expect(field.value).toBe("2002");
    press(field, "z");
    expect(field.value).toBe("");
    press(field, "z", true);
    expect(field.value).toBe("2002");
    press(field, "y");
    expect(field.value).toBe("");
    expect(heard).toBe(4);
  });
});
