# The README's two commands: `make demo` (set up, run the bundled example) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench eval serve clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline run examples/seeds --db out/demo.db --export out/demo

test: $(STAMP)
	$(BIN)/ruff check storyline tests benchmarks
	$(BIN)/ruff format --check storyline tests benchmarks
	$(BIN)/mypy storyline tests benchmarks
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check storyline tests benchmarks
	$(BIN)/ruff format --check storyline tests benchmarks
	$(BIN)/mypy storyline tests benchmarks

serve: $(STAMP)
	$(BIN)/storyline serve --db out/demo.db

clean:
	rm -rf out build *.egg-info
