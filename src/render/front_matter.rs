//! Front matter at the top of a Markdown file (YAML between `---` lines, TOML between `+++`
//! lines, as Hugo, Jekyll and Zola write it): split off so it is never rendered, and read
//! for the piece's `lang`. Full parsing of the fields belongs to import/export.

use super::Lang;

/// The syntax of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterFormat {
    /// `---` … `---` (or `...`).
    Yaml,
    /// `+++` … `+++`.
    Toml,
}

/// A front matter block split off a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// YAML or TOML.
    pub format: FrontMatterFormat,
    /// The text between the delimiter lines, unparsed.
    pub raw: String,
    /// Source lines taken by the block, delimiters included (the body starts one line later).
    pub lines: usize,
}

impl FrontMatter {
    /// The top-level `lang` key (`lang: fr`, `lang = "en"`), when it names a known language.
    pub fn lang(&self) -> Option<Lang> {
        self.value("lang")?.parse().ok()
    }

    /// The value of a top-level scalar key, quotes removed.
    pub fn value(&self, key: &str) -> Option<&str> {
        let separator = match self.format {
            FrontMatterFormat::Yaml => ':',
            FrontMatterFormat::Toml => '=',
        };
        self.raw.lines().find_map(|line| {
            let (name, value) = line.split_once(separator)?;
            if name.trim_end() != key || line.starts_with(char::is_whitespace) {
                return None;
            }
            let value = value.trim();
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            Some(unquoted)
        })
    }
}

/// Splits a front matter block off the top of `source`. Without a complete block (opening
/// and closing delimiter lines), the whole source is the body.
pub fn split_front_matter(source: &str) -> (Option<FrontMatter>, &str) {
    let text = crate::text::without_bom(source);
    let (format, closers): (_, &[&str]) = match first_line(text) {
        "---" => (FrontMatterFormat::Yaml, &["---", "..."]),
        "+++" => (FrontMatterFormat::Toml, &["+++"]),
        _ => return (None, text),
    };
    let mut offset = text.find('\n').map_or(text.len(), |i| i + 1);
    let raw_start = offset;
    let mut lines = 1;
    while offset < text.len() {
        let line = first_line(&text[offset..]);
        let next = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        lines += 1;
        if closers.contains(&line) {
            let raw = text[raw_start..offset].to_owned();
            let front = FrontMatter { format, raw, lines };
            return (Some(front), &text[next..]);
        }
        offset = next;
    }
    (None, text)
}

/// The first line without its line ending or trailing spaces.
fn first_line(text: &str) -> &str {
    text.split('\n').next().unwrap_or("").trim_end()
}

#[cfg(test)]
mod tests {
    use super::{split_front_matter, FrontMatterFormat};
    use crate::render::Lang;

    #[test]
    fn yaml_front_matter_is_split_and_read_for_lang() {
        let (front, body) = split_front_matter("---\ntitle: \"Titre\"\nlang: en\n---\n# Corps\n");
        let front = front.expect("front matter");
        assert_eq!(front.format, FrontMatterFormat::Yaml);
        assert_eq!(front.lang(), Some(Lang::En));
        assert_eq!(front.value("title"), Some("Titre"));
        assert_eq!(front.lines, 4);
        assert_eq!(body, "# Corps\n");
    }

    #[test]
    fn toml_front_matter_with_crlf() {
        let (front, body) = split_front_matter("+++\r\nlang = \"fr\"\r\n+++\r\nTexte");
        assert_eq!(front.expect("front matter").lang(), Some(Lang::Fr));
        assert_eq!(body, "Texte");
    }

    #[test]
    fn unclosed_or_indented_keys_are_not_front_matter() {
        let source = "---\nlang: en\nno end";
        assert_eq!(split_front_matter(source), (None, source));
        let (front, _) = split_front_matter("---\nmeta:\n  lang: en\n---\n");
        assert_eq!(front.expect("front matter").lang(), None);
    }
}
