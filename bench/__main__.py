"""Run every benchmark module in turn (bench.load, the class of up to 200 sessions on every
page, takes about ten minutes on 2 cores)."""

import importlib
import pkgutil

import bench

for module in sorted(m.name for m in pkgutil.iter_modules(bench.__path__)):
    if module not in ("timing", "apptest", "server", "session", "floor_app", "__main__"):
        print(f"\n== bench.{module}")
        importlib.import_module(f"bench.{module}").main()
