// The preview pane: a sandboxed iframe (no scripts may run in it, whatever the HTML says)
// whose body receives the core's already-sanitized HTML.

const PREVIEW_STYLE = `
  :root { color-scheme: light; }
  body { margin: 0 auto; padding: 2rem 2.5rem 4rem; max-width: 38rem; background: #fbf8f1;
         color: #1d1c1a; font: 1.0625rem/1.6 Georgia, "DejaVu Serif", serif; hyphens: auto; }
  h1, h2, h3 { font-family: "DejaVu Sans", system-ui, sans-serif; line-height: 1.25; }
  blockquote { margin: 1.5rem 0; padding-left: 1rem; border-left: 3px solid #b4472e; font-style: italic; }
  code { font-family: "DejaVu Sans Mono", monospace; font-size: .9em; }
  pre { overflow-x: auto; background: #f0ebe0; padding: .75rem; }
  table { border-collapse: collapse; } td, th { border: 1px solid #c9c2b4; padding: .25rem .5rem; }
  img { max-width: 100%; }
`;

export interface PreviewPane {
  show(html: string): void;
  /** The preview's body, for tests and scroll sync. */
  body(): HTMLElement | null;
}

export function createPreview(frame: HTMLIFrameElement): PreviewPane {
  let ready = false;
  let queued: string | null = null;
  frame.addEventListener("load", () => {
    ready = true;
    if (queued !== null) write(queued);
  });
  frame.srcdoc = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${PREVIEW_STYLE}</style></head><body></body></html>`;

  function write(html: string) {
    const body = frame.contentDocument?.body;
    if (body) body.innerHTML = html;
  }

  return {
    show(html: string) {
      if (ready) write(html);
      else queued = html;
    },
    body: () => frame.contentDocument?.body ?? null,
  };
}
