// A stand-in for the Tauri backend in the browser-only tests: `@tauri-apps/api/core`'s
// invoke calls window.__TAURI_INTERNALS__.invoke, answered here from an in-memory library.
// Pieces, tags (rename, merge), date filters, revisions (any two compared), trash and export
// follow the library's shapes. The render mimics the pipeline's contract: blocks with data-line, and counts.
(() => {
  const now = () => new Date().toISOString();
  const fields = (o) => ({ kicker: "", standfirst: "", author: "", author_role: "", category: "", lang: "fr", publication_date: null, issue_number: null, target_signs: null, ...o });
  const piece = (id, o) => ({ id, slug: `piece-${id}`, status: "draft", tags: [], created_at: now(), updated_at: now(), version: 1, trashed_at: null, ...fields(o) });
  const drafts = [
    // Fixed dates, welcome piece the most recent: with now() for both, the list order (and so
    // the piece the desk opens first) depended on whether a millisecond ticked in between.
    piece(1, { title: "Bienvenue dans Edito", body: "# Bienvenue\n\nCeci est un **essai**.\n\nDeuxième paragraphe.", category: "Édito", tags: ["édito"], created_at: "2026-11-28T09:00:00.000Z", updated_at: "2026-11-28T09:00:00.000Z" }),
    piece(2, { title: "Le budget des communes", body: "Les communes votent leur budget.", category: "Société", created_at: "2026-11-27T09:00:00.000Z", updated_at: "2026-11-27T09:00:00.000Z" }),
  ];
  const revisions = new Map();
  const statusLog = new Map();
  const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const summary = ({ id, title, slug, status, tags, category, updated_at, publication_date }) => ({ id, title, slug, status, tags, category, updated_at, publication_date });
  const find = (id) => {
    const d = drafts.find((x) => x.id === id);
    if (!d) throw { code: "not_found", params: { id } };
    return d;
  };
  const bump = (d) => Object.assign(d, { version: d.version + 1, updated_at: now() });
  const keep = (d, reason) => {
    const list = revisions.get(d.id) ?? [];
    list.unshift({ ...structuredClone(d), number: list.length + 1, reason, saved_at: d.updated_at, kept_at: now() });
    revisions.set(d.id, list);
  };
  const checkDay = (day) => {
    if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) throw { code: "invalid", params: { field: "publication_date" } };
  };
  // Publication-date bounds are inclusive, and a piece with no date never falls in a range.
  const inRange = (d, f) => {
    checkDay(f.published_from);
    checkDay(f.published_to);
    if (!f.published_from && !f.published_to) return true;
    const day = d.publication_date;
    return !!day && (!f.published_from || day >= f.published_from) && (!f.published_to || day <= f.published_to);
  };
  const matches = (d, f = {}) =>
    (!f.statuses?.length || f.statuses.includes(d.status)) && (!f.category || d.category === f.category) &&
    (!f.tags?.length || f.tags.every((t) => d.tags.includes(t))) && !!d.trashed_at === !!f.in_trash && inRange(d, f);
  // Tags as the library treats them: matched without case or accents, renamed and merged on
  // every piece (trashed ones too), `window.__mockTagError` makes the next call fail.
  const tagOf = (name) => {
    const hit = drafts.flatMap((d) => d.tags).find((t) => fold(t) === fold(name));
    if (!hit) throw { code: "tag_not_found", params: { tag: name } };
    return hit;
  };
  const cleanTag = (name) => {
    const clean = name.split(/\s+/).filter(Boolean).join(" ");
    if (!clean || clean.length > 100) throw { code: "invalid", params: { field: "tag" } };
    return clean;
  };
  const replaceTag = (source, target) => {
    for (const d of drafts) {
      if (!d.tags.includes(source)) continue;
      d.tags = [...new Set(d.tags.map((t) => (t === source ? target : t)))];
    }
  };
  const carrying = (name) => drafts.filter((d) => d.tags.includes(name)).length;
  const failTagCall = () => {
    const err = window.__mockTagError;
    window.__mockTagError = null;
    if (err) throw err;
  };
  const live = (f) => drafts.filter((d) => matches(d, f)).sort((a, b) => b.updated_at.localeCompare(a.updated_at) || a.id - b.id);
  const words = (a, b) => {
    // A crude word diff, enough to draw ins/del in the browser tests.
    const x = a.split(/(\s+)/), y = b.split(/(\s+)/);
    const segs = [];
    let i = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) segs.push({ op: "equal", text: x[i++] });
    if (i < x.length) segs.push({ op: "delete", text: x.slice(i).join("") });
    if (i < y.length) segs.push({ op: "insert", text: y.slice(i).join("") });
    return segs;
  };
  let jobProgressHandler = null;
  let nextId = 3;
  const calls = [];
  const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const inline = (s) => escape(s).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/_(.+?)_/g, "<em>$1</em>");
  // Every answer replaces the whole preview (the core's block diff is tested in Rust).
  let previewGeneration = 0;
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
    previewGeneration += 1;
    return {
      generation: previewGeneration,
      base: null,
      keep_head: 0,
      keep_tail: 0,
      line_shift: 0,
      blocks: out,
      counts: { signs: md.length, signs_no_spaces: md.replace(/\s/g, "").length, words, feuillets: md.length / 1500, reading_minutes: words / 230 },
    };
  }
  const handlers = {
    list_pieces: ({ filter }) => live(filter ?? {}).map(summary),
    get_piece: ({ id }) => structuredClone(find(id)),
    create_piece: ({ new: fresh }) => {
      const d = piece(nextId++, { title: "", body: "", ...fresh });
      drafts.push(d);
      return structuredClone(d);
    },
    save_piece: ({ edit }) => {
      const d = find(edit.id);
      if (window.__mockConflictOnce) {
        window.__mockConflictOnce = false;
        Object.assign(d, { body: "Version d'une autre fenêtre." });
        bump(d);
      }
      if (edit.base_version !== d.version) throw { code: "conflict", params: { id: d.id, version: d.version }, current: structuredClone(d) };
      const { id, base_version, kind, slug, tags, ...rest } = edit;
      if (kind === "save_point") keep(d, "save_point");
      Object.assign(d, rest);
      if (slug) d.slug = fold(slug).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "sans-titre";
      bump(d);
      return structuredClone(d);
    },
    offer_welcome_draft: () => null,
    set_status: ({ id, status }) => {
      const d = find(id);
      statusLog.set(id, [...(statusLog.get(id) ?? [{ from: null, to: d.status, changed_at: d.created_at }]), { from: d.status, to: status, changed_at: now() }]);
      d.status = status;
      return structuredClone(bump(d));
    },
    status_history: ({ id }) => statusLog.get(id) ?? [{ from: null, to: find(id).status, changed_at: find(id).created_at }],
    trash_piece: ({ id }) => structuredClone(bump(Object.assign(find(id), { trashed_at: now() }))),
    restore_from_trash: ({ id }) => structuredClone(bump(Object.assign(find(id), { trashed_at: null }))),
    list_trash: () => live({ in_trash: true }).map(summary),
    empty_trash: () => {
      const n = drafts.filter((d) => d.trashed_at).length;
      for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i].trashed_at) drafts.splice(i, 1);
      return n;
    },
    search: ({ query }) => {
      const want = fold(query.text).split(/\s+/).filter(Boolean);
      return live(query)
        .filter((d) => want.every((w) => fold(`${d.title} ${d.body} ${d.tags.join(" ")}`).includes(w)))
        .map((d) => ({ ...summary(d), score: 1, snippet: [{ text: "… ", highlight: false }, { text: want[0] ?? "", highlight: true }, { text: " <b>…</b>", highlight: false }] }));
    },
    list_tags: () => {
      const counts = new Map();
      for (const d of live({})) for (const t of d.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
      return [...counts].map(([name, count]) => ({ name, count }));
    },
    add_tags: ({ id, names }) => {
      const d = find(id);
      for (const n of names) if (!d.tags.includes(n)) d.tags.push(n);
      return structuredClone(bump(d));
    },
    remove_tags: ({ id, names }) => {
      const d = find(id);
      d.tags = d.tags.filter((t) => !names.includes(t));
      return structuredClone(bump(d));
    },
    rename_tag: ({ from, to }) => {
      failTagCall();
      const clean = cleanTag(to);
      const source = tagOf(from);
      const other = drafts.flatMap((d) => d.tags).find((t) => t !== source && fold(t) === fold(clean));
      replaceTag(source, other ?? clean);
      return carrying(other ?? clean);
    },
    merge_tags: ({ sources, target }) => {
      failTagCall();
      const clean = cleanTag(target);
      const existing = drafts.flatMap((d) => d.tags).find((t) => fold(t) === fold(clean)) ?? clean;
      for (const name of sources) replaceTag(tagOf(name), existing);
      return carrying(existing);
    },
    list_revisions: ({ id }) => (revisions.get(id) ?? []).map(({ number, reason, version, title, saved_at, kept_at }) => ({ number, reason, version, title, saved_at, kept_at })),
    diff_revisions: ({ id, from, to }) => {
      const rev = (n) => {
        const r = revisions.get(id)?.find((x) => x.number === n);
        if (!r) throw { code: "revision_not_found", params: { piece: id, number: n } };
        return r;
      };
      const old = rev(from);
      const now = to == null ? find(id) : rev(to);
      return { piece_id: id, from, to: to ?? null, fields: ["title", "body"].map((f) => ({ field: f, segments: words(old[f], now[f]) })), unified: "" };
    },
    restore_revision: ({ id, number }) => {
      const d = find(id);
      const rev = revisions.get(id).find((r) => r.number === number);
      keep(d, "restore");
      for (const f of ["title", "kicker", "standfirst", "body"]) d[f] = rev[f];
      return structuredClone(bump(d));
    },
    render_preview: ({ markdown }) => render(markdown),
    // A token of the core's typography: enough to tell typeset fields from raw ones.
    typeset_head: ({ head }) => Object.fromEntries(Object.entries(head).map(([k, v]) => [k, String(v).replace(/'/g, "\u2019")])),
    // Spell checking: a few known misspellings, offsets in UTF-16 units like the core's.
    check_spelling: ({ markdown }) =>
      [...markdown.matchAll(/\b(gouvernment|lannée)(?![\p{L}])/gu)].map((m) => ({ from: m.index, to: m.index + m[0].length, word: m[0] })),
    spelling_suggestions: ({ word }) => (word === "gouvernment" ? ["gouvernement", "gouvernent"] : []),
    add_spelling_word: () => null,
    export_formats: () => [
      { format: "page", extension: "html", suffix: ".html", mime: "text/html; charset=utf-8", label_key: "export.page" },
      { format: "fragment", extension: "html", suffix: ".fragment.html", mime: "text/html; charset=utf-8", label_key: "export.fragment" },
      { format: "markdown", extension: "md", suffix: ".md", mime: "text/markdown; charset=utf-8", label_key: "export.markdown" },
    ],
    export_piece: ({ id, format, path }) => {
      find(id);
      if (path.startsWith("/nope")) throw { code: "io", params: { action: "write", name: path.split("/").pop(), reason: "not_found" } };
      window.__mockFiles[path] = format;
      return null;
    },
    export_fragment: ({ id }) => `<article>${find(id).title}</article>`,
    export_site: async ({ outDir }) => {
      const total = live({}).length + 2;
      for (let done = 0; done <= total; done++) {
        jobProgressHandler?.({ event: "job-progress", id: 1, payload: { job: 1, kind: "site_export", done, total } });
        await new Promise((r) => setTimeout(r, 30));
      }
      return { out_dir: outDir, pieces: total - 2, tags: 1, categories: 2, files: total + 3, removed: [] };
    },
    cancel_job: () => null,
    site_settings: () => ({ ...window.__mockSite }),
    save_site_settings: ({ settings }) => void (window.__mockSite = settings),
    open_last_export: () => {
      window.__mockOpened = true;
      return null;
    },
    import_paths: ({ paths }) => {
      const d = piece(nextId++, { title: "Importé", body: "Texte importé." });
      drafts.push(d);
      return { created: [{ path: paths[0], id: d.id, slug: d.slug, title: d.title }], updated: [], unchanged: [], refused: [{ path: "/tmp/x.pdf", reason: "not a Markdown file" }] };
    },
    "plugin:event|listen": ({ event, handler }) => {
      if (event === "job-progress") jobProgressHandler = window[`_${handler}`];
      return handler;
    },
    "plugin:clipboard-manager|write_text": ({ text }) => {
      window.__mockClipboard = text;
      return null;
    },
    "plugin:dialog|save": () => "/tmp/picked.html",
    "plugin:dialog|open": ({ options }) => (options?.directory ? "/tmp/picked-folder" : ["/tmp/picked.md"]),
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
  window.__mockRevisions = revisions;
  window.__mockFiles = {};
  window.__mockSite = { title: "Edito", description: "", base_url: null, lang: "fr", author: "" };
  window.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: () => undefined };
})();
