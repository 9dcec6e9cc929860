"""Build ``gdl_core/data/wrodl.csv``: our reconstruction of the 50 Wrodl faces.

The book publishes rows 0-9 (Table 1-1), each feature's value counts over all 50 rows
(Table 1-2), and that "combination 1" occurs twice and "combination 2" never. This script
keeps rows 0-9 as published and fills rows 10-49 as follows (numpy Generator, fixed SEED):

1. Take what the counts leave for rows 10-49, minus one copy of combination 1 (so it occurs
   exactly twice), shuffle each feature's leftover values on its own into 39 rows, and put
   the combination 1 row at a random place among them.
2. Local search: propose swapping one feature's values between two rows of 10-49 (a swap
   never changes any count), keep it if it lowers the dependence measure, until a full pass
   over every possible swap improves nothing. A swap that would change how often
   combination 1 or 2 occurs is refused.

Dependence measure: the sum, over the 10 pairs of features, of the empirical mutual
information (in nats) of the pair over all 50 rows; 0 means every pair is independent.
Result with SEED = 2019: 0.587 for the shipped data, against a median of 1.809 (minimum
1.362) over 1000 random shuffles of rows 10-49 with the same counts. Rows 0-9 are fixed
and whole counts out of 50 cannot match a product of marginals exactly, so 0 is out of reach.

Run ``python scripts/build_wrodl.py [--out PATH]``. It checks every published fact and
exits non-zero if one fails; two runs write byte-identical files.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gdl_core.wrodl import COMBINATION_1, COMBINATION_2, FEATURES  # noqa: E402

# Dependence of the shipped file: 0.587 nats (Σ pairwise mutual information); 1000 random
# shuffles with the same counts: median 1.809, minimum 1.362. Rerun the script to see both.
SEED = 2019
N = 50
NAMES = list(FEATURES)
PAIRS = list(itertools.combinations(range(len(NAMES)), 2))

# Table 1-1, columns in FEATURES order.
TABLE_1_1 = [
    ("Round", "White", "ShirtScoopNeck", "Red", "ShortHairShortFlat"),
    ("Round", "White", "Overall", "SilverGray", "ShortHairFrizzle"),
    ("Sunglasses", "White", "ShirtScoopNeck", "Blonde", "ShortHairShortFlat"),
    ("Round", "White", "ShirtScoopNeck", "Red", "LongHairStraight"),
    ("Round", "White", "Overall", "SilverGray", "NoHair"),
    ("Blank", "White", "Overall", "Black", "LongHairStraight"),
    ("Sunglasses", "White", "Overall", "SilverGray", "LongHairStraight"),
    ("Round", "White", "ShirtScoopNeck", "SilverGray", "ShortHairShortFlat"),
    ("Round", "Pink", "Hoodie", "SilverGray", "LongHairStraight"),
    ("Round", "PastelOrange", "ShirtScoopNeck", "Blonde", "LongHairStraight"),
]

# Table 1-2 (spelling corrected), counts in FEATURES vocabulary order.
TABLE_1_2 = {
    "accessoriesType": (11, 22, 17),
    "clothingColor": (0, 4, 10, 5, 2, 4, 3, 22),
    "clothingType": (7, 18, 19, 6),
    "hairColor": (7, 6, 2, 3, 8, 24),
    "topType": (7, 0, 1, 23, 1, 11, 7),
}


def to_codes(face: dict[str, str] | tuple[str, ...]) -> np.ndarray:
    values = [face[f] for f in NAMES] if isinstance(face, dict) else face
    return np.array([FEATURES[f].index(v) for f, v in zip(NAMES, values, strict=True)])


HEAD = np.array([to_codes(row) for row in TABLE_1_1])
COMBO_1, COMBO_2 = to_codes(COMBINATION_1), to_codes(COMBINATION_2)


def dependence(codes: np.ndarray, pairs: list[tuple[int, int]] = PAIRS) -> float:
    """Σ over feature pairs (a, b) of I(a; b) = Σ p_ab log(p_ab / (p_a p_b)), in nats."""
    total = 0.0
    for a, b in pairs:
        la, lb = len(FEATURES[NAMES[a]]), len(FEATURES[NAMES[b]])
        p_ab = np.bincount(codes[:, a] * lb + codes[:, b], minlength=la * lb) / len(codes)
        p_ab = p_ab.reshape(la, lb)
        outer = p_ab.sum(1, keepdims=True) * p_ab.sum(0, keepdims=True)
        seen = p_ab > 0
        total += float(np.sum(p_ab[seen] * np.log(p_ab[seen] / outer[seen])))
    return total


def combo_counts(codes: np.ndarray) -> tuple[int, int]:
    return int((codes == COMBO_1).all(1).sum()), int((codes == COMBO_2).all(1).sum())


def leftover(exclude: np.ndarray) -> list[np.ndarray]:
    """Per feature, the codes Table 1-2 leaves once the rows in ``exclude`` are used."""
    left = []
    for k, counts in enumerate(TABLE_1_2.values()):
        n_left = np.array(counts) - np.bincount(exclude[:, k], minlength=len(counts))
        left.append(np.repeat(np.arange(len(counts)), n_left))
    return left


def random_shuffle(rng: np.random.Generator) -> np.ndarray:
    """Rows 0-9 as published, rows 10-49 each column's leftover values in random order."""
    tail = np.column_stack([rng.permutation(col) for col in leftover(HEAD)])
    return np.vstack([HEAD, tail])


def build(seed: int = SEED) -> np.ndarray:
    """The 50 faces as (50, 5) codes: steps 1 and 2 of the module docstring."""
    rng = np.random.default_rng(seed)
    tail = np.column_stack([rng.permutation(c) for c in leftover(np.vstack([HEAD, COMBO_1]))])
    tail = np.insert(tail, rng.integers(len(tail) + 1), COMBO_1, axis=0)
    codes = np.vstack([HEAD, tail])
    target = combo_counts(codes)  # (2, 0) unless the shuffle hit a combination by chance
    if target != (2, 0):
        raise RuntimeError(f"the first shuffle has combination counts {target}; change SEED")

    moves = [(k, i, j) for k in range(len(NAMES)) for i, j in
             itertools.combinations(range(len(HEAD), N), 2)]
    mi = {pair: dependence(codes, [pair]) for pair in PAIRS}  # one term per pair
    improved = True
    while improved:
        improved = False
        for m in rng.permutation(len(moves)):
            k, i, j = moves[m]
            if codes[i, k] == codes[j, k]:
                continue
            codes[[i, j], k] = codes[[j, i], k]
            new = {pair: dependence(codes, [pair]) for pair in PAIRS if k in pair}
            gain = sum(mi[pair] - value for pair, value in new.items())
            if gain > 1e-12 and combo_counts(codes) == target:
                mi.update(new)
                improved = True
            else:
                codes[[i, j], k] = codes[[j, i], k]  # undo
    return codes


def to_frame(codes: np.ndarray) -> pd.DataFrame:
    frame = pd.DataFrame({f: np.array(FEATURES[f])[codes[:, k]] for k, f in enumerate(NAMES)})
    frame.insert(0, "face_id", np.arange(len(codes)))
    return frame


def check(frame: pd.DataFrame) -> list[str]:
    """Every published fact the file must satisfy; returns the ones that fail."""
    problems = []
    if list(frame.columns) != ["face_id", *NAMES] or len(frame) != N:
        return [f"expected {N} rows with columns face_id, {', '.join(NAMES)}"]
    if frame["face_id"].tolist() != list(range(N)):
        problems.append("face_id is not 0..49")
    if [tuple(r) for r in frame[NAMES].head(10).itertuples(index=False)] != TABLE_1_1:
        problems.append("rows 0-9 differ from Table 1-1")
    for f, counts in TABLE_1_2.items():
        got = frame[f].value_counts().reindex(FEATURES[f], fill_value=0).tolist()
        if got != list(counts) or not frame[f].isin(FEATURES[f]).all():
            problems.append(f"{f} counts {got} differ from Table 1-2 {list(counts)}")
    for name, combo, want in (("1", COMBINATION_1, 2), ("2", COMBINATION_2, 0)):
        n = int((frame[NAMES] == pd.Series(combo)).all(axis=1).sum())
        if n != want:
            problems.append(f"combination {name} occurs {n} times, not {want}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "gdl_core" / "data" / "wrodl.csv")
    parser.add_argument("--shuffles", type=int, default=1000,
                        help="random shuffles to compare the dependence with (0 to skip)")
    args = parser.parse_args(argv)

    codes = build()
    frame = to_frame(codes)
    problems = check(frame)
    for problem in problems:
        print(f"FAILED: {problem}", file=sys.stderr)
    if problems:
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(args.out, index=False, lineterminator="\n")
    print(f"wrote {args.out}: dependence (Σ pairwise mutual information) {dependence(codes):.3f}")
    if args.shuffles:
        rng = np.random.default_rng(0)
        scores = [dependence(random_shuffle(rng)) for _ in range(args.shuffles)]
        print(f"  {args.shuffles} random shuffles with the same counts: "
              f"median {np.median(scores):.3f}, min {np.min(scores):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
