//! The alias automaton: every occurrence of every alias in one pass over the text (Aho-Corasick).
//!
//! Matching needs one kind of search only: all occurrences of a set of byte strings, overlaps
//! included, which [`crate::actors`] then checks and chooses among. This is that search and
//! nothing else. The `aho-corasick` crate, with its several engines, prefilters and match
//! semantics, took about 17 KB of the gzipped wasm module, a sixth of the page's 100 KB budget;
//! this takes under 2 KB, and scans and compiles as fast (`tests/BENCHMARKS.md`, "Payload size").
//!
//! The automaton is a trie of the keys with failure links: on a byte the trie has no edge for,
//! the search falls back to the state of the longest proper suffix of what it has read that is
//! still a prefix of some key. Each state also links to the nearest state on its failure chain
//! where keys end, so reporting every key that ends at a position costs one step per key. The
//! shallowest states, where the search spends most of its time and which have the most edges,
//! get a full row of 256 transitions with failures already followed (as in a DFA); deeper states
//! keep their few edges in a list and fall back along failure links, soon reaching a row.

use std::ops::Range;

use crate::sort::sorted;

/// The trie's root.
const ROOT: u32 = 0;
/// No state (the end of an output chain), or no row.
const NONE: u32 = u32::MAX;
/// In a search the current state is a *code*: for a state with a row, where the row starts in
/// `rows` (a multiple of 256, so the low byte is free); for one without, its index shifted past
/// the flags. Rows hold codes, so a step through a row is one load.
const SPARSE: u32 = 1 << 0;
/// A flag of codes: keys end at this state or on its failure chain.
const MATCH: u32 = 1 << 1;
/// The most states besides the root that get a full row (1 KB each), the shallowest first: every
/// state up to three bytes deep for a thousand place names, and a megabyte at most.
const MAX_ROWS: usize = 1024;

/// A compiled set of keys. Build it once per key set; [`Automaton::find`] is the search.
pub struct Automaton {
    states: Vec<State>,
    /// Full rows of 256 transitions, failures already followed: the root's first. Codes once
    /// built (see [`SPARSE`]), state indexes while building.
    rows: Vec<u32>,
    /// The state each row belongs to, by row number.
    row_states: Vec<u32>,
    /// The code of each state.
    codes: Vec<u32>,
    /// The edges of states without a row, as bytes and the states they lead to (see
    /// [`State::edges`]).
    edge_bytes: Vec<u8>,
    edge_targets: Vec<u32>,
    /// The keys ending at each state (see [`State::keys`]).
    keys: Vec<u32>,
    /// The length in bytes of each key.
    lengths: Vec<u32>,
}

/// One state, everything the search reads about it in one place.
#[derive(Clone, Copy)]
struct State {
    /// Where the state's row starts in `rows`, or [`NONE`].
    row: u32,
    /// Its edges: `edge_bytes[edges.0..edges.1]`, leading to `edge_targets[edges.0..edges.1]`.
    edges: (u32, u32),
    /// The keys ending here: `keys[keys.0..keys.1]`.
    keys: (u32, u32),
    fail: u32,
    /// The nearest state on this state's failure chain, itself included, where keys end.
    output: u32,
}

impl Automaton {
    /// Compiles `keys`. Empty keys are never found. Keys and texts are searched as bytes, so a
    /// match of a UTF-8 key in a UTF-8 text always starts and ends on character boundaries.
    pub fn new<K: AsRef<[u8]>>(keys: &[K]) -> Automaton {
        Automaton::with_rows(keys, MAX_ROWS)
    }

    /// [`Automaton::new`], with at most `max_rows` rows besides the root's.
    fn with_rows<K: AsRef<[u8]>>(keys: &[K], max_rows: usize) -> Automaton {
        // The keys in byte order, ties in id order (their first eight bytes as a number first,
        // which orders most pairs without comparing the keys byte by byte). The keys below each
        // state of the trie are then a run of this list, so the trie is built breadth first,
        // each state's keys and edges written in one go (growing a list of edges for every
        // state took half the time of compiling 10,000 actors), and states are numbered in the
        // order their failure links are set in.
        let order = sorted(
            keys.iter()
                .enumerate()
                .map(|(id, key)| (first_eight(key.as_ref()), key.as_ref(), id as u32))
                .filter(|(_, key, _)| !key.is_empty())
                .collect::<Vec<_>>(),
        );
        let mut automaton = Automaton {
            states: Vec::new(),
            rows: vec![ROOT; 256],
            row_states: vec![ROOT],
            codes: Vec::new(),
            edge_bytes: Vec::new(),
            edge_targets: Vec::new(),
            keys: Vec::with_capacity(order.len()),
            lengths: keys.iter().map(|key| key.as_ref().len() as u32).collect(),
        };
        // Each state's run of `order` and depth, by state.
        let mut below = vec![(0, order.len(), 0)];
        while let Some(&(start, end, depth)) = below.get(automaton.states.len()) {
            let run = &order[start..end];
            // The keys ending here are those as long as its depth, which sort before the rest.
            let ending = run.iter().take_while(|(_, key, _)| key.len() == depth).count();
            let (edge, key) = (automaton.edge_bytes.len() as u32, automaton.keys.len() as u32);
            automaton.keys.extend(run[..ending].iter().map(|&(_, _, id)| id));
            let mut from = ending;
            while from < run.len() {
                let byte = run[from].1[depth];
                let to = from + run[from..].iter().take_while(|(_, key, _)| key[depth] == byte).count();
                automaton.edge_bytes.push(byte);
                automaton.edge_targets.push(below.len() as u32);
                below.push((start + from, start + to, depth + 1));
                from = to;
            }
            automaton.states.push(State {
                row: NONE,
                edges: (edge, automaton.edge_bytes.len() as u32),
                keys: (key, automaton.keys.len() as u32),
                fail: ROOT,
                output: NONE,
            });
        }
        // The root's row; then, breadth first, each state's failure and output links (a state's
        // failure is where its parent's failure goes on its byte: a shallower state, whose links
        // are set by then) and, while rows are left, its row: its failure's with its own edges.
        automaton.states[ROOT as usize].row = 0;
        for edge in automaton.edge_range(ROOT) {
            automaton.rows[automaton.edge_bytes[edge] as usize] = automaton.edge_targets[edge];
        }
        for parent in 0..automaton.states.len() as u32 {
            for edge in automaton.edge_range(parent) {
                let (byte, state) = (automaton.edge_bytes[edge], automaton.edge_targets[edge]);
                let fail =
                    if parent == ROOT { ROOT } else { automaton.next(automaton.states[parent as usize].fail, byte) };
                let (first_key, end_key) = automaton.states[state as usize].keys;
                let output = if first_key == end_key { automaton.states[fail as usize].output } else { state };
                let row = automaton.states[fail as usize].row;
                if row != NONE && automaton.rows.len() < (1 + max_rows) * 256 {
                    let start = automaton.rows.len();
                    automaton.rows.extend_from_within(row as usize..row as usize + 256);
                    for edge in automaton.edge_range(state) {
                        automaton.rows[start + automaton.edge_bytes[edge] as usize] = automaton.edge_targets[edge];
                    }
                    automaton.states[state as usize].row = start as u32;
                    automaton.row_states.push(state);
                }
                automaton.states[state as usize].fail = fail;
                automaton.states[state as usize].output = output;
            }
        }
        automaton.codes = (0..automaton.states.len() as u32).map(|state| automaton.code(state)).collect();
        for entry in &mut automaton.rows {
            *entry = automaton.codes[*entry as usize];
        }
        automaton
    }

    /// Where the edges of `state` are in `edge_bytes` and `edge_targets`.
    fn edge_range(&self, state: u32) -> Range<usize> {
        let (first, end) = self.states[state as usize].edges;
        first as usize..end as usize
    }

    /// The code of `state` (see [`SPARSE`]). Configs are at most 16 MB, so a text has far fewer
    /// than the 2^30 states a code can name.
    fn code(&self, state: u32) -> u32 {
        debug_assert!(state < 1 << 30);
        let current = self.states[state as usize];
        let flags = if current.output == NONE { 0 } else { MATCH };
        if current.row == NONE {
            state << 2 | SPARSE | flags
        } else {
            current.row | flags
        }
    }

    /// Calls `found(key, start, end)` for every occurrence of every key in `text`, overlaps
    /// included, in order of `end`.
    pub fn find(&self, text: &[u8], mut found: impl FnMut(usize, usize, usize)) {
        let mut code = self.codes[ROOT as usize];
        for (i, &byte) in text.iter().enumerate() {
            code = if code & SPARSE == 0 {
                self.rows[(code & !0xff) as usize | byte as usize]
            } else {
                match self.step(code >> 2, byte) {
                    Step::Row(code) => code,
                    Step::Edge(state) => self.codes[state as usize],
                }
            };
            if code & MATCH == 0 {
                continue;
            }
            let state = if code & SPARSE == 0 { self.row_states[(code >> 8) as usize] } else { code >> 2 };
            let mut ending = self.states[state as usize].output;
            while ending != NONE {
                let ending_state = self.states[ending as usize];
                for &key in &self.keys[ending_state.keys.0 as usize..ending_state.keys.1 as usize] {
                    found(key as usize, i + 1 - self.lengths[key as usize] as usize, i + 1);
                }
                ending = self.states[ending_state.fail as usize].output;
            }
        }
    }

    /// The state after reading `byte` in `state`, while building (rows hold state indexes).
    fn next(&self, state: u32, byte: u8) -> u32 {
        match self.step(state, byte) {
            Step::Row(next) | Step::Edge(next) => next,
        }
    }

    /// One transition from `state`, following failure links as needed: an entry of a row, or
    /// the target of an edge.
    fn step(&self, mut state: u32, byte: u8) -> Step {
        loop {
            let current = self.states[state as usize];
            if current.row != NONE {
                return Step::Row(self.rows[current.row as usize + byte as usize]);
            }
            let edges = self.edge_range(state);
            if let Some(i) = self.edge_bytes[edges.clone()].iter().position(|&b| b == byte) {
                return Step::Edge(self.edge_targets[edges.start + i]);
            }
            state = current.fail;
        }
    }
}

/// The first eight bytes of `key` (zeros past its end) as a big-endian number. Where the numbers
/// of two keys differ, the keys order as they do; where they are equal (the same first eight
/// bytes, or "a" and "a\0"), comparing the keys decides.
fn first_eight(key: &[u8]) -> u64 {
    let mut bytes = [0; 8];
    let n = key.len().min(8);
    bytes[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(bytes)
}

/// Where a transition was found: in a row (whose entries are codes once built), or on an edge
/// (a state index).
enum Step {
    Row(u32),
    Edge(u32),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every occurrence by brute force, in order of end, then key.
    fn naive(keys: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let mut all = Vec::new();
        for end in 1..=text.len() {
            for (id, key) in keys.iter().enumerate() {
                if !key.is_empty() && text.as_bytes()[..end].ends_with(key.as_bytes()) {
                    all.push((id, end - key.len(), end));
                }
            }
        }
        all
    }

    /// Every occurrence, found with full rows for all states, for some, and for the root alone
    /// (which all must agree on).
    fn found(keys: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let mut each = [MAX_ROWS, 2, 0].map(|rows| {
            let mut all = Vec::new();
            Automaton::with_rows(keys, rows).find(text.as_bytes(), |key, start, end| all.push((key, start, end)));
            // Within one end the automaton reports longer keys first; the tests compare sets.
            all.sort_by_key(|&(key, start, end)| (end, key, start));
            all
        });
        assert!(each[1] == each[0] && each[2] == each[0], "rows change what is found: {each:?}");
        std::mem::take(&mut each[0])
    }

    #[test]
    fn every_occurrence_overlaps_and_duplicates_included() {
        let keys = ["he", "she", "his", "hers", "", "e", "she", "ushers"];
        let text = "ushers she said his hers, shehe";
        assert_eq!(found(&keys, text), naive(&keys, text));
    }

    #[test]
    fn agrees_with_brute_force_on_many_small_alphabets() {
        // A small alphabet makes keys share prefixes and suffixes, the cases failure links serve.
        let mut seed = 0x9e37_79b9_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for _ in 0..300 {
            let word = |next: &mut dyn FnMut() -> u32, len: u32| -> String {
                (0..1 + next() % len).map(|_| ["a", "b", "é", " "][(next() % 4) as usize]).collect()
            };
            let keys: Vec<String> = (0..1 + next() % 8).map(|_| word(&mut next, 5)).collect();
            let text = word(&mut next, 60);
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            assert_eq!(found(&keys, &text), naive(&keys, &text), "keys {keys:?} text {text:?}");
        }
    }

    #[test]
    fn no_keys_find_nothing() {
        let mut any = false;
        Automaton::new::<&str>(&[]).find(b"text", |_, _, _| any = true);
        assert!(!any);
    }
}
