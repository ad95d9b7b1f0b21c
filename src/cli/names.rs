//! How a reader is told who is who: an actor by its configured name, a speaker by their actor's
//! name or else by the words that name them, as the shim's `speakerName` (`www/src/export.js`).
//! The static sidebar and the CSV index both name people this way.

use std::collections::HashMap;

use article_highlighter::report::QuoteOut;
use article_highlighter::Report;

/// The names of a report's actors.
pub struct Names<'r>(HashMap<&'r str, &'r str>);

impl<'r> Names<'r> {
    pub fn of(report: &'r Report) -> Names<'r> {
        Names(report.actors.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect())
    }

    /// The name of actor `id`, or the id of an actor the report does not list.
    pub fn actor<'a>(&self, id: &'a str) -> &'a str
    where
        'r: 'a,
    {
        self.0.get(id).copied().unwrap_or(id)
    }

    /// The speaker of `quote` as a reader would name them; empty when no one is named.
    pub fn speaker(&self, quote: &QuoteOut) -> String {
        match &quote.speaker {
            None => String::new(),
            Some(speaker) => match &speaker.actor {
                Some(actor) => self.actor(actor).to_owned(),
                None => speaker.refers_to.as_ref().unwrap_or(&speaker.span).text.clone(),
            },
        }
    }
}
