"""Search server clients for tests without a server: they answer searches from prepared
responses and keep what was sent."""


class FakeElasticsearch:
    """The Elasticsearch 9 client's search (the body's keys as arguments): answers from a list
    of prepared responses and keeps the bodies sent."""

    def __init__(self, *responses):
        self.responses = list(responses)
        self.bodies = []

    def search(self, index, **body):
        self.bodies.append((index, body))
        return self.responses.pop(0)

    def asking(self, index="pages"):
        """query.search's `ask`: a body in, the prepared response out."""
        return lambda body: self.search(index, **body)


def response(pks, total, **facets):
    """A search response with these stories' pks, this total and these facet counts."""
    aggregations = {
        name: {"values": {"buckets": [{"key": k, "doc_count": c} for k, c in counts.items()]}}
        for name, counts in facets.items()
    }
    return {
        "hits": {"total": {"value": total}, "hits": [{"fields": {"pk": [str(pk)]}} for pk in pks]},
        "aggregations": aggregations,
    }


class FakeOpenSearch(FakeElasticsearch):
    """FakeElasticsearch taking opensearch-py's call: the body as `body`, not as arguments."""

    def search(self, index, body):
        return super().search(index, **body)


def answering(answers):
    """A client's __init__ that answers searches from `answers`, in order."""

    def init(self, *args, **kwargs):
        FakeElasticsearch.__init__(self)
        self.responses = answers

    return init
