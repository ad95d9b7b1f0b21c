//! How a reader is told who is who: an actor by its configured name, a speaker by their actor's
//! or person's name (a later "Smith" or "she" by the full name) or else by the words that name
//! them, as the shim's `speakerName` (`www/src/export.js`).
//! The static sidebar and the CSV index both name people this way.

use std::collections::HashMap;

use article_highlighter::report::{QuoteOut, Who};
use article_highlighter::Report;

/// The names of a report's actors and people, whose ids the core keeps apart.
pub struct Names<'r>(HashMap<&'r str, &'r str>);

impl<'r> Names<'r> {
    pub fn of(report: &'r Report) -> Names<'r> {
        let actors = report.actors.iter().map(|a| (a.id.as_str(), a.name.as_str()));
        Names(actors.chain(report.people.iter().map(|p| (p.id.as_str(), p.name.as_str()))).collect())
    }

    /// The name of actor or person `id`, or the id itself when the report does not list it.
    pub fn name<'a>(&self, id: &'a str) -> &'a str
    where
        'r: 'a,
    {
        self.0.get(id).copied().unwrap_or(id)
    }

    /// The speaker of `quote` as a reader would name them; empty when no one is named.
    pub fn speaker(&self, quote: &QuoteOut) -> String {
        match &quote.speaker {
            None => String::new(),
            Some(speaker) => match speaker.actor.as_ref().or(speaker.person.as_ref()) {
                Some(id) => self.name(id).to_owned(),
                None => speaker.refers_to.as_ref().unwrap_or(&speaker.span).text.clone(),
            },
        }
    }

    /// Whom `quote` is about, by name: the actors and people it names, each once, in order.
    pub fn about<'a>(&'a self, quote: &'a QuoteOut) -> Vec<&'a str> {
        let mut names: Vec<&str> = Vec::new();
        for about in &quote.about {
            let (Who::Actor(id) | Who::Person(id)) = &about.who;
            let name = self.name(id);
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }
}
