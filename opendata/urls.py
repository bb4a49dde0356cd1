from django.urls import path

from . import api_docs, discovery, feeds, views

# Under /api/v1/.
api_patterns = [
    path("", api_docs.api_index, name="api-index"),
    path("openapi.yaml", api_docs.openapi_document, name="api-openapi"),
    path("practices/export/", views.export_practices, name="api-export"),
    # Any segment, so that a malformed id is answered in JSON like a missing one.
    path("practices/<str:practice_id>/", views.practice_api, name="api-practice"),
    path("taxonomy/", views.taxonomy_api, name="api-taxonomy"),
]

site_patterns = [
    path("feeds/practices.atom", feeds.practices_feed, name="practices-feed"),
    path("sitemap.xml", discovery.sitemap_index, name="sitemap-index"),
    path(
        "sitemap-<str:section>.xml", discovery.sitemap_section, name="sitemap-section"
    ),
    path("robots.txt", discovery.robots_txt, name="robots-txt"),
    path("open-data/dumps/<str:name>", views.dump_download, name="open-data-dump"),
]

# Once per language (/ and /en/).
localized_patterns = [
    path("opensearch.xml", discovery.opensearch_description, name="opensearch"),
    path("api/", api_docs.api_reference, name="api-reference"),
]
