"""First versions of the about, privacy and contact pages; editors change them in the admin.

The privacy notice states the retention period configured when the site was set up;
if CONTRIBUTION_RETENTION_DAYS changes later, an editor updates the page.
"""

from django.conf import settings


def standard_pages() -> dict[str, dict[str, dict[str, str]]]:
    days = settings.CONTRIBUTION_RETENTION_DAYS
    contact = settings.CONTACT_EMAIL
    return {
        "about": {
            "es": {
                "title": "Acerca del repertorio",
                "slug": "acerca",
                "introduction": (
                    "Un repertorio de prácticas de gobierno abierto y transparencia "
                    "proactiva para que autoridades de estados y municipios encuentren "
                    "casos que puedan adaptar."
                ),
                "body": (
                    "<h2>Qué reúne</h2>"
                    "<p>Cada práctica cuenta qué problema atendió, qué se hizo, qué "
                    "resultó y dónde comprobarlo. Reúne casos de México y de otros "
                    "países desde la entrada en vigor de la Ley General de Transparencia "
                    "y Acceso a la Información Pública (mayo de 2015) y, como "
                    "antecedentes, compromisos de gobierno abierto anteriores, desde los "
                    "primeros planes de acción de 2011. La gráfica por año de la página "
                    "de inicio cuenta las prácticas por el año en que empezaron.</p>"
                    "<h2>Quién lo cuida</h2>"
                    "<p>Un equipo editorial revisa cada caso antes de publicarlo. Los "
                    "casos de demostración se redactaron a partir de los datos de "
                    "catálogos públicos: la base de compromisos de la Alianza para el "
                    "Gobierno Abierto y los casos de Participedia; cada uno enlaza a su "
                    "fuente.</p>"
                    "<h2>Cómo participar</h2>"
                    "<p>Cualquier persona puede proponer una práctica con el formulario "
                    "de contribución; nada se publica sin revisión editorial.</p>"
                    "<h2>Licencia</h2>"
                    '<p>El contenido publicado está disponible bajo la licencia <a href="'
                    'https://creativecommons.org/licenses/by-nc-sa/4.0/deed.es">CC '
                    "BY-NC-SA 4.0</a>.</p>"
                ),
            },
            "en": {
                "title": "About the repertory",
                "slug": "about",
                "introduction": (
                    "A repertory of open government and proactive transparency "
                    "practices, so that state and municipal officials can find cases "
                    "they can adapt."
                ),
                "body": (
                    "<h2>What it holds</h2>"
                    "<p>Each practice tells what problem it addressed, what was done, "
                    "what came of it and where to check. It covers cases from Mexico "
                    "and elsewhere since Mexico's General Transparency Act came into "
                    "force (May 2015) and, as background, earlier open government "
                    "commitments, back to the first action plans of 2011. The chart "
                    "by year on the home page counts practices by the year they "
                    "started.</p>"
                    "<h2>Who curates it</h2>"
                    "<p>An editorial team reviews every case before it is published. "
                    "The demo cases were written from the facts of public catalogues: "
                    "the Open Government Partnership commitments database and "
                    "Participedia's cases; each links to its source.</p>"
                    "<h2>How to take part</h2>"
                    "<p>Anyone can propose a practice with the contribution form; "
                    "nothing is published without editorial review.</p>"
                    "<h2>Licence</h2>"
                    '<p>Published content is available under the <a href="'
                    'https://creativecommons.org/licenses/by-nc-sa/4.0/">CC BY-NC-SA '
                    "4.0</a> licence.</p>"
                ),
            },
        },
        "privacy": {
            "es": {
                "title": "Aviso de privacidad",
                "slug": "privacidad",
                "introduction": (
                    "Qué datos personales recabamos, para qué, por cuánto tiempo y cómo "
                    "ejercer tus derechos."
                ),
                "body": (
                    "<h2>Responsable</h2>"
                    "<p>El equipo editorial de Repertorio es responsable del "
                    f"tratamiento de tus datos personales. Contacto: {contact}.</p>"
                    "<h2>Qué datos recabamos</h2>"
                    "<p>Solo de quienes proponen una práctica con el formulario de "
                    "contribución: nombre, correo electrónico y, si la indica, su "
                    "organización. Para leer o buscar en el repertorio no se necesita "
                    "cuenta ni se recaban datos personales.</p>"
                    "<h2>Para qué</h2>"
                    "<p>Para comunicarnos contigo sobre tu propuesta, informarte la "
                    "decisión editorial y prevenir abusos. Tus datos nunca se publican, "
                    "no se incluyen en el índice de búsqueda, en las exportaciones ni en "
                    "la API, y no se transfieren a terceros.</p>"
                    "<h2>Fundamento</h2>"
                    "<p>Tu consentimiento expreso, que otorgas al marcar la casilla del "
                    "formulario, conforme a la Ley General de Protección de Datos "
                    "Personales en Posesión de Sujetos Obligados.</p>"
                    "<h2>Por cuánto tiempo</h2>"
                    f"<p>Hasta {days} días después de que la propuesta se publique o se "
                    "rechace; después se borran. Queda solo un registro de que el borrado "
                    "ocurrió, sin tus datos.</p>"
                    "<h2>Tus derechos</h2>"
                    "<p>Puedes acceder a tus datos, rectificarlos, cancelarlos u oponerte a "
                    f"su uso (derechos ARCO) en cualquier momento escribiendo a {contact} "
                    "con el código de referencia de tu propuesta. Si pides la cancelación, "
                    "tus datos se borran de inmediato.</p>"
                    "<h2>Cambios a este aviso</h2>"
                    "<p>Publicaremos cualquier cambio en esta página, con su fecha.</p>"
                ),
            },
            "en": {
                "title": "Privacy notice",
                "slug": "privacy",
                "introduction": (
                    "What personal data we collect, why, for how long, and how to "
                    "exercise your rights."
                ),
                "body": (
                    "<h2>Who is responsible</h2>"
                    "<p>Repertorio's editorial team is responsible for processing your "
                    f"personal data. Contact: {contact}.</p>"
                    "<h2>What we collect</h2>"
                    "<p>Only from people who propose a practice through the contribution "
                    "form: name, email address and, if given, organisation. Reading or "
                    "searching the repertory needs no account and collects no personal "
                    "data.</p>"
                    "<h2>Why</h2>"
                    "<p>To contact you about your proposal, tell you the editorial "
                    "decision and prevent abuse. Your data is never published, never "
                    "added to the search index, the exports or the API, and never "
                    "shared with third parties.</p>"
                    "<h2>Legal basis</h2>"
                    "<p>Your express consent, given by ticking the box on the form, under "
                    "Mexico's General Law on the Protection of Personal Data held by "
                    "Regulated Parties.</p>"
                    "<h2>For how long</h2>"
                    f"<p>Until {days} days after the proposal is published or declined; "
                    "then it is erased. Only a record that the erasure happened remains, "
                    "without your data.</p>"
                    "<h2>Your rights</h2>"
                    "<p>You may access, correct, cancel or object to the use of your data "
                    f"(ARCO rights) at any time by writing to {contact} with your "
                    "proposal's reference code. If you ask for cancellation, your data "
                    "is erased at once.</p>"
                    "<h2>Changes to this notice</h2>"
                    "<p>Any change will be published on this page, with its date.</p>"
                ),
            },
        },
        "contact": {
            "es": {
                "title": "Contacto",
                "slug": "contacto",
                "introduction": "Escríbenos para corregir un caso, proponer una fuente o ejercer tus derechos ARCO.",
                "body": (
                    f'<p>Correo: <a href="mailto:{contact}">{contact}</a></p>'
                    "<p>Si escribes sobre una propuesta que enviaste, incluye su código de "
                    "referencia. Para proponer una práctica nueva, usa el formulario de "
                    "contribución.</p>"
                ),
            },
            "en": {
                "title": "Contact",
                "slug": "contact",
                "introduction": "Write to us to correct a case, suggest a source or exercise your ARCO rights.",
                "body": (
                    f'<p>Email: <a href="mailto:{contact}">{contact}</a></p>'
                    "<p>If you write about a proposal you sent, include its reference "
                    "code. To propose a new practice, use the contribution form.</p>"
                ),
            },
        },
        "open_data": {
            "es": {
                "title": "Datos abiertos",
                "slug": "datos-abiertos",
                "introduction": (
                    "Todo el repertorio, o cualquier búsqueda, en CSV o JSON, con su "
                    "libro de códigos y versiones fechadas para citar."
                ),
                "body": (
                    "<h2>Cómo descargar</h2>"
                    "<p>Cada búsqueda ofrece descargar sus prácticas en CSV, Excel o JSON "
                    "y suscribirse a ella con un canal Atom; el archivo de Excel se abre "
                    "bien con doble clic, sea cual sea la configuración regional del "
                    "equipo. Las descargas están siempre al "
                    "día: se generan al pedirlas. La API pública está documentada en "
                    '<a href="/api/v1/openapi.yaml">OpenAPI</a>.</p>'
                    "<h2>Licencia</h2>"
                    '<p>Los textos se publican bajo la licencia <a href="'
                    'https://creativecommons.org/licenses/by-nc-sa/4.0/deed.es">CC '
                    "BY-NC-SA 4.0</a>: puedes copiarlos y adaptarlos sin fines comerciales, "
                    "citando la fuente y compartiendo bajo la misma licencia.</p>"
                    "<h2>Cómo citar</h2>"
                    "<p>Repertorio de gobierno abierto (AAAA). Prácticas de gobierno "
                    "abierto y transparencia proactiva, versión AAAA-MM-DD [conjunto de "
                    "datos]. Licencia CC BY-NC-SA 4.0. Indica la fecha de la versión y, "
                    "si usaste una versión fechada, su SHA-256.</p>"
                ),
            },
            "en": {
                "title": "Open data",
                "slug": "open-data",
                "introduction": (
                    "The whole repertory, or any search, as CSV or JSON, with its "
                    "codebook and dated versions to cite."
                ),
                "body": (
                    "<h2>How to download</h2>"
                    "<p>Every search offers its practices as CSV, Excel or JSON and an "
                    "Atom feed to subscribe to it; the Excel file opens right with a "
                    "double click, whatever the computer's regional settings. Downloads "
                    "are always current: they are "
                    "made when asked for. The public API is documented in "
                    '<a href="/api/v1/openapi.yaml">OpenAPI</a>.</p>'
                    "<h2>Licence</h2>"
                    '<p>The texts are published under the <a href="'
                    'https://creativecommons.org/licenses/by-nc-sa/4.0/">CC BY-NC-SA '
                    "4.0</a> licence: you may copy and adapt them for non-commercial "
                    "purposes, crediting the source and sharing alike.</p>"
                    "<h2>How to cite</h2>"
                    "<p>Open government repertory (YYYY). Open government and proactive "
                    "transparency practices, version YYYY-MM-DD [data set]. Licence CC "
                    "BY-NC-SA 4.0. Give the version's date and, if you used a dated "
                    "version, its SHA-256.</p>"
                ),
            },
        },
    }
