"""The "generative or discriminative" page: a question about a face, samples, samples of one
kind, and the same face every time."""

from gdl_core import framework, wrodl
from tests.app.helpers import open_page

PAGE = "app_pages/framework.py"


def sheet_alt(app, key: str) -> str:
    return app.container(key=key).image[0].proto.imgs[0].alt


def test_the_question_follows_the_face_described(app):
    open_page(app, PAGE)
    app.selectbox(key="fw_topType").set_value(wrodl.FEATURES["topType"].index("NoHair")).run()
    face = {f: wrodl.FEATURES[f][app.selectbox(key=f"fw_{f}").value] for f in framework.GIVEN}
    assert face["topType"] == "NoHair"
    (shown,) = [m.value for m in app.metric if m.label == "p(sunglasses | this face)"]
    assert shown == f"{framework.p_sunglasses(face):.0%}"
    assert app.query_params["topType"] == "0"


def test_every_face_drawn_given_sunglasses_wears_them(app):
    open_page(app, PAGE, seed="3")
    described = sheet_alt(app, "fw_conditional").split(": ", 1)[1].split("; ")
    assert len(described) == 10
    assert all("Sunglasses" in face for face in described)


def test_sample_again_draws_new_faces_but_the_deterministic_face_never_changes(app):
    open_page(app, PAGE)
    samples, same = sheet_alt(app, "fw_samples"), sheet_alt(app, "fw_deterministic")
    app.button(key="fw_sample_again").click().run()
    assert sheet_alt(app, "fw_samples") != samples
    assert sheet_alt(app, "fw_deterministic") == same
    faces = same.split(": ", 1)[1].split("; ")
    assert len({face.split(". ", 1)[1] for face in faces}) == 1


def test_reset_and_a_bad_link(app):
    open_page(app, PAGE, seed="-4")
    assert app.warning and "seed=-4" in app.warning[0].value
    app.number_input(key="fw_seed").set_value(9).run()
    app.button(key="fw_reset").click().run()
    assert app.number_input(key="fw_seed").value == 0


def test_each_row_of_samples_is_a_table_one_click_away(app):
    """The table under each row of faces lists the same ten faces as its alt text, in order,
    every one with sunglasses in the conditional row."""
    open_page(app, PAGE, seed="5")
    tables = {key: app.container(key=f"{key}_table").dataframe[0].value
              for key in ("fw_samples", "fw_conditional")}
    for key, rows in tables.items():
        described = sheet_alt(app, key).split(": ", 1)[1].split("; ")
        assert list(rows["face"]) == list(range(1, 11))
        for (_, row), words in zip(rows.iterrows(), described, strict=True):
            assert all(str(row[feature]) in words for feature in wrodl.FEATURES)
    assert set(tables["fw_conditional"]["accessoriesType"]) == {"Sunglasses"}
