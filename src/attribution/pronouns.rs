//! Pronouns and the people they stand for.
//!
//! “…,” he confirmed: "he" or "she" refers back to the latest person mentioned, "it" to the
//! latest organisation, state or group, "they" to anything but a place, within two paragraphs.
//! A name inside a quote is not one of them: it is what someone else said (“Trump is wrong,” he
//! said: "he" is not Trump).
//! “…,” I said: the writer speaks, so the quote has no speaker and nobody follows on from it;
//! "I", "we" and "you" are never speakers.

use crate::config::Kind;
use crate::quotes::Quote;

use super::tokens::{lower_is, Token};
use super::{Attributor, Context, Speaker, REACH_PARAGRAPHS};

/// Which kinds of actor a pronoun can stand for.
pub(super) fn pronoun(word: &str) -> Option<fn(Kind) -> bool> {
    if lower_is(word, &["he", "she"]) {
        Some(|k| k == Kind::Person)
    } else if lower_is(word, &["they"]) {
        Some(|k| k != Kind::Place)
    } else if lower_is(word, &["it"]) {
        Some(|k| matches!(k, Kind::Organization | Kind::State | Kind::Group))
    } else {
        None
    }
}

impl Attributor {
    /// Whether the writer attributes the quote to themselves: “…,” I said / we told him.
    pub(super) fn first_person(&self, cx: &Context, after: &[Token]) -> bool {
        let mut words = after.iter().skip_while(|t| cx.punct(t, ",—–-"));
        let subject = words.next().is_some_and(|t| cx.is(t, &["i", "we"]));
        subject && words.take(3).any(|t| self.is_verb(cx, t))
    }

    /// Points a pronoun at the latest compatible actor mentioned outside `quotes` within reach.
    pub(super) fn resolve(&self, cx: &Context, quotes: &[Quote], speaker: Speaker, quote_start: usize) -> Speaker {
        let Some(fits) = pronoun(&cx.text[speaker.start..speaker.end]) else { return speaker };
        let at = speaker.start.min(quote_start);
        let first_paragraph = cx.paragraph_of(at).saturating_sub(REACH_PARAGRAPHS);
        let reach = cx.paragraphs[first_paragraph];
        let before = cx.mentions.partition_point(|m| m.end <= at);
        let found = cx.mentions[..before]
            .iter()
            .rev()
            .take_while(|m| m.start >= reach)
            .filter(|m| !quoted(quotes, m.start))
            .find(|m| fits(cx.config.actors[m.actor].kind));
        match found {
            Some(m) => Speaker { actor: Some(m.actor), refers_to: Some((m.start, m.end)), ..speaker },
            None => speaker,
        }
    }
}

/// Whether `at` lies inside one of `quotes` (in order): a name someone else speaks there.
fn quoted(quotes: &[Quote], at: usize) -> bool {
    let after = quotes.partition_point(|q| q.start <= at);
    after > 0 && at < quotes[after - 1].end
}

#[cfg(test)]
mod tests {
    use crate::attribution::testing::{attribute, s, who};
    use crate::attribution::Rule;

    #[test]
    fn pronoun_goes_to_the_latest_person_before_it() {
        let text = "Maria Lopez spoke first. Then Sadiq took the floor in Pakistan.\n“Some of it has already happened,” he confirmed.";
        assert_eq!(who(text), (s("he"), s("sadiq"), s("he confirmed"), Some(Rule::After)));
        let text = "Maria Lopez was there. Then Sadiq took the floor in Pakistan.\n“Some of it has already happened,” he confirmed.";
        assert_eq!(who(text), (s("he"), s("sadiq"), s("he confirmed"), Some(Rule::After)));
    }

    #[test]
    fn a_name_inside_a_quote_is_not_what_a_pronoun_refers_to() {
        let text = "“Pakistan and Maria Lopez agreed,” Jane Smith said.\n“It is settled,” she added.";
        let got: Vec<_> = attribute(text).into_iter().map(|f| (f.speaker, f.actor)).collect();
        assert_eq!(got, [(s("Jane Smith"), None), (s("she"), None)]);
        let text = "Maria Lopez arrived late.\n“Sadiq agreed,” she said.";
        assert_eq!(who(text), (s("she"), s("maria"), s("she said"), Some(Rule::After)));
    }

    #[test]
    fn pronoun_two_sentences_away_and_out_of_reach() {
        let text = "Sadiq arrived late. The talks had stalled. Nobody expected much.\n“We are close,” he said.";
        assert_eq!(who(text).1, s("sadiq"));
        let far = "Sadiq arrived late.\nOne.\nTwo.\nThree.\n“We are close,” he said.";
        assert_eq!(who(far), (s("he"), None, s("he said"), Some(Rule::After)));
    }

    #[test]
    fn i_and_we_are_never_speakers() {
        assert_eq!(who("“We are close to a deal, I think,” I said to him."), (None, None, None, None));
    }

    #[test]
    fn first_person_cues_attribute_to_nobody_and_stop_follow_ons() {
        let all = attribute("“That was the plan all along,” Sadiq said.\n“Not for me it was not,” I said.\n“And never will be, believe me.”");
        let got: Vec<_> = all.iter().map(|f| (f.actor.clone(), f.rule)).collect();
        assert_eq!(got, [(s("sadiq"), Some(Rule::After)), (None, None), (None, None)]);
    }
}
