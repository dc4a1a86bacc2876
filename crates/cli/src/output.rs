//! How errors reach the person or pipeline running `zta`.

use std::io::IsTerminal;

use zta::Error;

use crate::exit::Outcome;

/// Prints an API error to standard error and says which exit outcome it means.
///
/// An invalid design is a problem found (exit 1), printed with the offending lines on a
/// terminal and as `file:line:column: message` lines otherwise, which CI annotators parse; so is
/// a design the export refuses, named with the element and the reason. Anything else (a file
/// that cannot be read, a template that cannot be imported: bad syntax, over a limit, a nested
/// stack refused) is a failure (exit 2).
pub fn report_error(error: &Error) -> Outcome {
    if let Some(load_error) = error.invalid_design() {
        if std::io::stderr().is_terminal() {
            eprintln!("{:?}", load_error.to_report());
        } else {
            eprintln!("{load_error}");
        }
        return Outcome::ProblemsFound;
    }
    match error {
        // A design the export refuses (an element AWS cannot place as drawn, a name collision)
        // is a problem of the design, not of the command.
        Error::Export(_) => {
            eprintln!("error: {error}");
            Outcome::ProblemsFound
        }
        other => {
            eprintln!("error: {other}");
            Outcome::Failure
        }
    }
}
