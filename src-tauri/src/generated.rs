//! The TypeScript declarations of the shell's own types (what commands answer and how errors
//! look), written to `ui/src/generated/app.ts` and pinned by a test that fails when stale.

use ts_rs::{Config, TS};

use crate::commands::cloudformation::{CloudFormationExported, ImportedDesign};
use crate::commands::deploy::{DeployEvent, DeployTarget};
use crate::commands::file::{ExampleInfo, OpenedDesign};
use crate::commands::report::ReportExported;
use crate::error::ErrorPayload;
use crate::recent::RecentFile;

/// The declarations, in one module that imports the design types it refers to: the shell's own
/// types, then the API's results the commands return as they are.
pub fn typescript() -> String {
    let config = Config::new();
    let own = [
        ErrorPayload::decl(&config),
        OpenedDesign::decl(&config),
        ExampleInfo::decl(&config),
        RecentFile::decl(&config),
        ImportedDesign::decl(&config),
        CloudFormationExported::decl(&config),
        ReportExported::decl(&config),
        DeployTarget::decl(&config),
        DeployEvent::decl(&config),
    ];
    let declarations = own.into_iter().chain(zta::typescript_declarations());
    let mut text = String::from(
        "// Generated from src-tauri by `cargo test -p zta-designer` with ZTA_UPDATE_GENERATED=1.\n\
         // Do not edit: change the Rust types instead.\n\n\
         import type { Design as RawDesign } from \"./model\";\n\
\n",
    );
    for declaration in declarations {
        text.push_str("export ");
        text.push_str(&declaration);
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn the_committed_typescript_matches_the_rust_types() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/generated/app.ts");
        let expected = super::typescript();
        if std::env::var_os("ZTA_UPDATE_GENERATED").is_some() {
            std::fs::write(&path, &expected).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == expected,
            "{} is stale: run `ZTA_UPDATE_GENERATED=1 cargo test -p zta-designer` and commit it",
            path.display()
        );
    }
}
