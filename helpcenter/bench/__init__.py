"""Benchmark helpers for scripts/bench.py: corpus generation and measurements."""
