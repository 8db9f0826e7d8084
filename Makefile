# The two commands of the README. Each installs what is missing on a fresh machine.
.PHONY: run test bench

## Build everything and serve the demo AMAPs on http://127.0.0.1:3000 (SQLite file amapola.sqlite).
run:
	.ci/run-app

## Every check and test: fmt, clippy, unit/property/API tests (SQLite + PostgreSQL), browser journeys.
test:
	.ci/test

## Load and page-weight figures (not part of `test`).
bench:
	bench/run
