"""Wagtail's admin strings the project translates into Spanish itself.

Wagtail 8's Spanish catalogue lacks about 400 of its msgids (the dashboard's and
the editor's newer ones among them), misspells a few ("concidencia", "calquiera",
"etiquedas"), and calls a locale "Región", the word editors read for our UN
regions. Listing the msgids here puts them in the project's catalogue
(`makemessages`), whose translations come first (`LOCALE_PATHS` outranks every
app's catalogue). The lists hold what a Spanish editor or moderator meets on the
dashboard, the page explorer, the practice editor and the workflow screens
(tests/kb/test_admin_spanish.py reads them). Strings Wagtail renders from its
JavaScript catalogue (djangojs) are not here: the project has no djangojs
catalogue. The corrections are worth offering upstream too.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# Wagtail calls a locale "región"; ours are languages ("Idioma"), and "Regiones"
# stays the taxonomy's (UN M49). Only the msgids that mean a locale.
LOCALE_MSGIDS = [
    gettext_noop("Locale"),
    gettext_noop("Locale: "),
    gettext_noop("locale"),
    gettext_noop("Locales"),
    gettext_noop("Available in %(translations_total)s locales"),
    gettext_noop("Switch locales"),
    gettext_noop("%(locales_count)s locales"),
    gettext_noop("Wagtail locales"),
    gettext_noop("This locale's language code is not supported"),
    gettext_noop(
        "This locale's current language code is not supported. Please choose a new "
        "language or delete this locale."
    ),
    gettext_noop("Add a locale"),
    gettext_noop("Add locale"),
    gettext_noop("Locale '%(object)s' created."),
    gettext_noop("Locale '%(object)s' updated."),
    gettext_noop("The locale could not be saved due to errors."),
    gettext_noop("Locale '%(object)s' deleted."),
    gettext_noop("Delete locale"),
    gettext_noop("Are you sure you want to delete this locale?"),
    gettext_noop("This locale cannot be deleted because there are no other locales."),
    gettext_noop(
        "This locale cannot be deleted because there are pages and/or other objects "
        "using it."
    ),
]
LOCALE_PLURAL_MSGIDS = [
    ngettext_lazy(
        "A locale is disabled because a parent page is not translated.",
        "Some locales are disabled because some parent pages are not translated.",
        "count",
    ),
]

# On every admin screen: the header, the search box, the keyboard shortcuts dialog
# and the rich text toolbar's names (rendered with the page, shown on demand).
EVERY_SCREEN_MSGIDS = [
    gettext_noop("Search all pages…"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Keyboard shortcuts"),
    gettext_noop("Keyboard shortcut"),
    gettext_noop("All keyboard shortcuts"),
    gettext_noop("Shortcuts"),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to "
        "disable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to "
        "enable them."
    ),
    gettext_noop("account"),
    gettext_noop("Application"),
    gettext_noop("Section"),
    gettext_noop("Text editing"),
    gettext_noop("Text formatting"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop("Save changes"),
    gettext_noop("Add or show comments"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Cut"),
    gettext_noop("Paste"),
    gettext_noop("Paste without formatting"),
    gettext_noop("Insert or edit a link"),
    gettext_noop("Strike-through"),
    gettext_noop("Monospace (code)"),
    gettext_noop("Go to the first error"),
]

DASHBOARD_MSGIDS = [
    gettext_noop("Show filters"),
    gettext_noop("There are no results."),
    gettext_noop("Page types usage"),
    gettext_noop("Privacy and access"),
    gettext_noop("Your pages and snippets in a workflow"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
]
DASHBOARD_PLURAL_MSGIDS = [
    ngettext_lazy(
        "There is %(counter)s match", "There are %(counter)s matches", "counter"
    ),
    ngettext_lazy("Add tags to 1 image", "Add tags to %(counter)s images", "counter"),
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "counter",
    ),
]

EXPLORER_MSGIDS = [
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("Exploring"),
    gettext_noop("Filter by"),
    gettext_noop("Edited by"),
    gettext_noop("Page type"),
    gettext_noop("Date updated"),
    gettext_noop("Has child pages"),
    gettext_noop("Any"),
    gettext_noop("Locking: "),
    gettext_noop("Search…"),
    gettext_noop("More bulk actions"),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("There are no %(model_name)s to display."),
    # Each listing row's checkbox: Wagtail's Spanish reads "Selecionar fila".
    gettext_noop("Select row"),
]
EXPLORER_PLURAL_MSGIDS = [
    ngettext_lazy("Referenced %(count)s time", "Referenced %(count)s times", "count"),
]

# The editor: its status side panel, autosave, locking and the checks panel (the
# accessibility checker's rule names come from the server too).
EDITOR_MSGIDS = [
    gettext_noop("Once live anyone can view"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Autosave is paused"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Saved"),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor "
        "in a separate tab to view the last saved version."
    ),
    gettext_noop("View latest version"),
    gettext_noop("Save your changes before leaving"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Schedule to publish"),
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule '
        'to publish" option'
    ),
    gettext_noop("Choose when this %(model_name)s should go live and/or expire"),
    gettext_noop(
        "Anyone can edit this %(model_name)s – lock it to prevent others from editing"
    ),
    gettext_noop("Toggle checks"),
    gettext_noop("Checks"),
    gettext_noop("Show issue"),
    gettext_noop("Content metrics"),
    gettext_noop("Words"),
    gettext_noop("Reading time"),
    gettext_noop("Readability"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, "
        "and calculate the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds "
        "for different languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long "
        "sentences and words result in a worse readability score."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> '
        "for more information on how content metrics are calculated."
    ),
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Empty heading found"),
    gettext_noop("Use proper heading tags"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Button text is empty"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Link text is empty"),
    gettext_noop("Table header text is empty"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Use a meaningful title for screen reader users"),
    # A page scheduled to go live: the lock banner, and its entries in the history.
    gettext_noop(
        "{model_name} '{title}' is locked and has been scheduled to go live at "
        "{datetime}"
    ),
    gettext_noop("Locked by schedule"),
    gettext_noop("%(model_name)s scheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s scheduled for publishing"),
    gettext_noop("%(model_name)s unscheduled for publishing at %(go_live_at)s"),
    gettext_noop("%(model_name)s unscheduled from publishing"),
    gettext_noop(
        "Revision %(revision_id)s from %(created_at)s unscheduled from publishing."
    ),
    # A save refused, and a page someone else locked: the banner, the status side
    # panel's lock entry and the footer's (pages are the only things locked here).
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("The page could not be saved as it is locked."),
    gettext_noop("<b>'{title}' was locked</b> by <b>{user}</b> on <b>{datetime}</b>."),
    gettext_noop("<b>'{title}' was locked</b> by <b>you</b> on <b>{datetime}</b>."),
    gettext_noop("<b>'{title}' is locked</b> by <b>you</b>."),
    gettext_noop("<b>'{title}' is locked</b>."),
    gettext_noop("Locked by another user"),
    gettext_noop("Locked by you"),
    gettext_noop("Only %(user)s can make changes while the %(model_name)s is locked"),
    gettext_noop("Only you can make changes while the %(model_name)s is locked"),
    # Wagtail's Spanish misspells the keywords field's help ("etiquedas") and calls
    # a slug "marca" ("Esta marca ya esta en uso") where the form says "slug".
    gettext_noop(
        'Multi-word tags with spaces will automatically be enclosed in double quotes (").'
    ),
    gettext_noop("The slug '%(page_slug)s' is already in use within the parent page."),
    gettext_noop(
        "The slug '%(page_slug)s' is already in use within the parent page at "
        "'%(parent_url_path)s'."
    ),
    gettext_noop(
        "The slug '%(page_slug)s' is already in use at the selected parent page. "
        "Make sure the slug is unique and try again."
    ),
    gettext_noop(
        "This slug is already in use within the context of its parent page "
        '"%(parent_page_title)s"'
    ),
]

# A page in moderation, as its editor and its reviewers see it, and the workflow
# reports and history.
WORKFLOW_MSGIDS = [
    gettext_noop("This %(model_name)s is currently awaiting moderation."),
    gettext_noop("Only reviewers for this task can edit the %(model_name)s."),
    gettext_noop("Only reviewers can edit and approve the %(model_name)s"),
    gettext_noop(
        "Reviewers can edit this %(model_name)s – lock it to prevent other reviewers "
        "from editing"
    ),
    gettext_noop("Locked by workflow"),
    # Wagtail's "Cambios solicitados el" reads as a date before the task's name.
    gettext_noop("Changes requested at"),
    gettext_noop("By task"),
    gettext_noop("By workflow"),
    # The workflow's e-mails: Wagtail's Spanish says "Puedes editar la página aquí"
    # and then "Puede visualizar la página aquí", "Modifique sus preferencias".
    gettext_noop("You can view the page here:"),
    gettext_noop("Edit your notification preferences here:"),
    gettext_noop("Is commenting action"),
    # Wagtail's Spanish capitalises mid-phrase ("Aprobar y Publicar") and makes a
    # page masculine after a revert ("Página ... ha sido reemplazado").
    gettext_noop("%(label)s and Publish"),
    gettext_noop(
        "Page '%(page_title)s' has been replaced with version from "
        "%(previous_revision_datetime)s."
    ),
]

# What the editor says after a save, a submission, an approval or a publish. Wagtail's
# Spanish reads "Página '…' ha sido actualizada" (after an approval too), "creada y
# enviada para ser moderada", "sin publicar" for unpublished; the project's own say
# "La página '…' se ha reemplazado…". The footer's "Enviar para ser moderado" sits
# beside the project's "Reenviar a moderación".
PAGE_MESSAGE_MSGIDS = [
    gettext_noop("Page '%(page_title)s' has been updated."),
    gettext_noop("Page '%(page_title)s' has been published."),
    gettext_noop("Page '%(page_title)s' has been submitted for moderation."),
    gettext_noop("Page '%(page_title)s' has been scheduled for publishing."),
    gettext_noop(
        "Page '%(page_title)s' is live and this version has been scheduled for "
        "publishing."
    ),
    gettext_noop("Page '%(page_title)s' created."),
    gettext_noop("Page '%(page_title)s' created and published."),
    gettext_noop("Page '%(page_title)s' created and submitted for moderation."),
    gettext_noop("Page '%(page_title)s' created and scheduled for publishing."),
    gettext_noop("Page '%(page_title)s' unpublished."),
    gettext_noop("Page '%(page_title)s' deleted."),
    gettext_noop("Page '%(page_title)s' moved."),
    gettext_noop("Page '%(page_title)s' copied."),
    gettext_noop("Page '%(page_title)s' is now unlocked."),
    gettext_noop("Workflow on page '%(page_title)s' has been cancelled."),
    gettext_noop("Workflow on page '%(page_title)s' has been restarted."),
    gettext_noop("Submit for moderation"),
]

# Choosers: Wagtail's Spanish says "Seleccionar otra página" and "Seleccionar otro
# %(object)s" (a taxonomy term: "Seleccionar otro situación"), "Elegir otro
# documento", and "eliga ortro"; the project's country and state choosers said
# "Elegir otro país". One verb to choose ("Elegir") and one to change what is
# chosen ("Cambiar", as Wagtail's own "Cambiar imagen"), which needs no gender.
CHOOSER_MSGIDS = [
    gettext_noop("Choose"),
    gettext_noop("Choose %(object)s"),
    gettext_noop("Choose another %(object)s"),
    gettext_noop("Edit this %(object)s"),
    gettext_noop("Choose an item"),
    gettext_noop("Choose another item"),
    gettext_noop("Choose another"),
    gettext_noop("Choose a page"),
    gettext_noop("Choose another page"),
    gettext_noop("Choose a document"),
    gettext_noop("Choose another document"),
    gettext_noop("Choose an image"),
    gettext_noop("Choose another image"),
    gettext_noop("Choose a task"),
    gettext_noop("Choose another task"),
]

# The reports a moderator opens, and the copy, delete and unpublish screens.
REPORTS_AND_ACTIONS_MSGIDS = [
    gettext_noop("App"),
    gettext_noop("Last edited page"),
    gettext_noop("Last edit"),
    gettext_noop("Locked by"),
    gettext_noop("Anyone"),
    # The delete screen of a term or country that practices still use.
    gettext_noop(
        "One or more references to this %(model_name)s prevent it from being deleted."
    ),
]
REPORTS_AND_ACTIONS_PLURAL_MSGIDS = [
    ngettext_lazy(
        "This %(model_name)s is referenced %(usage_count)s time.",
        "This %(model_name)s is referenced %(usage_count)s times.",
        "usage_count",
    ),
]

# The account page, where an editor chooses the admin's language.
ACCOUNT_MSGIDS = [
    gettext_noop("Use server language: %(language_name)s"),
    gettext_noop("Use server time zone"),
    gettext_noop("admin theme"),
    gettext_noop("System default"),
    gettext_noop("Light"),
    gettext_noop("Dark"),
    gettext_noop("contrast"),
    gettext_noop("More contrast"),
    gettext_noop("density"),
    gettext_noop("Snug"),
    gettext_noop("Enable custom keyboard shortcuts specific to Wagtail."),
    # Wagtail's Spanish says "usted" here ("Seleccione el idioma", "su zona horaria").
    gettext_noop("Select language for the admin"),
    gettext_noop("Select your current time zone"),
]

# Django's own messages for a value a form refuses, which the practice editor shows
# beside Wagtail's: Django's Spanish addresses the editor as "usted" ("Introduzca
# una URL válida."), Wagtail's as "tú". The public forms say "tú" too.
FORM_ERROR_MSGIDS = [
    gettext_noop("Enter a valid URL."),
    gettext_noop("Enter a whole number."),
    gettext_noop("Enter a number."),
    gettext_noop("Enter a valid value."),
    gettext_noop("Enter a valid date."),
    gettext_noop("Enter a valid email address."),
    gettext_noop("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_noop("Ensure this value is greater than or equal to %(limit_value)s."),
]
# A summary pasted past its 600 characters read "Asegúrese de que este valor tenga
# menos de 600 caracteres (tiene 2000)": "usted", and "menos de" where 600 is allowed.
FORM_ERROR_PLURAL_MSGIDS = [
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has "
        "%(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has "
        "%(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has "
        "%(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has "
        "%(show_value)d).",
        "limit_value",
    ),
]

WAGTAIL_MSGIDS = (
    LOCALE_MSGIDS
    + EVERY_SCREEN_MSGIDS
    + DASHBOARD_MSGIDS
    + EXPLORER_MSGIDS
    + EDITOR_MSGIDS
    + WORKFLOW_MSGIDS
    + PAGE_MESSAGE_MSGIDS
    + CHOOSER_MSGIDS
    + REPORTS_AND_ACTIONS_MSGIDS
    + ACCOUNT_MSGIDS
)
WAGTAIL_PLURAL_MSGIDS = (
    LOCALE_PLURAL_MSGIDS
    + DASHBOARD_PLURAL_MSGIDS
    + EXPLORER_PLURAL_MSGIDS
    + REPORTS_AND_ACTIONS_PLURAL_MSGIDS
)
