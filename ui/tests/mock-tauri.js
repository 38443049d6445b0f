// A stand-in for the Tauri backend in the browser-only tests: `@tauri-apps/api/core`'s
// invoke calls window.__TAURI_INTERNALS__.invoke, answered here from an in-memory library.
// The render mimics the pipeline's contract: blocks with data-line, and counts.
(() => {
  const now = () => new Date().toISOString();
  const drafts = [
    { id: 1, title: "Bienvenue dans Edito", body: "# Bienvenue\n\nCeci est un **essai**.\n\nDeuxième paragraphe.", created_at: now(), updated_at: now() },
    { id: 2, title: "Le budget des communes", body: "Les communes votent leur budget.", created_at: now(), updated_at: now() },
  ];
  let nextId = 3;
  const calls = [];
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const inline = (s) => escape(s).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/_(.+?)_/g, "<em>$1</em>");
  function render(md) {
    const lines = md.split("\n");
    const out = [];
    let start = -1;
    let buf = [];
    const close = () => {
      if (!buf.length) return;
      const text = buf.join(" ");
      const h = /^(#{1,6}) (.*)$/.exec(text);
      out.push(h ? `<h${h[1].length} data-line="${start}">${inline(h[2])}</h${h[1].length}>` : `<p data-line="${start}">${inline(text)}</p>`);
      buf = [];
    };
    lines.forEach((line, i) => {
      if (line.trim() === "") return close();
      if (!buf.length) start = i + 1;
      buf.push(line);
    });
    close();
    const words = md.split(/\s+/).filter(Boolean).length;
    return {
      html: out.join("\n"),
      counts: { signs: md.length, signs_no_spaces: md.replace(/\s/g, "").length, words, feuillets: md.length / 1500, reading_minutes: words / 230 },
    };
  }
  const handlers = {
    list_drafts: () => [...drafts].sort((a, b) => b.updated_at.localeCompare(a.updated_at)).map(({ id, title, updated_at }) => ({ id, title, updated_at })),
    get_draft: ({ id }) => {
      const d = drafts.find((x) => x.id === id);
      if (!d) throw { code: "not_found", message: "introuvable" };
      return { ...d };
    },
    create_draft: ({ title }) => {
      const d = { id: nextId++, title, body: "", created_at: now(), updated_at: now() };
      drafts.push(d);
      return { ...d };
    },
    save_draft: ({ edit }) => {
      const d = drafts.find((x) => x.id === edit.id);
      Object.assign(d, { title: edit.title, body: edit.body, updated_at: now() });
      return { ...d };
    },
    offer_welcome_draft: () => null,
    render_preview: ({ markdown }) => render(markdown),
  };
  let callbackId = 0;
  window.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
    transformCallback: (cb) => {
      const id = ++callbackId;
      window[`_${id}`] = cb;
      return id;
    },
    unregisterCallback: () => undefined,
    invoke: async (cmd, args = {}) => {
      calls.push({ cmd, args });
      const handler = handlers[cmd];
      if (!handler) return 0; // plugin calls (event listen…) need no answer here
      return handler(args);
    },
    convertFileSrc: (p) => p,
  };
  window.__mockCalls = calls;
  window.__mockDrafts = drafts;
})();
