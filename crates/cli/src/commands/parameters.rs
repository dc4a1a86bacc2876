//! Template parameter values for `zta deploy`, from a file, the environment or the command line.
//!
//! A value written on the command line is visible to every user of the machine (`ps`), so a
//! secret is better given through `--parameters-file` or the environment: `--parameter KEY`
//! without `=VALUE` takes the value of the environment variable `KEY`, as `docker run -e` does.

use std::path::Path;

/// One `--parameter` argument: `KEY=VALUE`, or `KEY` for the environment's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParameterArg {
    key: String,
    value: Option<String>,
}

/// Parses a `--parameter` argument.
pub fn parameter_arg(text: &str) -> Result<ParameterArg, String> {
    let (key, value) = match text.split_once('=') {
        Some((key, value)) => (key, Some(value.to_owned())),
        None => (text, None),
    };
    if key.is_empty() {
        return Err(format!("expected KEY=VALUE or KEY, got `{text}`"));
    }
    Ok(ParameterArg {
        key: key.to_owned(),
        value,
    })
}

/// The parameter values to deploy with: the file's first, then each `--parameter` in order,
/// a later value of a key replacing an earlier one.
pub fn resolve(
    file: Option<&Path>,
    arguments: &[ParameterArg],
) -> Result<Vec<(String, String)>, String> {
    let mut values: Vec<(String, String)> = match file {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
            parse_file(&text, &path.display().to_string())?
        }
        None => Vec::new(),
    };
    for argument in arguments {
        let value = match &argument.value {
            Some(value) => value.clone(),
            None => std::env::var(&argument.key).map_err(|_| {
                format!(
                    "--parameter {0} takes its value from the environment variable {0}, \
                     which is not set",
                    argument.key
                )
            })?,
        };
        set(&mut values, argument.key.clone(), value);
    }
    Ok(values)
}

/// A parameters file: `KEY=VALUE` lines (blank lines and `#` comments skipped), or the AWS CLI's
/// JSON list of `{"ParameterKey": ..., "ParameterValue": ...}`.
fn parse_file(text: &str, origin: &str) -> Result<Vec<(String, String)>, String> {
    let mut values = Vec::new();
    if text.trim_start().starts_with('[') {
        let entries: Vec<serde_json::Value> = serde_json::from_str(text)
            .map_err(|error| format!("{origin}:{}:{}: {error}", error.line(), error.column()))?;
        for (index, entry) in entries.iter().enumerate() {
            let field = |name: &str| entry.get(name).and_then(serde_json::Value::as_str);
            let (Some(key), Some(value)) = (field("ParameterKey"), field("ParameterValue")) else {
                return Err(format!(
                    "{origin}: entry {} needs ParameterKey and ParameterValue as text",
                    index + 1
                ));
            };
            set(&mut values, key.to_owned(), value.to_owned());
        }
        return Ok(values);
    }
    for (number, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        match trimmed.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() => {
                set(&mut values, key.trim().to_owned(), value.to_owned());
            }
            _ => {
                return Err(format!(
                    "{origin}:{}:1: expected KEY=VALUE, a comment or a blank line",
                    number + 1
                ));
            }
        }
    }
    Ok(values)
}

fn set(values: &mut Vec<(String, String)>, key: String, value: String) {
    match values.iter_mut().find(|(existing, _)| *existing == key) {
        Some(entry) => entry.1 = value,
        None => values.push((key, value)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_the_aws_cli_json_form() {
        let lines = "# secrets\nDbPassword=p=ss word\n\n Env = prod\n";
        assert_eq!(
            parse_file(lines, "p.env").unwrap(),
            vec![
                ("DbPassword".to_owned(), "p=ss word".to_owned()),
                ("Env".to_owned(), " prod".to_owned())
            ]
        );
        let json = r#"[{"ParameterKey": "Env", "ParameterValue": "prod"}]"#;
        assert_eq!(
            parse_file(json, "p.json").unwrap(),
            vec![("Env".to_owned(), "prod".to_owned())]
        );
        assert_eq!(
            parse_file("oops\n", "p.env").unwrap_err(),
            "p.env:1:1: expected KEY=VALUE, a comment or a blank line"
        );
    }

    #[test]
    fn the_command_line_overrides_the_file_and_reads_the_environment() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("p.env");
        std::fs::write(&file, "Env=dev\nDbPassword=from-file\n").unwrap();
        let arguments = [
            parameter_arg("Env=prod").unwrap(),
            parameter_arg("PATH").unwrap(),
        ];
        let values = resolve(Some(&file), &arguments).unwrap();
        assert_eq!(values[0], ("Env".to_owned(), "prod".to_owned()));
        assert_eq!(values[1], ("DbPassword".to_owned(), "from-file".to_owned()));
        assert_eq!(values[2].0, "PATH");
        assert_eq!(values[2].1, std::env::var("PATH").unwrap());
        let unset = [parameter_arg("ZTA_TEST_SURELY_UNSET_VARIABLE").unwrap()];
        assert!(resolve(None, &unset).unwrap_err().contains("is not set"));
    }
}
