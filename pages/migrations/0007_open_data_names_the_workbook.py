"""The open-data page names the Excel workbook the exports now offer beside CSV
and JSON, in both languages. As in 0006, only a body still holding the previous
version's exact text is changed (in the page and in its latest revision): an
editor's edit is never overwritten. Backwards, the same exact swap the other way.

The texts are frozen here (pages/initial_content.py moves on)."""

from django.db import migrations

# (language, the previous version's body, the body naming the workbook)
CHANGES = [
    (
        "es",
        '<h2>Cómo descargar</h2><p>Cada búsqueda ofrece descargar sus prácticas en CSV o JSON y suscribirse a ella con un canal Atom. Las descargas están siempre al día: se generan al pedirlas. La API pública está documentada en <a href="/api/v1/openapi.yaml">OpenAPI</a>.</p><h2>Licencia</h2><p>Los textos se publican bajo la licencia <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/deed.es">CC BY-NC-SA 4.0</a>: puedes copiarlos y adaptarlos sin fines comerciales, citando la fuente y compartiendo bajo la misma licencia.</p><h2>Cómo citar</h2><p>Repertorio de gobierno abierto (AAAA). Prácticas de gobierno abierto y transparencia proactiva, versión AAAA-MM-DD [conjunto de datos]. Licencia CC BY-NC-SA 4.0. Indica la fecha de la versión y, si usaste una versión fechada, su SHA-256.</p>',
        '<h2>Cómo descargar</h2><p>Cada búsqueda ofrece descargar sus prácticas en CSV, Excel o JSON y suscribirse a ella con un canal Atom; el archivo de Excel se abre bien con doble clic, sea cual sea la configuración regional del equipo. Las descargas están siempre al día: se generan al pedirlas. La API pública está documentada en <a href="/api/v1/openapi.yaml">OpenAPI</a>.</p><h2>Licencia</h2><p>Los textos se publican bajo la licencia <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/deed.es">CC BY-NC-SA 4.0</a>: puedes copiarlos y adaptarlos sin fines comerciales, citando la fuente y compartiendo bajo la misma licencia.</p><h2>Cómo citar</h2><p>Repertorio de gobierno abierto (AAAA). Prácticas de gobierno abierto y transparencia proactiva, versión AAAA-MM-DD [conjunto de datos]. Licencia CC BY-NC-SA 4.0. Indica la fecha de la versión y, si usaste una versión fechada, su SHA-256.</p>',
    ),
    (
        "en",
        '<h2>How to download</h2><p>Every search offers its practices as CSV or JSON and an Atom feed to subscribe to it. Downloads are always current: they are made when asked for. The public API is documented in <a href="/api/v1/openapi.yaml">OpenAPI</a>.</p><h2>Licence</h2><p>The texts are published under the <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/">CC BY-NC-SA 4.0</a> licence: you may copy and adapt them for non-commercial purposes, crediting the source and sharing alike.</p><h2>How to cite</h2><p>Open government repertory (YYYY). Open government and proactive transparency practices, version YYYY-MM-DD [data set]. Licence CC BY-NC-SA 4.0. Give the version\'s date and, if you used a dated version, its SHA-256.</p>',
        '<h2>How to download</h2><p>Every search offers its practices as CSV, Excel or JSON and an Atom feed to subscribe to it; the Excel file opens right with a double click, whatever the computer\'s regional settings. Downloads are always current: they are made when asked for. The public API is documented in <a href="/api/v1/openapi.yaml">OpenAPI</a>.</p><h2>Licence</h2><p>The texts are published under the <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/">CC BY-NC-SA 4.0</a> licence: you may copy and adapt them for non-commercial purposes, crediting the source and sharing alike.</p><h2>How to cite</h2><p>Open government repertory (YYYY). Open government and proactive transparency practices, version YYYY-MM-DD [data set]. Licence CC BY-NC-SA 4.0. Give the version\'s date and, if you used a dated version, its SHA-256.</p>',
    ),
]


def _swap(apps, pairs):
    StandardPage = apps.get_model("pages", "StandardPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for language, before, after in pairs:
        pages = StandardPage.objects.filter(locale__language_code=language)
        pages.filter(body=before).update(body=after)
        for page in pages.exclude(latest_revision=None):
            revision = Revision.objects.get(pk=page.latest_revision_id)
            if revision.content.get("body") == before:
                revision.content["body"] = after
                revision.save(update_fields=["content"])


def name_the_workbook(apps, schema_editor):
    _swap(apps, CHANGES)


def leave_it_unnamed(apps, schema_editor):
    _swap(apps, [(language, new, old) for language, old, new in CHANGES])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0006_spanish_pages_say_tu"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(name_the_workbook, leave_it_unnamed)]
