"""The Excel writer on its own: every text it is given ends in a workbook that
opens, since a cell's characters go into the file's XML."""

import io

import openpyxl

from practices.dataset import COLUMNS, write_xlsx


def _written(**cells) -> dict:
    row = {column.name: "" for column in COLUMNS} | cells
    target = io.BytesIO()
    write_xlsx([[row]], target)
    sheet = openpyxl.load_workbook(io.BytesIO(target.getvalue())).active
    names, values = sheet.iter_rows(values_only=True)
    return dict(zip(names, values, strict=True))


def test_characters_xml_refuses_are_left_out_and_the_workbook_opens():
    """U+FFFF and U+FFFE (valid UTF-8, so a stored text may hold them) and control
    characters made a file Excel calls corrupt; the rest of the text is kept."""
    row = _written(title_es="Datos\uffff abiertos\ufffe\x0b", title_en="Año\x00 2024")
    assert row["title_es"] == "Datos abiertos"
    assert row["title_en"] == "Año 2024"


def test_a_formula_looking_text_is_kept_as_text():
    row = _written(title_es='=HYPERLINK("https://evil.example","clic")')
    assert row["title_es"] == '=HYPERLINK("https://evil.example","clic")'
