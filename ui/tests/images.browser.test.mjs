// Browser-only tests of images (issue #14) against the mocked backend (tests/mock-tauri.ts):
// a picture pasted, a file dropped, the picker, the image dialog (alt text required unless
// decorative), refusals worded in the UI's language with the text untouched, the lead image
// field, and the offer to copy a hand-typed local path into the library. The real paste and
// the app-served images are proven in the real window (tests/e2e/images.rs).
// Run: npm run build && node --test tests/images.browser.test.mjs
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { deflateSync, crc32 } from "node:zlib";
import { axe, closeBrowser, editorText, openDesk, startBrowser } from "./browser.mjs";

before(startBrowser);
after(closeBrowser);

/** A solid-colour RGB PNG of `width` × `height`, as bytes. */
export function png(width, height, [r, g, b] = [200, 40, 40]) {
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "latin1");
    data.copy(out, 8);
    out.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, "latin1"), data])), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => [r, g, b]).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** Fires a paste (or a drop on the editor) carrying one file, as the webview delivers them. */
async function sendFile(page, kind, bytes, name, type) {
  await page.evaluate(
    ({ kind, bytes, name, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], name, { type }));
      const target = document.querySelector(".cm-content");
      if (kind === "paste") {
        target.focus();
        target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      } else {
        const box = target.getBoundingClientRect();
        target.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true, clientX: box.left + 5, clientY: box.top + 5 }));
      }
    },
    { kind, bytes: [...bytes], name, type },
  );
}

const dialogOpen = (page) => page.waitForFunction(() => document.getElementById("image-dialog").open && !document.getElementById("image-confirm").disabled);
const imageCalls = (page, cmd) => page.evaluate((c) => window.__mockCalls.filter((x) => x.cmd === c).length, cmd);

describe("images in the body", () => {
  it("a pasted picture asks for its alt text, then becomes its own paragraph, shown in the preview", async () => {
    const { page, context, errors } = await openDesk();
    await page.evaluate(() => window.__edito.setText("Avant. Après."));
    await page.evaluate(() => window.__edito.select(7));
    await sendFile(page, "paste", png(64, 48), "image.png", "image/png");
    await dialogOpen(page);
    // The dialog shows the copied image (its real pixels) and its size.
    await page.waitForFunction(() => document.getElementById("image-thumb").naturalWidth === 64);
    assert.match(await page.textContent("#image-info"), /64 × 48 px/);
    assert.deepEqual(await axe(page), []);
    // No alt text and not decorative: refused in words, nothing inserted.
    await page.click("#image-confirm");
    assert.match(await page.textContent("#image-error"), /Décrivez l'image/);
    assert.equal(await page.getAttribute("#image-alt", "aria-invalid"), "true");
    assert.equal(await editorText(page), "Avant. Après.");
    await page.fill("#image-alt", "Portrait de Jean Dupont");
    await page.fill("#image-caption", "Jean Dupont, en 2024");
    await page.fill("#image-credit", "Marie Curie");
    await page.click("#image-confirm");
    await page.waitForFunction(() => !document.getElementById("image-dialog").open);
    const text = await editorText(page);
    assert.match(text, /^Avant\.\n\n!\[Portrait de Jean Dupont\]\(edito:image\/[0-9a-f]{32}\)\n\nAprès\.$/);
    // The pasted bytes crossed as one raw body (no JSON array of numbers), with no file name.
    const sent = await page.evaluate(() => window.__mockCalls.find((c) => c.cmd === "add_image").args);
    assert.equal(sent.constructor.name, "Uint8Array");
    const [record] = await page.evaluate(() => [...window.__mockImages.values()].map((i) => i.record));
    assert.equal(record.original_name, null);
    assert.deepEqual([record.alt, record.caption, record.credit], ["Portrait de Jean Dupont", "Jean Dupont, en 2024", "Marie Curie"]);
    // In the preview: the picture itself, decoded at its size.
    await page.waitForFunction(() => document.getElementById("preview").contentDocument.querySelector("img")?.naturalWidth === 64);
    // Typing goes on after the image.
    await page.keyboard.type("Suite.");
    assert.match(await editorText(page), /\)\n\nSuite\.Après\.$/);
    assert.deepEqual(errors, []);
    await context.close();
  });

  // WebKitGTK hands a paste of an image-only clipboard (a screenshot) an empty DataTransfer;
  // the picture is then read with the async Clipboard API, which it allows during the paste.
  it("a paste whose event carries no data reads the picture from the clipboard", async () => {
    const { page, context } = await openDesk();
    await page.evaluate((bytes) => {
      const blob = new Blob([new Uint8Array(bytes)], { type: "image/png" });
      Object.defineProperty(navigator, "clipboard", { value: { read: async () => [{ types: ["image/png"], getType: async () => blob }] } });
      const target = document.querySelector(".cm-content");
      target.focus();
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: new DataTransfer(), bubbles: true, cancelable: true }));
    }, [...png(33, 22)]);
    await dialogOpen(page);
    assert.match(await page.textContent("#image-info"), /33 × 22 px/);
    await context.close();
  });

  /** Fires a paste whose event carries `entries` (type → string) and whose async clipboard
   *  holds `items` ({ types, bytes }): what WebKitGTK hands over for various clipboards. */
  async function pasteClipboard(page, entries, items) {
    await page.evaluate(
      ({ entries, items }) => {
        const read = async () => items.map(({ types, bytes }) => ({ types, getType: async (type) => new Blob([new Uint8Array(bytes)], { type }) }));
        Object.defineProperty(navigator, "clipboard", { value: { read }, configurable: true });
        const data = new DataTransfer();
        for (const [type, value] of Object.entries(entries)) data.setData(type, value);
        const target = document.querySelector(".cm-content");
        target.focus();
        target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { entries, items: items.map(({ types, bytes }) => ({ types, bytes: [...bytes] })) },
    );
  }
  const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);

  // Regression (tester, WebKitGTK): `xclip -t image/jpeg` then Ctrl+V did nothing and said
  // nothing — the paste event listed the image type without a file, and the old code left any
  // event with a type to CodeMirror. Every type the core takes is read from the clipboard.
  for (const type of ["image/jpeg", "image/webp", "image/gif"]) {
    it(`a ${type} paste whose event lists the type but no file reads the picture from the clipboard`, async () => {
      const { page, context } = await openDesk();
      await pasteClipboard(page, { [type]: "" }, [{ types: [type], bytes: JPEG }]);
      await dialogOpen(page);
      assert.equal(await imageCalls(page, "add_image"), 1);
      await page.click("#image-cancel");
      await context.close();
    });
  }

  // Regression: an image file copied in a file manager comes as a `file://` URL; the old code
  // ignored it. It goes through the dialog opened on that file, as a hand-typed local path does.
  it("an image file copied in a file manager is copied into the library after the native dialog", async () => {
    const { page, context } = await openDesk();
    await page.evaluate(() => window.__edito.setText(""));
    await page.evaluate((bytes) => (window.__mockImageFiles["/home/redac/Photo du port.jpg"] = bytes), [...JPEG]);
    await page.evaluate(() => (window.__mockNextImagePick = "/home/redac/Photo du port.jpg"));
    await pasteClipboard(page, { "text/uri-list": "# copied\r\nfile:///home/redac/Photo%20du%20port.jpg\r\n" }, []);
    await dialogOpen(page);
    assert.deepEqual(await page.evaluate(() => window.__mockImageNear), ["/home/redac/Photo du port.jpg"]);
    await page.fill("#image-alt", "Le port");
    await page.click("#image-confirm");
    await page.waitForFunction(() => window.__edito.text().includes("edito:image/"));
    assert.match(await editorText(page), /^!\[Le port\]\(edito:image\/[0-9a-f]{32}\)\n\n$/);
    await context.close();
  });

  // Regression: a paste Edito could not use did nothing, silently. It now says why; a text
  // paste stays CodeMirror's, without a word.
  for (const [locale, what, entries, items, words] of [
    ["fr-FR", "a PDF on the clipboard", {}, [{ types: ["application/pdf"], bytes: Buffer.from("%PDF") }], /Le presse-papiers ne contient ni texte ni image/],
    ["en-GB", "an empty clipboard", {}, [], /The clipboard holds no text or picture Edito can paste/],
    ["fr-FR", "a PDF copied in a file manager", { "text/uri-list": "file:///home/redac/contrat.pdf" }, [], /Le fichier copié n'est pas une image : Edito accepte/],
  ]) {
    it(`a paste of ${what} says so (${locale}), the text untouched`, async () => {
      const { page, context } = await openDesk({ locale });
      const before = await editorText(page);
      await pasteClipboard(page, entries, items);
      await page.waitForSelector("#app-error:not([hidden])", { timeout: 5000 });
      assert.match(await page.textContent("#app-error"), words);
      assert.equal(await editorText(page), before);
      assert.equal(await imageCalls(page, "add_image"), 0);
      await context.close();
    });
  }

  it("a text paste is CodeMirror's, with no message", async () => {
    const { page, context } = await openDesk();
    await page.evaluate(() => window.__edito.setText(""));
    await pasteClipboard(page, { "text/plain": "Bonjour", "text/uri-list": "https://example.org/" }, [{ types: ["image/png"], bytes: png(4, 4) }]);
    await page.waitForFunction(() => window.__edito.text().includes("Bonjour"));
    assert.equal(await page.isHidden("#app-error"), true);
    assert.equal(await page.evaluate(() => document.getElementById("image-dialog").open), false);
    await context.close();
  });

  it("the same picture again proposes the alt text it was given", async () => {
    const { page, context } = await openDesk();
    const bytes = png(10, 10, [0, 90, 0]);
    await sendFile(page, "paste", bytes, "image.png", "image/png");
    await dialogOpen(page);
    await page.fill("#image-alt", "Une pelouse");
    await page.click("#image-confirm");
    await page.waitForFunction(() => !document.getElementById("image-dialog").open);
    await sendFile(page, "paste", bytes, "image.png", "image/png");
    await dialogOpen(page);
    assert.equal(await page.inputValue("#image-alt"), "Une pelouse");
    await page.click("#image-cancel");
    await page.waitForFunction(() => !document.getElementById("image-dialog").open);
    assert.equal((await editorText(page)).match(/edito:image/g).length, 1, "cancel inserts nothing");
    await context.close();
  });

  it("a dropped file keeps its name; a decorative image gets an empty alt", async () => {
    const { page, context } = await openDesk();
    await page.evaluate(() => window.__edito.setText(""));
    await sendFile(page, "drop", png(20, 30), "Été à Arles.png", "image/png");
    await dialogOpen(page);
    assert.match(await page.textContent("#image-info"), /Été à Arles\.png/);
    await page.check("#image-decorative");
    assert.equal(await page.isDisabled("#image-alt"), true);
    await page.click("#image-confirm");
    await page.waitForFunction(() => !document.getElementById("image-dialog").open);
    assert.match(await editorText(page), /^!\[\]\(edito:image\/[0-9a-f]{32}\)\n\n$/);
    await context.close();
  });

  for (const [locale, words] of [["fr-FR", /n'est pas une image/], ["en-GB", /is not an image/]]) {
    it(`a file that is not an image is refused in the UI's language (${locale}), the text untouched`, async () => {
      const { page, context } = await openDesk({ locale });
      const before = await editorText(page);
      await sendFile(page, "drop", Buffer.from("%PDF-1.7\n"), "contrat.pdf", "application/pdf");
      await page.waitForFunction(() => !document.getElementById("image-error").hidden);
      assert.match(await page.textContent("#image-error"), words);
      assert.equal(await page.isDisabled("#image-confirm"), true);
      await page.click("#image-cancel");
      assert.equal(await editorText(page), before);
      await context.close();
    });
  }

  // Broke: a refused file left the alt/caption/credit form on screen with a disabled button,
  // without naming the file, and the only way on was to cancel and start again.
  it("a refused file is named, the form hidden, and another file can be chosen", async () => {
    const { page, context } = await openDesk();
    await page.evaluate((bytes) => (window.__mockImageFiles["/tmp/portrait.png"] = bytes), [...png(24, 24)]);
    await sendFile(page, "drop", Buffer.from("ftypheic"), "IMG_0001.heic", "image/heic");
    await page.waitForFunction(() => !document.getElementById("image-error").hidden);
    assert.equal(await page.textContent("#image-info"), "« IMG_0001.heic » n'a pas été ajouté :");
    for (const hidden of ["#image-alt", "#image-caption", "#image-credit", "#image-decorative", "#image-confirm"]) {
      assert.equal(await page.isVisible(hidden), false, hidden);
    }
    assert.equal(await page.isVisible("#image-another"), true);
    assert.equal(await page.textContent("#image-another"), "Choisir un autre fichier");
    assert.equal(await page.evaluate(() => document.activeElement.id), "image-another");
    assert.deepEqual(await axe(page), []);
    await page.click("#image-another");
    await dialogOpen(page);
    assert.equal(await page.isVisible("#image-alt"), true);
    assert.equal(await page.isVisible("#image-another"), false);
    await page.fill("#image-alt", "Le portrait");
    await page.click("#image-confirm");
    await page.waitForFunction(() => !document.getElementById("image-dialog").open);
    assert.match(await editorText(page), /!\[Le portrait\]\(edito:image\/[0-9a-f]{32}\)/);
    await context.close();
  });

  // Broke: the toolbar's Image button was drawn pressed while the image dialog was open for a
  // paste, a drop or the lead image, as if the writer had clicked it. It looks active only
  // for its own action: a click, or its shortcut (as every toolbar button, issue #11).
  it("the Image button looks pressed only while the dialog is open for its own action", async () => {
    const { page, context } = await openDesk();
    const look = () => page.evaluate(() => {
      const style = getComputedStyle(document.getElementById("insert-image"));
      return `${style.backgroundColor} ${style.color} ${style.borderColor}`;
    });
    const resting = await look();
    await sendFile(page, "paste", png(8, 8), "image.png", "image/png");
    await dialogOpen(page);
    assert.equal(await look(), resting, "pressed during a paste's dialog");
    await page.keyboard.press("Escape");
    await sendFile(page, "drop", png(9, 9), "photo.png", "image/png");
    await dialogOpen(page);
    assert.equal(await look(), resting, "pressed during a drop's dialog");
    await page.keyboard.press("Escape");
    await page.evaluate((bytes) => (window.__mockImageFiles["/tmp/portrait.png"] = bytes), [...png(10, 10)]);
    await page.click("#toggle-metadata");
    await page.click("#meta-lead-pick");
    await dialogOpen(page);
    await page.mouse.move(700, 600);
    assert.equal(await look(), resting, "pressed during the lead image's dialog");
    await page.keyboard.press("Escape");
    await page.click(".cm-content");
    await page.keyboard.press("Control+Alt+g");
    await dialogOpen(page);
    const active = await look();
    assert.notEqual(active, resting, "its shortcut's dialog shows the button active");
    await page.keyboard.press("Escape");
    await page.click("#insert-image");
    await dialogOpen(page);
    // The pointer away from the button: its hover look is not what is measured.
    await page.mouse.move(700, 600);
    assert.equal(await look(), active, "the click's dialog shows the button active");
    await page.keyboard.press("Escape");
    await page.waitForFunction(() => !document.getElementById("image-dialog").open);
    assert.equal(await look(), resting);
    await context.close();
  });

  for (const [error, fr, en] of [
    [{ code: "image_too_large", params: { megabytes: 63 } }, /pèse 63 Mo, au-delà de la limite de 50 Mo/, /is 63 MB, over the 50 MB limit/],
    [{ code: "image_corrupt" }, /endommagée ou incomplète/, /damaged or incomplete/],
    [{ code: "image_not_stored", params: { reason: "read_only" } }, /copiée dans la bibliothèque \(disque en lecture seule\)/, /copied into the library \(read-only disk\)/],
  ]) {
    it(`${error.code} is worded in French and English, the text untouched`, async () => {
      for (const [locale, words] of [["fr-FR", fr], ["en-GB", en]]) {
        const { page, context } = await openDesk({ locale });
        const before = await editorText(page);
        await page.evaluate((e) => (window.__mockImageError = e), error);
        await sendFile(page, "paste", png(8, 8), "image.png", "image/png");
        await page.waitForFunction(() => !document.getElementById("image-error").hidden);
        assert.match(await page.textContent("#image-error"), words);
        await page.keyboard.press("Escape");
        assert.equal(await editorText(page), before);
        await context.close();
      }
    });
  }

  it("the toolbar button and Ctrl+Alt+G open the picker; a cancelled dialog changes nothing", async () => {
    const { page, context } = await openDesk();
    await page.evaluate((bytes) => (window.__mockImageFiles["/tmp/portrait.png"] = bytes), [...png(40, 40)]);
    await page.click("#insert-image");
    await dialogOpen(page);
    assert.match(await page.textContent("#image-info"), /portrait\.png/);
    await page.fill("#image-alt", "Le portrait");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.getElementById("image-dialog").open);
    assert.match(await editorText(page), /!\[Le portrait\]\(edito:image\//);
    await page.evaluate(() => (window.__mockNextImagePick = null));
    const before = await editorText(page);
    await page.click(".cm-content");
    await page.keyboard.press("Control+Alt+g");
    await page.waitForFunction(() => window.__mockCalls.filter((c) => c.cmd === "pick_image").length === 2);
    assert.equal(await page.evaluate(() => document.getElementById("image-dialog").open), false);
    assert.equal(await editorText(page), before);
    assert.equal(await imageCalls(page, "add_image_picked"), 1);
    await context.close();
  });
});

describe("editing an image already in the text", () => {
  // Broke: only the lead image's dialog edited an image's texts, and then for every use; an
  // image in the body kept the alt text, caption and credit it was inserted with.
  it("the button on an image under the cursor edits its alt text there (one undo) and its caption everywhere", async () => {
    const { page, context } = await openDesk();
    await page.evaluate((bytes) => (window.__mockImageFiles["/tmp/portrait.png"] = bytes), [...png(40, 40)]);
    await page.click("#insert-image");
    await dialogOpen(page);
    await page.fill("#image-alt", "Le portrait");
    await page.fill("#image-caption", "À Lyon");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => !document.getElementById("image-dialog").open);
    const inserted = await editorText(page);
    const id = /edito:image\/([0-9a-f]{32})/.exec(inserted)[1];
    // The same image used a second time, with another alt text.
    await page.evaluate((t) => window.__edito.setText(`${t}Fin ![Jean, de face](edito:image/${t.match(/[0-9a-f]{32}/)[0]}).`), inserted);
    const text = await editorText(page);
    await page.evaluate((at) => window.__edito.select(at), text.indexOf("Jean") + 2);
    await page.keyboard.press("Control+Alt+g");
    await dialogOpen(page);
    assert.equal(await page.textContent("#image-dialog-title"), "Modifier l'image");
    assert.match(await page.textContent("#image-scope"), /cette utilisation de l'image seulement/);
    assert.equal(await page.inputValue("#image-alt"), "Jean, de face");
    assert.equal(await page.inputValue("#image-caption"), "À Lyon");
    await page.fill("#image-alt", "Jean Dupont, de face [2024]");
    await page.fill("#image-caption", "À Lyon, en 2024");
    await page.click("#image-confirm");
    await page.waitForFunction(() => !document.getElementById("image-dialog").open);
    const edited = await editorText(page);
    assert.equal(edited, text.replace("![Jean, de face]", "![Jean Dupont, de face \\[2024\\]]"));
    // The picker was not opened; the image's caption changed for every use, its own alt kept.
    assert.equal(await page.evaluate(() => window.__mockCalls.filter((c) => c.cmd === "pick_image").length), 1);
    const record = await page.evaluate((i) => window.__mockImages.get(i).record, id);
    assert.equal(record.caption, "À Lyon, en 2024");
    assert.equal(record.alt, "Le portrait");
    // One undo gives the old alt text back.
    await page.keyboard.press("Control+z");
    assert.equal(await editorText(page), text);
    await context.close();
  });
});

describe("the lead image field", () => {
  it("picks a lead image with its alt text, shows its thumbnail, saves the reference, removes it", async () => {
    const { page, context } = await openDesk();
    await page.evaluate((bytes) => (window.__mockImageFiles["/tmp/portrait.png"] = bytes), [...png(30, 40)]);
    await page.click("#toggle-metadata");
    await page.click("#meta-lead-pick");
    await dialogOpen(page);
    assert.equal(await page.textContent("#image-dialog-title"), "Image principale de l'article");
    await page.fill("#image-alt", "Portrait de la rédactrice en chef");
    await page.click("#image-confirm");
    await page.waitForFunction(() => document.getElementById("meta-lead-thumb").naturalWidth === 30);
    assert.equal(await page.isVisible("#meta-lead-thumb"), true);
    await page.evaluate(() => window.__edito.flush());
    const lead = await page.evaluate(() => window.__mockPieces[0].lead_image);
    assert.match(lead, /^edito:image\/[0-9a-f]{32}$/);
    assert.deepEqual(await axe(page), []);
    await page.click("#meta-lead-remove");
    await page.evaluate(() => window.__edito.flush());
    assert.equal(await page.evaluate(() => window.__mockPieces[0].lead_image), null);
    assert.equal(await page.isVisible("#meta-lead-thumb"), false);
    await context.close();
  });

  // Broke: the details panel showed only the reference of the lead image, not the texts the
  // page carries, and nothing edited them but choosing the image again; the preview's page
  // had no lead image at all.
  it("shows the lead image's alt text, caption and credit, edits them, and the preview follows", async () => {
    const { page, context } = await openDesk();
    await page.evaluate((bytes) => (window.__mockImageFiles["/tmp/portrait.png"] = bytes), [...png(30, 40)]);
    await page.click("#toggle-metadata");
    await page.click("#meta-lead-pick");
    await dialogOpen(page);
    await page.fill("#image-alt", "Portrait de la rédactrice en chef");
    await page.fill("#image-caption", "À Lyon");
    await page.click("#image-confirm");
    await page.waitForFunction(() => !document.getElementById("meta-lead-texts").hidden);
    assert.equal(await page.textContent("#meta-lead-alt"), "Portrait de la rédactrice en chef");
    assert.equal(await page.textContent("#meta-lead-caption"), "À Lyon");
    assert.equal(await page.isVisible("#meta-lead-credit"), false);
    const figcaption = () => page.evaluate(() => document.getElementById("preview").contentDocument.querySelector("figure.lead-image figcaption")?.textContent ?? null);
    await page.waitForFunction(() => document.getElementById("preview").contentDocument.querySelector("figure.lead-image img")?.naturalWidth === 30);
    assert.equal(await figcaption(), "À Lyon");
    // "Modifier…": the dialog on the image's own texts, saying what they apply to.
    await page.click("#meta-lead-edit");
    await dialogOpen(page);
    assert.equal(await page.textContent("#image-dialog-title"), "Textes de l'image principale");
    assert.equal(await page.textContent("#image-confirm"), "Enregistrer");
    assert.equal(await page.isVisible("#image-scope"), true);
    assert.equal(await page.inputValue("#image-caption"), "À Lyon");
    await page.fill("#image-caption", "À Lyon, en 2024");
    await page.fill("#image-credit", "Marie Curie");
    await page.click("#image-confirm");
    await page.waitForFunction(() => document.getElementById("meta-lead-credit").textContent === "Marie Curie");
    assert.equal(await page.textContent("#meta-lead-caption"), "À Lyon, en 2024");
    await page.waitForFunction(() => document.getElementById("preview").contentDocument.querySelector("figure.lead-image figcaption")?.textContent === "À Lyon, en 2024");
    assert.deepEqual(await axe(page), []);
    await context.close();
  });

  it("takes a picture pasted on it", async () => {
    const { page, context } = await openDesk();
    await page.click("#toggle-metadata");
    await page.evaluate((bytes) => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array(bytes)], "image.png", { type: "image/png" }));
      const zone = document.getElementById("meta-lead");
      zone.focus();
      zone.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, [...png(12, 12)]);
    await dialogOpen(page);
    await page.check("#image-decorative");
    await page.click("#image-confirm");
    await page.waitForFunction(() => document.getElementById("meta-lead-thumb").naturalWidth === 12);
    await context.close();
  });
});

describe("a hand-typed local image", () => {
  it("is offered for copying into the library, through the dialog opened on that file, and its destination rewritten", async () => {
    const { page, context } = await openDesk();
    await page.evaluate((bytes) => (window.__mockImageFiles["/home/redac/vue.png"] = bytes), [...png(16, 9)]);
    await page.evaluate(() => (window.__mockNextImagePick = "/home/redac/vue.png"));
    await page.evaluate(() => window.__edito.setText("Texte.\n\n![Vue du port](/home/redac/vue.png)\n"));
    await page.waitForSelector("#image-offer:not([hidden])", { timeout: 5000 });
    assert.match(await page.textContent("#image-offer-text"), /« vue\.png » est un fichier de votre disque/);
    assert.equal(await imageCalls(page, "add_image_picked"), 0, "nothing is read before the writer asks");
    await page.click("#image-offer-copy");
    await page.waitForFunction(() => window.__edito.text().includes("edito:image/"));
    assert.match(await editorText(page), /^Texte\.\n\n!\[Vue du port\]\(edito:image\/[0-9a-f]{32}\)\n$/);
    assert.deepEqual(await page.evaluate(() => window.__mockImageNear), ["/home/redac/vue.png"]);
    await page.waitForSelector("#image-offer", { state: "hidden" });
    await context.close();
  });
});
