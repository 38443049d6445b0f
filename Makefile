# Edito: two commands. `make run` installs what is missing, builds and opens the window;
# `make test` installs what is missing and runs every check CI runs. `make check` is the quick
# inner loop: formatting, clippy, Rust unit and integration tests, UI unit tests (no window).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := run

# Debian/Ubuntu packages: building the app, then testing it in a real window.
APT_BUILD := build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev hunspell-fr hunspell-en-us libdbus-1-dev
APT_TEST := xvfb xauth webkit2gtk-driver default-jre-headless chromium imagemagick strace xclip libreoffice-writer-nogui poppler-utils
# A real WordPress for the publishing tests (scripts/wordpress-test-server): Debian's packages,
# installed with every service start forbidden (wordpress pulls apache2, which must not run).
APT_WORDPRESS := mariadb-server php-cli php-mysql wordpress
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CARGO_BIN := $(HOME)/.cargo/bin
TAURI_DRIVER := $(CARGO_BIN)/tauri-driver

# `ui` names a folder too: without .PHONY make would find it up to date and never build.
.PHONY: run test check bench types deps-build deps-test deps-wordpress ui lint

# Only the binaries (the window and the `edito` CLI): tests and benches are `make test`'s job.
run: deps-build ui
	cargo build --workspace --bins
	./target/debug/edito-desktop

# No Xvfb, no E2E, no UI build: what an edit can break, in a few minutes on a warm cache.
check: ui/node_modules/.package-lock.json deps-wordpress
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo test --workspace --lib --bins
	cargo test -p edito --test integration
	cd ui && npm test

# Benches are built (so they keep compiling) but not run here: the library bench generates a
# 100,000-piece library, which is `make bench`'s job, not CI's.
test: deps-build deps-test ui lint
	cargo build --workspace --all-targets
	EDITO_VNU_JAR="$(CURDIR)/tests/validate/node_modules/vnu-jar/build/dist/vnu.jar" \
	  xvfb-run -a --server-args="-screen 0 1400x900x24" cargo test --workspace --lib --bins --tests

bench: deps-build ui
	./.ci/bench

# Regenerates ui/src/api/generated.ts from the Rust IPC types (src-tauri/src/contract.rs);
# `make test` fails while the checked-in file is stale.
types: deps-build
	EDITO_UPDATE_TYPES=1 cargo test -p edito-desktop --lib generated_types

# Installs only the packages that are missing, so a ready machine does not touch apt.
define apt_install
	missing=$$(for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing: $$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

# The same, with a temporary policy-rc.d (exit 101: "action forbidden") when the machine has
# none, so installing a server package never starts its service.
define apt_install_no_services
	if [ -e /usr/sbin/policy-rc.d ]; then $(call apt_install,$(1)); else \
	  printf '#!/bin/sh\nexit 101\n' | $(SUDO) tee /usr/sbin/policy-rc.d >/dev/null; \
	  $(SUDO) chmod +x /usr/sbin/policy-rc.d; \
	  status=0; ( $(call apt_install,$(1)) ) || status=$$?; \
	  $(SUDO) rm -f /usr/sbin/policy-rc.d; exit $$status; \
	fi
endef

deps-build:
	@$(call apt_install,$(APT_BUILD))
	@command -v cargo >/dev/null || { echo "Rust is missing: install it from your distribution or rustup"; exit 1; }
	@command -v npm >/dev/null || { echo "Node.js 20+ and npm are missing: install them (apt-get install nodejs npm)"; exit 1; }

# The integration tests publish to a real WordPress (`make check` runs them too).
deps-wordpress:
	@$(call apt_install_no_services,$(APT_WORDPRESS))

deps-test: tests/validate/node_modules/.package-lock.json deps-wordpress
	@$(call apt_install,$(APT_TEST))
	@[ -x "$(TAURI_DRIVER)" ] || command -v tauri-driver >/dev/null || cargo install tauri-driver --locked --version '^2'

ui/node_modules/.package-lock.json: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund

tests/validate/node_modules/.package-lock.json: $(wildcard tests/validate/package-lock.json)
	@if [ -f tests/validate/package-lock.json ]; then cd tests/validate && npm ci --no-audit --no-fund; fi

ui: ui/node_modules/.package-lock.json
	cd ui && npm run build

lint: ui
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets -- -D warnings
	cd ui && npm test
	cd ui && npm run test:browser
