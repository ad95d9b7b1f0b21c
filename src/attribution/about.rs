//! Whom each statement is about: the actors and people named inside its quoted words, and the
//! actors its pronouns and role nouns stand for.
//!
//! “Sadiq has betrayed us,” Lopez said: the quote is about Sadiq. Inside the quoted pieces (a
//! split quote's cue between them is not quoted, and the speaker it names is not listed for it):
//! - every actor mention: “Pakistan will not bow”;
//! - every mention of a person ([`super::people`]): “Smith knows this” / “the senator knows”
//!   after "Smith, the senator,";
//! - a role noun tied to an actor by apposition: “the envoy has lied” after "Sadiq, the envoy,";
//! - "he", "she", "him", "his", "her" and "hers": the latest person among the actors mentioned
//!   within two paragraphs before it, other than the quote's own speaker, who speaks of themself
//!   as "I". "It", "they" and "them" are left out: in quoted speech they mostly stand for no one
//!   in particular ("it is over", "they say").
//!
//! A quote that names its own speaker (“Lopez will not resign,” Lopez said) lists them too: the
//! list is everything the quote names, and a reader who wants only the others drops the speaker.
//!
//! Every quote's pieces are read once and actor mentions are passed once, in text order, so the
//! time taken is in proportion to the text and the mentions, however many quotes there are.

use crate::actors::Mention;
use crate::config::Kind;
use crate::quotes::Quote;

use super::people::{Named, People, Referent};
use super::tokens::{tokenize, Token};
use super::{Attribution, Context, QuoteKind, REACH_PARAGRAPHS};

/// Pronouns that stand for one person.
const PRONOUNS: &[&str] = &["he", "she", "him", "his", "her", "hers"];

/// For each attribution, in text order, whom its quote names (empty for terms and titles).
pub(super) fn about(cx: &Context, quotes: &[Quote], attributions: &[Attribution], people: &People) -> Vec<Vec<Named>> {
    let (text, mentions, config) = (cx.text, cx.mentions, cx.config);
    let mut persons = LatestPersons::default();
    let mut passed = 0;
    // With no person among the actors mentioned, no pronoun has anyone to stand for.
    let anyone = mentions.iter().any(|m| config.actors[m.actor].kind == Kind::Person);
    attributions
        .iter()
        .map(|a| {
            let mut named = Vec::new();
            if a.kind != QuoteKind::Statement {
                return named;
            }
            let speaker = a.speaker.and_then(|s| s.actor);
            for &(start, end) in a.parts.iter().flat_map(|&i| &quotes[i].pieces) {
                let from = mentions.partition_point(|m| m.start < start);
                named.extend(
                    mentions[from..]
                        .iter()
                        .take_while(|m| m.end <= end)
                        .map(|m| Named { start: m.start, end: m.end, who: Referent::Actor(m.actor) }),
                );
                let from = people.mentions.partition_point(|n| n.start < start);
                named.extend(people.mentions[from..].iter().take_while(|n| n.end <= end));
                let pronoun = |t: &&Token| t.end - t.start <= 4 && cx.is(t, PRONOUNS);
                let tokens = if anyone { tokenize(text, start, end) } else { Vec::new() };
                for t in tokens.iter().filter(pronoun) {
                    while let Some(m) = mentions.get(passed).filter(|m| m.end <= t.start) {
                        if config.actors[m.actor].kind == Kind::Person {
                            persons.see(m);
                        }
                        passed += 1;
                    }
                    let reach = cx.paragraphs[cx.paragraph_of(t.start).saturating_sub(REACH_PARAGRAPHS)];
                    if let Some(actor) = persons.latest(speaker, reach) {
                        named.push(Named { start: t.start, end: t.end, who: Referent::Actor(actor) });
                    }
                }
            }
            named.sort_by_key(|n| n.start);
            named
        })
        .collect()
}

/// The latest person mentioned, and the latest other than them: enough to pass over the
/// speaker of a quote.
#[derive(Default)]
struct LatestPersons {
    /// (actor, where its mention starts)
    last: Option<(usize, usize)>,
    other: Option<(usize, usize)>,
}

impl LatestPersons {
    fn see(&mut self, m: &Mention) {
        if self.last.is_some_and(|(actor, _)| actor != m.actor) {
            self.other = self.last;
        }
        self.last = Some((m.actor, m.start));
    }

    /// The latest person other than `speaker` mentioned at or after `reach`.
    fn latest(&self, speaker: Option<usize>, reach: usize) -> Option<usize> {
        [self.last, self.other]
            .into_iter()
            .flatten()
            .find(|&(actor, _)| Some(actor) != speaker)
            .filter(|&(_, start)| start >= reach)
            .map(|(actor, _)| actor)
    }
}

#[cfg(test)]
mod tests {
    use crate::attribution::testing::about;

    fn named(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(who, text)| (who.to_string(), text.to_string())).collect()
    }

    #[test]
    fn actors_people_roles_and_pronouns_in_the_quoted_words() {
        let found = about(
            "Sadiq, the envoy, arrived in Pakistan. “We won,” Jane Smith said.\n\
             “Pakistan will not bow, Smith knows it and the envoy knows it,” Lopez said.\n“He lied to us,” Lopez said.",
        );
        assert_eq!(
            found,
            [
                named(&[]),
                named(&[("pakistan", "Pakistan"), ("Jane Smith", "Smith"), ("sadiq", "the envoy")]),
                named(&[("sadiq", "He")]),
            ]
        );
    }

    #[test]
    fn a_pronoun_is_not_the_speaker_but_a_name_of_the_speaker_is_listed() {
        // "He" in Sadiq's own words is Lopez's, the latest other person; Sadiq names himself.
        let found = about("Lopez met Sadiq on Monday.\n“He is wrong, and Sadiq is right,” Sadiq said.");
        assert_eq!(found, [named(&[("maria", "He"), ("sadiq", "Sadiq")])]);
        // Out of reach, no one.
        assert_eq!(about("Lopez spoke.\nOne.\nTwo.\nThree.\n“He is wrong,” Sadiq said."), [named(&[])]);
    }

    #[test]
    fn only_quoted_words_of_statements() {
        // The cue between a split quote's pieces is not quoted; terms are about nobody.
        let found = about("“Pakistan stays,” Sadiq said. “Lopez goes.”\nThe so-called “Pakistan plan” failed.");
        assert_eq!(found, [named(&[("pakistan", "Pakistan"), ("maria", "Lopez")]), named(&[])]);
    }
}
