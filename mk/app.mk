# Targets of the desktop app (ui/, src-tauri/, tests/e2e/), included by the top-level Makefile.
#
#   make ui-build       build the UI bundle into ui/dist (the shell embeds it)
#   make test-ui        type-check, lint and unit-test the UI (tsc, eslint, vitest), and check
#                       that the IAM action list is what parliament's definition gives and the
#                       SAM policy templates what aws-sam-translator's give
#   make app-build      debug build of the app, shared with the Rust tests (what the e2e test,
#                       the screenshots and `make app-run` use)
#   make app-release    release build of the app, without installer bundles
#   make app-run        start the app on the reference example
#   make setup-e2e      install tauri-driver (into .tools/) and the e2e test's npm packages
#   make test-e2e       drive the real app under Xvfb through tauri-driver and WebdriverIO
#   make screenshots    take the README screenshots from the real window under Xvfb
#   make layout-reference  save the app's auto-layout into the reference example
#   make package        build the .deb and .rpm packages (release profile: LTO, stripped)
#   make test-package   install the .deb into a scratch root and start it under Xvfb

APP_TARGET_DIR ?= $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
APP_DEBUG_BIN := $(APP_TARGET_DIR)/debug/zta-designer
APP_RELEASE_BIN := $(APP_TARGET_DIR)/release/zta-designer
TOOLS := $(CURDIR)/.tools
TAURI_DRIVER := $(TOOLS)/bin/tauri-driver
XVFB := xvfb-run -a -s "-screen 0 1440x900x24"

.PHONY: ui-build test-ui app-build app-release app-run setup-e2e test-e2e screenshots layout-reference package test-package

ui-build: setup-ui
	npm --prefix ui run build

test-ui: setup-ui setup-python
	$(VENV)/bin/python tools/iam/generate_actions.py --check
	$(VENV)/bin/python tools/sam/generate_policy_templates.py --check
	$(VENV)/bin/python tools/icons/generate_pdf_icons.py --check
	cd ui && npx tsc -b && npx eslint . && npx vitest run

# The debug app is the executable that `cargo test --workspace` builds for the start-up test in
# src-tauri/tests, by the same command as `make test-rust`, so that after the Rust tests this
# step does nothing. `cargo build -p zta-designer` would resolve other features (dev-dependencies
# turn on tokio's macros) and compile most of the
# dependency tree a second time.
app-build: ui-build
	PATH="$(TEST_PATH)" CARGO_TARGET_DIR=$(APP_TARGET_DIR) cargo test --workspace --locked --no-run

# The Tauri CLI turns on the custom protocol; it runs from the root, not from ui/ (toolchain.md).
app-release: ui-build
	CARGO_TARGET_DIR=$(APP_TARGET_DIR) ./ui/node_modules/.bin/tauri build --no-bundle

app-run: app-build
	$(APP_DEBUG_BIN) $(REFERENCE)

setup-e2e: $(TAURI_DRIVER) tests/e2e/node_modules/.package-lock.json

$(TAURI_DRIVER):
	cargo install tauri-driver --locked --version 2.1.0 --root $(TOOLS)

tests/e2e/node_modules/.package-lock.json: tests/e2e/package-lock.json
	cd tests/e2e && npm ci --no-audit --no-fund

# E2E_ARTIFACTS keeps a picture of the screen for every failed step.
test-e2e: app-build setup-e2e setup-python
	PATH="$(TEST_PATH)" ZTA_APP_BINARY=$(APP_DEBUG_BIN) TAURI_DRIVER=$(TAURI_DRIVER) \
		E2E_ARTIFACTS=$(APP_TARGET_DIR)/e2e-artifacts $(XVFB) npm --prefix tests/e2e test

screenshots: app-build setup-e2e
	ZTA_APP_BINARY=$(APP_DEBUG_BIN) TAURI_DRIVER=$(TAURI_DRIVER) \
		$(XVFB) node tests/e2e/screenshots.mjs docs/screenshots

# The reference opens on the layout ELK gives it, so its flows open on their routes; run again
# after a change to the reference's structure or to the auto-layout.
layout-reference: app-build setup-e2e
	ZTA_APP_BINARY=$(APP_DEBUG_BIN) TAURI_DRIVER=$(TAURI_DRIVER) \
		$(XVFB) node tests/e2e/layout-example.mjs $(REFERENCE)

# The installable packages, built by Tauri's bundler from the release profile (LTO, stripped):
# a .deb and an .rpm under target/release/bundle/. Nothing is downloaded while bundling (an
# AppImage would need linuxdeploy fetched from the network, so it is not built). Not part of
# `make test`: the LTO build of the whole tree takes longer than CI's budget allows.
package: ui-build
	CARGO_TARGET_DIR=$(APP_TARGET_DIR) ./ui/node_modules/.bin/tauri build --bundles deb,rpm

# Unpacks the .deb into a scratch root, starts the installed binary under Xvfb on the
# reference and checks that the window opens on it; prints size, cold start and idle memory.
test-package: package
	$(XVFB) tests/package/installed-app.sh $(lastword $(sort $(wildcard $(APP_TARGET_DIR)/release/bundle/deb/*.deb))) \
		$(APP_TARGET_DIR)/package-shot.png
