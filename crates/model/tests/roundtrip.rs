//! Round trips: for random valid designs, loading what was saved gives the same design, and
//! formatting is a fixed point, in YAML and in JSON.

use proptest::prelude::*;
use zta_model::{integrity, load_str, synthetic, to_json, to_yaml};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn load_of_save_is_identity(seed in any::<u64>(), size in 12usize..400) {
        let design = synthetic::generate(seed, size).normalized();
        prop_assert_eq!(integrity::check(&design), Vec::new());

        let yaml = to_yaml(&design, None);
        let loaded = load_str(&yaml, "roundtrip.zta.yaml").map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(&loaded, &design);
        prop_assert_eq!(to_yaml(&loaded, None), yaml, "formatting is a fixed point");

        let json = to_json(&design);
        let loaded = load_str(&json, "roundtrip.zta.json").map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(&loaded, &design);
    }

    #[test]
    fn formatting_any_order_is_idempotent(seed in any::<u64>(), size in 12usize..200) {
        let mut design = synthetic::generate(seed, size);
        design.components.reverse();
        design.flows.reverse();
        design.segments.reverse();
        let once = to_yaml(&design, Some("# header kept"));
        let loaded = load_str(&once, "fmt.zta.yaml").map_err(|error| TestCaseError::fail(error.to_string()))?;
        let twice = to_yaml(&loaded, Some("# header kept"));
        prop_assert_eq!(once, twice);
    }
}
