//! Quotes with no cue of their own, which take their speaker from the quotes and sentences
//! around them.
//!
//! A quote split by its attribution (“We will not leave,” Sadiq said. “Not this year.”) is one
//! quote of two pieces: [`Attributor::continues`] joins the second to the first. Any other quote
//! with no cue borrows a speaker ([`Attributor::borrowed`]), from the first of these that applies:
//! - the next quote: “It will be hard.” “Harder than anything before,” Lopez added: both are
//!   Lopez's, when nothing but space stands between them;
//! - context: Lopez gave a long interview on Monday. ⏎ “We expected more.”: a sentence right
//!   before the quote, and after the last attributed one, that reports speech names its speaker;
//! - follow-on: “We will not leave,” Sadiq said. ⏎ “There is no plan B.”: the speaker of the
//!   quote before, within two paragraphs, when no other person has been named in between.

use std::borrow::Cow;

use crate::config::Kind;
use crate::paragraphs::is_paragraph_break;
use crate::quotes::{self, Quote};

use super::cues::{Cue, SPEECH_NOUNS};
use super::pronouns::pronoun;
use super::tokens::{lower_is, Token};
use super::windows::previous_paragraph;
use super::{Attributed, Attributor, Context, Rule, Speaker, REACH_PARAGRAPHS};

impl Attributor {
    /// For a quote with no cue: the speaker of the next quote in its paragraph, or a follow-on.
    pub(super) fn borrowed(
        &self,
        cx: &Context,
        quotes: &[Quote],
        next_cue: Option<Cue>,
        before: &[Token],
        i: usize,
        last: Option<(Speaker, usize)>,
    ) -> Option<Attributed> {
        let q = &quotes[i];
        if let (Some(next), Some(cue)) = (quotes.get(i + 1), next_cue) {
            let between = &cx.text[q.end..next.start];
            if matches!(cue.rule, Rule::After | Rule::AfterInverted)
                && between.trim().is_empty()
                && !between.contains(is_paragraph_break)
            {
                return Some((Rule::NextQuote, Some(cue.span), cue.speaker));
            }
        }
        let context = self.context(cx, before, q.start);
        let Some((speaker, end)) = last else {
            return context.map(|c| (Rule::Context, Some(c.span), c.speaker));
        };
        // A sentence that reports speech after the last attributed quote names the speaker.
        if let Some(c) = context.filter(|c| c.span.0 > end) {
            return Some((Rule::Context, Some(c.span), c.speaker));
        }
        let near = cx.paragraph_of(q.start) - cx.paragraph_of(end) <= REACH_PARAGRAPHS;
        // Nobody else named in between: no actor mention, and no other attributed quote.
        let named_between = cx.mentions[cx.mentions.partition_point(|m| m.start < end)..]
            .iter()
            .take_while(|m| m.end <= q.start)
            .any(|m| speaker.actor != Some(m.actor) && cx.config.actors[m.actor].kind == Kind::Person);
        (near && !named_between && q.start > end).then_some((Rule::FollowOn, None, speaker))
    }

    /// The sentence right before a quote, when it reports speech ("Trump spoke only in bromides
    /// during the interview.", "Smith said the plan had failed."): its speaker.
    fn context(&self, cx: &Context, before: &[Token], quote_start: usize) -> Option<Cue> {
        let tokens = match before {
            [] => Cow::Owned(previous_paragraph(cx.text, quote_start).1),
            _ => Cow::Borrowed(before),
        };
        let end = tokens.len() - usize::from(tokens.last().is_some_and(|t| cx.punct(t, ".")));
        let start =
            tokens[..end].iter().rposition(|t| cx.punct(t, ".!?;") || quotes::is_mark(cx.word(t))).map_or(0, |i| i + 1);
        let sentence = &tokens[start..end];
        let speech = sentence.iter().position(|t| self.is_verb(cx, t) || cx.is(t, SPEECH_NOUNS))?;
        let speaker = self
            .phrase_backward(cx, &sentence[..speech])
            .filter(|s| {
                pronoun(&cx.text[s.start..s.end]).is_some() || cx.text[s.start..s.end].starts_with(char::is_uppercase)
            })
            .or_else(|| self.sentence_subject(cx, sentence))
            // "It is up to them …, as others should tell them": no one.
            .filter(|s| !lower_is(&cx.text[s.start..s.end], &["it"]))?;
        let verb = sentence[speech];
        Some(Cue { rule: Rule::Context, span: (speaker.start.min(verb.start), speaker.end.max(verb.end)), speaker })
    }

    /// Whether a quote starting at `next` continues the sentence of a cue ending at `cue_end`:
    /// only punctuation and space between them, within the paragraph.
    pub(super) fn continues(&self, cx: &Context, cue_end: usize, next: usize) -> bool {
        let between = &cx.text[cue_end.min(next)..next];
        between.len() < 40
            && !between.contains(is_paragraph_break)
            && between.chars().all(|c| c.is_whitespace() || ",.;:—–-".contains(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::testing::{attribute, one, s};

    #[test]
    fn split_quote_is_one_quote_with_one_speaker() {
        let f = one("“We will not leave,” Sadiq said. “Not this year, not next year.”");
        assert_eq!(f.pieces, ["“We will not leave,”", "“Not this year, not next year.”"]);
        assert_eq!((f.speaker, f.actor, f.rule), (s("Sadiq"), s("sadiq"), Some(Rule::After)));
    }

    #[test]
    fn follow_on_and_next_quote_share_a_speaker() {
        let all = attribute(
            "“We will not leave,” Sadiq said at the barracks in the capital.\n“There is no plan B for any of us.”\nThe crowd cheered.\n“It will be hard.” “Harder than anything before,” Lopez added.\nLopez gave a long interview on Monday.\n“We expected more.”",
        );
        let got: Vec<_> = all.iter().map(|f| (f.actor.clone(), f.rule)).collect();
        assert_eq!(
            got,
            [
                (s("sadiq"), Some(Rule::After)),
                (s("sadiq"), Some(Rule::FollowOn)),
                (s("maria"), Some(Rule::NextQuote)),
                (s("maria"), Some(Rule::After)),
                (s("maria"), Some(Rule::Context)),
            ]
        );
    }

    #[test]
    fn a_sentence_reporting_speech_names_the_next_quote() {
        let f = one("Lopez gave a long interview to the radio station.\n“We are not finished with this yet.”");
        assert_eq!((f.actor, f.rule), (s("maria"), Some(Rule::Context)));
        // "It is up to them" names nobody, whatever verb of speech follows.
        let f = one("It is up to them to de-escalate, as others should tell them.\n‘Excessive force has magnified these protests.’");
        assert_eq!((f.speaker, f.rule), (None, None));
    }
}
