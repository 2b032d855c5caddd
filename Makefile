# Kaizen VSM — the two commands of the README, and their parts.
#   make run    sets up what the app needs, builds it and opens it (first start: an example map)
#   make test   sets up what the tests need and runs every test (this is what CI runs)
#
# Build output goes to a fixed folder outside the clone, so fresh clones (and CI) reuse it.
# The app and the tests share one build (the UI is embedded by default), so nothing builds twice.
SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/kaizen-vsm/target
export CARGO_TERM_COLOR ?= never
export PATH := $(HOME)/.cargo/bin:$(PATH)
APP := $(CARGO_TARGET_DIR)/debug/kaizen-vsm

.PHONY: run test setup setup-app ui-build app rust-lint rust-test ui-test e2e bench

run: setup-app app
	$(APP)

test: setup ui-build rust-lint rust-test ui-test e2e
	@echo "make test: all checks passed"

setup:
	@.ci/setup all

setup-app:
	@.ci/setup app

ui-build:
	cd ui && npm run build

app: ui-build
	cargo build --locked -p kaizen-vsm -p vsm-cli

rust-lint: ui-build
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

rust-test: ui-build
	cargo test --workspace --locked

ui-test:
	cd ui && npx tsc --noEmit && npx eslint src && npx vitest run

e2e: app
	cd tests/e2e && npx tsc --noEmit -p .
	tests/e2e/run

# Speed figures of docs/performance.md (not part of `make test`: benchmarks, not timed tests).
bench: app
	cargo bench -p vsm-metrics --bench metrics
	tests/e2e/bench/run webkit
	@command -v chromium >/dev/null && tests/e2e/bench/run chromium || echo "bench: install chromium for the browser figures"
