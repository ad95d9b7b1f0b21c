//! What the attribution tests share: a small actor list, and attribution run over a text and
//! read back as the text it found.

use crate::actors::Matcher;
use crate::config::Config;
use crate::quotes;

use super::{Attributor, QuoteKind, Rule};

const ACTORS: &str = r#"{"actors":[
    {"id":"sadiq","kind":"person","aliases":["Muhammad Sadiq","Sadiq"]},
    {"id":"maria","kind":"person","aliases":["Maria Lopez","Lopez"]},
    {"id":"pakistan","kind":"state","aliases":["Pakistan"]}]}"#;

/// What attribution found for one reported quote: its pieces, kind, speaker text, speaker
/// actor id, cue text and rule.
#[derive(Debug, PartialEq)]
pub(super) struct Found {
    pub(super) pieces: Vec<String>,
    pub(super) kind: QuoteKind,
    pub(super) speaker: Option<String>,
    pub(super) actor: Option<String>,
    pub(super) cue: Option<String>,
    pub(super) rule: Option<Rule>,
}

pub(super) fn attribute(text: &str) -> Vec<Found> {
    let config = Config::from_json(ACTORS).unwrap();
    let mentions = Matcher::new(&config).unwrap().find(text);
    let quotes = quotes::find(text);
    let found = Attributor::default().attribute(text, &quotes, &mentions, &config);
    found
        .into_iter()
        .map(|a| Found {
            pieces: a
                .parts
                .iter()
                .flat_map(|&i| quotes[i].pieces.iter().map(|&(s, e)| text[s..e].to_owned()))
                .collect(),
            kind: a.kind,
            speaker: a.speaker.map(|s| text[s.start..s.end].to_owned()),
            actor: a.speaker.and_then(|s| s.actor).map(|i| config.actors[i].id.clone()),
            cue: a.cue.map(|(s, e)| text[s..e].to_owned()),
            rule: a.rule,
        })
        .collect()
}

pub(super) fn one(text: &str) -> Found {
    let mut all = attribute(text);
    assert_eq!(all.len(), 1, "{all:?}");
    all.remove(0)
}

/// (speaker text, actor id, cue text, rule) of a one-quote text.
pub(super) fn who(text: &str) -> (Option<String>, Option<String>, Option<String>, Option<Rule>) {
    let f = one(text);
    assert_eq!(f.kind, QuoteKind::Statement, "{text}");
    (f.speaker, f.actor, f.cue, f.rule)
}

pub(super) fn s(x: &str) -> Option<String> {
    Some(x.to_owned())
}
