//! Front matter of an imported file: the block split off by the one splitter
//! ([`crate::render::split_front_matter`], which the preview uses too) parsed as YAML or
//! TOML into a JSON-like map the field mapping (`fields.rs`) reads.

use serde_json::{Map, Value};

use crate::render::{split_front_matter, FrontMatterFormat};

/// Why a file's front matter cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontMatterError {
    /// The file does not start with `---` or `+++`.
    #[error("no front matter: start the file with a `---` (YAML) or `+++` (TOML) block")]
    Missing,
    /// The block is opened but never closed.
    #[error("the front matter opened with `{0}` is never closed: add a `{0}` line after it")]
    Unclosed(&'static str),
    /// The YAML or TOML does not parse.
    #[error("invalid {format} front matter{at}: {reason}")]
    Syntax {
        /// `YAML` or `TOML`.
        format: &'static str,
        /// ` at line N` (line in the file) or empty.
        at: String,
        /// The parser's message.
        reason: String,
    },
    /// The block nests deeper than [`MAX_DEPTH`], checked before parsing.
    #[error("the front matter nests {depth} levels deep, more than the {max} a piece's metadata needs: write it as flat `key: value` pairs")]
    TooDeep {
        /// Nesting found (at least).
        depth: usize,
        /// [`MAX_DEPTH`].
        max: usize,
    },
    /// The block is longer than [`MAX_FRONT_MATTER_BYTES`], checked before parsing.
    #[error("the front matter is {0} KB, more than the {max} KB a piece's metadata needs: move long text into the body", max = MAX_FRONT_MATTER_BYTES / 1024)]
    TooLarge(usize),
    /// The block parses but is not a key/value mapping.
    #[error("the front matter must be a list of `key: value` pairs")]
    NotAMapping,
    /// A known key has a value of the wrong kind.
    #[error("front matter key `{key}`: {reason}")]
    BadValue {
        /// The key.
        key: String,
        /// What is expected.
        reason: String,
    },
}

/// Deepest nesting of lists and maps a front matter may use. A piece's metadata is flat
/// (`tags: [a, b]` is depth 2); 20,000 nested `[` took the YAML parser 36 s to refuse, so the
/// depth is counted in one linear pass before any parser sees the block.
pub const MAX_DEPTH: usize = 32;

/// Longest front matter block parsed, in bytes. Found by fuzzing: 576 KB of repeated
/// `x.y.z = 1` lines kept the TOML parser busy for seconds (its duplicate-key check is not
/// linear). Real metadata is well under 4 KB; bounding the block bounds every parser's work.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// The parts of a Markdown file with front matter.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    /// The parsed metadata.
    pub meta: Map<String, Value>,
    /// The Markdown after the closing fence.
    pub body: &'a str,
}

/// Splits and parses `text`. A UTF-8 byte-order mark and CRLF line ends are accepted.
pub fn split(text: &str) -> Result<Split<'_>, FrontMatterError> {
    let (front, body) = split_front_matter(text);
    let Some(front) = front else {
        return Err(missing_or_unclosed(text));
    };
    if front.raw.len() > MAX_FRONT_MATTER_BYTES {
        return Err(FrontMatterError::TooLarge(front.raw.len() / 1024));
    }
    let depth = nesting_depth(&front.raw, front.format);
    if depth > MAX_DEPTH {
        return Err(FrontMatterError::TooDeep {
            depth,
            max: MAX_DEPTH,
        });
    }
    let meta = match front.format {
        FrontMatterFormat::Yaml => parse_yaml(&front.raw)?,
        FrontMatterFormat::Toml => parse_toml(&front.raw)?,
    };
    Ok(Split { meta, body })
}

/// An upper bound of how deep `block` nests, in one pass: open flow brackets (`[`, `{`,
/// outside quotes) plus, for YAML, the block levels of the line (its indentation steps and
/// the `- ` / `? ` markers that open a nested entry on the same line), and for TOML the
/// parts of a dotted key. Over-counting only refuses absurd blocks; it never under-counts.
fn nesting_depth(block: &str, format: FrontMatterFormat) -> usize {
    let mut deepest = 0;
    let mut flow = 0usize;
    let mut indents: Vec<usize> = Vec::new();
    for line in block.lines() {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = &line[indent..];
        let mut block_depth = 0;
        if format == FrontMatterFormat::Yaml
            && flow == 0
            && !rest.is_empty()
            && !rest.starts_with('#')
        {
            while indents.last().is_some_and(|&i| i >= indent) {
                indents.pop();
            }
            indents.push(indent);
            let markers = rest
                .split_inclusive(' ')
                .take_while(|w| matches!(w.trim_end(), "-" | "?"))
                .count();
            block_depth = indents.len() + markers;
        }
        let mut quote: Option<char> = None;
        let mut dots = 0;
        for c in rest.chars() {
            match (quote, c) {
                (Some(q), _) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if format == FrontMatterFormat::Yaml || flow == 0 => break,
                (None, '[' | '{') => {
                    flow += 1;
                    deepest = deepest.max(block_depth + flow + dots);
                }
                (None, ']' | '}') => flow = flow.saturating_sub(1),
                (None, '.') if format == FrontMatterFormat::Toml => dots += 1,
                (None, '=') if format == FrontMatterFormat::Toml => {
                    deepest = deepest.max(dots + 1);
                    dots = 0;
                }
                _ => {}
            }
            if deepest > MAX_DEPTH {
                return deepest;
            }
        }
        deepest = deepest.max(block_depth + dots);
    }
    deepest
}

/// Why `text` has no front matter block: it does not open one, or never closes it.
fn missing_or_unclosed(text: &str) -> FrontMatterError {
    let text = crate::text::without_bom(text);
    match text.split('\n').next().unwrap_or("").trim_end() {
        "---" => FrontMatterError::Unclosed("---"),
        "+++" => FrontMatterError::Unclosed("+++"),
        _ => FrontMatterError::Missing,
    }
}

fn parse_yaml(block: &str) -> Result<Map<String, Value>, FrontMatterError> {
    if block.trim().is_empty() {
        return Ok(Map::new());
    }
    let mut yaml: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(block).map_err(|err| FrontMatterError::Syntax {
            format: "YAML",
            // +1: the opening fence is line 1 of the file.
            at: err
                .location()
                .map(|l| format!(" at line {}", l.line() + 1))
                .unwrap_or_default(),
            reason: without_location(&err.to_string()),
        })?;
    super::raw_scalars::restore_typed_text(block, &mut yaml);
    match serde_json::to_value(yaml) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(Value::Null) => Ok(Map::new()),
        Ok(_) => Err(FrontMatterError::NotAMapping),
        Err(err) => Err(FrontMatterError::Syntax {
            format: "YAML",
            at: String::new(),
            reason: err.to_string(),
        }),
    }
}

/// serde_yaml_ng appends "at line L column C" (counted inside the block); we report the line
/// in the file instead.
fn without_location(message: &str) -> String {
    message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .to_owned()
}

fn parse_toml(block: &str) -> Result<Map<String, Value>, FrontMatterError> {
    let table: toml::Table = block.parse().map_err(|err: toml::de::Error| {
        let at = err
            .span()
            // +2: lines count from 1, and the opening fence is line 1 of the file.
            .map(|span| format!(" at line {}", block[..span.start].matches('\n').count() + 2))
            .unwrap_or_default();
        FrontMatterError::Syntax {
            format: "TOML",
            at,
            reason: err.message().to_owned(),
        }
    })?;
    Ok(table
        .into_iter()
        .map(|(k, v)| (k, toml_to_json(v)))
        .collect())
}

/// TOML dates become strings: serde would otherwise give them an internal wrapper shape.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            Value::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_block_and_body() {
        let s = split("---\ntitle: Édito\ntags: [a, b]\n---\n# Corps\n").expect("test setup");
        assert_eq!(s.meta["title"], "Édito");
        assert_eq!(s.meta["tags"][1], "b");
        assert_eq!(s.body, "# Corps\n");
    }

    #[test]
    fn toml_block_with_a_date() {
        let s = split("+++\ntitle = \"T\"\ndate = 2002-04-12\n+++\nCorps").expect("test setup");
        assert_eq!(s.meta["date"], "2002-04-12");
        assert_eq!(s.body, "Corps");
    }

    #[test]
    fn crlf_bom_and_empty_body() {
        let s = split("\u{feff}---\r\ntitle: T\r\n---\r\n").expect("test setup");
        assert_eq!(s.meta["title"], "T");
        assert_eq!(s.body, "");
    }

    #[test]
    fn errors_say_what_to_do() {
        assert_eq!(split("# no"), Err(FrontMatterError::Missing));
        assert_eq!(
            split("---\ntitle: T\n"),
            Err(FrontMatterError::Unclosed("---"))
        );
        assert_eq!(split("---\n- a\n---\n"), Err(FrontMatterError::NotAMapping));
        let err = split("---\ntitle: T\ntags: [a\n---\n")
            .expect_err("should fail")
            .to_string();
        assert!(err.contains("YAML") && err.contains("line"), "{err}");
        let err = split("+++\ntags = []\ntitle = \n+++\n")
            .expect_err("should fail")
            .to_string();
        assert!(err.contains("TOML") && err.contains("line 3"), "{err}");
    }

    /// 20,000 nested `[` kept the YAML parser busy for 36 s before it refused them: the
    /// depth is checked first, in one pass, for every way YAML and TOML nest.
    #[test]
    fn deep_front_matter_is_refused_before_parsing() {
        // Under the size bound, so the depth check is what refuses them.
        let n = 5_000;
        let deep = [
            format!("---\nmeta: {}{}\n---\n", "[".repeat(n), "]".repeat(n)),
            format!("---\nmeta: {}\n---\n", "{a: ".repeat(n)),
            format!("---\n{}\n---\n", "- ".repeat(n)),
            format!(
                "---\n{}---\n",
                (0..200)
                    .map(|i| format!("{}a:\n", " ".repeat(i)))
                    .collect::<String>()
            ),
            format!("+++\nmeta = {}{}\n+++\n", "[".repeat(n), "]".repeat(n)),
            format!("+++\n{} = 1\n+++\n", vec!["a"; n].join(".")),
            format!("+++\n[{}]\n+++\n", vec!["a"; n].join(".")),
        ];
        for text in &deep {
            let err = split(text).expect_err("too deep");
            assert!(matches!(err, FrontMatterError::TooDeep { .. }), "{err}");
        }
        // What real metadata looks like still parses.
        let fine =
            "---\ntitle: T\ntags: [a, b]\nextra:\n  aliases:\n    - /x\n  note: \"[[x]]\"\n---\n";
        assert!(split(fine).is_ok());
        assert!(split("+++\ntitle = \"T\"\n[extra.zola]\nx = [[1, 2], [3]]\n+++\n").is_ok());
    }

    /// Fuzz finding (front matter/import, long run): 576 KB of `x.y.z = 1` lines took the
    /// TOML parser 7.8 s (debug build) before refusing the duplicates. A block past the
    /// bound is refused before any parser sees it.
    #[test]
    fn huge_front_matter_is_refused_before_parsing() {
        let text = format!("+++\n{}+++\nCorps\n", "x.y.z = 1\n".repeat(60_000));
        assert!(matches!(split(&text), Err(FrontMatterError::TooLarge(_))));
        let yaml = format!("---\n{}---\n", "a: 1\n".repeat(20_000));
        assert!(matches!(split(&yaml), Err(FrontMatterError::TooLarge(_))));
    }

    #[test]
    fn horizontal_rule_inside_body_is_not_a_fence() {
        let s = split("---\ntitle: T\n---\nA\n\n---\n\nB\n").expect("test setup");
        assert_eq!(s.body, "A\n\n---\n\nB\n");
    }
}
