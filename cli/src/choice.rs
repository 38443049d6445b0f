//! Arguments that take one of the core's closed sets of values (status, language), parsed by
//! the core type's own `FromStr` — which accepts more than the codes: French status names,
//! regional language codes — while `--help` lists the codes from the type's `ALL` list.

use std::ffi::OsStr;
use std::str::FromStr;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};

/// A value parser for a core enum `T`: `all` is the type's list of values (`Status::ALL`),
/// `code` its stable code (`Status::as_str`), shown as the possible values in `--help`.
pub fn codes<T>(all: &'static [T], code: fn(T) -> &'static str) -> Codes<T>
where
    T: Copy,
{
    Codes { all, code }
}

/// See [`codes`].
#[derive(Clone)]
pub struct Codes<T: 'static> {
    all: &'static [T],
    code: fn(T) -> &'static str,
}

impl<T> TypedValueParser for Codes<T>
where
    T: FromStr + Copy + Send + Sync + 'static,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        // The same parsing (and error wording) clap gives any `FromStr` type.
        StringValueParser::new()
            .try_map(|text| text.parse::<T>())
            .parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            self.all.iter().map(|&v| PossibleValue::new((self.code)(v))),
        ))
    }
}
