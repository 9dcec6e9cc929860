"""Benchmarks: each module prints its figures as ratios against a reference timed in the same run.

Run them all with ``python -m bench``, or one with ``python -m bench.core``.
"""
