#!/usr/bin/env bash
# Mutation testing of the referee: mutmut mutates simulator/scoring and simulator/engine one
# change at a time and runs, against each mutant, the referee, engine and scoring tests that
# reach the mutated function (configuration: [tool.mutmut] in pyproject.toml). Then the figures
# per package and module (benchmarks/mutation_report.py).
#
#   benchmarks/mutation.sh               a fresh run (about 16 minutes on 2 cores)
#   benchmarks/mutation.sh --survivors   test the last run's survivors again (after adding tests)
#   benchmarks/mutation.sh 'simulator.scoring.plan_checks.*'   only these mutants, keeping the rest
#
# Not run in CI. Needs the dev extra: .venv/bin/pip install -e '.[test,dev]'
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
if ! "$PY" -c "import mutmut" 2>/dev/null; then
    echo "mutmut is not installed: $PY -m pip install -e '.[test,dev]'" >&2
    exit 2
fi
if [ "${1:-}" = --survivors ]; then
    shift
    mapfile -t names < <("$PY" benchmarks/mutation_report.py --names)
    if [ ${#names[@]} = 0 ]; then echo "no surviving mutants to test again"; exit 0; fi
    set -- "${names[@]}"
elif [ $# = 0 ]; then
    # mutmut keeps a result while the mutated function is unchanged, even when the tests
    # changed, so a figure is only trusted from a fresh run (or survivors tested again).
    rm -rf mutants
fi
# mutmut's exit status says nothing about survivors; the figures below are the verdict.
"$PY" -m mutmut run --max-children "${MUTATION_JOBS:-2}" "$@" || true
echo
"$PY" benchmarks/mutation_report.py
