from django.db import models
from django.db.models import Max, Q, Sum
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class SynonymGroup(models.Model):
    """Words and abbreviations that mean the same in a search ("GGZ", "geestelijke
    gezondheidszorg"): a query for one also finds items that use another."""

    terms = models.CharField(
        _("woorden met dezelfde betekenis"),
        max_length=500,
        help_text=_(
            "Gescheiden door komma's, bijvoorbeeld: GGZ, geestelijke gezondheidszorg. "
            "Een woord mag uit meer woorden bestaan."
        ),
    )

    panels = [FieldPanel("terms")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("synoniemen")
        verbose_name_plural = _("synoniemen")

    def __str__(self):
        return self.terms

    def save(self, *args, **kwargs):
        self.terms = ", ".join(self.term_list)
        super().save(*args, **kwargs)

    @property
    def term_list(self):
        """The terms, lowercased, without empty ones or repeats, in their given order."""
        seen = []
        for term in self.terms.split(","):
            cleaned = " ".join(term.lower().split())
            if cleaned and cleaned not in seen:
                seen.append(cleaned)
        return seen


class SearchQueryDayQuerySet(models.QuerySet):
    def since(self, day):
        return self.filter(day__gte=day)

    def per_query(self):
        """One row (a dict) per query over the days in this queryset: how often it was searched
        (`total_searches`), how often it found nothing (`total_zero_results`), the last day it
        was searched (`last_searched`) and the last day it found nothing (`last_zero_result`)."""
        return (
            self.order_by()
            .values("query")
            .annotate(
                total_searches=Sum("searches"),
                total_zero_results=Sum("zero_results"),
                last_searched=Max("day"),
                last_zero_result=Max("day", filter=Q(zero_results__gt=0)),
            )
        )


class SearchQueryDay(models.Model):
    """How often visitors searched for a query on one day, and how often that found nothing:
    the redactie's report of what people look for. Holds no IP address, account or session."""

    query = models.CharField(_("zoekopdracht"), max_length=200)
    day = models.DateField(_("dag"))
    searches = models.PositiveIntegerField(_("keer gezocht"), default=0)
    zero_results = models.PositiveIntegerField(_("keer zonder resultaat"), default=0)

    objects = SearchQueryDayQuerySet.as_manager()

    class Meta:
        verbose_name = _("zoekopdracht per dag")
        verbose_name_plural = _("zoekopdrachten per dag")
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="search_query_day_unique"),
        ]
        # The report reads a range of days and sums per query.
        indexes = [models.Index(fields=["day", "query"], name="search_query_day_report")]

    def __str__(self):
        return f"{self.query} ({self.day:%Y-%m-%d})"


class IndexChange(models.Model):
    """A page whose entry in an embedded search index (search/tantivy/changes.py) no longer
    matches the database, written in the transaction that changed the page. No foreign key:
    the row of a deleted page must outlive the page, so that its entry is removed too."""

    index = models.CharField(max_length=500)
    page_id = models.IntegerField()

    class Meta:
        # The queue is read per index, oldest first.
        indexes = [models.Index(fields=["index", "id"], name="search_index_change_queue")]

    def __str__(self):
        return f"{self.page_id} in {self.index}"
