"""Home: what the chapter is about and the way through the demos."""

import streamlit as st

from ui.demos import PATH

st.title("Generative modelling, hands on", anchor=False)
st.markdown(
    "An interactive companion to **Chapter 1 of *Generative Deep Learning*** (David Foster, "
    "O'Reilly). Instead of reading about likelihood, smoothing and Naive Bayes, you draw a "
    "model, score it, tune it and sample from it — then watch the same idea break down on "
    "images, and see what representation learning does instead."
)

st.caption(
    ":material/co_present: On a projector, turn on **Presenter mode** in the sidebar (open it "
    "with the arrow at the top left): the text grows and the sidebar folds away. Each page "
    "ends with a link to the next one."
)

st.header("The path through the chapter", anchor=False)
for number, step in enumerate(PATH, start=1):
    with st.container(border=True):
        st.markdown(f"**{number}. {step.title}**")
        st.markdown(step.idea)
        st.page_link(step.page, label=f"Open: {step.title}", icon=step.icon)

st.caption(
    "Nothing is fetched from the internet while the app runs: the faces, the map and every "
    "model are built from data that ships with it, so a copy run on your own computer works in a "
    "lecture hall without Wi-Fi and sends nothing out. (On Streamlit Community Cloud, "
    "Streamlit's own usage statistics are always on.)"
)
