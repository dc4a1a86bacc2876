//! Finding the comments that canonical formatting would drop.
//!
//! A design is saved from its typed form, which holds no comments; only the comment block at the
//! top of the file is carried over ([`super::leading_comment`]). `zta fmt` uses this to refuse
//! to drop a comment silently and to say where each one is.

use saphyr_parser::{Event, Parser};

use crate::Location;

/// The position of every comment in a YAML text after its leading comment block, in order.
/// A text that does not parse has none (loading it reports the syntax error instead).
pub fn comments_after_header(text: &str) -> Vec<Location> {
    // Character ranges of every scalar: a `#` inside one (quoted, or a block scalar's lines)
    // is text, not a comment.
    let mut scalars: Vec<(usize, usize)> = Vec::new();
    let mut parser = Parser::new_from_str(text);
    while let Some(next) = parser.next_event() {
        let Ok((event, span)) = next else {
            return Vec::new();
        };
        if matches!(event, Event::Scalar(..)) {
            scalars.push((span.start.index(), span.end.index()));
        }
    }
    let mut comments = Vec::new();
    let mut scalar = scalars.iter().peekable();
    let mut in_header = true;
    let mut in_comment = false;
    let mut line = 1;
    let mut column = 0;
    let mut previous = '\n';
    for (index, character) in text.chars().enumerate() {
        if character == '\n' {
            line += 1;
            column = 0;
            in_comment = false;
            in_header &= previous != '\n';
            previous = character;
            continue;
        }
        column += 1;
        while scalar.peek().is_some_and(|(_, end)| *end <= index) {
            scalar.next();
        }
        let inside_scalar = scalar
            .peek()
            .is_some_and(|(start, end)| (*start..*end).contains(&index));
        // The header is the run of lines that start with `#`, as `leading_comment` keeps it.
        if column == 1 && character != '#' {
            in_header = false;
        }
        if character == '#' && !in_comment && !inside_scalar && previous.is_whitespace() {
            in_comment = true;
            if !(in_header && column == 1) {
                comments.push(Location { line, column });
            }
        }
        previous = character;
    }
    comments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_after_the_header_only() {
        let text = "# header\n# more\nname: x # why\n# about segments\nsegments: []\n";
        assert_eq!(
            comments_after_header(text),
            vec![
                Location { line: 3, column: 9 },
                Location { line: 4, column: 1 }
            ]
        );
    }

    #[test]
    fn a_hash_inside_text_is_not_a_comment() {
        let text = "name: 'a # b'\ndescription: |\n  # not a comment\n  text\nurl: a#b\n";
        assert_eq!(comments_after_header(text), Vec::new());
    }
}
