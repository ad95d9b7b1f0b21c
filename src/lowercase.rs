//! Lowercasing, exactly as `char::to_lowercase`, from a table a quarter of the size.
//!
//! Matching folds every letter to lower case, so the mapping must cover all of Unicode. The
//! standard library's table lists each character apart; this one, written by `src/build.rs` from the
//! standard library's own mapping (so the two agree by construction, and a test checks every
//! character), lists runs of them. Using it instead saved about 6 KB of the gzipped wasm module
//! (`tests/BENCHMARKS.md`, "Payload size").

include!(concat!(env!("OUT_DIR"), "/lowercase_table.rs"));

/// Appends the lowercase form of `c` to `out`: what `out.extend(c.to_lowercase())` appends.
pub fn push_lowercase(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some((_, lower)) = MULTI.iter().find(|(upper, _)| *upper == c) {
        out.push_str(lower);
        return;
    }
    let at = u32::from(c);
    let i = RUNS.partition_point(|run| run.0 <= at);
    let mapped = i.checked_sub(1).map(|i| RUNS[i]).and_then(|(first, last, delta, every_other)| {
        let inside = at <= last && (!every_other || (at - first) % 2 == 0);
        inside.then(|| at.checked_add_signed(delta)).flatten().and_then(char::from_u32)
    });
    out.push(mapped.unwrap_or(c));
}

/// `word` in lower case, character by character. It differs from `str::to_lowercase` only in
/// giving a final capital sigma as σ rather than ς, which no comparison with an English word
/// can tell apart.
pub fn lowercase(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        push_lowercase(&mut out, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowercases_as_the_standard_library_does() {
        let mut ours = String::new();
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            ours.clear();
            push_lowercase(&mut ours, c);
            assert!(ours.chars().eq(c.to_lowercase()), "{c:?} ({:#x}): {ours:?}", u32::from(c));
        }
    }

    #[test]
    fn words() {
        assert_eq!(lowercase("SAID Ελλάδα İstanbul"), "said ελλάδα i\u{307}stanbul");
    }
}
