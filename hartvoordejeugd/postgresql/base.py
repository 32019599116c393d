"""Django's PostgreSQL backend, giving up on connecting within one budget per connection, with
a cursor for statements that run again and again.

psycopg, like libpq, gives every address a host name resolves to (localhost: ::1 and
127.0.0.1) and every host of a list its own `connect_timeout`: a server that accepts
connections and never answers then costs that timeout once per address, on every request.
Here the addresses are tried in turn against one deadline: an address that refuses passes
on to the next at once, one that stays silent uses up the budget.

`statement_cursor()` is for the statements core.compiled keeps: they are prepared on the
connection the first time they run, so PostgreSQL plans each once per connection (a process
keeps its connection for DATABASE_CONN_MAX_AGE seconds). Planning the similar stories' query,
six tables joined, took 1.8 of its 2.7 ms at 100,000 pages. Django's own cursors bind their
parameters in the client and prepare nothing, so that a pooler in transaction mode (PgBouncer)
works; behind one, set DATABASE_PREPARED_STATEMENTS=false.
"""

import sys
import time

from django.conf import settings
from django.db.backends.postgresql import base, operations
from psycopg.conninfo import conninfo_attempts
from psycopg.types.numeric import Int8Dumper

ADDRESS_PARAMETERS = ("host", "hostaddr", "port")
# psycopg waits at least this long for an attempt (libpq's rule), in seconds.
SHORTEST_ATTEMPT = 2


class PreparedCursor(base.ServerBindingCursor):
    """Binds its parameters on the server and prepares every statement it runs. Integers go as
    bigint whatever their size: psycopg prepares a statement per query and types of its
    parameters, and an id below 32,768 would be a smallint, one above an integer."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.adapters.register_dumper(int, Int8Dumper)

    def execute(self, query, params=None, *, prepare=None, binary=None):
        return super().execute(query, params, prepare=True, binary=binary)


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor, sql, params):
        """What a PreparedCursor ran, with its values, for the query log and the tests'
        query counts (Django reads it from a client-side binding cursor, which has it)."""
        if isinstance(cursor, PreparedCursor):
            return self.compose_sql(sql, params)
        return super().last_executed_query(cursor, sql, params)


class DatabaseWrapper(base.DatabaseWrapper):
    """PostgreSQL whose OPTIONS["connect_timeout"] bounds a connection, not each address."""

    ops_class = DatabaseOperations

    def statement_cursor(self):
        """A cursor that prepares what it runs (PreparedCursor), wrapped as `cursor()` wraps
        Django's: its errors are Django's, its queries are counted and logged."""
        if not settings.HVDJ_PREPARED_STATEMENTS:
            return self.cursor()
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            if self.connection.prepare_threshold is None:
                # Django turns preparing off; only what asks for it is prepared.
                self.connection.prepare_threshold = sys.maxsize
            return self._prepare_cursor(PreparedCursor(self.connection))

    def get_new_connection(self, conn_params):
        budget = int(conn_params.get("connect_timeout") or 0)
        if not budget or self.pool:
            return super().get_new_connection(conn_params)
        address = {
            key: str(conn_params[key]) for key in ADDRESS_PARAMETERS if conn_params.get(key)
        }
        *earlier, last = conninfo_attempts(address)
        deadline = time.monotonic() + budget
        for attempt in earlier:
            try:
                return self._connect_to(attempt, conn_params, deadline)
            except self.Database.OperationalError:
                if deadline - time.monotonic() < SHORTEST_ATTEMPT:
                    raise
        return self._connect_to(last, conn_params, deadline)

    def _connect_to(self, attempt, conn_params, deadline):
        """One address, with what is left of the budget."""
        remaining = max(round(deadline - time.monotonic()), SHORTEST_ATTEMPT)
        return super().get_new_connection({**conn_params, **attempt, "connect_timeout": remaining})
