"""A page's public state changed: the sitemaps must not list it as it was."""

from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from practices.signals import practices_published

from .sitemap_cache import forget_sitemaps


def _public_pages_changed(sender, **kwargs):
    forget_sitemaps()


def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        forget_sitemaps()


def connect() -> None:
    page_published.connect(_public_pages_changed, dispatch_uid="sitemap-publish")
    practices_published.connect(
        _public_pages_changed, dispatch_uid="sitemap-publish-batch"
    )
    page_unpublished.connect(_public_pages_changed, dispatch_uid="sitemap-unpublish")
    post_page_move.connect(_public_pages_changed, dispatch_uid="sitemap-move")
    post_delete.connect(_deleted, dispatch_uid="sitemap-delete")
