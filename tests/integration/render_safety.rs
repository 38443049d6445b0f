//! Hostile Markdown through the pipeline: nothing may run script, load active content or
//! reach local files. Each case names the trick it tries.

use edito::render::{render, RenderOptions};

fn html(markdown: &str) -> String {
    render(markdown, &RenderOptions::default()).html
}

/// What no output may contain, checked case-insensitively.
fn assert_safe(name: &str, markdown: &str) -> String {
    let out = html(markdown);
    let lower = out.to_lowercase();
    for needle in [
        "<script",
        "<iframe",
        "<object",
        "<embed",
        "<base",
        "<meta",
        "<style",
        "<form",
        "<link",
        "<svg",
        "<math",
        "<textarea",
        "<frame",
        "<applet",
        "<template",
        "<noscript",
        "<button",
    ] {
        assert!(!lower.contains(needle), "{name}: `{needle}` in {out:?}");
    }
    // Text may mention a scheme (it is escaped and inert); attributes may not.
    for tag in tags(&lower) {
        for needle in [
            "javascript:",
            "vbscript:",
            "data:",
            "file:",
            "tauri:",
            "srcdoc",
            "style=",
        ] {
            assert!(
                !tag.contains(needle),
                "{name}: `{needle}` in tag {tag:?} of {out:?}"
            );
        }
    }
    assert!(
        !has_event_handler(&lower),
        "{name}: event handler in {out:?}"
    );
    out
}

/// The inside of every tag of the output.
fn tags(html: &str) -> impl Iterator<Item = &str> {
    html.split('<')
        .skip(1)
        .map(|tag| tag.split('>').next().unwrap_or(""))
}

/// An `on…=` attribute inside a tag (quoted values are skipped: they are inert text).
fn has_event_handler(html: &str) -> bool {
    tags(html).any(|tag| {
        let mut unquoted = String::new();
        let mut quote = None;
        for c in tag.chars() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), _) if c == q => quote = None,
                (None, _) => unquoted.push(c),
                _ => {}
            }
        }
        unquoted
            .split(|c: char| c.is_whitespace() || c == '/')
            .skip(1)
            .any(|attr| attr.starts_with("on") && attr.contains('='))
    })
}

const HOSTILE: &[(&str, &str)] = &[
    ("script block", "<script>alert(1)</script>"),
    ("script inline", "texte <script>alert(1)</script> fin"),
    (
        "script uppercase",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    ),
    (
        "script split by markdown",
        "<scr<script>ipt>alert(1)</script>",
    ),
    ("img onerror", "<img src=x onerror=alert(1)>"),
    (
        "img onerror inline",
        "voir <img src=x onerror=\"alert(1)\"> ici",
    ),
    ("body onload", "<body onload=alert(1)>"),
    (
        "div onmouseover",
        "<div onmouseover=\"alert(1)\">survol</div>",
    ),
    (
        "abbr onclick inline",
        "un <abbr title=x onclick=alert(1)>sigle</abbr>",
    ),
    ("handler with slash", "<img/src=x/onerror=alert(1)>"),
    ("markdown link javascript", "[clic](javascript:alert(1))"),
    ("markdown link uppercase", "[clic](JaVaScRiPt:alert(1))"),
    ("markdown link entity", "[clic](&#106;avascript:alert(1))"),
    (
        "markdown link hex entity",
        "[clic](&#x6A;avascript&#x3A;alert(1))",
    ),
    (
        "markdown link tab entity",
        "[clic](java&#x09;script:alert(1))",
    ),
    (
        "markdown link newline entity",
        "[clic](java&#10;script:alert(1))",
    ),
    (
        "markdown link leading space",
        "[clic](< javascript:alert(1)>)",
    ),
    (
        "markdown link control char",
        "[clic](&#1;javascript:alert(1))",
    ),
    (
        "reference link javascript",
        "[clic][x]\n\n[x]: javascript:alert(1)",
    ),
    ("autolink javascript", "<javascript:alert(1)>"),
    ("vbscript link", "[clic](vbscript:msgbox(1))"),
    (
        "data link html",
        "[clic](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    ),
    (
        "data image markdown",
        "![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)",
    ),
    ("file image", "![x](file:///etc/passwd)"),
    ("file link", "[x](file:///C:/Windows/win.ini)"),
    ("app scheme", "[x](tauri://localhost/secret)"),
    ("raw a javascript", "<a href=\"javascript:alert(1)\">x</a>"),
    (
        "raw a entity obfuscated",
        "<a href=\"&#106;&#97;vascript:alert(1)\">x</a>",
    ),
    (
        "raw a whitespace obfuscated",
        "<a href=\" java\tscript:alert(1)\">x</a>",
    ),
    ("raw img data", "<img src=\"data:image/png;base64,AAAA\">"),
    ("svg onload", "<svg onload=alert(1)><circle r=5 /></svg>"),
    ("svg script", "<svg><script>alert(1)</script></svg>"),
    (
        "svg use href",
        "<svg><use href=\"data:image/svg+xml,<svg id='x'/>#x\"/></svg>",
    ),
    (
        "svg animate",
        "<svg><a><animate attributeName=href values=javascript:alert(1) /><text>x</text></a></svg>",
    ),
    (
        "mathml href",
        "<math><mtext><a href=\"javascript:alert(1)\">x</a></mtext></math>",
    ),
    (
        "mathml maction",
        "<math href=\"javascript:alert(1)\">x</math>",
    ),
    (
        "iframe srcdoc",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    ),
    (
        "iframe src",
        "<iframe src=\"https://evil.example\"></iframe>",
    ),
    ("base href", "<base href=\"https://evil.example/\">"),
    (
        "meta refresh",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    ),
    (
        "style url",
        "<style>body{background:url(javascript:alert(1))}</style>",
    ),
    (
        "style attribute url",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
    ),
    (
        "style import",
        "<style>@import 'https://evil.example/x.css';</style>",
    ),
    (
        "link stylesheet",
        "<link rel=stylesheet href=https://evil.example/x.css>",
    ),
    (
        "form action",
        "<form action=\"https://evil.example\"><input type=text name=p></form>",
    ),
    (
        "button formaction",
        "<button formaction=\"javascript:alert(1)\">x</button>",
    ),
    (
        "object data",
        "<object data=\"https://evil.example/x.swf\"></object>",
    ),
    ("embed src", "<embed src=\"javascript:alert(1)\">"),
    ("textarea", "<textarea>x</textarea>"),
    (
        "frameset",
        "<frameset><frame src=\"javascript:alert(1)\"></frameset>",
    ),
    ("comment breakout", "<!-- --><script>alert(1)</script> -->"),
    ("cdata", "<![CDATA[<script>alert(1)</script>]]>"),
    (
        "noscript mxss",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    ),
    ("template", "<template><script>alert(1)</script></template>"),
    (
        "details ontoggle",
        "<details open ontoggle=alert(1)><summary>x</summary></details>",
    ),
    (
        "html block then markdown",
        "<div onclick=alert(1)>\n\n*texte*\n\n</div>",
    ),
    ("unclosed attribute", "<img src=\"x\" onerror=\"alert(1)"),
    (
        "nested quotes",
        "<a href='javascript:alert(1)' title=\"x\">y</a>",
    ),
    (
        "image link wrapper",
        "[![x](https://ok.example/a.png)](javascript:alert(1))",
    ),
    (
        "footnote payload",
        "texte[^1]\n\n[^1]: <script>alert(1)</script>",
    ),
    (
        "table cell html",
        "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
    ),
];

#[test]
fn hostile_inputs_come_out_safe() {
    for (name, markdown) in HOSTILE {
        assert_safe(name, markdown);
    }
    assert!(HOSTILE.len() >= 30);
}

#[test]
fn unsafe_links_keep_their_text_without_the_link() {
    let out = assert_safe("js link", "[clic ici](javascript:alert(1))");
    assert_eq!(out, "<p>clic ici</p>\n");
    let out = assert_safe("js image", "![une image](javascript:alert(1))");
    assert_eq!(out, "<p>une image</p>\n");
}

#[test]
fn safe_urls_are_kept() {
    let out =
        html("[a](https://exemple.fr) [b](mailto:redac@exemple.fr) [c](../autre.md) [d](#note)");
    for href in [
        "https://exemple.fr",
        "mailto:redac@exemple.fr",
        "../autre.md",
        "#note",
    ] {
        assert!(out.contains(&format!("href=\"{href}\"")), "{href} in {out}");
    }
    let out = html("![photo](images/une.jpg \"Légende\")");
    assert!(out.contains("<img src=\"images/une.jpg\""), "{out}");
}

#[test]
fn allowed_raw_html_survives_sanitized() {
    let out = html(
        "Le <abbr title=\"HyperText Markup Language\">HTML</abbr>, H<sub>2</sub>O, \
                    E=mc<sup>2</sup>, <mark>surligné</mark>, <kbd>Ctrl</kbd>+<kbd>S</kbd><br>fin",
    );
    for fragment in [
        "<abbr title=\"HyperText Markup Language\">HTML</abbr>",
        "<sub>2</sub>",
        "<sup>2</sup>",
        "<mark>surligné</mark>",
        "<kbd>Ctrl</kbd>",
        "<br>",
    ] {
        assert!(out.contains(fragment), "{fragment} in {out}");
    }
    let figure = html(
        "<figure>\n<img src=\"a.jpg\" alt=\"A\">\n<figcaption>Légende</figcaption>\n</figure>",
    );
    assert!(
        figure.contains("<figure>") && figure.contains("<figcaption>Légende</figcaption>"),
        "{figure}"
    );
    assert!(figure.contains("<img src=\"a.jpg\" alt=\"A\">"), "{figure}");
}

/// An inline tag left open must not swallow the rest of the document: the pipeline closes
/// it at the end of its block.
#[test]
fn unclosed_inline_tag_is_closed_at_the_block_end() {
    let out = html("un <mark>début\n\nparagraphe suivant");
    assert_eq!(
        out,
        "<p>un <mark>début</mark></p>\n<p>paragraphe suivant</p>\n"
    );
    let stray = html("texte </sup> fin");
    assert_eq!(stray, "<p>texte  fin</p>\n");
}

#[test]
fn raw_links_get_safe_rel() {
    let out = html("<a href=\"https://exemple.fr\" target=\"_blank\">x</a>");
    assert!(out.contains("rel=\"noopener noreferrer\""), "{out}");
    assert!(!out.contains("target"), "{out}");
}
