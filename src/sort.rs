//! Sorting the scan's mention candidates and the automaton's keys.
//!
//! A heapsort (the standard library's, through `BinaryHeap`): a few hundred bytes of wasm, where
//! `sort_unstable` instantiates a quicksort of 2 to 3 KB (the scan's sorts, three then, took
//! 4.5 KB of the gzipped module that way). The lists hold some tens of thousands of items at
//! most (the candidates of a 1 MB article, the aliases of 10,000 actors), and the slower sort
//! costs little: it does not show in a scan's time, and it is about 4 % of compiling 10,000
//! actors (`tests/BENCHMARKS.md`, "Payload size" and "Where a compile's time goes").

use std::collections::BinaryHeap;

/// `items` in ascending order.
pub fn sorted<T: Ord>(items: Vec<T>) -> Vec<T> {
    BinaryHeap::from(items).into_sorted_vec()
}
