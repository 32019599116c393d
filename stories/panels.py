"""Panels for the story editor that show, and do not edit, what a member sent along."""

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

CONSENT_FIELDS = [
    "recognisable_people_agreed",
    "no_identifying_details",
    "house_rules_accepted",
    "concerns_child",
]
CHILD_CONSENT_FIELDS = ["child_age_group", "given_by", "media", "valid_until"]


def consent_rows(consent):
    """(label, value) pairs of a consent record; the child's fields only when it is about one."""
    names = [
        *CONSENT_FIELDS,
        *(CHILD_CONSENT_FIELDS if consent.concerns_child else ()),
        "recorded_at",
    ]
    rows = []
    for name in names:
        field = consent._meta.get_field(name)
        value = (
            getattr(consent, f"get_{name}_display")() if field.choices else getattr(consent, name)
        )
        rows.append((capfirst(field.verbose_name), value))
    return rows


class SubmissionPanel(Panel):
    """The privacy findings and the consent record of a story a member sent in, read-only."""

    def __init__(self, heading="", **kwargs):
        super().__init__(heading=heading or _("Privacy en toestemming"), **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/submission_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.findings = getattr(self.instance, "privacy_findings", None) or []
            # A reverse one-to-one raises when there is no record; getattr turns that into None.
            self.consent = getattr(self.instance, "consent", None) if self.instance.pk else None

        def is_shown(self):
            return bool(self.findings or self.consent)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["findings"] = self.findings
            context["consent"] = self.consent
            if self.consent:
                context["consent_rows"] = consent_rows(self.consent)
                valid_until = self.consent.valid_until
                context["consent_expired"] = bool(
                    valid_until and valid_until < timezone.localdate()
                )
            return context


class TranscriptNoticePanel(Panel):
    """A notice to editors that a podcast or vlog has no transcript yet; hidden when it has.

    `fields` are the page's transcript fields (a file and a text); any of them filled is enough.
    """

    def __init__(self, fields=(), heading="", **kwargs):
        self.fields = list(fields)
        super().__init__(heading=heading or _("Uitgeschreven tekst ontbreekt"), **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "fields": self.fields}

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/transcript_notice_panel.html"

        def is_shown(self):
            return not any(getattr(self.instance, name, None) for name in self.panel.fields)
