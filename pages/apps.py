from django.apps import AppConfig


class PagesConfig(AppConfig):
    """Site pages that are not practices: home, about, privacy notice, contact."""

    name = "pages"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from .models import SitePages, StandardPage
        from .site_pages import clear_site_page_links

        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                clear_site_page_links,
                sender=StandardPage,
                dispatch_uid=f"clear-site-page-links-{id(signal)}",
            )
        post_save.connect(
            clear_site_page_links,
            sender=SitePages,
            dispatch_uid="clear-site-page-links-setting",
        )
