"""gdl_core: the models, data and pictures of Chapter 1 of *Generative Deep Learning*.

A pure-Python library (numpy, pandas, plotly, pillow) with no Streamlit inside, so the
same code drives the dashboard and a notebook. One idea per module:

- :mod:`gdl_core.world`        the world-map box model, its likelihood, Rule 1 / Rule 2 verdicts
- :mod:`gdl_core.wrodl`        the 50 Wrodlers (a reconstruction of the book's dataset)
- :mod:`gdl_core.multinomial`  one parameter per combination, with a pseudocount
- :mod:`gdl_core.naive_bayes`  one categorical distribution per feature, with a pseudocount
- :mod:`gdl_core.avatars`      Wrodl features drawn as avataaars faces
- :mod:`gdl_core.pixels`       Planet Pixel: faces as 32×32 images on one 256-colour palette
"""
