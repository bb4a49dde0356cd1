"""Spreadsheet exports from the admin, formula-neutralised like the open data.

Titles come from contributors, and a spreadsheet runs a cell that starts with "="
(or +, -, @, a tab, a carriage return) as a formula. Every CSV that Wagtail's
spreadsheet writer makes for the desk's reports, and for Wagtail's own reports
(which list the same titles: workflows, site history, locked and aging pages), goes
through `practices.dataset.neutralise`, the open data's own.
"""

from django.urls import path
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.locked_pages import LockedPagesView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView

from practices.dataset import neutralise


class NeutralisedCSVMixin:
    """For a view with Wagtail's SpreadsheetExportMixin: text cells of its CSV are
    neutralised (the xlsx writer already stores formulas as text)."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV and isinstance(value, str):
            return neutralise(value)
        return value


def _neutralised(view_class):
    return type(view_class.__name__, (NeutralisedCSVMixin, view_class), {})


# Wagtail's report pages (wagtail/admin/urls/reports.py), mounted under
# admin/reports/ before Wagtail's own, so the export (?export=csv) comes from here.
wagtail_report_patterns = [
    path(route, _neutralised(view_class).as_view())
    for route, view_class in (
        ("locked/", LockedPagesView),
        ("workflow/", WorkflowView),
        ("workflow_tasks/", WorkflowTasksView),
        ("site-history/", LogEntriesView),
        ("aging-pages/", AgingPagesView),
        ("page-types-usage/", PageTypesUsageReportView),
    )
]
