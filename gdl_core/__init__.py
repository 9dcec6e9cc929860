"""gdl_core: the models, data and pictures of Chapter 1 of *Generative Deep Learning*.

A pure-Python library (numpy, pandas, plotly, pillow) with no Streamlit inside, so the same
code drives the dashboard and a notebook. The models at the top are shared by the
chapter's examples; each example has its own package.

Shared models and tools:

- :mod:`gdl_core.naive_bayes`  one categorical distribution per feature (5 features or 1,024 pixels)
- :mod:`gdl_core.multinomial`  one parameter per combination of feature values
- :mod:`gdl_core.categorical`  checks of integer code tables, and matching whole rows
- :mod:`gdl_core.novelty`      Rule 2 for categorical data: copy or new?
- :mod:`gdl_core.avatars`      five Wrodl features drawn as an avataaars face
- :mod:`gdl_core.numbers`      numbers written for people (10⁻²³⁸, a true minus sign)
- :mod:`gdl_core.style`        the figures' font, named colours and base layout
- :mod:`gdl_core.images`       pictures as PNG bytes
- :mod:`gdl_core.rng`          ``seed`` → random generator
- :mod:`gdl_core.data`         the committed data files

The chapter's examples:

- :mod:`gdl_core.world`   the world map: land (p_data), a box (p_model), likelihood, MLE, Rule 1/2
- :mod:`gdl_core.wrodl`   Planet Wrodl: 50 faces described by five features
- :mod:`gdl_core.pixels`  Planet Pixel: the same faces as 1,024 pixels, and why Naive Bayes fails
- :mod:`gdl_core.tins`    biscuit tins: two latent numbers, a decoder f, and representation learning

Data a student brings:

- :mod:`gdl_core.uploads` uploaded tables read safely (limits, clear refusals), and CSV export
"""
