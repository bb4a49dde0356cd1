"""Reading Wagtail's page editor as a browser would, for tests that post it."""

from bs4 import BeautifulSoup


def edit_form(html: str):
    """The page editor's form in a create or edit view's HTML."""
    return BeautifulSoup(html, "html.parser").select_one("form[data-edit-form]")


def form_values(form) -> dict[str, object]:
    """What the browser would send for the form as drawn (no button pressed)."""
    data: dict[str, object] = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name, kind = field["name"], field.get("type", "")
        if field.name == "select":
            chosen = [o["value"] for o in field.select("option[selected]")]
            if chosen:
                data[name] = chosen if field.has_attr("multiple") else chosen[0]
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on"))
        elif kind not in ("submit", "button", "file"):
            data[name] = (
                field.text if field.name == "textarea" else field.get("value", "")
            )
    return data
