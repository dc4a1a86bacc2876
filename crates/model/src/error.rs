//! Errors of the model crate: a design that cannot be loaded, and file-system failures.

use std::fmt;
use std::path::PathBuf;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

/// A result whose error is the model's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What can go wrong when reading or writing a design.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The text is not a valid design; every problem found is listed.
    #[error(transparent)]
    Invalid(#[from] Box<LoadError>),
}

/// A position in a file, counted from 1 as editors show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in characters.
    pub column: usize,
}

/// One thing wrong with a design file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where in the document, as a path such as `components[3].segment`, when known.
    pub path: Option<String>,
    /// Where in the file, when known.
    pub location: Option<Location>,
    /// What to do about it, when there is an obvious fix ("did you mean `rds`?").
    pub help: Option<String>,
}

/// A design file that could not be loaded, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// The file name (or another name for the text's origin).
    pub origin: String,
    /// The text that was loaded, so that diagnostics can show the offending lines.
    pub text: String,
    /// The problems, in file order.
    pub problems: Vec<Problem>,
}

impl fmt::Display for LoadError {
    /// One line per problem in the `file:line:column: message` form that editors and CI
    /// annotations understand, with the help on an indented line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            match problem.location {
                Some(location) => write!(
                    f,
                    "{}:{}:{}: {}",
                    self.origin, location.line, location.column, problem.message
                )?,
                None => write!(f, "{}: {}", self.origin, problem.message)?,
            }
            if let Some(help) = &problem.help {
                write!(f, "\n  help: {help}")?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

impl Diagnostic for LoadError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("zta::invalid_design"))
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.text)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let labels = self.problems.iter().filter_map(|problem| {
            let location = problem.location?;
            let offset = byte_offset(&self.text, location);
            Some(LabeledSpan::new(Some(problem.message.clone()), offset, 1))
        });
        Some(Box::new(labels.collect::<Vec<_>>().into_iter()))
    }
}

impl LoadError {
    /// The error as a miette report with the file's name, for rich terminal output.
    pub fn to_report(&self) -> miette::Report {
        let named = NamedSource::new(self.origin.clone(), self.text.clone());
        miette::Report::new(self.clone()).with_source_code(named)
    }
}

/// The byte offset of a line and character column, clamped to the text.
fn byte_offset(text: &str, location: Location) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(location.line.saturating_sub(1))
        .map(str::len)
        .sum();
    let line = text[line_start.min(text.len())..]
        .split('\n')
        .next()
        .unwrap_or("");
    let column_bytes: usize = line
        .chars()
        .take(location.column.saturating_sub(1))
        .map(char::len_utf8)
        .sum();
    (line_start + column_bytes).min(text.len().saturating_sub(1))
}
