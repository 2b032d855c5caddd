# Kaizen VSM — the two commands of the README, and their parts.
#   make test   sets up what the tests need and runs every test (this is what CI runs)
#   make run    (added with the desktop app)
#
# Build output goes to a fixed folder outside the clone, so fresh clones (and CI) reuse it.
SHELL := /bin/bash
export CARGO_TARGET_DIR ?= $(HOME)/.cache/kaizen-vsm/target
export CARGO_TERM_COLOR ?= never

.PHONY: test prerequisites rust-lint rust-test

test: prerequisites rust-lint rust-test
	@echo "make test: all checks passed"

prerequisites:
	@.ci/prerequisites

rust-lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --locked -- -D warnings

rust-test:
	cargo test --workspace --locked
