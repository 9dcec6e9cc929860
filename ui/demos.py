"""The chapter's path through the demos, used by both the navigation and the home page."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One stop on the chapter's path: its title, its idea in a few sentences, and the page
    script of its demo."""

    title: str
    idea: str
    page: str
    icon: str = ":material/arrow_forward:"
    nav_title: str | None = None  # a shorter name for the sidebar, where space is tight

    @property
    def label(self) -> str:
        """The name shown in the navigation."""
        return self.nav_title or self.title


PATH: tuple[Step, ...] = (
    Step(
        "Generative or discriminative?",
        "The examples we hold were produced by a rule nobody shows us, p_data. A "
        "discriminative model only answers questions about an example it is given; a "
        "generative model learns p_model, a stand-in for p_data, and can draw new examples. "
        "See both on 50 cartoon faces, and why a model must be random to be generative.",
        page="app_pages/framework.py",
        icon=":material/help:",
        nav_title="Generative or discriminative",
    ),
    Step(
        "Likelihood and maximum likelihood",
        "Propose a box on a world map as p_model and score it by how probable it makes the "
        "observed points. The smallest box that still holds every point wins.",
        page="app_pages/world.py",
        icon=":material/public:",
        nav_title="Likelihood and the MLE",
    ),
    Step(
        "Counting and smoothing",
        "On Planet Wrodl, 50 faces are described by five features. Giving every one of "
        "the 4,032 combinations its own probability either copies the data or, once a "
        "pseudocount is added, treats every unseen combination as equally likely.",
        page="app_pages/wrodl_counting.py",
        icon=":material/calculate:",
    ),
    Step(
        "Naive Bayes",
        "Assume the five features are independent: 23 numbers are enough, and new faces "
        "come out sensible and different from the training set.",
        page="app_pages/wrodl_naive_bayes.py",
        icon=":material/checkroom:",
    ),
    Step(
        "Planet Pixel",
        "Give the same model 1,024 pixels instead of five features and its faces come out "
        "as speckles: a rough face shape sprinkled with confetti of hair and clothing "
        "colours, because every pixel picks its colour without looking at its neighbours. "
        "An image's features depend on each other, which is why deep generative models "
        "learn a better representation first.",
        page="app_pages/planet_pixel.py",
        icon=":material/grid_on:",
    ),
    Step(
        "Representation learning",
        "Describe each picture by a few latent numbers and learn a map f from those numbers "
        "back to pixels. With biscuit tins, two numbers (height and width) are enough: a "
        "simple model of them plus f draws new tins, where a model of raw pixels draws "
        "noise, and PCA finds the two numbers from the pixels alone.",
        page="app_pages/representation.py",
        icon=":material/scatter_plot:",
    ),
)
