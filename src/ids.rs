//! Ids derived from names, for a table row with no id and for a person found in an article.
//!
//! A name becomes an id a reader can still recognise: lowercased, runs of spaces, `-` and `_`
//! turned into one `-`, other punctuation dropped, letters of every script kept ("Imran Khan" →
//! `imran-khan`, "U.S. Army" → `us-army`, "Пётр Иванов" → `пётр-иванов`). An id already taken
//! gets `-2`, `-3`, ...

use std::collections::{HashMap, HashSet};

/// Derives ids, each unique among the reserved ones and those derived before.
pub(crate) struct DerivedIds<'a> {
    reserved: HashSet<&'a str>,
    /// For a name with no letter or digit.
    fallback: &'static str,
    derived: HashSet<String>,
    /// The next number to try after each base: a thousand people of one name cost a thousand
    /// tries, not half a million.
    next: HashMap<String, usize>,
}

impl<'a> DerivedIds<'a> {
    pub(crate) fn new(reserved: HashSet<&'a str>, fallback: &'static str) -> DerivedIds<'a> {
        DerivedIds { reserved, fallback, derived: HashSet::new(), next: HashMap::new() }
    }

    /// An id for `name`, unique among the reserved ids and those derived before.
    pub(crate) fn derive(&mut self, name: &str) -> String {
        let mut base = String::with_capacity(name.len());
        for c in name.chars() {
            if c.is_alphanumeric() {
                base.extend(c.to_lowercase());
            } else if (c.is_whitespace() || c == '-' || c == '_') && !base.is_empty() && !base.ends_with('-') {
                base.push('-');
            }
        }
        while base.ends_with('-') {
            base.pop();
        }
        if base.is_empty() {
            base.push_str(self.fallback);
        }
        let mut id = base.clone();
        let n = self.next.entry(base.clone()).or_insert(2);
        while self.reserved.contains(id.as_str()) || self.derived.contains(&id) {
            id = format!("{base}-{n}");
            *n += 1;
        }
        self.derived.insert(id.clone());
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_among_the_reserved_and_the_derived() {
        let mut ids = DerivedIds::new(["jane-smith-2"].into_iter().collect(), "person");
        let names = ["Jane Smith", "Jane  Smith", "jane_smith", "Jane Smith 2", "„…“", "Пётр Иванов", "Jane Smith"];
        let derived: Vec<String> = names.iter().map(|n| ids.derive(n)).collect();
        assert_eq!(
            derived,
            ["jane-smith", "jane-smith-3", "jane-smith-4", "jane-smith-2-2", "person", "пётр-иванов", "jane-smith-5"]
        );
    }
}
