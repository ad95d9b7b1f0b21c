//! What the attribution tests share: a small actor list, and attribution, its people and what
//! each quote is about, run over a text and read back as the text they found.

use crate::actors::Matcher;
use crate::config::Config;
use crate::quotes;

use super::{Attributor, QuoteKind, Referent, Rule};

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
        .quotes
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

/// The people of a text: each one's name and mentions, and each quote's speaker's person (by
/// name).
pub(super) fn people(text: &str) -> (Vec<(String, Vec<String>)>, Vec<Option<String>>) {
    let config = Config::from_json(ACTORS).unwrap();
    let mentions = Matcher::new(&config).unwrap().find(text);
    let people = Attributor::default().attribute(text, &quotes::find(text), &mentions, &config).people;
    let listed = people
        .names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let mentions = people.mentions.iter().filter(|n| n.who == Referent::Person(i));
            (name.clone(), mentions.map(|n| text[n.start..n.end].to_owned()).collect())
        })
        .collect();
    let speakers = people.speakers.iter().map(|p| p.map(|p| people.names[p].clone())).collect();
    (listed, speakers)
}

/// Whom each quote of a text is about: (actor id or person's name, the text naming them).
pub(super) fn about(text: &str) -> Vec<Vec<(String, String)>> {
    let config = Config::from_json(ACTORS).unwrap();
    let mentions = Matcher::new(&config).unwrap().find(text);
    let found = Attributor::default().attribute(text, &quotes::find(text), &mentions, &config);
    let who = |r: Referent| match r {
        Referent::Actor(a) => config.actors[a].id.clone(),
        Referent::Person(p) => found.people.names[p].clone(),
    };
    found.about.iter().map(|named| named.iter().map(|n| (who(n.who), text[n.start..n.end].to_owned())).collect()).collect()
}
