//! Where a key is written, given where its value starts. The parser records the position of
//! values only (a resource's position is that of its body, on the line after `Orders:` in
//! YAML, after the colon in JSON); a scan points at the logical id itself, which is what a
//! reader of the template looks for and what code scanning underlines.

use zta_cfn::Location;

/// How far before its value a key is looked for: a key, its colon, a YAML tag or anchor and a
/// comment fit many times over; the bound keeps a crafted template from costing more.
const SEARCH_WINDOW_BYTES: usize = 4096;

/// A template's text with the byte offset of each line's start.
pub(super) struct KeyPositions<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> KeyPositions<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        KeyPositions { text, line_starts }
    }

    /// The position of `key` (plain or quoted, followed by its colon; a quoted key at its
    /// quote) nearest before the value at `value`; `value` itself when the key is not found
    /// there.
    pub(super) fn key_before(&self, key: &str, value: Location) -> Location {
        self.find_key_before(key, value).unwrap_or(value)
    }

    fn find_key_before(&self, key: &str, value: Location) -> Option<Location> {
        let end = self.offset(value)?;
        let mut start = end.saturating_sub(SEARCH_WINDOW_BYTES);
        while !self.text.is_char_boundary(start) {
            start += 1;
        }
        let before = &self.text[start..end];
        let (at, _) = before.rmatch_indices(key).find(|(at, found)| {
            let after = before[at + found.len()..].trim_start_matches(['"', '\'']);
            let preceded_well = before[..*at]
                .chars()
                .next_back()
                .is_none_or(|previous| !previous.is_alphanumeric() && previous != '_');
            preceded_well && after.trim_start_matches([' ', '\t']).starts_with(':')
        })?;
        // A quoted key starts at its quote, as a JSON reader counts it.
        let quoted = before[..at].ends_with(['"', '\'']);
        Some(self.location(start + at - usize::from(quoted)))
    }

    /// The byte offset of a 1-based line and character column.
    fn offset(&self, location: Location) -> Option<usize> {
        let line_start = *self
            .line_starts
            .get(location.line.checked_sub(1)? as usize)?;
        let line = &self.text[line_start..];
        let column = location.column.checked_sub(1)? as usize;
        line.char_indices()
            .nth(column)
            .map(|(at, _)| line_start + at)
            .or_else(|| (line.chars().count() == column).then_some(self.text.len()))
    }

    /// The 1-based line and character column of a byte offset.
    fn location(&self, offset: usize) -> Location {
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.text[line_start..offset].chars().count() + 1;
        Location::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(column).unwrap_or(u32::MAX),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_of_a_yaml_block_or_a_json_object_is_found() {
        let yaml = "Resources:\n  Orders:  # the queue\n    Type: AWS::SQS::Queue\n";
        let positions = KeyPositions::new(yaml);
        assert_eq!(
            positions.key_before("Orders", Location::new(3, 5)),
            Location::new(2, 3)
        );
        let json = "{\"Resources\": {\n    \"Ledger\": {\"Type\": \"AWS::RDS::DBInstance\"}}}";
        let positions = KeyPositions::new(json);
        assert_eq!(
            positions.key_before("Ledger", Location::new(2, 15)),
            Location::new(2, 5)
        );
    }

    #[test]
    fn a_longer_name_ending_in_the_key_is_not_taken_for_it() {
        let yaml = "Resources:\n  MyOrders:\n    Type: AWS::SQS::Queue\n";
        let positions = KeyPositions::new(yaml);
        assert_eq!(
            positions.key_before("Orders", Location::new(3, 5)),
            Location::new(3, 5)
        );
    }
}
