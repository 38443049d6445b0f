// A stand-in for the Tauri backend in the browser-only tests: `@tauri-apps/api/core`'s
// invoke calls window.__TAURI_INTERNALS__.invoke, answered here from an in-memory library.
// Pieces, tags (rename, merge), date filters, revisions (any two compared), trash and export
// follow the library's shapes — typed against src/api/types.ts, so a field added to a piece
// in Rust (and so in the generated types) breaks this file at `tsc`, not a test at run time.
// The render mimics the pipeline's contract: blocks with data-line, and counts.
// tests/browser.mjs strips the types (TypeScript's transpiler) and injects it before the page.
import type * as T from "../src/api/types";

/** What the tests reach on `window` besides the app's own test API. */
interface MockWindow {
  __TAURI_INTERNALS__: unknown;
  __TAURI_EVENT_PLUGIN_INTERNALS__: unknown;
  __mockCalls: { cmd: string; args: Record<string, unknown> }[];
  __mockPieces: T.Piece[];
  __mockRevisions: Map<number, StoredRevision[]>;
  __mockFiles: Record<string, string>;
  __mockTagError: T.UiError | null;
  __mockConflictOnce: boolean;
  __mockClipboard: string;
  __mockOpened: boolean;
  /** The library opened read-only (`library_read_only`). */
  __mockReadOnly?: boolean;
  __mockSite: T.SiteSettings;
  /** How long `export_piece` takes, in ms (a page with big images takes seconds). */
  __mockExportDelay: number;
  /** What the next "save as" dialog answers (default `/tmp/picked.html`). */
  __mockNextPick: string | null;
  /** Files that exist already (not written by Edito for the piece). */
  __mockExisting: string[];
  /** The titles of the dialogs shown, in order. */
  __mockPickTitles: string[];
  /** What the next image dialog answers (null: cancelled), and where it was asked to open. */
  __mockNextImagePick: string | null;
  __mockImageNear: (string | null)[];
  /** The library's images by id, and the bytes `add_image_picked` reads for a path. */
  __mockImages: Map<string, { record: T.ImageRecord; url: string }>;
  __mockImageFiles: Record<string, number[]>;
  /** Makes the next image copy fail with this error (too large, read-only folder…). */
  __mockImageError: T.UiError | null;
  /** The built-in theme's stylesheet (src/export/templates/style.css), set by browser.mjs:
   *  the mocked preview page is styled as the core's is. */
  __mockThemeCss?: string;
  [callback: `_${number}`]: ((payload: unknown) => void) | undefined;
}

type StoredRevision = T.Piece & { number: number; reason: T.RevisionReason; saved_at: string; kept_at: string };

/** Each command's arguments and answer, as the Rust commands take and give them. */
interface Handlers {
  list_pieces(a: { filter: T.PieceFilter | null }): T.PieceSummary[];
  get_piece(a: { id: number }): T.Piece;
  create_piece(a: { new: T.NewPiece }): T.Piece;
  save_piece(a: { edit: T.PieceEdit }): T.Piece;
  offer_welcome_piece(): T.Piece | null;
  set_status(a: { id: number; status: T.Status }): T.Piece;
  status_history(a: { id: number }): T.StatusChange[];
  trash_piece(a: { id: number }): T.Piece;
  restore_from_trash(a: { id: number }): T.Piece;
  list_trash(): T.PieceSummary[];
  empty_trash(): number;
  search(a: { query: T.SearchQuery }): T.SearchHit[];
  list_tags(): T.TagCount[];
  add_tags(a: { id: number; names: string[] }): T.Piece;
  remove_tags(a: { id: number; names: string[] }): T.Piece;
  rename_tag(a: { from: string; to: string }): number;
  merge_tags(a: { sources: string[]; target: string }): number;
  list_revisions(a: { id: number }): T.RevisionSummary[];
  diff_revisions(a: { id: number; from: number; to: number | null }): T.RevisionDiff;
  restore_revision(a: { id: number; number: number }): T.Piece;
  render_preview(a: { markdown: string; lang: T.Lang; shown: number | null }): T.PreviewUpdate;
  preview_page(a: { article: T.Piece }): string;
  check_spelling(a: { markdown: string; lang: T.Lang }): T.Misspelling[];
  check_rendered_spelling(a: { generation: number; lang: T.Lang }): T.Misspelling[] | null;
  spelling_suggestions(a: { word: string; lang: T.Lang }): string[];
  add_spelling_word(a: { word: string }): null;
  export_formats(): T.ExportFormatInfo[];
  export_piece(a: { id: number; format: T.ExportFormat; path: string; replace: boolean }): Promise<null>;
  export_fragment(a: { id: number }): string;
  export_site(a: { outDir: string; status: string; baseUrl: string | null }): Promise<T.SiteReport>;
  cancel_job(a: { id: number }): null;
  site_settings(): T.SiteSettings;
  save_site_settings(a: { settings: T.SiteSettings }): null;
  open_last_export(): null;
  import_paths(a: { paths: string[] }): T.ImportOutcome;
  restore_latest_backup(): null;
  library_read_only(): boolean;
  choose_library_folder(a: { title: string }): boolean;
  "plugin:event|listen"(a: { event: string; handler: number }): number;
  "plugin:clipboard-manager|write_text"(a: { text: string }): null;
  pick_export_file(a: { format: T.ExportFormat; name: string; title: string }): string | null;
  pick_site_folder(a: { title: string }): string | null;
  pick_import(a: { folders: boolean; title: string }): string[] | null;
  add_image(a: Uint8Array, options?: { headers?: Record<string, string> }): Promise<T.ImageRecord>;
  add_image_picked(a: { path: string }): Promise<T.ImageRecord>;
  describe_image(a: { id: string; text: T.ImageText }): T.ImageRecord;
  list_images(): T.ImageRecord[];
  image_record(a: { id: string }): T.ImageRecord;
  pick_image(a: { title: string; near: string | null }): string | null;
}

(() => {
  const w = window as unknown as MockWindow;
  const now = () => new Date().toISOString();
  const fields = (o: Partial<T.PieceFields>): T.PieceFields => ({
    title: "", body: "", kicker: "", standfirst: "", author: "", author_role: "", category: "", lang: "fr",
    publication_date: null, issue_number: null, target_signs: null, lead_image: null, ...o,
  });
  const piece = (id: number, o: Partial<T.Piece>): T.Piece => ({
    id, slug: `piece-${id}`, status: "draft", tags: [], extra: {}, created_at: now(), updated_at: now(), version: 1, trashed_at: null, ...fields(o), ...o,
  });
  const pieces: T.Piece[] = [
    // Fixed dates, welcome piece the most recent: with now() for both, the list order (and so
    // the piece the desk opens first) depended on whether a millisecond ticked in between.
    piece(1, { title: "Bienvenue dans Edito", body: "# Bienvenue\n\nCeci est un **essai**.\n\nDeuxième paragraphe.", category: "Édito", tags: ["édito"], created_at: "2026-11-28T09:00:00.000Z", updated_at: "2026-11-28T09:00:00.000Z" }),
    piece(2, { title: "Le budget des communes", body: "Les communes votent leur budget.", category: "Société", created_at: "2026-11-27T09:00:00.000Z", updated_at: "2026-11-27T09:00:00.000Z" }),
  ];
  const revisions = new Map<number, StoredRevision[]>();
  const statusLog = new Map<number, T.StatusChange[]>();
  const fold = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  const summary = ({ id, title, slug, status, tags, category, updated_at, publication_date }: T.Piece): T.PieceSummary => ({ id, title, slug, status, tags, category, updated_at, publication_date });
  const fail = (code: T.ErrorCode, params?: T.UiError["params"]): never => {
    throw (params ? { code, params } : { code }) satisfies T.UiError;
  };
  /** Paths the dialogs returned: the only ones the file commands accept. */
  const picked = new Set<string>();
  const grant = (title: string, path: string): string => {
    w.__mockPickTitles.push(title);
    picked.add(path);
    return path;
  };
  const find = (id: number): T.Piece => pieces.find((x) => x.id === id) ?? fail("not_found", { id });
  const bump = (d: T.Piece) => Object.assign(d, { version: d.version + 1, updated_at: now() });
  const keep = (d: T.Piece, reason: T.RevisionReason) => {
    const list = revisions.get(d.id) ?? [];
    list.unshift({ ...structuredClone(d), number: list.length + 1, reason, saved_at: d.updated_at, kept_at: now() });
    revisions.set(d.id, list);
  };
  const checkDay = (day: string | null | undefined) => {
    if (day && !/^\d{4}-\d{2}-\d{2}$/.test(day)) fail("invalid", { field: "publication_date" });
  };
  // Publication-date bounds are inclusive, and a piece with no date never falls in a range.
  const inRange = (d: T.Piece, f: T.PieceFilter) => {
    checkDay(f.published_from);
    checkDay(f.published_to);
    if (!f.published_from && !f.published_to) return true;
    const day = d.publication_date;
    return !!day && (!f.published_from || day >= f.published_from) && (!f.published_to || day <= f.published_to);
  };
  const matches = (d: T.Piece, f: T.PieceFilter = {}) =>
    (!f.statuses?.length || f.statuses.includes(d.status)) && (!f.category || d.category === f.category) &&
    (!f.tags?.length || f.tags.every((t) => d.tags.includes(t))) && !!d.trashed_at === !!f.in_trash && inRange(d, f);
  // Tags as the library treats them: matched without case or accents, renamed and merged on
  // every piece (trashed ones too), `window.__mockTagError` makes the next call fail.
  const tagOf = (name: string): string => pieces.flatMap((d) => d.tags).find((t) => fold(t) === fold(name)) ?? fail("tag_not_found", { tag: name });
  const cleanTag = (name: string) => {
    const clean = name.split(/\s+/).filter(Boolean).join(" ");
    if (!clean || clean.length > 100) fail("invalid", { field: "tag" });
    return clean;
  };
  const replaceTag = (source: string, target: string) => {
    for (const d of pieces) {
      if (!d.tags.includes(source)) continue;
      d.tags = [...new Set(d.tags.map((t) => (t === source ? target : t)))];
    }
  };
  const carrying = (name: string) => pieces.filter((d) => d.tags.includes(name)).length;
  const failTagCall = () => {
    const err = w.__mockTagError;
    w.__mockTagError = null;
    if (err) throw err;
  };
  const live = (f: T.PieceFilter) => pieces.filter((d) => matches(d, f)).sort((a, b) => b.updated_at.localeCompare(a.updated_at) || a.id - b.id);
  const words = (a: string, b: string): T.DiffSegment[] => {
    // A crude word diff, enough to draw ins/del in the browser tests.
    const x = a.split(/(\s+)/), y = b.split(/(\s+)/);
    const segs: T.DiffSegment[] = [];
    let i = 0;
    while (i < x.length && i < y.length && x[i] === y[i]) segs.push({ op: "equal", text: x[i++] });
    if (i < x.length) segs.push({ op: "delete", text: x.slice(i).join("") });
    if (i < y.length) segs.push({ op: "insert", text: y.slice(i).join("") });
    return segs;
  };
  let jobProgressHandler: ((event: { event: string; id: number; payload: T.JobProgress }) => void) | null = null;
  let nextId = 3;
  const calls: MockWindow["__mockCalls"] = [];
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  // A library image shows from its bytes (the app serves them on edito-image:, which
  // chromium does not know).
  const imageTag = (_m: string, alt: string, id: string) => `<img alt="${alt}" src="${w.__mockImages.get(id)?.url ?? ""}">`;
  const inline = (s: string) => escape(s).replace(/!\[([^\]]*)\]\(edito:image\/([0-9a-f]{32})\)/g, imageTag).replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>").replace(/_(.+?)_/g, "<em>$1</em>");
  // Every answer replaces the whole preview (the core's block diff is tested in Rust). The
  // last render's text is kept, as the shell keeps it for spell checking by generation.
  let previewGeneration = 0;
  let renderedText = "";
  function render(md: string): T.PreviewUpdate {
    const out: string[] = [];
    let start = -1;
    let buf: string[] = [];
    const close = () => {
      if (!buf.length) return;
      const text = buf.join(" ");
      const h = /^(#{1,6}) (.*)$/.exec(text);
      out.push(h ? `<h${h[1].length} data-line="${start}">${inline(h[2])}</h${h[1].length}>` : `<p data-line="${start}">${inline(text)}</p>`);
      buf = [];
    };
    md.split("\n").forEach((line, i) => {
      if (line.trim() === "") return close();
      if (!buf.length) start = i + 1;
      buf.push(line);
    });
    close();
    const count = md.split(/\s+/).filter(Boolean).length;
    previewGeneration += 1;
    renderedText = md;
    return {
      generation: previewGeneration,
      base: null,
      keep_head: 0,
      keep_tail: 0,
      line_shift: 0,
      blocks: out,
      counts: { signs: md.length, signs_no_spaces: md.replace(/\s/g, "").length, words: count, feuillets: md.length / 1500, reading_minutes: count / 230 },
    };
  }
  // Spelling: a few known misspellings, offsets in UTF-16 units like the core's.
  const misspelt = (markdown: string): T.Misspelling[] =>
    [...markdown.matchAll(/\b(gouvernment|lannée)(?![\p{L}])/gu)].map((m) => ({ from: m.index, to: m.index + m[0].length, word: m[0] }));
  const handlers: Handlers = {
    list_pieces: ({ filter }) => live(filter ?? {}).map(summary),
    get_piece: ({ id }) => structuredClone(find(id)),
    create_piece: ({ new: fresh }) => {
      const { slug, status, tags, extra, ...given } = fresh;
      const d = piece(nextId++, { ...given, ...(slug ? { slug } : {}), status: status ?? "draft", tags: tags ?? [], extra: extra ?? {} });
      pieces.push(d);
      return structuredClone(d);
    },
    save_piece: ({ edit }) => {
      const d = find(edit.id);
      if (w.__mockConflictOnce) {
        w.__mockConflictOnce = false;
        Object.assign(d, { body: "Version d'une autre fenêtre." });
        bump(d);
      }
      if (edit.base_version !== d.version) throw { code: "conflict", params: { id: d.id, version: d.version }, current: structuredClone(d) } satisfies T.UiError;
      const { id: _id, base_version: _base, kind, slug, tags: _tags, ...rest } = edit;
      if (kind === "save_point") keep(d, "save_point");
      Object.assign(d, rest);
      if (slug) d.slug = fold(slug).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "sans-titre";
      bump(d);
      return structuredClone(d);
    },
    offer_welcome_piece: () => null,
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
      const n = pieces.filter((d) => d.trashed_at).length;
      for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i].trashed_at) pieces.splice(i, 1);
      return n;
    },
    search: ({ query }) => {
      const want = fold(query.text).split(/\s+/).filter(Boolean);
      return live(query)
        .filter((d) => want.every((word) => fold(`${d.title} ${d.body} ${d.tags.join(" ")}`).includes(word)))
        .map((d) => ({ ...summary(d), score: 1, snippet: [{ text: "… ", highlight: false }, { text: want[0] ?? "", highlight: true }, { text: " <b>…</b>", highlight: false }] }));
    },
    list_tags: () => {
      const counts = new Map<string, number>();
      for (const d of live({})) for (const tag of d.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return [...counts].map(([name, count]) => ({ name, count }));
    },
    add_tags: ({ id, names }) => {
      const d = find(id);
      for (const n of names) if (!d.tags.includes(n)) d.tags.push(n);
      return structuredClone(bump(d));
    },
    remove_tags: ({ id, names }) => {
      const d = find(id);
      d.tags = d.tags.filter((tag) => !names.includes(tag));
      return structuredClone(bump(d));
    },
    rename_tag: ({ from, to }) => {
      failTagCall();
      const clean = cleanTag(to);
      const source = tagOf(from);
      const other = pieces.flatMap((d) => d.tags).find((tag) => tag !== source && fold(tag) === fold(clean));
      replaceTag(source, other ?? clean);
      return carrying(other ?? clean);
    },
    merge_tags: ({ sources, target }) => {
      failTagCall();
      const clean = cleanTag(target);
      const existing = pieces.flatMap((d) => d.tags).find((tag) => fold(tag) === fold(clean)) ?? clean;
      for (const name of sources) replaceTag(tagOf(name), existing);
      return carrying(existing);
    },
    list_revisions: ({ id }) => (revisions.get(id) ?? []).map(({ number, reason, version, title, saved_at, kept_at }) => ({ number, reason, version, title, saved_at, kept_at })),
    diff_revisions: ({ id, from, to }) => {
      const rev = (n: number) => revisions.get(id)?.find((x) => x.number === n) ?? fail("revision_not_found", { piece: id, number: n });
      const old = rev(from);
      const current = to == null ? find(id) : rev(to);
      return { piece_id: id, from, to: to ?? null, fields: (["title", "body", "author", "author_role"] as const).map((f) => ({ field: f, segments: words(old[f], current[f]) })), unified: "" };
    },
    restore_revision: ({ id, number }) => {
      const d = find(id);
      const rev = revisions.get(id)?.find((r) => r.number === number) ?? fail("revision_not_found", { piece: id, number });
      keep(d, "restore");
      for (const f of ["title", "kicker", "standfirst", "body"] as const) d[f] = rev[f];
      return structuredClone(bump(d));
    },
    render_preview: ({ markdown }) => render(markdown),
    // The theme's page in small (the core renders src/export/templates/piece.html), with a
    // token of the core's typography: enough to tell typeset fields from raw ones.
    preview_page: ({ article: a }) => {
      const esc = (text: string) => text.replace(/'/g, "\u2019").replace(/&/g, "&amp;").replace(/</g, "&lt;");
      const line = (cls: string, text: string, tag = "p") => (text ? `<${tag} class="${cls}">${esc(text)}</${tag}>` : "");
      const info = a.category || a.tags.length ? `<p class="info">${esc([a.category, a.tags.join(", ")].filter(Boolean).join(" — "))}</p>` : "";
      // The lead image as the core's piece.html writes it: a figure between header and body.
      const leadId = /^edito:image\/([0-9a-f]{32})$/.exec(a.lead_image ?? "")?.[1];
      const leadImage = leadId ? w.__mockImages.get(leadId) : undefined;
      const lead = leadImage
        ? `<figure class="lead-image"><img src="${leadImage.url}" alt="${esc(leadImage.record.alt)}">${leadImage.record.caption ? `<figcaption>${esc(leadImage.record.caption)}</figcaption>` : ""}</figure>`
        : "";
      return `<!doctype html><html lang="${a.lang}"><head><style>${w.__mockThemeCss ?? ""}</style></head><body><main><article class="piece"><header>${line("kicker", a.kicker)}${line("title", a.title, "h1")}${line("standfirst", a.standfirst)}${info}</header>${lead}<div class="body"><div id="edito-body"></div></div><footer class="signature">${line("author", a.author)}${line("role", a.author_role)}</footer></article></main></body></html>`;
    },
    check_spelling: ({ markdown }) => misspelt(markdown),
    check_rendered_spelling: ({ generation }) => (generation === previewGeneration ? misspelt(renderedText) : null),
    spelling_suggestions: ({ word }) => (word === "gouvernment" ? ["gouvernement", "gouvernent"] : []),
    add_spelling_word: () => null,
    export_formats: () => [
      { format: "page", extension: "html", suffix: ".html", mime: "text/html; charset=utf-8", label_key: "export.page" },
      { format: "fragment", extension: "html", suffix: ".fragment.html", mime: "text/html; charset=utf-8", label_key: "export.fragment" },
      { format: "markdown", extension: "md", suffix: ".md", mime: "text/markdown; charset=utf-8", label_key: "export.markdown" },
      { format: "docx", extension: "docx", suffix: ".docx", mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", label_key: "export.docx" },
      { format: "icml", extension: "icml", suffix: ".icml", mime: "application/xml; charset=utf-8", label_key: "export.icml" },
    ],
    export_piece: async ({ id, format, path, replace }) => {
      if (w.__mockExportDelay > 0) await new Promise((done) => setTimeout(done, w.__mockExportDelay));
      find(id);
      // Like the shell (src-tauri/src/picks.rs): only a picked path, or the picked file with
      // another format's extension; an existing file is replaced only when the writer agreed.
      const stem = (p: string) => p.replace(/\.(html|md|docx|icml)$/, "");
      if (![...picked].some((p) => p === path || stem(p) === stem(path))) fail("not_picked", { name: path.split("/").pop() ?? path });
      if (w.__mockExisting.includes(path) && !replace) fail("would_replace", { name: path.split("/").pop() ?? path });
      if (path.startsWith("/nope")) fail("io", { action: "write", name: path.split("/").pop() ?? path, reason: "not_found" });
      w.__mockFiles[path] = format;
      return null;
    },
    export_fragment: ({ id }) => `<article>${find(id).title}</article>`,
    export_site: async ({ outDir }) => {
      const total = live({}).length + 2;
      for (let done = 0; done <= total; done++) {
        jobProgressHandler?.({ event: "job-progress", id: 1, payload: { job: 1, kind: "site_export", done, total } });
        await new Promise((r) => setTimeout(r, 30));
      }
      return { out_dir: outDir, pieces: total - 2, tags: 1, categories: 2, files: total + 3, removed: [], kept: [], recovered: null, temporary_removed: 0 };
    },
    cancel_job: () => null,
    site_settings: () => ({ ...w.__mockSite }),
    save_site_settings: ({ settings }) => {
      w.__mockSite = settings;
      return null;
    },
    open_last_export: () => {
      w.__mockOpened = true;
      return null;
    },
    restore_latest_backup: () => fail("busy"),
    library_read_only: () => w.__mockReadOnly === true,
    choose_library_folder: () => false,
    import_paths: ({ paths }) => {
      for (const path of paths) if (!picked.has(path)) fail("not_picked", { name: path.split("/").pop() ?? path });
      const d = piece(nextId++, { title: "Importé", body: "Texte importé." });
      pieces.push(d);
      return { created: [{ path: paths[0], id: d.id, slug: d.slug, title: d.title }], updated: [], unchanged: [], refused: [{ path: "/tmp/x.pdf", reason: "not a Markdown file" }] };
    },
    "plugin:event|listen": ({ event, handler }) => {
      if (event === "job-progress") jobProgressHandler = (w[`_${handler}`] as typeof jobProgressHandler) ?? null;
      return handler;
    },
    "plugin:clipboard-manager|write_text": ({ text }) => {
      w.__mockClipboard = text;
      return null;
    },
    pick_export_file: ({ title }) => grant(title, w.__mockNextPick ?? "/tmp/picked.html"),
    pick_site_folder: ({ title }) => grant(title, "/tmp/picked-folder"),
    pick_import: ({ title }) => [grant(title, "/tmp/picked.md")],
    // Images like the library: content-addressed (SHA-256, first 32 hex), sniffed by their
    // magic bytes (PNG's size read from its header), refused with the shell's codes.
    add_image: (bytes, options) => storeImage(bytes, options?.headers?.["x-edito-name"] ? decodeURIComponent(options.headers["x-edito-name"]) : null),
    add_image_picked: ({ path }) => {
      if (!picked.has(path)) fail("not_picked", { name: path.split("/").pop() ?? path });
      const bytes = w.__mockImageFiles[path] ?? fail("io", { action: "read", name: path.split("/").pop() ?? path, reason: "not_found" });
      return storeImage(new Uint8Array(bytes), path.split("/").pop() ?? null);
    },
    describe_image: ({ id, text }) => {
      const stored = w.__mockImages.get(id) ?? fail("image_not_found", { id });
      Object.assign(stored.record, text);
      return structuredClone(stored.record);
    },
    list_images: () => [...w.__mockImages.values()].map((i) => structuredClone(i.record)),
    image_record: ({ id }) => structuredClone((w.__mockImages.get(id) ?? fail("image_not_found", { id })).record),
    pick_image: ({ title, near }) => {
      w.__mockImageNear.push(near);
      const path = w.__mockNextImagePick;
      return path === null ? null : grant(title, path);
    },
  };
  const MEDIA: [number[], string][] = [[[0x89, 0x50, 0x4e, 0x47], "image/png"], [[0xff, 0xd8, 0xff], "image/jpeg"], [[0x47, 0x49, 0x46, 0x38], "image/gif"]];
  async function storeImage(bytes: Uint8Array, name: string | null): Promise<T.ImageRecord> {
    const refused = w.__mockImageError;
    w.__mockImageError = null;
    if (refused) throw refused;
    const media = MEDIA.find(([magic]) => magic.every((b, i) => bytes[i] === b))?.[1] ?? fail("image_not_an_image");
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
    const id = [...digest].map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, 32);
    const known = w.__mockImages.get(id);
    if (known) return structuredClone(known.record);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const png = media === "image/png" && bytes.length > 24;
    const record: T.ImageRecord = {
      id, media_type: media, width: png ? view.getUint32(16) : 1, height: png ? view.getUint32(20) : 1, byte_len: bytes.length,
      original_name: name, alt: "", decorative: false, caption: "", credit: "", created_at: now(),
    };
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    w.__mockImages.set(id, { record, url: `data:${media};base64,${btoa(binary)}` });
    return structuredClone(record);
  }
  let callbackId = 0;
  w.__TAURI_INTERNALS__ = {
    metadata: { currentWindow: { label: "main" }, currentWebview: { windowLabel: "main", label: "main" } },
    transformCallback: (cb: (payload: unknown) => void) => {
      const id = ++callbackId;
      w[`_${id}`] = cb;
      return id;
    },
    unregisterCallback: () => undefined,
    invoke: async (cmd: string, args: Record<string, unknown> = {}, options?: unknown) => {
      calls.push({ cmd, args });
      const handler = (handlers as unknown as Record<string, ((a: Record<string, unknown>, o?: unknown) => unknown) | undefined>)[cmd];
      if (!handler) return 0; // plugin calls (event listen…) need no answer here
      return handler(args, options);
    },
    convertFileSrc: (p: string, protocol = "asset") => (protocol === "edito-image" ? (w.__mockImages.get(p)?.url ?? "") : p),
  };
  w.__mockCalls = calls;
  w.__mockPieces = pieces;
  w.__mockRevisions = revisions;
  w.__mockFiles = {};
  w.__mockNextPick = null;
  w.__mockExportDelay = 0;
  w.__mockExisting = [];
  w.__mockPickTitles = [];
  w.__mockNextImagePick = "/tmp/portrait.png";
  w.__mockImageNear = [];
  w.__mockImages = new Map();
  w.__mockImageFiles = {};
  w.__mockImageError = null;
  w.__mockSite = { title: "Edito", description: "", base_url: null, lang: "fr", author: "" };
  w.__TAURI_EVENT_PLUGIN_INTERNALS__ = { unregisterListener: () => undefined };
})();
