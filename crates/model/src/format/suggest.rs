//! Turns serde's terse messages into sentences a designer can act on, with a "did you mean"
//! suggestion when the intended word is obvious.

/// A cleaned-up message and, when one is obvious, what to do instead.
pub struct Explained {
    pub message: String,
    pub help: Option<String>,
}

/// Rewrites a serde message (already stripped of position text) for the value at `path`.
pub fn explain(message: &str, path: &str) -> Explained {
    for (prefix, noun) in [
        ("unknown variant `", what_value(path)),
        ("unknown field `", "field".to_string()),
    ] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((word, candidates)) = rest.split_once('`')
        {
            let options = backticked(candidates);
            let help = closest(word, &options).map(|best| format!("did you mean `{best}`?"));
            let help = help.or_else(|| {
                (!options.is_empty() && options.len() <= 16)
                    .then(|| format!("expected one of {}", quoted_list(&options)))
            });
            return Explained {
                message: format!("unknown {noun} `{word}`"),
                help,
            };
        }
    }
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(field, _)| field)
    {
        return Explained {
            message: format!("missing field `{field}`"),
            help: Some(format!("add `{field}:` here")),
        };
    }
    Explained {
        message: message.to_string(),
        help: None,
    }
}

/// What the value at a path is, for messages: `components[3].kind` → `component kind`.
fn what_value(path: &str) -> String {
    let mut parts = path.rsplit('.');
    let field = parts.next().unwrap_or(path);
    let field = field.split('[').next().unwrap_or(field);
    let owner = parts
        .next()
        .map(|owner| owner.split('[').next().unwrap_or(owner))
        .unwrap_or("");
    let singular = match owner {
        "segments" => "segment",
        "components" => "component",
        "identities" => "identity",
        "actors" => "actor",
        "flows" => "flow",
        _ => "",
    };
    match field {
        "kind" if !singular.is_empty() => format!("{singular} kind"),
        "protocol" => "protocol".into(),
        "tls" => "TLS version".into(),
        "auth" => "authentication method".into(),
        "tier" => "subnet tier".into(),
        "stores" | "data" => "data class".into(),
        "mfa" => "MFA mode".into(),
        _ => format!("value for `{field}`"),
    }
}

/// The words in backticks of serde's "expected one of `a`, `b`" tail.
fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn quoted_list(words: &[&str]) -> String {
    words
        .iter()
        .map(|word| format!("`{word}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The candidate closest to a misspelt word, if it is close enough to be the obvious intent.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lowered = word.to_lowercase();
    candidates
        .iter()
        .map(|candidate| (strsim::damerau_levenshtein(&lowered, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= (candidate.len() / 3).max(1))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_component_kind() {
        let explained = explain(
            "unknown variant `rsd`, expected one of `alb`, `rds`, `s3_bucket`",
            "components[3].kind",
        );
        assert_eq!(explained.message, "unknown component kind `rsd`");
        assert_eq!(explained.help.as_deref(), Some("did you mean `rds`?"));
    }

    #[test]
    fn lists_options_when_nothing_is_close() {
        let explained = explain(
            "unknown variant `zzzzzz`, expected one of `public`, `private`, `isolated`",
            "segments[1].tier",
        );
        assert_eq!(explained.message, "unknown subnet tier `zzzzzz`");
        assert_eq!(
            explained.help.as_deref(),
            Some("expected one of `public`, `private`, `isolated`")
        );
    }
}
