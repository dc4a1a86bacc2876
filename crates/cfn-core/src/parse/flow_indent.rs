//! Flow collections (`[...]`, `{...}`) whose continuation lines are indented no deeper than
//! the key that opens them, as in
//!
//! ```yaml
//!     Tags: [
//!     {Key: team, Value: data}]
//! ```
//!
//! YAML 1.2 requires those lines to be indented more than the surrounding block, and saphyr
//! refuses them, but the parsers CloudFormation and cfn-lint use (SnakeYAML, PyYAML) do not
//! check indentation inside flow collections, so real templates written this way deploy. Inside
//! a flow collection indentation carries no meaning, so moving such a line to the right changes
//! nothing but where its characters sit: the re-indented text parses to the same values, and
//! [`Reindented::column`] takes the shift back out of every reported column.
//!
//! The scan is line-based and only as exact as it needs to be for the fallback it serves: it
//! runs only after the text failed to parse as written.

/// A text with its flow continuation lines moved right, and how far each line moved.
pub(super) struct Reindented {
    /// The re-indented text.
    pub text: String,
    /// Spaces added at the start of each line, by zero-based line index.
    shifts: Vec<usize>,
}

impl Reindented {
    /// The column (zero-based, in characters) a position of the re-indented text had in the
    /// original text; a position inside the added spaces maps to the line's first column.
    pub fn column(&self, line: usize, column: usize) -> usize {
        let shift = line
            .checked_sub(1)
            .and_then(|index| self.shifts.get(index))
            .copied()
            .unwrap_or(0);
        column.saturating_sub(shift)
    }
}

/// What the scan is inside at the end of a line.
enum State {
    /// Block context: keys, values and sequence entries.
    Block,
    /// A block scalar (`|` or `>`) whose lines are indented more than `parent`.
    BlockScalar { parent: usize },
    /// A flow collection `depth` levels deep, opened on a line whose content starts at `base`;
    /// `quote` is the quote character of a scalar that continues onto the next line.
    Flow {
        depth: usize,
        base: usize,
        quote: Option<char>,
    },
}

/// Moves every flow continuation line that is indented no deeper than the content of the line
/// that opened the collection one column to the right of that content; `None` when no line
/// needs to move, or when the moved text would be longer than `max_len`. Each moved line grows
/// by up to the opening line's indentation, so a crafted file (a deeply indented opening line
/// followed by many short ones) would otherwise grow quadratically before it is parsed.
pub(super) fn reindent(text: &str, max_len: usize) -> Option<Reindented> {
    let mut state = State::Block;
    let mut out = String::with_capacity(text.len() + 64);
    let mut shifts = Vec::new();
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let blank = line.trim().is_empty();
        if let State::BlockScalar { parent } = state {
            if blank || indent > parent {
                out.push_str(line);
                shifts.push(0);
                continue;
            }
            state = State::Block;
        }
        let mut shift = 0;
        state = match state {
            State::Flow { depth, base, quote } => {
                if !blank && indent <= base {
                    shift = base + 1 - indent;
                }
                scan_flow(line, indent, depth, base, quote)
            }
            _ => scan_block(line),
        };
        if out.len() + shift + line.len() > max_len {
            return None;
        }
        out.extend(std::iter::repeat_n(' ', shift));
        out.push_str(line);
        shifts.push(shift);
    }
    shifts
        .iter()
        .any(|shift| *shift > 0)
        .then_some(Reindented { text: out, shifts })
}

/// Scans a line in block context for a flow collection or block scalar that starts as a value
/// and does not end on the line.
fn scan_block(line: &str) -> State {
    let chars: Vec<char> = line.chars().collect();
    let mut position = chars.iter().take_while(|c| **c == ' ').count();
    // The node a block scalar belongs to: a key, or the last sequence entry on the line.
    let mut parent = position;
    // Sequence entries (`- `, possibly several on one line) put the content further right.
    while chars.get(position) == Some(&'-')
        && chars.get(position + 1).is_none_or(|c| c.is_whitespace())
    {
        parent = position;
        position += 1;
        while chars.get(position) == Some(&' ') {
            position += 1;
        }
    }
    let base = position;
    loop {
        while chars.get(position) == Some(&' ') {
            position += 1;
        }
        match chars.get(position) {
            None | Some('#' | '\n' | '\r') => return State::Block,
            Some('[' | '{') => return scan_flow_from(&chars, position + 1, 1, base),
            Some('|' | '>') => return State::BlockScalar { parent },
            // A tag or an anchor comes before the value it marks.
            Some('!' | '&') => {
                while chars.get(position).is_some_and(|c| !c.is_whitespace()) {
                    position += 1;
                }
            }
            Some(quote @ ('\'' | '"')) => {
                match skip_quoted(&chars, position + 1, *quote) {
                    Some(end) => position = end,
                    // A quoted scalar that continues onto the next lines holds no flow
                    // collection; its lines are left as they are.
                    None => return State::Block,
                }
                match key_end(&chars, position) {
                    Some(end) => position = end,
                    None => return State::Block,
                }
                parent = base;
            }
            Some(_) => match key_end(&chars, position) {
                Some(end) => {
                    position = end;
                    parent = base;
                }
                None => return State::Block,
            },
        }
    }
}

/// The position after the `: ` that ends a key starting at `position`, when the line holds one.
fn key_end(chars: &[char], mut position: usize) -> Option<usize> {
    while let Some(c) = chars.get(position) {
        let next = chars.get(position + 1);
        if *c == ':' && next.is_none_or(|c| c.is_whitespace()) {
            return Some(position + 1);
        }
        if *c == '#' && position > 0 && chars[position - 1] == ' ' {
            return None;
        }
        position += 1;
    }
    None
}

/// The position after the closing quote of a scalar whose text starts at `position`, when it
/// closes on the line (`''` is an escaped quote in single quotes, `\` escapes in double).
fn skip_quoted(chars: &[char], mut position: usize, quote: char) -> Option<usize> {
    while let Some(c) = chars.get(position) {
        if quote == '"' && *c == '\\' {
            position += 2;
            continue;
        }
        if *c == quote {
            if quote == '\'' && chars.get(position + 1) == Some(&'\'') {
                position += 2;
                continue;
            }
            return Some(position + 1);
        }
        position += 1;
    }
    None
}

/// Scans a continuation line of a flow collection.
fn scan_flow(line: &str, indent: usize, depth: usize, base: usize, quote: Option<char>) -> State {
    let chars: Vec<char> = line.chars().collect();
    let start = match quote {
        Some(quote) => match skip_quoted(&chars, 0, quote) {
            Some(end) => end,
            None => {
                return State::Flow {
                    depth,
                    base,
                    quote: Some(quote),
                };
            }
        },
        None => indent,
    };
    scan_flow_from(&chars, start, depth, base)
}

/// Follows the nesting of a flow collection from `position` to the end of the line.
fn scan_flow_from(chars: &[char], mut position: usize, mut depth: usize, base: usize) -> State {
    while let Some(c) = chars.get(position) {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => {
                depth -= 1;
                if depth == 0 {
                    // What follows a closed collection on its line is a comment or nothing
                    // that opens another one.
                    return State::Block;
                }
            }
            '\'' | '"' => match skip_quoted(chars, position + 1, *c) {
                Some(end) => {
                    position = end;
                    continue;
                }
                None => {
                    return State::Flow {
                        depth,
                        base,
                        quote: Some(*c),
                    };
                }
            },
            '#' if position == 0 || chars[position - 1].is_whitespace() => break,
            _ => {}
        }
        position += 1;
    }
    State::Flow {
        depth,
        base,
        quote: None,
    }
}
