from .classification_reconciliation import ClassificationReconciliation
from .index_page import PracticeIndexPage
from .machine_translation import MachineTranslation, PendingTranslation
from .practice_page import (
    PracticeDocument,
    PracticeKeyword,
    PracticePage,
    PracticeSource,
    SourceCatalogue,
)
from .visibility import public_pages

__all__ = [
    "ClassificationReconciliation",
    "MachineTranslation",
    "PracticeDocument",
    "PracticeIndexPage",
    "PracticeKeyword",
    "PracticePage",
    "PracticeSource",
    "PendingTranslation",
    "SourceCatalogue",
    "public_pages",
]
