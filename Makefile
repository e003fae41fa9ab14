# Two set-up commands (README): `make run` and `make test`. Both make their own venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
EXAMPLE ?= muscle-trt-45

.PHONY: run test lint chromium clean audit

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	$(BIN)/endoprotocol plan --example $(EXAMPLE) --format table

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy --strict src

# The HTML report's tests load it in Debian's headless Chromium: installed here when missing.
test: lint chromium
	$(BIN)/python -m pytest -n 2 -q

chromium:
	@command -v chromium >/dev/null || { \
		echo "installing chromium for the HTML report's browser tests" >&2; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
		{ echo "could not install chromium: run as root, or install Debian's chromium yourself" >&2; exit 1; }; }

clean:
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache

# The coach's audit over 2,000 generated profiles (COACHING.md); exit 6 on any fault.
audit: $(VENV)/.installed
	$(BIN)/endoprotocol rules audit --profiles 2000
