"""The Spanish open-data, contact and privacy pages address the reader as "tú",
like the rest of the public site, not "usted". Only a field still holding the
first version's exact text is changed (in the page and in its latest revision): an
editor's edit is never overwritten. Backwards, the same exact swap the other way.

The texts are frozen here (pages/initial_content.py moves on); `{days}` and
`{contact}` are the settings the first version was written with."""

from django.conf import settings
from django.db import migrations

# (field, the first version's text, the text in "tú")
CHANGES = [
    (
        "body",
        '<h2>Cómo descargar</h2><p>Cada búsqueda ofrece descargar sus prácticas en CSV o JSON y suscribirse a ella con un canal Atom. Las descargas están siempre al día: se generan al pedirlas. La API pública está documentada en <a href="/api/v1/openapi.yaml">OpenAPI</a>.</p><h2>Licencia</h2><p>Los textos se publican bajo la licencia <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/deed.es">CC BY-NC-SA 4.0</a>: puede copiarlos y adaptarlos sin fines comerciales, citando la fuente y compartiendo bajo la misma licencia.</p><h2>Cómo citar</h2><p>Repertorio de gobierno abierto (AAAA). Prácticas de gobierno abierto y transparencia proactiva, versión AAAA-MM-DD [conjunto de datos]. Licencia CC BY-NC-SA 4.0. Indique la fecha de la versión y, si usó una versión fechada, su SHA-256.</p>',
        '<h2>Cómo descargar</h2><p>Cada búsqueda ofrece descargar sus prácticas en CSV o JSON y suscribirse a ella con un canal Atom. Las descargas están siempre al día: se generan al pedirlas. La API pública está documentada en <a href="/api/v1/openapi.yaml">OpenAPI</a>.</p><h2>Licencia</h2><p>Los textos se publican bajo la licencia <a href="https://creativecommons.org/licenses/by-nc-sa/4.0/deed.es">CC BY-NC-SA 4.0</a>: puedes copiarlos y adaptarlos sin fines comerciales, citando la fuente y compartiendo bajo la misma licencia.</p><h2>Cómo citar</h2><p>Repertorio de gobierno abierto (AAAA). Prácticas de gobierno abierto y transparencia proactiva, versión AAAA-MM-DD [conjunto de datos]. Licencia CC BY-NC-SA 4.0. Indica la fecha de la versión y, si usaste una versión fechada, su SHA-256.</p>',
    ),
    (
        "introduction",
        "Escríbanos para corregir un caso, proponer una fuente o ejercer sus derechos ARCO.",
        "Escríbenos para corregir un caso, proponer una fuente o ejercer tus derechos ARCO.",
    ),
    (
        "body",
        '<p>Correo: <a href="mailto:{contact}">{contact}</a></p><p>Si escribe sobre una propuesta que envió, incluya su código de referencia. Para proponer una práctica nueva, use el formulario de contribución.</p>',
        '<p>Correo: <a href="mailto:{contact}">{contact}</a></p><p>Si escribes sobre una propuesta que enviaste, incluye su código de referencia. Para proponer una práctica nueva, usa el formulario de contribución.</p>',
    ),
    (
        "introduction",
        "Qué datos personales recabamos, para qué, por cuánto tiempo y cómo ejercer sus derechos.",
        "Qué datos personales recabamos, para qué, por cuánto tiempo y cómo ejercer tus derechos.",
    ),
    (
        "body",
        "<h2>Responsable</h2><p>El equipo editorial de Repertorio es responsable del tratamiento de sus datos personales. Contacto: {contact}.</p><h2>Qué datos recabamos</h2><p>Solo de quienes proponen una práctica con el formulario de contribución: nombre, correo electrónico y, si la indica, su organización. Para leer o buscar en el repertorio no se necesita cuenta ni se recaban datos personales.</p><h2>Para qué</h2><p>Para comunicarnos con usted sobre su propuesta, informarle la decisión editorial y prevenir abusos. Sus datos nunca se publican, no se incluyen en el índice de búsqueda, en las exportaciones ni en la API, y no se transfieren a terceros.</p><h2>Fundamento</h2><p>Su consentimiento expreso, que otorga al marcar la casilla del formulario, conforme a la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados.</p><h2>Por cuánto tiempo</h2><p>Hasta {days} días después de que la propuesta se publique o se rechace; después se borran. Queda solo un registro de que el borrado ocurrió, sin sus datos.</p><h2>Sus derechos</h2><p>Puede acceder a sus datos, rectificarlos, cancelarlos u oponerse a su uso (derechos ARCO) en cualquier momento escribiendo a {contact} con el código de referencia de su propuesta. Si pide la cancelación, sus datos se borran de inmediato.</p><h2>Cambios a este aviso</h2><p>Publicaremos cualquier cambio en esta página, con su fecha.</p>",
        "<h2>Responsable</h2><p>El equipo editorial de Repertorio es responsable del tratamiento de tus datos personales. Contacto: {contact}.</p><h2>Qué datos recabamos</h2><p>Solo de quienes proponen una práctica con el formulario de contribución: nombre, correo electrónico y, si la indica, su organización. Para leer o buscar en el repertorio no se necesita cuenta ni se recaban datos personales.</p><h2>Para qué</h2><p>Para comunicarnos contigo sobre tu propuesta, informarte la decisión editorial y prevenir abusos. Tus datos nunca se publican, no se incluyen en el índice de búsqueda, en las exportaciones ni en la API, y no se transfieren a terceros.</p><h2>Fundamento</h2><p>Tu consentimiento expreso, que otorgas al marcar la casilla del formulario, conforme a la Ley General de Protección de Datos Personales en Posesión de Sujetos Obligados.</p><h2>Por cuánto tiempo</h2><p>Hasta {days} días después de que la propuesta se publique o se rechace; después se borran. Queda solo un registro de que el borrado ocurrió, sin tus datos.</p><h2>Tus derechos</h2><p>Puedes acceder a tus datos, rectificarlos, cancelarlos u oponerte a su uso (derechos ARCO) en cualquier momento escribiendo a {contact} con el código de referencia de tu propuesta. Si pides la cancelación, tus datos se borran de inmediato.</p><h2>Cambios a este aviso</h2><p>Publicaremos cualquier cambio en esta página, con su fecha.</p>",
    ),
]


def _texts():
    values = {
        "days": settings.CONTRIBUTION_RETENTION_DAYS,
        "contact": settings.CONTACT_EMAIL,
    }
    return [
        (field, old.format(**values), new.format(**values))
        for field, old, new in CHANGES
    ]


def _swap(apps, pairs):
    StandardPage = apps.get_model("pages", "StandardPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    spanish = StandardPage.objects.filter(locale__language_code="es")
    for field, before, after in pairs:
        spanish.filter(**{field: before}).update(**{field: after})
        for page in spanish.exclude(latest_revision=None):
            revision = Revision.objects.get(pk=page.latest_revision_id)
            if revision.content.get(field) == before:
                revision.content[field] = after
                revision.save(update_fields=["content"])


def use_tu(apps, schema_editor):
    _swap(apps, _texts())


def use_usted(apps, schema_editor):
    _swap(apps, [(field, new, old) for field, old, new in _texts()])


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0005_title_the_root_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(use_tu, use_usted)]
