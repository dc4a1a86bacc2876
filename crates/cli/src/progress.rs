//! The CLI's rendering of deploy progress: a progress bar when standard error is a terminal,
//! one plain line per event otherwise (pipelines, logs, `| tee`). The API only emits the
//! events; how a terminal shows them is the CLI's business, as the app's dialog is the app's.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;

use indicatif::{ProgressBar, ProgressStyle};

use zta::cloud::{DeployProgress, ProgressSink, describe_progress};

/// Renders [`DeployProgress`] for a person or a pipeline.
pub struct TerminalProgress {
    output: Output,
}

enum Output {
    Bar(ProgressBar),
    Lines(Mutex<Box<dyn Write + Send>>),
}

impl TerminalProgress {
    /// A progress bar if standard error is a terminal, else one line per event on it.
    pub fn stderr() -> Self {
        if std::io::stderr().is_terminal() {
            Self::bar()
        } else {
            Self::lines(Box::new(std::io::stderr()))
        }
    }

    /// A progress bar on standard error, whose length follows the change set's size.
    fn bar() -> Self {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{spinner} [{bar:30}] {pos}/{len} {wide_msg}")
                .expect("the progress template is a valid constant")
                .progress_chars("=> "),
        );
        TerminalProgress {
            output: Output::Bar(bar),
        }
    }

    /// One line per event on `writer`.
    fn lines(writer: Box<dyn Write + Send>) -> Self {
        TerminalProgress {
            output: Output::Lines(Mutex::new(writer)),
        }
    }
}

impl ProgressSink for TerminalProgress {
    fn report(&self, event: &DeployProgress) {
        let line = describe_progress(event);
        match &self.output {
            Output::Lines(writer) => {
                let mut writer = writer
                    .lock()
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
                // Progress is advisory: a closed pipe must not abort the deployment.
                let _ = writeln!(writer, "{line}");
                let _ = writer.flush();
            }
            Output::Bar(bar) => match event {
                DeployProgress::Executing {
                    resource_changes, ..
                } => {
                    bar.set_length(*resource_changes as u64);
                    bar.set_position(0);
                    bar.set_message(line);
                }
                DeployProgress::StackEvent(record) => {
                    if !record.is_stack_event() && record.is_settled() {
                        bar.inc(1);
                    }
                    // Failures stay on screen above the bar; other events only update it.
                    if record.is_failure() {
                        bar.println(&line);
                    }
                    bar.set_message(line);
                }
                DeployProgress::Finished { .. } => {
                    bar.finish_with_message(line);
                }
                _ => {
                    bar.set_message(line);
                    bar.tick();
                }
            },
        }
    }
}
