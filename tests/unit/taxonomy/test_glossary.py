"""The glossary file's `theme` column (taxonomy/glossary.py): a THEMES slug or
empty, and optional so an editor's older file still loads."""

import pytest

from taxonomy.glossary import glossary
from taxonomy.vocabularies import THEMES

pytestmark = pytest.mark.unit


def _write(tmp_path, text):
    path = tmp_path / "glossary.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_theme_outside_the_themes_slugs_is_an_error_naming_its_row(tmp_path):
    path = _write(
        tmp_path,
        "area,es,en,theme\n"
        "integrity,corrupción,corruption,anti-corruption\n"
        "integrity,cabildeo|lobby,lobbying,lobbying-and-influence\n",
    )
    with pytest.raises(ValueError) as error:
        glossary(path)
    message = str(error.value)
    assert "glossary.csv line 3 (cabildeo)" in message
    assert "'lobbying-and-influence'" in message


def test_an_empty_theme_is_no_theme(tmp_path):
    path = _write(
        tmp_path,
        "area,es,en,theme\n"
        "government,municipio|municipios,municipality,\n"
        "budget,presupuesto participativo,participatory budgeting,"
        "participatory-budgeting\n",
    )
    municipality, budgeting = glossary(path)
    assert municipality.theme == ""
    assert budgeting.theme == "participatory-budgeting"


def test_a_file_without_the_theme_column_loads_every_theme_empty(tmp_path):
    path = _write(tmp_path, "area,es,en\nintegrity,corrupción,corruption\n")
    assert [entry.theme for entry in glossary(path)] == [""]


def test_the_shipped_glossary_names_only_themes_slugs_and_some_of_each_kind():
    """Every row loads (the loader rejects an unknown slug); some concepts name a
    theme and some, generic administration words, name none."""
    themes = {entry.theme for entry in glossary()}
    assert "" in themes
    assert themes - {""} <= {slug for slug, *_ in THEMES}
    assert "lobbying" in themes
