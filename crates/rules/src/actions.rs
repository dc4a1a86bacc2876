//! IAM action patterns, matched the way IAM matches them, so that every rule and analysis
//! reads `*`, `iam:*` and `iam:Pass*` as the actions they grant rather than as literal names.

/// Whether a policy's action pattern (`*`, `iam:*`, `iam:Pass*`, `s3:Get?bject`,
/// `s3:GetObject`) matches an action: case-insensitively, `*` standing for any run of
/// characters and `?` for any one character, as IAM evaluates them.
pub fn action_matches(pattern: &str, action: &str) -> bool {
    let pattern = pattern.as_bytes();
    let action = action.as_bytes();
    let (mut p, mut a) = (0, 0);
    // The position of the last `*` seen, and where in the action it started matching, to
    // backtrack to when a literal fails: the classic linear-space wildcard match.
    let mut star: Option<(usize, usize)> = None;
    while a < action.len() {
        if p < pattern.len() && (pattern[p] == b'?' || pattern[p].eq_ignore_ascii_case(&action[a]))
        {
            p += 1;
            a += 1;
        } else if p < pattern.len() && pattern[p] == b'*' {
            star = Some((p, a));
            p += 1;
        } else if let Some((star_p, star_a)) = star {
            p = star_p + 1;
            a = star_a + 1;
            star = Some((star_p, a));
        } else {
            return false;
        }
    }
    pattern[p..].iter().all(|&byte| byte == b'*')
}

/// Whether any of a statement's action patterns matches the action.
pub fn grants(patterns: &[String], action: &str) -> bool {
    patterns
        .iter()
        .any(|pattern| action_matches(pattern, action))
}

/// Whether a pattern grants every action of a service (`*`, `iam:*`, `i*`): it matches the
/// service's own wildcard written out as an action name.
pub fn grants_whole_service(pattern: &str, service: &str) -> bool {
    action_matches(pattern, &format!("{service}:*"))
}

/// Whether a pattern can grant some action of a service (`*`, `s3:*`, `s3:Get*`, `s*`).
pub fn touches_service(pattern: &str, service: &str) -> bool {
    let pattern_service = pattern
        .split_once(':')
        .map_or(pattern, |(service, _)| service);
    action_matches(pattern_service, service)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_include_the_actions_they_match() {
        for pattern in [
            "*",
            "iam:*",
            "iam:Pass*",
            "IAM:passrole",
            "iam:P?ssRole",
            "*:PassRole",
        ] {
            assert!(action_matches(pattern, "iam:PassRole"), "{pattern}");
        }
        for pattern in ["iam:Get*", "s3:*", "iam:PassRoles", "iam:Pass", "", "iam:?"] {
            assert!(!action_matches(pattern, "iam:PassRole"), "{pattern}");
        }
        assert!(action_matches("iam:*Policy*", "iam:AttachRolePolicy"));
        assert!(!action_matches("iam:*Policy", "iam:PutRolePolicyVersion"));
    }

    #[test]
    fn whole_services_and_touched_services() {
        assert!(grants_whole_service("*", "iam"));
        assert!(grants_whole_service("iam:*", "iam"));
        assert!(!grants_whole_service("iam:Pass*", "iam"));
        assert!(touches_service("s3:Get*", "s3"));
        assert!(touches_service("*", "dynamodb"));
        assert!(touches_service("s*", "s3"));
        assert!(!touches_service("sqs:*", "s3"));
    }

    #[test]
    fn a_long_hostile_pattern_stays_linear() {
        let pattern = "*a".repeat(2_000);
        let action = "a".repeat(4_000) + "b";
        assert!(!action_matches(&pattern, &action));
    }
}
