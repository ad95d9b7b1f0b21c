//! Writes the lowercase table of `src/lowercase.rs` from the standard library's own mapping.
//!
//! The standard library's table lists every mapped character on its own (about 11 KB in the wasm
//! module); nearly all of them come in runs that share one offset ("A".."Z" +32) or alternate
//! upper/lower ("Ā", "ā", "Ă", "ă"...), so the same mapping fits in under 200 runs. Generating it
//! here, from `char::to_lowercase` of the compiler that builds the crate, keeps it equal to the
//! standard library's whatever Unicode version that compiler has.

use std::fmt::Write;
use std::path::Path;

/// Characters `first..=last` (only every other one from `first` when `every_other`) lowercase to
/// themselves plus `delta`.
struct Run {
    first: u32,
    last: u32,
    delta: i64,
    every_other: bool,
}

fn main() {
    let mut runs: Vec<Run> = Vec::new();
    let mut multi: Vec<(char, String)> = Vec::new();
    for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
        let lower: Vec<char> = c.to_lowercase().collect();
        if lower.len() > 1 {
            multi.push((c, lower.into_iter().collect()));
            continue;
        }
        let delta = i64::from(u32::from(lower[0])) - i64::from(u32::from(c));
        if delta == 0 {
            continue;
        }
        let at = u32::from(c);
        if let Some(run) = runs.last_mut().filter(|run| run.delta == delta) {
            if run.first == run.last && (at == run.first + 1 || at == run.first + 2) {
                run.every_other = at == run.first + 2;
                run.last = at;
                continue;
            }
            if at == run.last + if run.every_other { 2 } else { 1 } {
                run.last = at;
                continue;
            }
        }
        runs.push(Run { first: at, last: at, delta, every_other: false });
    }

    let mut out = String::new();
    writeln!(out, "/// (first, last, delta, every other): see build.rs.").unwrap();
    writeln!(out, "const RUNS: [(u32, u32, i32, bool); {}] = [", runs.len()).unwrap();
    for run in &runs {
        writeln!(out, "    ({:#x}, {:#x}, {}, {}),", run.first, run.last, run.delta, run.every_other).unwrap();
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "/// Characters that lowercase to more than one character.").unwrap();
    writeln!(out, "const MULTI: [(char, &str); {}] = [", multi.len()).unwrap();
    for (c, lower) in &multi {
        writeln!(out, "    ({c:?}, {lower:?}),").unwrap();
    }
    writeln!(out, "];").unwrap();

    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    std::fs::write(Path::new(&dir).join("lowercase_table.rs"), out).expect("OUT_DIR is writable");
    println!("cargo::rerun-if-changed=src/build.rs");
}
