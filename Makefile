# The two commands: `make demo` and `make test`. Both work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSSTAMP := $(VENV)/.system-packages
CORPUS := data/cache/chinese-poetry-2.0.1/package

.PHONY: demo test lint typecheck unit setup system-packages corpus prosody-tables eval bench \
	eval-music bench-music folk-stats bench-create eval-backends bench-studio eval-poet bench-poem \
	eval-english eval-english-checker clean

demo: setup
	$(BIN)/inkmuse demo

test: setup lint typecheck unit

setup: $(STAMP) $(SYSSTAMP)

# llama-cpp-python is built first, with portable CPU flags, into a wheel folder keyed by its
# flags (scripts/build_llama_wheel.sh says why): the install below then finds it satisfied
# and never builds it natively or takes a natively built wheel from pip's cache.
$(STAMP): pyproject.toml scripts/build_llama_wheel.sh
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is required ($(PYTHON) not found)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	bash scripts/build_llama_wheel.sh $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# Fonts, audio and browser packages come from Debian. Only root can install them; everyone
# else gets a clear message from the code that needs them, and the rest still works.
$(SYSSTAMP): scripts/system-packages.sh
	bash scripts/system-packages.sh
	@mkdir -p $(VENV) && touch $@

system-packages:
	bash scripts/system-packages.sh

lint: setup
	$(BIN)/ruff check src tests benchmarks scripts training
	$(BIN)/ruff format --check src tests benchmarks scripts training

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest -q

# Corpus (npm chinese-poetry, MIT) for evaluation and training; not needed to use inkmuse.
corpus: $(CORPUS)/package.json
$(CORPUS)/package.json:
	bash scripts/fetch_corpus.sh

prosody-tables: setup corpus
	$(BIN)/python scripts/build_prosody_tables.py

eval: setup corpus
	$(BIN)/python benchmarks/eval_checker.py

bench: setup corpus
	$(BIN)/python benchmarks/bench_checker.py

eval-music: setup corpus
	$(BIN)/python benchmarks/eval_music.py --ablation

bench-music: setup
	$(BIN)/python benchmarks/bench_compose.py

# Rebuilds src/inkmuse/music/data from the music21 Essen corpus (about 2 minutes; cached).
folk-stats: setup
	$(BIN)/python scripts/build_folk_stats.py

bench-create: setup
	$(BIN)/python benchmarks/bench_create.py

eval-backends: setup
	$(BIN)/python benchmarks/eval_backends.py

eval-poet: setup
	$(BIN)/python benchmarks/eval_poet.py

bench-poem: setup
	$(BIN)/python benchmarks/bench_poem.py

eval-english-checker: setup
	$(BIN)/python benchmarks/eval_english_checker.py

# About 15 minutes: Gemma 3 270M writes English forms under each strategy.
eval-english: setup
	$(BIN)/python benchmarks/eval_english.py

bench-studio: setup
	$(BIN)/python benchmarks/bench_studio_load.py --users 20 --seconds 10

clean:
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache
