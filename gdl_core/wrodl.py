"""Planet Wrodl: 50 faces, each described by five categorical features."""

from __future__ import annotations

FEATURES: dict[str, tuple[str, ...]] = {
    "accessoriesType": ("Blank", "Round", "Sunglasses"),
    "clothingColor": (
        "Black", "Blue01", "Gray01", "PastelGreen", "PastelOrange", "Pink", "Red", "White",
    ),
    "clothingType": ("Hoodie", "Overall", "ShirtScoopNeck", "ShirtVNeck"),
    "hairColor": ("Black", "Blonde", "Brown", "PastelPink", "Red", "SilverGray"),
    "topType": (
        "NoHair", "LongHairBun", "LongHairCurly", "LongHairStraight",
        "ShortHairShortWaved", "ShortHairShortFlat", "ShortHairFrizzle",
    ),
}
