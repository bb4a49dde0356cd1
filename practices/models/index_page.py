from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.redirects.middleware import get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from ..site_page import SitePage
from ..translatable_texts import other_language
from .machine_translation import stored_machine_translations
from .practice_page import PracticePage


class PracticeIndexPage(SitePage, Page):
    """The parent of every practice in one language; its URL is the practices section."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["practices.PracticePage"]
    parent_page_types = ["pages.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("practice index")

    def serve(self, request, *args, moved_to=None, **kwargs):
        """The list of practices is the search page, with its facets, and with
        the parameters asked of the list (`?country=MX&page=2`); `moved_to` (from
        `route`): the practice's own address in this language."""
        if moved_to is not None:
            return redirect(moved_to.get_url(request), permanent=True)
        with translation.override(self.locale.language_code):
            search = reverse("search")
        query = request.GET.urlencode()
        return redirect(f"{search}?{query}" if query else search)

    def route(self, request, path_components):
        """Find a practice in one query, with every term it shows already joined."""
        if not path_components:
            return super().route(request, path_components)
        try:
            practice = (
                PracticePage.objects.for_reading()
                .child_of(self)
                .get(slug=path_components[0])
            )
        except PracticePage.DoesNotExist:
            practice = self._machine_translated(path_components[0])
            if practice is None:
                raise Http404 from None
            if practice.locale_id == self.locale_id and not path_components[1:]:
                return self._moved(request, practice)
            return practice.route(request, path_components[1:])
        practice._cached_parent_obj = self
        return practice.route(request, path_components[1:])

    def _moved(self, request, translation_page):
        """The original's slug in this language, now that people translated the
        practice: not the translation's address (a renamed translation's old one,
        or where its machine translation was read), so a permanent redirect to it.
        A redirect an editor recorded for the address wins: Wagtail's middleware
        answers it, but only on a 404."""
        path = Redirect.normalise_path(request.path, decode_unicode=False)
        if get_redirect(request, path) is not None:
            raise Http404
        return RouteResult(self, kwargs={"moved_to": translation_page})

    def _machine_translated(self, slug: str):
        """A practice written only in the other language, shown here through its
        machine translation (or its real translation, if one now exists)."""
        language = self.locale.language_code
        original = (
            PracticePage.objects.for_reading()
            .live()
            .filter(slug=slug, locale__language_code=other_language(language))
            .first()
        )
        if original is None:
            return None
        human_translation = (
            PracticePage.objects.for_reading()
            .live()
            .filter(translation_key=original.translation_key, locale=self.locale)
            .first()
        )
        if human_translation is not None:
            return human_translation  # people translated it since: their text wins
        texts = stored_machine_translations([original]).get(original.pk, {})
        if not texts.get("title"):
            return None
        original.machine_translation = {**texts, "language": language}
        return original
