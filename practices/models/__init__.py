from .index_page import PracticeIndexPage
from .practice_page import (
    PracticeDocument,
    PracticeKeyword,
    PracticePage,
    PracticeSource,
    SourceCatalogue,
)

__all__ = [
    "PracticeDocument",
    "PracticeIndexPage",
    "PracticeKeyword",
    "PracticePage",
    "PracticeSource",
    "SourceCatalogue",
]
