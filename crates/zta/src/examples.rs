//! The example designs bundled into the binaries, so that "New from example" in the app and the
//! CLI work without the repository at hand.

use zta_model::Design;

use crate::{Error, Result};

/// The bundled examples: the name the app and CLI use, the path it came from, and its text.
const EXAMPLES: &[(&str, &str, &str)] = &[
    (
        "reference",
        "examples/aws-zta-reference.zta.yaml",
        include_str!("../../../examples/aws-zta-reference.zta.yaml"),
    ),
    (
        "three-tier-web-app",
        "examples/three-tier-web-app.zta.yaml",
        include_str!("../../../examples/three-tier-web-app.zta.yaml"),
    ),
    (
        "multi-account-transit",
        "examples/multi-account-transit.zta.yaml",
        include_str!("../../../examples/multi-account-transit.zta.yaml"),
    ),
    (
        "insecure-legacy",
        "examples/insecure-legacy.zta.yaml",
        include_str!("../../../examples/insecure-legacy.zta.yaml"),
    ),
];

/// The names of the bundled examples.
pub fn example_names() -> impl Iterator<Item = &'static str> {
    EXAMPLES.iter().map(|(name, _, _)| *name)
}

/// A fresh copy of the bundled example called `name`, or `None` when there is no such example.
pub fn example_design(name: &str) -> Option<Result<Design>> {
    let (_, origin, text) = EXAMPLES.iter().find(|(known, _, _)| *known == name)?;
    Some(zta_model::load_str(text, origin).map_err(|error| Error::Model(error.into())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_example_loads_without_problems() {
        for name in example_names() {
            let design = example_design(name).unwrap().unwrap();
            assert_eq!(crate::design_problems(&design), [], "example {name}");
        }
    }

    #[test]
    fn an_unknown_example_is_none() {
        assert!(example_design("nonexistent").is_none());
    }
}
