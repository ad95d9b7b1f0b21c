//! Media queries (`@media` rules, `<style media>`), answered for the screen a pre-rendered page
//! is assumed to be read on: `SCREEN`, a laptop's, with a fine pointer that hovers, in the light
//! colour scheme and without reduced motion.
//!
//! Queries are read from cssparser's tokens, as Media Queries level 4 writes them, so white space,
//! comments and case are as a browser takes them (`screen and\n(min-width: 768px)`,
//! `(hover: hover) or (pointer: fine)`). As in a browser, a query that does not parse is false
//! and the others in its list still count; a feature not known here is *unknown*, which `not`
//! leaves unknown and a whole query takes for false.

use std::cmp::Ordering;

use cssparser::{ParseError, Parser, Token};

/// The screen the page is laid out for when a rule depends on it, in CSS pixels: a laptop's.
pub const SCREEN: (f64, f64) = (1280.0, 800.0);

/// A condition's value in the three-valued logic of Media Queries: `None` is unknown.
type Truth = Option<bool>;

type Parsed<T> = Result<T, ParseError<()>>;

/// Whether a media query list holds on `SCREEN`: an empty list does, otherwise any of its
/// queries.
pub fn matches(list: &str) -> bool {
    let mut input = Parser::new(list);
    input.is_exhausted()
        || input.parse_comma_separated_ignoring_errors(|q| q.parse_entirely(query)).contains(&Some(true))
}

/// `<media-condition>`, or `[not | only]? <media-type> [and <media-condition-without-or>]?`.
fn query(input: &mut Parser<'_>) -> Parsed<Truth> {
    if let Ok(holds) = input.try_parse(|i| condition(i, true)) {
        return Ok(holds);
    }
    let negated = input.try_parse(|i| i.expect_ident_matching("not")).is_ok();
    if !negated {
        let _ = input.try_parse(|i| i.expect_ident_matching("only"));
    }
    let media_type = input.expect_ident()?.to_ascii_lowercase();
    let mut holds = match media_type.as_str() {
        "all" | "screen" => Some(true),
        "not" | "only" | "and" | "or" | "layer" => return Err(ParseError::unexpected_token()),
        _ => Some(false),
    };
    if input.try_parse(|i| i.expect_ident_matching("and")).is_ok() {
        holds = all(holds, condition(input, false)?);
    }
    Ok(if negated { holds.map(|h| !h) } else { holds })
}

/// `not <media-in-parens>`, or `<media-in-parens>` joined by `and` only or (where `or` is
/// allowed) by `or` only.
fn condition(input: &mut Parser<'_>, or_allowed: bool) -> Parsed<Truth> {
    if input.try_parse(|i| i.expect_ident_matching("not")).is_ok() {
        return Ok(in_parens(input)?.map(|h| !h));
    }
    let mut holds = in_parens(input)?;
    let joiner = input.try_parse(|i| {
        let word = i.expect_ident()?.to_ascii_lowercase();
        match word.as_str() {
            "and" => Ok("and"),
            "or" if or_allowed => Ok("or"),
            _ => Err(ParseError::<()>::unexpected_token()),
        }
    });
    let Ok(joiner) = joiner else { return Ok(holds) };
    loop {
        let next = in_parens(input)?;
        holds = if joiner == "and" { all(holds, next) } else { any(holds, next) };
        if input.try_parse(|i| i.expect_ident_matching(joiner)).is_err() {
            return Ok(holds);
        }
    }
}

/// Both, in three-valued logic: false if either is, else unknown if either is.
fn all(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Some(false), _) | (_, Some(false)) => Some(false),
        (Some(true), Some(true)) => Some(true),
        _ => None,
    }
}

/// Either, in three-valued logic: true if either is, else unknown if either is.
fn any(a: Truth, b: Truth) -> Truth {
    match (a, b) {
        (Some(true), _) | (_, Some(true)) => Some(true),
        (Some(false), Some(false)) => Some(false),
        _ => None,
    }
}

/// `( <media-condition> )`, `( <media-feature> )`, or anything else in parentheses or a function,
/// which is unknown (`<general-enclosed>`).
fn in_parens(input: &mut Parser<'_>) -> Parsed<Truth> {
    match input.next()? {
        Token::ParenthesisBlock => {}
        Token::Function(_) => return input.parse_nested_block(|block| Ok(skip(block))),
        _ => return Err(ParseError::unexpected_token()),
    }
    input.parse_nested_block(|block| {
        if let Ok(holds) = block.try_parse(|b| b.parse_entirely(|b| condition(b, true))) {
            return Ok(holds);
        }
        if let Ok(holds) = block.try_parse(|b| b.parse_entirely(feature)) {
            return Ok(holds);
        }
        Ok(skip(block))
    })
}

/// Skips the rest of a block: its value is unknown.
fn skip(block: &mut Parser<'_>) -> Truth {
    while block.next().is_ok() {}
    None
}

/// A feature's value on `SCREEN`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Value {
    /// In CSS pixels.
    Length(f64),
    Keyword(&'static str),
}

/// The value of the media feature `name` (lowercase) on `SCREEN`, if it is known here.
fn screen_value(name: &str) -> Option<Value> {
    let (width, height) = SCREEN;
    Some(match name {
        "width" | "device-width" => Value::Length(width),
        "height" | "device-height" => Value::Length(height),
        "orientation" => Value::Keyword(if height >= width { "portrait" } else { "landscape" }),
        "prefers-color-scheme" => Value::Keyword("light"),
        "prefers-reduced-motion" | "prefers-contrast" => Value::Keyword("no-preference"),
        "hover" | "any-hover" => Value::Keyword("hover"),
        "pointer" | "any-pointer" => Value::Keyword("fine"),
        _ => return None,
    })
}

/// `name: value` (with `min-` and `max-` for lengths), `name` alone (true unless the value is
/// zero, `none` or `no-preference`), or a range (`width >= 600px`, `600px < width <= 900px`).
fn feature(input: &mut Parser<'_>) -> Parsed<Truth> {
    let named = input.try_parse(|i| {
        let name = i.expect_ident()?.to_ascii_lowercase();
        if i.is_exhausted() {
            return Ok(screen_value(&name).map(|value| match value {
                Value::Length(length) => length != 0.0,
                Value::Keyword(keyword) => !matches!(keyword, "none" | "no-preference"),
            }));
        }
        i.expect_colon()?;
        plain(i, &name)
    });
    named.or_else(|_| range(input))
}

/// The value after `name:`, compared with the screen's.
fn plain(input: &mut Parser<'_>, name: &str) -> Parsed<Truth> {
    let (bound, base) = match (name.strip_prefix("min-"), name.strip_prefix("max-")) {
        (Some(base), _) => (Some(Comparison::AtLeast), base),
        (_, Some(base)) => (Some(Comparison::AtMost), base),
        _ => (None, name),
    };
    let wanted = operand(input)?;
    Ok(match (screen_value(base), wanted) {
        (Some(Value::Length(screen)), Operand::Length(length)) => {
            Some(bound.unwrap_or(Comparison::Equal).holds(screen, length))
        }
        (Some(Value::Keyword(screen)), Operand::Name(keyword)) if bound.is_none() => Some(screen == keyword),
        _ => None,
    })
}

/// How a range compares its two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Comparison {
    Less,
    AtMost,
    Greater,
    AtLeast,
    Equal,
}

impl Comparison {
    /// Which way it points: `<` and `<=` one way, `>` and `>=` the other, `=` neither.
    fn direction(self) -> Ordering {
        match self {
            Comparison::Less | Comparison::AtMost => Ordering::Less,
            Comparison::Greater | Comparison::AtLeast => Ordering::Greater,
            Comparison::Equal => Ordering::Equal,
        }
    }

    fn holds(self, a: f64, b: f64) -> bool {
        match self {
            Comparison::Less => a < b,
            Comparison::AtMost => a <= b,
            Comparison::Greater => a > b,
            Comparison::AtLeast => a >= b,
            Comparison::Equal => a == b,
        }
    }
}

/// `<`, `<=`, `>`, `>=` or `=`; the `=` of `<=` and `>=` must follow at once.
fn comparison(input: &mut Parser<'_>) -> Parsed<Comparison> {
    let first = match input.next()? {
        Token::Delim('<') => Comparison::Less,
        Token::Delim('>') => Comparison::Greater,
        Token::Delim('=') => return Ok(Comparison::Equal),
        _ => return Err(ParseError::unexpected_token()),
    };
    let or_equal = input.try_parse(|i| match i.next_including_whitespace()? {
        Token::Delim('=') => Ok(()),
        _ => Err(ParseError::<()>::unexpected_token()),
    });
    Ok(match (first, or_equal.is_ok()) {
        (Comparison::Less, true) => Comparison::AtMost,
        (Comparison::Greater, true) => Comparison::AtLeast,
        (first, _) => first,
    })
}

/// A side of a comparison: a feature's name (or a keyword value), or a length.
#[derive(Debug, Clone, PartialEq)]
enum Operand {
    Name(String),
    Length(f64),
}

fn operand(input: &mut Parser<'_>) -> Parsed<Operand> {
    let length = match input.next()? {
        Token::Ident(name) => return Ok(Operand::Name(name.to_ascii_lowercase())),
        Token::Number { value, .. } if *value == 0.0 => Some(0.0),
        Token::Dimension { value, unit, .. } => pixels(unit).map(|px| f64::from(*value) * px),
        _ => None,
    };
    length.map(Operand::Length).ok_or_else(ParseError::unexpected_token)
}

/// CSS pixels in one `unit` of length; `em` and `rem` are the browser's default 16px.
fn pixels(unit: &str) -> Option<f64> {
    Some(match unit.to_ascii_lowercase().as_str() {
        "px" => 1.0,
        "em" | "rem" => 16.0,
        "in" => 96.0,
        "cm" => 96.0 / 2.54,
        "mm" => 96.0 / 25.4,
        "pt" => 96.0 / 72.0,
        "pc" => 16.0,
        _ => return None,
    })
}

/// `a op b`, one side naming a length feature, or `a op b op c`, the middle one naming it and
/// both comparisons pointing the same way (`600px < width <= 900px`).
fn range(input: &mut Parser<'_>) -> Parsed<Truth> {
    let mut sides = vec![operand(input)?];
    let mut comparisons = Vec::new();
    while !input.is_exhausted() {
        comparisons.push(comparison(input)?);
        sides.push(operand(input)?);
    }
    let names: Vec<usize> = (0..sides.len()).filter(|&i| matches!(sides[i], Operand::Name(_))).collect();
    let well_formed = match (sides.len(), names.as_slice()) {
        (2, [_]) => true,
        (3, [1]) => comparisons[0].direction() == comparisons[1].direction() && comparisons[0] != Comparison::Equal,
        _ => false,
    };
    if !well_formed {
        return Err(ParseError::unexpected_token());
    }
    let value = |side: &Operand| match side {
        Operand::Length(length) => Some(*length),
        Operand::Name(name) => match screen_value(name) {
            Some(Value::Length(length)) => Some(length),
            _ => None,
        },
    };
    let values: Option<Vec<f64>> = sides.iter().map(value).collect();
    Ok(values.map(|v| comparisons.iter().zip(v.windows(2)).all(|(c, pair)| c.holds(pair[0], pair[1]))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_queries_on_a_laptop_screen() {
        for (query, holds) in [
            ("", true),
            ("  ", true),
            ("screen", true),
            ("SCREEN", true),
            ("print", false),
            ("only screen and (min-width: 1024px)", true),
            ("(max-width: 767px)", false),
            ("(max-width: 767px), (min-width: 1200px)", true),
            ("not print", true),
            ("not screen and (max-width: 600px)", true),
            ("(min-width: 60em) and (orientation: landscape)", true),
            ("(width >= 1300px)", false),
            ("(600px < width <= 1280px)", true),
            ("(1280px > width)", false),
            ("(400px <= width <= 700px)", false),
            ("(width > 0)", true),
            ("(prefers-color-scheme: dark)", false),
            ("(min-resolution: 2dppx)", false),
            // White space and comments are a browser's: any, anywhere between tokens.
            ("screen and\n(min-width: 768px)", true),
            ("screen\tand (min-width:768px)/* tablets up */", true),
            ("ONLY Screen AND (MIN-WIDTH: 768PX)", true),
            // `or` joins conditions; `not` takes one in parentheses.
            ("(hover: hover) or (pointer: fine)", true),
            ("(hover: none) or (pointer: coarse)", false),
            ("(max-width: 600px) or ((orientation: landscape) and (hover))", true),
            ("not (hover: none)", true),
            ("not ((max-width: 600px) or (pointer: coarse))", true),
            ("(hover)", true),
            ("(prefers-reduced-motion)", false),
            ("(width: 1280px) and (height: 50pc)", true),
            // A feature not known here is unknown: false, and so is its negation.
            ("(scripting: none)", false),
            ("not (scripting: none)", false),
            ("(scripting: none) or (min-width: 1px)", true),
            ("(scripting: none) and (min-width: 1px)", false),
            ("screen and foo(bar)", false),
            // A query that does not parse is false; the others in its list still count.
            ("screen and", false),
            ("(min-width: 1px) and (hover) or (pointer: fine)", false),
            ("screen or (hover)", false),
            ("(min-width: 1px) garbage, print", false),
            ("(min-width: 1px) garbage, screen", true),
            ("(width < = 1400px)", false),
            ("(600px < width > 400px)", false),
            ("(600px = width = 600px)", false),
            ("(width < height)", false),
            ("(1px < 2px)", false),
            ("(width <= 1400px)", true),
        ] {
            assert_eq!(matches(query), holds, "{query:?}");
        }
    }
}
