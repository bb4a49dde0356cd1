"""The admin speaks Spanish to a Spanish editor, Wagtail's own words included.

Wagtail 8's Spanish catalogue lacks many of its newer strings (the walk found the
dashboard, the explorer, the editor and a page in moderation partly in English),
and calls a locale "Región", the word editors read for our UN regions. The project
translates those msgids itself (kb/wagtail_spanish.py); its catalogue outranks
Wagtail's (`LOCALE_PATHS`)."""

import gettext as gettext_module
import json
import re
from html import unescape
from pathlib import Path

import pytest
import wagtail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from kb import wagtail_spanish
from tests.admin_forms import edit_form, form_values

pytestmark = pytest.mark.django_db


def _speaks_spanish(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    return user


def _wagtail_spanish_catalogue() -> dict:
    """Wagtail's own Spanish, every app's catalogue: msgid (or (msgid, n)) -> text."""
    catalogue = {}
    root = Path(wagtail.__file__).parent
    for mo in root.glob("**/locale/es/LC_MESSAGES/django.mo"):
        with mo.open("rb") as handle:
            catalogue.update(gettext_module.GNUTranslations(handle)._catalog)
    return catalogue


def _spanish(msgid: str) -> str:
    with translation.override("es"):
        return translation.gettext(msgid)


def _reads_in_spanish(html: str, msgids: list[str]) -> None:
    """Each msgid is on the page in our Spanish, and nowhere in English (the
    sidebar's menu comes as JSON, its accents escaped)."""
    for msgid in msgids:
        spanish = _spanish(msgid)
        assert msgid not in html, f"English on the page: {msgid!r}"
        assert spanish in html or json.dumps(spanish)[1:-1] in html, spanish


def test_the_projects_catalogue_outranks_wagtails():
    """`LOCALE_PATHS` comes first: "Locale" reads ours, not Wagtail's "Región"."""
    assert _wagtail_spanish_catalogue()["Locale"] == "Región"
    assert _spanish("Locale") == "Idioma"


class _Count(dict):
    """Every placeholder of a plural message, its number included, is the count."""

    def __init__(self, count: int):
        super().__init__()
        self.count = count

    def __missing__(self, key):
        return self.count


def _in(language: str, plural, count: int) -> str:
    with translation.override(language):
        return plural % _Count(count)


def test_every_wagtail_string_the_project_lists_has_its_spanish():
    missing = [m for m in wagtail_spanish.WAGTAIL_MSGIDS if _spanish(m) == m]
    missing += [
        _in("en", plural, count)
        for plural in wagtail_spanish.WAGTAIL_PLURAL_MSGIDS
        for count in (1, 2)
        if _in("es", plural, count) == _in("en", plural, count)
    ]
    assert missing == []


def test_no_wagtail_string_about_locales_reads_region():
    """Every msgid about locales that Wagtail's Spanish renders with "región" reads
    "idioma" in ours: "Regiones" is only the taxonomy's."""
    about_locales = [
        msgid  # a plural's key is (msgid, form)
        for msgid, text in _wagtail_spanish_catalogue().items()
        if "locale" in str(msgid).lower() and re.search(r"(?i)regi[oó]n", text)
    ]
    assert {"Locale", "Locales", "Switch locales"} <= set(about_locales)
    with translation.override("es"):
        for msgid in about_locales:
            if isinstance(msgid, tuple):
                # The plural's own msgid is not in the catalogue's keys; the
                # singular finds both forms.
                text = translation.ngettext(msgid[0], msgid[0], msgid[1] + 1)
            else:
                text = translation.gettext(msgid)
            assert not re.search(r"(?i)regi[oó]n", text), (msgid, text)
            assert re.search(r"(?i)idioma", text), (msgid, text)


def test_the_dashboard_and_explorer_read_in_spanish(
    client_for, editor, make_practice, empty_index
):
    page = make_practice(publish=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client = client_for(_speaks_spanish(editor))

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    _reads_in_spanish(
        dashboard,
        [
            "Page types usage",
            "Your pages and snippets in a workflow",
            "Search all pages…",
            "Show keyboard shortcuts",
            "Toggle minimap",
        ],
    )
    explorer = client.get(
        reverse("wagtailadmin_explore", args=[page.get_parent().pk])
    ).content.decode()
    _reads_in_spanish(
        explorer, ["Filter by", "Edited by", "Page type", "More bulk actions"]
    )


def test_the_practice_editor_reads_in_spanish_with_languages_not_regions(
    client_for, moderator, make_pair, empty_index
):
    """The status panel names the page's language ("Idioma"), never a region."""
    spanish, _english = reversed(
        make_pair(
            {"title": "Cabildo abierto", "summary": "Vecinos en sesión."},
            {"title": "Open town hall", "summary": "Residents meet."},
        )
    )
    client = client_for(_speaks_spanish(moderator))
    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[spanish.pk])
    ).content.decode()
    _reads_in_spanish(
        html,
        [
            "Content metrics",
            "Reading time",
            "Autosave is paused",
            "View latest version",
        ],
    )
    assert "Disponible en 2 idiomas" in html
    assert "Cambiar de idioma" in html
    assert "Idioma: " in html
    for wagtails_word in ("Región:", "2 regiones", "Cambiar región"):
        assert wagtails_word not in html


def test_the_practice_editors_add_buttons_are_in_sentence_case(
    client_for, editor, make_practice, empty_index
):
    """Wagtail puts an inline panel's label mid-phrase ("Add …", "Añadir …"), and
    capitalises it itself where it heads a child."""
    page = make_practice()
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    html = client_for(editor).get(url).content.decode()
    assert "Add source" in html and "Add document" in html
    assert "Add Source" not in html and "Add Document" not in html
    html = client_for(_speaks_spanish(editor)).get(url).content.decode()
    assert "Añadir fuente" in html and "Añadir documento" in html
    assert "Añadir Fuente" not in html and "Añadir Documento" not in html


def test_a_page_in_moderation_reads_in_spanish(
    client_for, editor, moderator, make_practice, empty_index
):
    page = make_practice(publish=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    html = client_for(_speaks_spanish(editor)).get(edit_url).content.decode()
    _reads_in_spanish(html, ["Locked by workflow"])
    # The lock's message names the model inside: compare its longest fixed part.
    for msgid in (
        "This %(model_name)s is currently awaiting moderation.",
        "Only reviewers for this task can edit the %(model_name)s.",
    ):
        english, spanish = (
            max(text.split("%(model_name)s"), key=len)
            for text in (msgid, _spanish(msgid))
        )
        assert english not in html and spanish in html, msgid

    client = client_for(_speaks_spanish(moderator))
    html = client.get(reverse("wagtailadmin_reports:workflow")).content.decode()
    _reads_in_spanish(html, ["By task"])

    # Changes requested: the editor's dashboard names the task they were asked at.
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "reject")
    html = client_for(editor).get(reverse("wagtailadmin_home")).content.decode()
    assert _wagtail_spanish_catalogue()["Changes requested at"] not in html
    assert _spanish("Changes requested at") in html


def test_wagtails_scripts_read_in_spanish(client_for, editor):
    """The editor's scripts (autosave, toolbar, checks panel) take their words from
    Wagtail's JavaScript catalogue, which has no Spanish for them; ours
    (locale/es/LC_MESSAGES/djangojs.po) is merged into it."""
    client = client_for(_speaks_spanish(editor))
    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    for spanish in ("Guardado automático en curso…", "Fijar la barra de herramientas"):
        assert json.dumps(spanish)[1:-1] in catalogue or spanish in catalogue, spanish


def test_a_moderators_buttons_and_a_revert_read_in_sentence_case_and_agree():
    """Wagtail's Spanish read "Aprobar y Publicar" on the moderator's buttons and
    "Página '…' ha sido reemplazado" after a revert."""
    assert _spanish("%(label)s and Publish") % {"label": "Aprobar"} == (
        "Aprobar y publicar"
    )
    reverted = _spanish(
        "Page '%(page_title)s' has been replaced with version from "
        "%(previous_revision_datetime)s."
    )
    assert "reemplazada" in reverted or "se ha reemplazado" in reverted


def test_a_page_another_person_locked_reads_in_spanish(
    client_for, editor, moderator, make_practice, empty_index
):
    """The walk found the lock banner ("'…' was locked by moderadora on …") and the
    status panel's lock entries in English in the Spanish editor."""
    page = make_practice()
    page.locked, page.locked_by, page.locked_at = True, moderator, timezone.now()
    page.save()
    html = (
        client_for(_speaks_spanish(editor))
        .get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        .content.decode()
    )
    assert "was locked</b> by" not in html
    assert "</b> bloqueó <b>" in html
    _reads_in_spanish(html, ["Locked by another user"])
    assert "can make changes while the" not in html


def test_a_refused_save_says_so_in_spanish():
    """Wagtail 8's Spanish has no words for a page saved with errors: the editor
    read "The page could not be saved due to validation errors."."""
    for msgid in (
        "The page could not be saved due to validation errors.",
        "The page could not be created due to validation errors.",
    ):
        assert _spanish(msgid).startswith("No se pudo")


def test_the_keywords_help_and_a_taken_slug_read_in_correct_spanish(
    client_for, editor, make_practice, empty_index
):
    """Wagtail's Spanish read "Las etiquedas multi-palabra…" under the keywords,
    "Esta marca ya esta en uso…" for a taken slug on the copy form, and English
    ("The slug '…' is already in use within the parent page.") in the editor."""
    page = make_practice()
    html = (
        client_for(_speaks_spanish(editor))
        .get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        .content.decode()
    )
    assert "etiquedas" not in html
    assert "etiquetas de varias palabras" in html
    taken = _spanish(
        "This slug is already in use within the context of its parent page "
        '"%(parent_page_title)s"'
    )
    assert "marca" not in taken and "slug" in taken
    assert _spanish(
        "The slug '%(page_slug)s' is already in use within the parent page."
    ).startswith("El slug")


# Words only a formal address ("usted") uses: the verbs and pronouns the project's
# Spanish once said to editors, beside Wagtail's own "tú" ("¿Seguro que quieres
# eliminar…?").
FORMAL_ADDRESS = re.compile(
    r"\b([Uu]sted|desea|Elija|elija|Escriba|escriba|Escanee|Guarde|Revise|Abra|Añada"
    r"|Consulte|Descargue|pulse|Espere|Vuelva|vuelva a intentarlo|pida|activó"
    r"|revísela|guárdela|tradúzcalo|guárdelo|publíquelos|descártelos|bloquéela"
    r"|haya adjuntado|la deje fuera|las deje fuera|Introduzca|Asegúrese"
    r"|[Ii]nténtelo|[Qq]uítelo)\b"
    r"|\bUse\b|\b[Ss]u (contraseña|aplicación|conexión)\b|\bSus páginas\b"
    r"|\bModifique\b|\bsus preferencias\b|\bPuede visualizar\b"
    r"|\bpuede (des)?activarlos\b"
)


def _project_spanish_catalogue() -> dict:
    mo = Path(__file__).resolve().parents[2] / "locale/es/LC_MESSAGES/django.mo"
    with mo.open("rb") as handle:
        return gettext_module.GNUTranslations(handle)._catalog


def test_the_projects_spanish_says_tu_to_editors_as_wagtail_does():
    """Wagtail's Spanish admin says "tú"; the project's own admin strings (the
    desk, the inbox, two-step sign-in, the Wagtail strings it translates) said
    "usted" beside it. The public site already said "tú"."""
    formal = {
        msgid: text
        for msgid, text in _project_spanish_catalogue().items()
        if msgid and FORMAL_ADDRESS.search(text)
    }
    assert formal == {}


def test_the_editors_form_errors_say_tu():
    """Django's messages for a refused value, shown in the practice editor beside
    Wagtail's ("Introduzca una URL válida." under a source's address)."""
    formal = [
        _spanish(msgid)
        for msgid in wagtail_spanish.FORM_ERROR_MSGIDS
        if FORMAL_ADDRESS.search(_spanish(msgid))
    ]
    assert formal == []


def test_a_value_too_long_or_too_short_is_refused_in_tu():
    """Django's Spanish under a summary pasted past its 600 characters read
    "Asegúrese de que este valor tenga menos de 600 caracteres (tiene 2000).":
    "usted", and "menos de" where 600 itself is allowed."""
    with translation.override("es"):
        refused = [
            plural % {"limit_value": limit, "show_value": 2000}
            for plural in wagtail_spanish.FORM_ERROR_PLURAL_MSGIDS
            for limit in (1, 600)
        ]
    assert [text for text in refused if FORMAL_ADDRESS.search(text)] == []
    assert "menos de 600" not in refused[1]


def test_the_workflow_emails_say_tu(
    editor, moderator, make_practice, empty_index, mailoutbox
):
    """Wagtail's e-mail to a Spanish editor whose page was approved said "Puede
    visualizar la página aquí" and "Modifique sus preferencias de notificación",
    beside its own "Puedes editar la página aquí"."""
    for user in (editor, moderator):
        user.email = f"{user.username}@example.org"
        user.save()
    _speaks_spanish(editor)
    page = make_practice(publish=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    [approved] = [m for m in mailoutbox if m.to == [editor.email]]
    assert "Hola" in approved.body  # in the editor's Spanish
    assert FORMAL_ADDRESS.search(approved.body) is None, approved.body


def test_the_listings_header_actions_are_named_in_spanish(
    client_for, editor, make_practice, empty_index
):
    """Wagtail 8 writes the header's navigation as aria-label="Actions" in every
    language: a screen reader read English on each Spanish listing."""
    make_practice()
    client = client_for(_speaks_spanish(editor))
    for url in ("/admin/practices/", reverse("desk:broken_links")):
        html = client.get(url).content.decode()
        assert 'id="w-slim-header-buttons"' in html
        assert 'aria-label="Actions"' not in html
        assert f'aria-label="{_spanish("Actions")}"' in html


def test_a_listing_rows_checkbox_is_spelt_right(
    client_for, editor, make_practice, empty_index
):
    """Wagtail's Spanish names each row's checkbox "Selecionar fila"."""
    make_practice()
    html = client_for(_speaks_spanish(editor)).get("/admin/practices/").content
    assert "Selecionar" not in html.decode()
    assert 'aria-label="Seleccionar fila"' in html.decode()


def test_choosers_choose_with_one_verb_and_change_with_another(
    client_for, moderator, make_practice, empty_index
):
    """The practice editor read "Elegir otro país" beside "Seleccionar otro orden de
    gobierno" (and "Seleccionar otro situación", a term chooser's words ignoring its
    gender), Wagtail's document chooser "Elegir otro documento" and its generic one
    "eliga ortro". Spanish from admin9-es.json: passes once the lead's catalogue has
    it."""
    for msgid in wagtail_spanish.CHOOSER_MSGIDS + [
        "Choose a country",
        "Choose another country",
        "Choose a state or province",
        "Choose another state or province",
    ]:
        spanish = _spanish(msgid)
        verb = (
            "Editar"
            if msgid.startswith("Edit")
            else ("Cambiar" if "another" in msgid else "Elegir")
        )
        assert spanish.split()[0] == verb, (msgid, spanish)
        assert not re.search(r"\b(otro|otra|este|esta)\b", spanish), (msgid, spanish)
    page = make_practice()
    html = (
        client_for(_speaks_spanish(moderator))
        .get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        .content.decode()
    )
    assert "Seleccionar otr" not in html and "Elegir otr" not in html
    assert "Cambiar país" in html and "Cambiar orden de gobierno" in html


def test_after_an_approval_the_editor_reads_se_ha_not_ha_sido(
    client_for, editor, moderator, make_practice, empty_index
):
    """Approved from the editor's footer, the page read "Página '…' ha sido
    actualizada", beside the project's "La página '…' se ha reemplazado…".
    Spanish from admin9-es.json: passes once the lead's catalogue has it."""
    for msgid in wagtail_spanish.PAGE_MESSAGE_MSGIDS:
        spanish = _spanish(msgid)
        assert "ha sido" not in spanish and "para ser moderad" not in spanish, spanish
    assert _spanish("Page '%(page_title)s' unpublished.").endswith("despublicado.")
    assert _spanish("Submit for moderation") == "Enviar a moderación"

    page = make_practice("Cabildo abierto en Zapopan", publish=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    client = client_for(_speaks_spanish(moderator))
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = edit_form(client.get(edit_url).content.decode())
    data = form_values(form)
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    response = client.post(edit_url, data, follow=True)
    [said] = [unescape(str(m)) for m in response.context["messages"]]
    assert said.strip() == "La página 'Cabildo abierto en Zapopan' se ha actualizado."
    page.refresh_from_db()
    assert page.live
