# The two commands a new user needs: `make demo` and `make test`. Everything else is set up by them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     := data/stopwijzer.duckdb
SITE   := build/site

.PHONY: demo test bench install browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[bench]'
	touch $@

install: $(VENV)/.installed

# The whole nightly pipeline, offline, on the recorded snapshot in snapshots/demo.
demo: install
	$(BIN)/stopwijzer --db $(DB) nightly --replay snapshots/demo --site $(SITE)

# Headless Chromium for the browser tests: Debian's package, since browser downloads are blocked.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		echo "installing Debian's chromium for the browser tests"; \
		(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
		|| echo "WARNING: could not install chromium; browser tests will be skipped"; \
	else echo "WARNING: no chromium and no root apt-get; browser tests will be skipped"; fi

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest -q -n 2

# Prints a table of ratios measured in one run on this machine (takes a few minutes).
bench: $(VENV)/.installed-bench
	$(BIN)/python -m bench

clean:
	rm -rf build data/crawls data/*.next
