from django.urls import path

from . import actions, reports

app_name = "desk"


def _report(route: str, name: str, view_class):
    return [
        path(route, view_class.as_view(), name=name),
        path(
            f"{route}results/",
            view_class.as_view(results_only=True),
            name=f"{name}_results",
        ),
    ]


urlpatterns = [
    path("practices/<int:page_id>/reindex/", actions.reindex, name="reindex"),
    path("practices/<int:page_id>/reviewed/", actions.reviewed, name="mark_reviewed"),
    path("practices/<int:page_id>/translate/", actions.translate, name="translate"),
    *_report("index-queue/", "index_queue", reports.IndexQueueReport),
    *_report("translations/", "translations", reports.TranslationStatusReport),
    *_report("broken-links/", "broken_links", reports.BrokenLinksReport),
    *_report("duplicates/", "duplicates", reports.DuplicatesReport),
    path("duplicates/merge/", actions.MergeView.as_view(), name="merge"),
    path("duplicates/search/", actions.find_duplicates, name="find_duplicates"),
    path(
        "duplicates/<int:pair_id>/not-duplicate/",
        actions.not_duplicate,
        name="not_duplicate",
    ),
]
