"""Reading plotly figures in tests: full validation, and arrays plotly packed as base64."""

from __future__ import annotations

import base64

import numpy as np
import plotly.graph_objects as go


def validated(fig: go.Figure) -> go.Figure:
    """Plotly's full validation of a figure built with validation switched off."""
    return go.Figure(fig.to_dict())


def decoded(values) -> np.ndarray:
    """A trace array as numbers, whether plotly kept it as a list or packed it as base64
    (``{"dtype", "bdata", "shape"}``)."""
    if isinstance(values, dict) and "bdata" in values:
        flat = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        shape = values.get("shape")
        return flat.reshape([int(n) for n in str(shape).split(",")]) if shape else flat
    return np.asarray(values, dtype=float)


def unpacked(node):
    """A plotly spec (nested dicts and lists) with every packed array turned into a list."""
    if isinstance(node, dict) and "bdata" in node:
        return decoded(node).tolist()
    if isinstance(node, dict):
        return {key: unpacked(value) for key, value in node.items()}
    if isinstance(node, list):
        return [unpacked(value) for value in node]
    return node
