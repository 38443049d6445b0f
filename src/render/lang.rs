//! The language of a piece, which picks the typography rules (French or English).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// Language of a piece: decides quotes, punctuation spacing and dashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French (the magazine's default): guillemets, spaces before `: ; ! ?`.
    #[default]
    Fr,
    /// English: curly quotes, no space before punctuation.
    En,
}

/// A language code Edito does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language `{0}`: use `fr` or `en`")]
pub struct UnknownLang(pub String);

impl FromStr for Lang {
    type Err = UnknownLang;

    /// Accepts `fr`/`en`, any case, and regional forms such as `fr-CA` or `en_GB`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let code = s.trim();
        let primary = code.split(['-', '_']).next().unwrap_or(code);
        if primary.eq_ignore_ascii_case("fr") {
            Ok(Lang::Fr)
        } else if primary.eq_ignore_ascii_case("en") {
            Ok(Lang::En)
        } else {
            Err(UnknownLang(code.to_owned()))
        }
    }
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The code stored in the library and written in front matter (`fr`, `en`).
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn parses_regional_codes_and_rejects_others() {
        assert_eq!("fr-CA".parse::<Lang>(), Ok(Lang::Fr));
        assert_eq!("EN_gb".parse::<Lang>(), Ok(Lang::En));
        let err = "de".parse::<Lang>().expect_err("unknown code");
        assert_eq!(err.to_string(), "unknown language `de`: use `fr` or `en`");
    }

    #[test]
    fn serde_uses_lowercase_codes() {
        assert_eq!(serde_json::to_string(&Lang::En).expect("serde"), "\"en\"");
        assert_eq!(
            serde_json::from_str::<Lang>("\"fr\"").expect("serde"),
            Lang::Fr
        );
    }
}
