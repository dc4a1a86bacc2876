//! Logical IDs derived from design element ids, so that the same element always becomes the same
//! resource and a small design change is a small template diff.
//!
//! An element that carries a `logical_id` (an imported one keeps its template's) is exported
//! under that id instead; the export's builder settles which. The report's evidence chain names
//! an element's resource without running an export the same way: the carried `logical_id`, else
//! [`logical_id`] of the element's id.

/// The logical ID of the main resource implementing a design element.
///
/// Ids made of lowercase letters and digits joined by `-` (the form the designer writes) map to
/// PascalCase one-to-one: `orders-db` becomes `OrdersDb`. Any other id (with `_`, `.`, capitals,
/// or a part starting with a digit) could collide with one of those, so it gets a suffix from a
/// stable hash of the id itself: `orders_db` becomes `OrdersDbX` followed by eight hex digits.
pub fn logical_id(element_id: &str) -> String {
    let mut id = String::with_capacity(element_id.len() + 10);
    for part in element_id.split(['-', '_', '.']) {
        let mut chars = part.chars();
        if let Some(first) = chars.next() {
            id.push(first.to_ascii_uppercase());
            id.extend(chars.filter(char::is_ascii_alphanumeric));
        }
    }
    if !is_canonical(element_id) {
        id.push_str(&format!("X{:08x}", fnv1a(element_id)));
    }
    if id.is_empty() || !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id.insert(0, 'E');
    }
    id
}

/// Whether CloudFormation accepts a logical ID: ASCII letters and digits, 1 to 255 of them.
pub(crate) fn is_valid_logical_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 255 && id.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Whether the id is in the one-to-one form: lowercase alphanumeric parts joined by single `-`,
/// each part starting with a letter.
fn is_canonical(element_id: &str) -> bool {
    !element_id.is_empty()
        && element_id.split('-').all(|part| {
            part.starts_with(|c: char| c.is_ascii_lowercase())
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// FNV-1a, 32 bits: tiny, stable across platforms and releases (unlike `DefaultHasher`).
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// A name usable in CloudFormation export names and AWS resource names: lowercase letters,
/// digits and `-`.
pub(crate) fn slug(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        slug.push_str("design");
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_ids_become_pascal_case() {
        assert_eq!(logical_id("orders-db"), "OrdersDb");
        assert_eq!(logical_id("alb"), "Alb");
        assert_eq!(logical_id("app-a2"), "AppA2");
    }

    #[test]
    fn ids_that_could_collide_get_a_stable_suffix() {
        let underscored = logical_id("orders_db");
        assert!(underscored.starts_with("OrdersDbX"), "{underscored}");
        assert_ne!(underscored, logical_id("orders-db"));
        assert_ne!(logical_id("app-1"), logical_id("app1"));
        assert_eq!(logical_id("Orders.DB"), logical_id("Orders.DB"));
        assert!(logical_id("1st").starts_with('E'));
    }

    #[test]
    fn only_letters_and_digits_make_a_logical_id() {
        assert!(is_valid_logical_id("OrdersDb2"));
        assert!(!is_valid_logical_id(""));
        assert!(!is_valid_logical_id("Orders-Db"));
        assert!(!is_valid_logical_id("Orders_Db"));
        assert!(!is_valid_logical_id(&"A".repeat(256)));
    }

    #[test]
    fn slugs_are_lowercase_and_dashed() {
        assert_eq!(slug("AWS Zero Trust (ref) "), "aws-zero-trust-ref");
        assert_eq!(slug("***"), "design");
    }
}
