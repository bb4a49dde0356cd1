"""The practice editor's form: Wagtail's page form, with a translation's slug
following its title (`practices.translation_slugs`)."""

from wagtail.admin.forms import WagtailAdminPageForm

from .translation_slugs import slug_for_translation


class PracticePageForm(WagtailAdminPageForm):
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
