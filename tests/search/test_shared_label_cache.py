"""A label renamed through one worker is seen by the others: the label cache's
version lives in the shared cache, not in each process."""

import pytest

from kb.caches import counters_cache
from search import labels
from taxonomy.models import Theme

pytestmark = pytest.mark.django_db


def test_another_workers_rename_reaches_this_process(monkeypatch):
    monkeypatch.setattr(labels, "CHECK_SECONDS", 0.0)
    theme = Theme.objects.order_by("slug").first()
    assert labels.facet_labels()["theme"][theme.slug].es == theme.label_es
    # Another worker renames the term: the row changes and, through its save
    # signal, the shared version stamp; this process's own copy is untouched.
    Theme.objects.filter(pk=theme.pk).update(label_es="Nombre nuevo del tema")
    counters_cache().set(labels.VERSION_KEY, "changed-by-another-worker", None)
    assert labels.facet_labels()["theme"][theme.slug].es == "Nombre nuevo del tema"


def test_saving_a_term_changes_the_shared_version():
    labels.facet_labels()
    before = counters_cache().get(labels.VERSION_KEY)
    theme = Theme.objects.order_by("slug").first()
    theme.label_es = "Otro nombre"
    theme.save()
    assert counters_cache().get(labels.VERSION_KEY) not in (None, before)
