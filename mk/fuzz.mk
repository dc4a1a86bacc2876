# Fuzzing (crates/cfn/fuzz), included by the top-level Makefile.
#
#   make fuzz-smoke     run every fuzz target for FUZZ_SECONDS (30 by default) from its seeds
#
# cargo-fuzz needs nightly features; RUSTC_BOOTSTRAP=1 lets the stable toolchain build them.
# Each input is limited to 512 MB and 10 seconds, the bounds the hostile-input tests check.
# The targets build into the project's target directory (no second one), and a crash leaves
# its input under crates/cfn/fuzz/artifacts/ to be kept as a regression fixture.

# Thirty seconds a target keeps `make test` inside CI's budget; for a real search run, for
# example, `make fuzz-smoke FUZZ_SECONDS=3600`.
FUZZ_SECONDS ?= 30
FUZZ_DIR := crates/cfn/fuzz
FUZZ_CORPUS := $(APP_TARGET_DIR)/fuzz-corpus
FUZZ_FLAGS = -max_total_time=$(FUZZ_SECONDS) -rss_limit_mb=512 -timeout=10 -max_len=65536
FUZZ_RUN = RUSTC_BOOTSTRAP=1 cargo fuzz run --fuzz-dir $(FUZZ_DIR) --target-dir $(APP_TARGET_DIR)/fuzz

.PHONY: setup-fuzz fuzz-smoke

setup-fuzz:
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

fuzz-smoke: setup-fuzz
	mkdir -p $(FUZZ_CORPUS)/import_template $(FUZZ_CORPUS)/parse_template $(FUZZ_CORPUS)/load_design
	$(FUZZ_RUN) import_template $(FUZZ_CORPUS)/import_template $(FUZZ_DIR)/seeds -- $(FUZZ_FLAGS)
	$(FUZZ_RUN) parse_template $(FUZZ_CORPUS)/parse_template $(FUZZ_DIR)/seeds -- $(FUZZ_FLAGS)
	$(FUZZ_RUN) load_design $(FUZZ_CORPUS)/load_design examples crates/model/tests/broken -- $(FUZZ_FLAGS)
