"""Queries that every uncached page runs, compiled to SQL once per process and run with new
values.

Compiling a queryset is Python work that Django repeats on every evaluation: for a story's
topics (four selects joined by UNION ALL) it took about 4 ms, and PostgreSQL ran the statement
in 1.4 ms, at 100,000 pages. A query whose shape never changes, only the values it is filtered
by, is built and compiled once per database with stand-in values (`stand_ins`: negative ids
and strings no row has) and then run with the real ones wherever the stand-ins were. Django has
no such cache of its own (a prepared statement on PostgreSQL still needs the compiled SQL),
hence this module.

Only for querysets whose SQL is the same for every value: a list for `__in` gives its length
in the name, and a queryset that reads settings or the cache as it is built does not belong
here. Only for values a lookup passes on unchanged (exact and `__in`, not `__startswith`).

`compiled_rows` gives the rows of a `values_list` queryset as the database sends them;
`compiled_objects` gives model instances, with what `select_related` and `annotate` add, built
from the rows the way Django's ModelIterable builds them (with the kept compiler's converters,
its `klass_info` and Django's related populators).
"""

from django.db import connections
from django.db.models.query import get_related_populators

_compiled = {}
# Names are few (a handful of queries, a few shapes each, a page model each); past this many, a
# query is compiled for each run as Django does, so no request can make the process keep more.
MAX_KEPT = 128


def stand_ins(values):
    """A value no row holds for each of `values`, of the same type and each different."""
    return [
        f"\x1fstand-in-{number}" if isinstance(value, str) else -7_654_321 - number
        for number, value in enumerate(values)
    ]


def compiled_rows(name, build, *values, using="default"):
    """The rows (tuples) of `build(*values)`, a values_list queryset, through the SQL that
    `build(*stand_ins(values))` compiles to, kept under `name` per database."""
    _compiler, rows = run(name, build, values, using, keep_compiler=False)
    return rows


def compiled_objects(name, build, *values, using="default"):
    """The model instances of `build(*values)`, a queryset, as iterating it would give them
    (with its `select_related` objects and annotations), through the SQL that
    `build(*stand_ins(values))` compiles to, kept under `name` per database."""
    compiler, rows = run(name, build, values, using, keep_compiler=True)
    info = compiler.klass_info
    start, end = info["select_fields"][0], info["select_fields"][-1] + 1
    columns = [column[0].target.attname for column in compiler.select[start:end]]
    populators = get_related_populators(info, compiler.select, using)
    annotations = (compiler.annotation_col_map or {}).items()
    objects = []
    for row in compiler.results_iter([[row[: compiler.col_count] for row in rows]]):
        instance = info["model"].from_db(using, columns, row[start:end])
        for populator in populators:
            populator.populate(row, instance)
        for annotation, position in annotations:
            setattr(instance, annotation, row[position])
        objects.append(instance)
    return objects


def run(name, build, values, using, *, keep_compiler):
    """(the compiler, the rows) of `build(*values)` run through its compiled SQL. The compiler
    (with the query it holds) is kept only for `keep_compiler`: rows need only the SQL."""
    key = (name, using)
    compiled = _compiled.get(key)
    if compiled is None:
        placeholders = stand_ins(values)
        compiler = build(*placeholders).query.get_compiler(using)
        sql, params = compiler.as_sql()
        positions = [
            [index for index, param in enumerate(params) if param == placeholder]
            for placeholder in placeholders
        ]
        if not all(positions):
            raise ValueError(f"{name}: a value does not reach the SQL unchanged")
        compiled = (compiler if keep_compiler else None, sql, list(params), positions)
        if len(_compiled) < MAX_KEPT:
            _compiled[key] = compiled
    compiler, sql, params, positions = compiled
    params = list(params)
    for value, indexes in zip(values, positions, strict=True):
        for index in indexes:
            params[index] = value
    connection = connections[using]
    # On PostgreSQL, prepared: planned once per connection (hartvoordejeugd.postgresql).
    with getattr(connection, "statement_cursor", connection.cursor)() as cursor:
        cursor.execute(sql, params)
        return compiler, cursor.fetchall()


def filled(queryset, objects):
    """`queryset` holding `objects` as read, as Django's prefetch fills one: iterating it or
    exists() reads no more, a further filter or order_by() asks the database as usual."""
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    return queryset


def give_prefetched(instance, name, queryset, objects):
    """Give `instance` `objects` as its prefetched `name` (`instance.name.all()` reads no
    more), as `prefetch_related` would after reading them itself."""
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache[name] = filled(queryset, objects)
