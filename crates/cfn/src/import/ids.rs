//! Element ids derived from logical ids (`PublicSubnet0` becomes `public-subnet0`), unique
//! across the design, so the same template always imports to the same ids.

use std::collections::HashSet;

/// The ids handed out so far.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    taken: HashSet<String>,
}

impl Registry {
    /// A fresh id derived from `name`: kebab case, then `-2`, `-3`... if already taken.
    pub(crate) fn claim(&mut self, name: &str) -> String {
        let base = kebab_case(name);
        let base = if base.is_empty() {
            "element".to_owned()
        } else {
            base
        };
        let mut candidate = base.clone();
        let mut counter = 2;
        while !self.taken.insert(candidate.clone()) {
            candidate = format!("{base}-{counter}");
            counter += 1;
        }
        candidate
    }
}

/// `ALBSecurityGroup` → `alb-security-group`, `PublicSubnet0` → `public-subnet0`; anything but
/// letters and digits becomes a single `-`; the result is at most 100 characters.
pub(crate) fn kebab_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (index, &c) in chars.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            continue;
        }
        if c.is_ascii_uppercase() && index > 0 && !out.ends_with('-') {
            let previous = chars[index - 1];
            let next_is_lower = chars.get(index + 1).is_some_and(char::is_ascii_lowercase);
            if previous.is_ascii_lowercase()
                || previous.is_ascii_digit()
                || (previous.is_ascii_uppercase() && next_is_lower)
            {
                out.push('-');
            }
        }
        out.push(c.to_ascii_lowercase());
    }
    let trimmed = out.trim_matches('-');
    trimmed
        .chars()
        .take(100)
        .collect::<String>()
        .trim_end_matches('-')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logical_ids_become_readable_kebab_case() {
        assert_eq!(kebab_case("PublicSubnet0"), "public-subnet0");
        assert_eq!(kebab_case("ALBSecurityGroup"), "alb-security-group");
        assert_eq!(kebab_case("VPC"), "vpc");
        assert_eq!(kebab_case("S3BucketA"), "s3-bucket-a");
        assert_eq!(kebab_case("Fn::ForEach::X"), "fn-for-each-x");
    }

    #[test]
    fn ids_stay_unique() {
        let mut registry = Registry::default();
        assert_eq!(registry.claim("Vpc"), "vpc");
        assert_eq!(registry.claim("VPC"), "vpc-2");
        assert_eq!(registry.claim(""), "element");
    }
}
