"""Benchmarks for the speed targets of DESIGN.md §11 (run as ``python -m bench.counter``)."""
