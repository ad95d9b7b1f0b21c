//! A progress bar on stderr for `scan`, drawn only when stderr is a terminal, so that a log or a
//! pipe never receives it: `[#########-----------]  45/100  site/news/2024/story.html`.

use std::io::{self, IsTerminal, Write};

const WIDTH: usize = 24;

/// The progress of a run over `total` files. Dropping it clears the line.
pub struct Progress {
    total: usize,
    done: usize,
    shown: bool,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        Progress { total, done: 0, shown: io::stderr().is_terminal() }
    }

    /// Counts one more file done, naming the one being read next.
    pub fn step(&mut self, next: &str) {
        if self.shown {
            // Progress is a courtesy: a terminal that cannot be written to is not an error.
            let _ = write!(io::stderr().lock(), "\r\x1b[2K{}", line(self.done, self.total, next));
        }
        self.done += 1;
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if self.shown {
            let _ = write!(io::stderr().lock(), "\r\x1b[2K");
        }
    }
}

/// The bar for `done` of `total`, and the name, shortened from the left to fit a line.
fn line(done: usize, total: usize, name: &str) -> String {
    let filled = (done * WIDTH).checked_div(total).unwrap_or(WIDTH);
    let bar = format!("{}{}", "#".repeat(filled), "-".repeat(WIDTH - filled));
    let count = format!("{done:>w$}/{total}", w = total.to_string().len());
    let room = 80usize.saturating_sub(WIDTH + count.len() + 6);
    let chars = name.chars().count();
    let name = if chars > room {
        format!("…{}", name.chars().skip(chars - room + 1).collect::<String>())
    } else {
        name.to_owned()
    };
    format!("[{bar}]  {count}  {name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_shows_the_share_done_and_a_name_that_fits() {
        assert_eq!(line(0, 4, "a.html"), "[------------------------]  0/4  a.html");
        assert_eq!(line(3, 4, "b.html"), "[##################------]  3/4  b.html");
        let long = format!("site/{}/page.html", "x".repeat(100));
        let shown = line(12, 100, &long);
        assert_eq!(shown.chars().count(), 80);
        assert!(shown.ends_with("xxx/page.html") && shown.contains("  …x"));
    }
}
