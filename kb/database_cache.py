"""The database cache, with an increment that counts every concurrent caller.

Django's `DatabaseCache.incr` reads the value and writes it back: two workers
incrementing at once both read n and both write n + 1, so a burst of requests from
one client was undercounted by the rate limits (`kb.rate_limits`). Here the
increment is one transaction whose first statement writes the row: that takes its
lock (the row on PostgreSQL, the database on SQLite) until the commit, so the
others wait and then read the value it wrote. Redis increments atomically itself.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils.timezone import now as tz_now


class AtomicDatabaseCache(DatabaseCache):
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        table, cache_key = quote(self._table), quote("cache_key")
        value, expires = quote("value"), quote("expires")
        now = connection.ops.adapt_datetimefield_value(tz_now().replace(microsecond=0))
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {expires} = {expires} "  # noqa: S608 - quoted names
                f"WHERE {cache_key} = %s AND {expires} >= %s RETURNING {value}",
                [key, now],
            )
            row = cursor.fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            current = pickle.loads(  # noqa: S301 - our own cache table
                base64.b64decode(connection.ops.process_clob(row[0]).encode())
            )
            new_value = current + delta
            pickled = pickle.dumps(new_value, self.pickle_protocol)
            cursor.execute(
                f"UPDATE {table} SET {value} = %s WHERE {cache_key} = %s",  # noqa: S608
                [base64.b64encode(pickled).decode("latin1"), key],
            )
        return new_value
