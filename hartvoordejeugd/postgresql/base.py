"""Django's PostgreSQL backend, giving up on connecting within one budget per connection.

psycopg, like libpq, gives every address a host name resolves to (localhost: ::1 and
127.0.0.1) and every host of a list its own `connect_timeout`: a server that accepts
connections and never answers then costs that timeout once per address, on every request.
Here the addresses are tried in turn against one deadline: an address that refuses passes
on to the next at once, one that stays silent uses up the budget.
"""

import time

from django.db.backends.postgresql import base
from psycopg.conninfo import conninfo_attempts

ADDRESS_PARAMETERS = ("host", "hostaddr", "port")
# psycopg waits at least this long for an attempt (libpq's rule), in seconds.
SHORTEST_ATTEMPT = 2


class DatabaseWrapper(base.DatabaseWrapper):
    """PostgreSQL whose OPTIONS["connect_timeout"] bounds a connection, not each address."""

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
