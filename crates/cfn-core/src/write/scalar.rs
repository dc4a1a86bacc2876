//! How a string must be written in YAML so that every YAML reader, including YAML 1.1 readers
//! such as CloudFormation's own and PyYAML, reads back the same string.

/// The ways a string can be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StringStyle {
    Plain,
    SingleQuoted,
    /// A `|` block; `keep_final_newline` says whether the text ends with one newline (`|`) or
    /// none (`|-`).
    Literal {
        keep_final_newline: bool,
    },
    DoubleQuoted,
}

/// Words YAML 1.1 or 1.2 reads as booleans or null in some capitalisation.
const RESERVED_WORDS: [&str; 13] = [
    "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~", "<<", "=", "-",
];

/// Characters that may not open a plain scalar.
const INDICATORS: &str = "-?:,[]{}#&*!|>'\"%@`";

/// Whether `text` would be read as something other than this string, or not at all, if written
/// without quotes.
pub fn needs_quotes(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return true;
    };
    let last = text.chars().next_back().unwrap_or(first);
    if INDICATORS.contains(first) || first.is_whitespace() || last.is_whitespace() || last == ':' {
        return true;
    }
    // The longest reserved word, `false`, has five characters.
    if text.len() <= 5
        && RESERVED_WORDS
            .iter()
            .any(|word| text.eq_ignore_ascii_case(word))
    {
        return true;
    }
    // Anything that opens like a number (after a sign) is quoted: YAML 1.1 also reads octal
    // `0123`, sexagesimal `1:20`, `1_000`, dates `2012-10-17`, `.5` and `.inf` as non-strings.
    let unsigned = text.trim_start_matches(['+', '-']);
    if unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.') {
        return true;
    }
    // One pass over the bytes finds `: ` and ` #` (which end a plain scalar or open a comment),
    // and tabs, line breaks and other ASCII control characters.
    let mut previous = 0_u8;
    for &byte in text.as_bytes() {
        let pair = (previous == b':' && byte == b' ') || (previous == b' ' && byte == b'#');
        if pair || byte < 0x20 || byte == 0x7f {
            return true;
        }
        previous = byte;
    }
    !text.is_ascii() && !text.chars().all(is_printable)
}

pub(super) fn style_for(text: &str) -> StringStyle {
    if !needs_quotes(text) {
        return StringStyle::Plain;
    }
    if !text.contains('\n') && text.chars().all(is_printable) {
        return StringStyle::SingleQuoted;
    }
    if suits_literal_block(text) {
        return StringStyle::Literal {
            keep_final_newline: text.ends_with('\n'),
        };
    }
    StringStyle::DoubleQuoted
}

/// Whether a multi-line text reads back exactly from a `|` or `|-` block: printable lines, the
/// first non-empty one not indented (the block's indentation is detected from it), no line of
/// only spaces (which a block could shorten), and at most one final newline.
fn suits_literal_block(text: &str) -> bool {
    if text.ends_with("\n\n") || text.starts_with('\n') {
        return false;
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let mut lines = body.split('\n');
    let first_is_flush = lines
        .next()
        .is_some_and(|line| !line.starts_with([' ', '\t']) && !line.is_empty());
    first_is_flush
        && body.split('\n').all(|line| {
            line.chars().all(|c| is_printable(c) || c == '\t')
                && (line.is_empty() || !line.chars().all(|c| c == ' ' || c == '\t'))
        })
}

/// Characters that need no escape in a YAML scalar: printable, and not a line break YAML 1.1
/// recognises (NEL, LS, PS) nor a byte-order mark.
fn is_printable(c: char) -> bool {
    !(c.is_control() || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}'))
}

pub(super) fn single_quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

pub(super) fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if is_printable(c) => out.push(c),
            c if u32::from(c) <= 0xFF => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            c => out.push_str(&format!("\\u{:04X}", u32::from(c))),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_1_1_non_strings_are_quoted() {
        for text in [
            "ON",
            "on",
            "Off",
            "yes",
            "No",
            "y",
            "N",
            "true",
            "False",
            "null",
            "~",
            "0123",
            "123",
            "1.5",
            "1e3",
            "0x1F",
            "0o17",
            "1_000",
            "1:20",
            "2012-10-17",
            ".inf",
            "-.inf",
            ".NaN",
            "+1",
            "-1",
            "<<",
            "=",
            "",
        ] {
            assert!(needs_quotes(text), "{text:?} must be quoted");
        }
    }

    #[test]
    fn ordinary_names_stay_plain() {
        for text in [
            "AWS::EC2::VPC",
            "Fn::Sub",
            "arn:${AWS::Partition}:s3:::${Bucket}/*",
            "PublicSubnet1",
            "HTTPS",
            "tcp",
        ] {
            assert!(!needs_quotes(text), "{text:?} need not be quoted");
        }
        assert_eq!(style_for("10.0.0.0/16"), StringStyle::SingleQuoted);
    }

    #[test]
    fn multi_line_text_uses_a_literal_block_when_it_reads_back_exactly() {
        assert_eq!(
            style_for("a\n  b\n"),
            StringStyle::Literal {
                keep_final_newline: true
            }
        );
        assert_eq!(
            style_for("a\nb"),
            StringStyle::Literal {
                keep_final_newline: false
            }
        );
        assert_eq!(style_for("  indented\nfirst"), StringStyle::DoubleQuoted);
        assert_eq!(style_for("a\n\n"), StringStyle::DoubleQuoted);
        assert_eq!(style_for("a\n   \nb"), StringStyle::DoubleQuoted);
        assert_eq!(double_quoted("a\"\u{1}\u{2028}"), "\"a\\\"\\x01\\u2028\"");
    }
}
