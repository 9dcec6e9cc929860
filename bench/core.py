"""Foundation figures: Naive Bayes on Planet Pixel sized data, sampling, avatars, land points.

    python -m bench.core
"""

import time

import numpy as np
from sklearn.naive_bayes import CategoricalNB as SklearnCategoricalNB

from bench.timing import best_seconds
from gdl_core import avatars, wrodl
from gdl_core.naive_bayes import CategoricalNB
from gdl_core.world import sample_land

N_FACES, N_PIXELS, N_COLOURS = 10_000, 1024, 256


def main() -> None:
    rng = np.random.default_rng(0)
    pixels = rng.integers(0, N_COLOURS, (N_FACES, N_PIXELS), dtype=np.uint8)

    ours = best_seconds(lambda: CategoricalNB(alpha=1).fit(pixels, N_COLOURS))
    floor = best_seconds(lambda: np.bincount(pixels.ravel(), minlength=N_COLOURS))
    labels = np.zeros(N_FACES, dtype=int)
    sklearn = best_seconds(
        lambda: SklearnCategoricalNB(alpha=1, min_categories=N_COLOURS).fit(pixels, labels),
        repeats=2,
    )
    print(f"CategoricalNB.fit on {N_FACES:,} x {N_PIXELS} pixels x {N_COLOURS} colours: "
          f"{ours * 1e3:.0f} ms")
    print(f"  scikit-learn CategoricalNB.fit: {sklearn * 1e3:.0f} ms "
          f"-> ours is {sklearn / ours:.1f}x faster (target >= 8x)")
    print(f"  one raw np.bincount over the same bytes (floor): {floor * 1e3:.0f} ms "
          f"-> ours is {ours / floor:.2f}x the floor (target <= 3x)")
    print(f"  (the floor itself is {sklearn / floor:.1f}x faster than scikit-learn: no count "
          "that reads every byte once can beat that ratio)")

    model = CategoricalNB(alpha=1).fit(pixels, N_COLOURS)
    sampling = best_seconds(lambda: model.sample(1000, seed=1))
    print(f"sampling 1,000 pixel faces: {sampling * 1e3:.0f} ms = {1000 / sampling:,.0f} faces/s")

    # Distinct faces, so every render misses the cache: the cost a person waits for once.
    faces = wrodl.decode(wrodl.all_combinations()[::101]).astype(str).to_dict("records")
    for size in (128, 32):
        start = time.perf_counter()
        for face in faces:
            avatars.render(face, size)
        per_avatar = (time.perf_counter() - start) / len(faces)
        print(f"avatar at {size} px: {per_avatar * 1e3:.1f} ms (uncached, mean of {len(faces)})")

    points = best_seconds(lambda: sample_land(1_000_000, seed=2))
    print(f"sample_land: {1_000_000 / points:,.0f} points/s")



if __name__ == "__main__":
    main()
