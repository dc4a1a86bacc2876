//! Stack names within CloudFormation's limit of 128 characters.

/// CloudFormation's longest stack name.
pub(crate) const MAX_STACK_NAME: usize = 128;

/// Characters of the hash that ends a shortened name.
const HASH_CHARACTERS: usize = 8;

/// `name` as it is when it fits; otherwise its start and a hash of the whole name, so that two
/// long names sharing their first 119 characters still give two stacks, and the same design
/// gives the same name at every export. Names are ASCII (letters, digits and `-`), so cutting
/// by bytes cuts by characters.
pub(crate) fn capped(name: String) -> String {
    if name.len() <= MAX_STACK_NAME {
        return name;
    }
    let keep = MAX_STACK_NAME - HASH_CHARACTERS - 1;
    let mut cut = keep;
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let start = name[..cut].trim_end_matches('-');
    format!("{start}-{:08x}", fnv1a(&name) as u32)
}

/// The 64-bit FNV-1a hash: fixed by its definition, so the suffix never changes between builds.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_stay_as_they_are() {
        assert_eq!(capped("orders-prod".to_owned()), "orders-prod");
        let exact = "a".repeat(MAX_STACK_NAME);
        assert_eq!(capped(exact.clone()), exact);
    }

    #[test]
    fn long_names_are_cut_with_a_stable_distinct_suffix() {
        let first = capped(format!("{}-one", "a".repeat(300)));
        let second = capped(format!("{}-two", "a".repeat(300)));
        assert_eq!(first.len(), MAX_STACK_NAME);
        assert_ne!(first, second);
        assert_eq!(first, capped(format!("{}-one", "a".repeat(300))));
        // The hash is FNV-1a's, so it is pinned here: a change would rename deployed stacks.
        assert_eq!(
            &first[MAX_STACK_NAME - 8..],
            format!("{:08x}", fnv1a(&format!("{}-one", "a".repeat(300))) as u32)
        );
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }
}
