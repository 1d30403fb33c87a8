# The two commands: `make run` (demo site at http://127.0.0.1:8000) and `make test`.
# VENV picks the virtualenv (default .venv), e.g. `make test VENV=/tmp/venv`.
VENV ?= .venv
export VENV

.PHONY: run test lint bench venv

run:
	@bash scripts/run.sh

test:
	@bash scripts/test.sh

venv:
	@bash scripts/setup-venv.sh

lint: venv
	$(VENV)/bin/ruff check .

bench: venv
	@set -e; found=; for script in bench/*.py; do \
		[ -e "$$script" ] || continue; found=1; \
		echo "==> $$script"; $(VENV)/bin/python "$$script"; \
	done; [ -n "$$found" ] || echo "no benchmarks yet"
