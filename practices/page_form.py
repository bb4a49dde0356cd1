"""The page editor's forms: every page type's keeps addresses in ASCII; the
practice editor's also lets a translation's slug follow its title
(`practices.translation_slugs`)."""

from django import forms
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .translation_slugs import slug_for_translation


class SitePageForm(WagtailAdminPageForm):
    """The editor's form for every page type of the site (`practices.site_page`)."""

    def clean_slug(self):
        """A typed "diálogo" becomes "dialogo", as the browser's slug field and
        every importer make it (`WAGTAIL_ALLOW_UNICODE_SLUGS` is off): an editor
        without JavaScript, or whose browser kept the accents, gets the same
        address."""
        slug = self.cleaned_data.get("slug", "")
        if slug.isascii():
            return slug
        folded = slugify(slug, allow_unicode=False)
        if not folded:
            raise forms.ValidationError(
                _("Write the slug with the letters a to z, digits and hyphens.")
            )
        return folded


class PracticePageForm(SitePageForm):
    slug_from_title = None

    def clean(self):
        if self.cleaned_data.get("title") and "slug" in self.cleaned_data:
            self.slug_from_title = slug_for_translation(
                self.instance,
                title=self.cleaned_data["title"],
                slug=self.cleaned_data["slug"],
                previous_title=self.initial.get("title"),
                parent=self.parent_page,
            )
            if self.slug_from_title:
                self.cleaned_data["slug"] = self.slug_from_title
        return super().clean()

    def get_field_updates_for_resave(self):
        """After an autosave, the open editor shows the slug the page now has, so
        the next save does not send the old one back as the editor's choice."""
        updates = list(super().get_field_updates_for_resave())
        if self.slug_from_title:
            updates.append(("slug", self.slug_from_title))
        return updates
