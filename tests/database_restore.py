"""A faster restore of the test database's serialized contents, for the transactional
tests' `serialized_rollback` (installed by tests/conftest.py).

Django saves the objects one by one: two queries each (an UPDATE, then the INSERT),
some 12,000 for the 5,900 objects of the migrated site, most of them the 5,046
subdivisions, before every transactional test. Here the rows of a plain model
(below: _insertable_in_batches) that are missing are inserted in batches, with the
same pre_save and post_save signals (raw=True, created=True) Django's loop sends;
any other object, or a row already there, is saved as Django does. The contents
restored, and the constraint check after, are the same.
"""

from io import StringIO

from django.core import serializers
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import post_save, pre_save

BATCH = 500


def _insertable_in_batches(model, objects) -> bool:
    """A batch insert writes what a raw save writes: no parent table, no many-to-many
    rows, and no field that sets its own value on insert (auto_now: a raw save keeps
    the serialized time)."""
    return (
        not model._meta.parents
        and not any(obj.m2m_data for obj in objects)
        and not any(
            getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            for field in model._meta.concrete_fields
        )
    )


def deserialize_db_from_string(self, data):
    alias = self.connection.alias
    groups: dict = {}
    for obj in serializers.deserialize("json", StringIO(data), using=alias):
        groups.setdefault(type(obj.object), []).append(obj)
    if any(model._base_manager.using(alias).exists() for model in groups):
        _empty(alias)
    with transaction.atomic(using=alias):
        with self.connection.constraint_checks_disabled():
            for model, objects in groups.items():
                if not _insertable_in_batches(model, objects):
                    for obj in objects:
                        obj.save()
                    continue
                manager = model._base_manager.using(alias)
                present = set(manager.values_list("pk", flat=True))
                missing = []
                for obj in objects:
                    if obj.object.pk in present:
                        obj.save()
                    else:
                        missing.append(obj.object)
                for instance in missing:
                    pre_save.send(
                        sender=model,
                        instance=instance,
                        raw=True,
                        using=alias,
                        update_fields=None,
                    )
                manager.bulk_create(missing, batch_size=BATCH)
                for instance in missing:
                    instance._state.adding = False
                    instance._state.db = alias
                    post_save.send(
                        sender=model,
                        instance=instance,
                        created=True,
                        raw=True,
                        using=alias,
                        update_fields=None,
                    )
        self.connection.check_constraints(
            table_names={model._meta.db_table for model in groups}
        )


def _empty(alias: str) -> None:
    """Empty every table, as a transactional test's teardown does (Django's flush,
    without post_migrate: the restore brings back what it would add).

    Only the first transactional test of a process finds the site still there, row
    for row as serialized, plus what the live server's requests committed since;
    restored over it, each of its 5,900 rows would cost an UPDATE. Emptied first, it
    is restored in batches, like every later transactional test, and starts from
    exactly the serialized site."""
    call_command(
        "flush",
        verbosity=0,
        interactive=False,
        database=alias,
        reset_sequences=False,
        inhibit_post_migrate=True,
    )
