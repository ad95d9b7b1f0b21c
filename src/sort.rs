//! Sorting for the scan's lists (mention candidates).
//!
//! A heapsort (the standard library's, through `BinaryHeap`): a few hundred bytes of wasm per
//! element type, where each use of `sort_unstable` instantiated a quicksort of 2 to 3 KB, 4.5 KB
//! of the gzipped module for the scan's sorts. The lists hold some tens of thousands of items for
//! a 1 MB article at most, and the slower sort does not show in a scan's time
//! (`tests/BENCHMARKS.md`, "Payload size").

use std::collections::BinaryHeap;

/// `items` in ascending order.
pub fn sorted<T: Ord>(items: Vec<T>) -> Vec<T> {
    BinaryHeap::from(items).into_sorted_vec()
}
