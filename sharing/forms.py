"""The share forms, one per kind of story, with the consent a member gives and the upload checks.

`FORMS` maps each `StoryKind` to its form; `sharing.submission` turns a valid one into a page.
"""

from django import forms
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import HoneypotForm
from core.once.tokens import OnceForm
from core.sanitise import clean_one_line, clean_plain_text, text_from_html
from mediafiles.uploads import (
    AUDIO,
    DOCUMENT,
    IMAGE,
    VIDEO,
    check_upload,
    hero_image_min_width,
    upload_help_text,
)
from stories.models import Audience, ChangeTask, Region, StoryConsent, Theme
from stories.models.vlog import external_video_embed

MAX_TAGS = 10
TAG_MAX_LENGTH = 50
TITLE_MAX_LENGTH = 150


class StoryKind:
    """What a member can share, with the label they choose it by."""

    ARTICLE = "artikel"
    VLOG = "vlog"
    PODCAST = "podcast"
    LINK = "link"

    LABELS = {
        ARTICLE: _("Een artikel"),
        VLOG: _("Een vlog"),
        PODCAST: _("Een podcastaflevering"),
        LINK: _("Een link of onderzoek"),
    }
    DESCRIPTIONS = {
        ARTICLE: _("Schrijf op wat je meemaakte of wat werkte."),
        VLOG: _("Upload een video of deel een link naar YouTube of Vimeo."),
        PODCAST: _("Upload een geluidsbestand."),
        LINK: _("Deel een website of onderzoek, eventueel met een PDF."),
    }


def checked_upload(field_name, kind, **options):
    """A clean_<field> method that checks an uploaded file's real type, size and dimensions."""

    def clean(form):
        file = form.cleaned_data.get(field_name)
        if file:
            check_upload(file, kind, **{k: v() if callable(v) else v for k, v in options.items()})
        return file

    return clean


def transcript_field():
    return forms.CharField(
        label=_("Uitgeschreven tekst (niet verplicht)"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )


class ShareStoryForm(OnceForm, HoneypotForm):
    """Sharing a story from the front end: the fields every kind has, consent included."""

    required_css_class = "required"

    title = forms.CharField(
        label=_("Titel"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("Hoogstens %(limit)s tekens.") % {"limit": TITLE_MAX_LENGTH},
        error_messages={
            "max_length": _(
                "Een titel mag hoogstens %(limit_value)d tekens hebben; "
                "je titel heeft er %(show_value)d."
            )
        },
    )
    intro = forms.CharField(
        label=_("Samenvatting"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Twee of drie zinnen: waar gaat je verhaal over?"),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's"),
        queryset=Theme.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    change_tasks = forms.ModelMultipleChoiceField(
        label=_("Veranderopgaven"),
        queryset=ChangeTask.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    region = forms.ModelChoiceField(
        label=_("Jeugdregio"), queryset=Region.objects.all(), required=False, empty_label=_("Geen")
    )
    audiences = forms.ModelMultipleChoiceField(
        label=_("Voor wie is het?"),
        queryset=Audience.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    tags = forms.CharField(
        label=_("Trefwoorden"),
        required=False,
        max_length=300,
        help_text=_(
            "Gescheiden door komma's, bijvoorbeeld: pleegzorg, school. Hoogstens 10 "
            "trefwoorden van elk hoogstens 50 tekens."
        ),
    )
    hero_image = forms.FileField(
        label=_("Foto of afbeelding"),
        widget=forms.ClearableFileInput(
            attrs={"accept": "image/jpeg,image/png,image/webp,image/heic,image/heif"}
        ),
        required=False,
        help_text=format_lazy(
            "{} {}",
            upload_help_text(
                IMAGE,
                lambda: (
                    _("JPEG, PNG, WebP of HEIC (iPhone), minstens %(width)s pixels breed.")
                    % {"width": hero_image_min_width()}
                ),
            ),
            _("Locatiegegevens halen we eruit."),
        ),
    )
    hero_image_alt = forms.CharField(
        label=_("Wat is er op de afbeelding te zien?"),
        required=False,
        max_length=250,
        help_text=_("Voor wie de afbeelding niet kan zien."),
    )

    recognisable_people_agreed = forms.BooleanField(
        label=_(
            "Iedereen die herkenbaar is in mijn verhaal, foto, geluid of video heeft ingestemd."
        )
    )
    no_identifying_details = forms.BooleanField(
        label=_("Ik noem geen namen of details waaraan een kind te herkennen is.")
    )
    house_rules_accepted = forms.BooleanField(label=_("Ik houd me aan de spelregels."))
    concerns_child = forms.BooleanField(
        label=_("Mijn verhaal gaat over een kind of jongere."), required=False
    )
    child_age_group = forms.ChoiceField(
        label=_("Hoe oud is het kind?"),
        choices=[("", _("Kies een leeftijd")), *StoryConsent.AgeGroup.choices],
        required=False,
    )
    consent_given_by = forms.ChoiceField(
        label=_("Wie gaf toestemming?"),
        choices=[("", _("Kies wie")), *StoryConsent.GivenBy.choices],
        required=False,
        help_text=_(
            "Onder de 12: de ouder of voogd. Van 12 tot 16: de ouder of voogd én de jongere. "
            "Vanaf 16: de jongere zelf."
        ),
    )
    consent_media = forms.CharField(
        label=_("Voor welke media geldt de toestemming?"),
        required=False,
        max_length=120,
        help_text=_("Bijvoorbeeld: tekst en foto's."),
    )
    consent_valid_until = forms.DateField(
        label=_("Tot wanneer geldt de toestemming?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    kind = ""  # each kind's form names its StoryKind
    kind_fields = ()
    text_fields = ("title", "intro")
    FIELDSETS = (
        (_("Ordening"), ("themes", "change_tasks", "region", "audiences", "tags")),
        (_("Afbeelding"), ("hero_image", "hero_image_alt")),
        (
            _("Toestemming"),
            (
                "recognisable_people_agreed",
                "no_identifying_details",
                "house_rules_accepted",
                "concerns_child",
                "child_age_group",
                "consent_given_by",
                "consent_media",
                "consent_valid_until",
            ),
        ),
    )

    clean_hero_image = checked_upload("hero_image", IMAGE, min_width=hero_image_min_width)

    def __init__(self, *args, editing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.editing = editing
        if editing is not None:
            # Files already stored stay unless the member uploads a new one.
            for name in ("audio_file", "video_file", "attachment", "hero_image"):
                if name in self.fields:
                    self.fields[name].required = False

    def clean_title(self):
        # A title is one line, whatever was pasted into it.
        return clean_one_line(self.required_text("title"))

    def clean_intro(self):
        return self.required_text("intro")

    def required_text(self, name):
        value = clean_plain_text(self.cleaned_data[name]).strip()
        if not value:
            raise forms.ValidationError(_("Vul dit veld in."))
        return value

    def clean_tags(self):
        tags = [clean_one_line(tag) for tag in self.cleaned_data["tags"].split(",")]
        tags = list(dict.fromkeys(tag for tag in tags if tag))
        too_long = [tag for tag in tags if len(tag) > TAG_MAX_LENGTH]
        if too_long:
            raise forms.ValidationError(
                _("Een trefwoord mag hoogstens %(max)s tekens hebben; „%(tag)s” heeft er %(n)s.")
                % {"max": TAG_MAX_LENGTH, "tag": too_long[0], "n": len(too_long[0])}
            )
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                _("Gebruik hoogstens %(max)s trefwoorden.") % {"max": MAX_TAGS}
            )
        return tags

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("hero_image") and not cleaned.get("hero_image_alt", "").strip():
            self.add_error("hero_image_alt", _("Beschrijf kort wat er op de afbeelding staat."))
        if cleaned.get("concerns_child"):
            self.clean_child_consent(cleaned)
        return cleaned

    def clean_child_consent(self, cleaned):
        consent = StoryConsent(
            concerns_child=True,
            child_age_group=cleaned.get("child_age_group", ""),
            given_by=cleaned.get("consent_given_by", ""),
            media=cleaned.get("consent_media", ""),
            valid_until=cleaned.get("consent_valid_until"),
        )
        try:
            consent.clean()
        except forms.ValidationError as error:
            names = {
                "given_by": "consent_given_by",
                "media": "consent_media",
                "valid_until": "consent_valid_until",
            }
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(names.get(field, field), message)
        valid_until = cleaned.get("consent_valid_until")
        if valid_until and valid_until < timezone.localdate():
            self.add_error("consent_valid_until", _("Deze datum ligt in het verleden."))

    def fieldsets(self):
        """The fields in groups, each shown as a fieldset with a legend."""
        story = ("title", "intro", *self.kind_fields)
        return [
            (legend, [self[name] for name in names])
            for legend, names in ((_("Je verhaal"), story), *self.FIELDSETS)
        ]

    def texts(self):
        """The member's own words, for the privacy check."""
        return [str(self.cleaned_data.get(name) or "") for name in self.text_fields]


class ArticleForm(ShareStoryForm):
    kind = StoryKind.ARTICLE
    kind_fields = ("body",)
    text_fields = ("title", "intro", "body")

    body = forms.CharField(
        label=_("Je verhaal"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 14}),
        # Django's form templates render help text unescaped, so the examples are escaped here.
        help_text=_(
            "Een witregel begint een nieuwe alinea. Opmaak mag met &lt;b&gt;vet&lt;/b&gt;, "
            "&lt;i&gt;schuin&lt;/i&gt;, lijstjes (&lt;ul&gt;&lt;li&gt;) en links "
            "(&lt;a href=&quot;https://...&quot;&gt;)."
        ),
    )

    def clean_body(self):
        return self.required_text_keep_markup("body")

    def required_text_keep_markup(self, name):
        value = self.cleaned_data[name].strip()
        if not text_from_html(value).strip():
            raise forms.ValidationError(_("Vul dit veld in."))
        return value


class VlogForm(ShareStoryForm):
    kind = StoryKind.VLOG
    kind_fields = ("video_file", "video_url", "transcript")
    text_fields = ("title", "intro", "transcript")

    video_file = forms.FileField(
        label=_("Videobestand"),
        required=False,
        help_text=upload_help_text(VIDEO, _("MP4 of WebM.")),
        widget=forms.ClearableFileInput(attrs={"accept": "video/mp4,video/webm"}),
    )
    video_url = forms.URLField(
        label=_("Of een link naar YouTube of Vimeo"), required=False, assume_scheme="https"
    )
    transcript = transcript_field()

    clean_video_file = checked_upload("video_file", VIDEO)

    def clean_video_url(self):
        url = self.cleaned_data["video_url"]
        if url and external_video_embed(url)[0] is None:
            raise forms.ValidationError(_("Alleen links naar YouTube of Vimeo kunnen we tonen."))
        return url

    def clean(self):
        cleaned = super().clean()
        has_file = bool(cleaned.get("video_file")) or bool(
            self.editing and self.editing.video_file_id
        )
        has_url = bool(cleaned.get("video_url"))
        if (
            not has_file
            and not has_url
            and not self.has_error("video_file")
            and not self.has_error("video_url")
        ):
            self.add_error("video_file", _("Upload een video of vul een link in."))
        elif cleaned.get("video_file") and has_url:
            self.add_error("video_url", _("Kies een videobestand of een link, niet allebei."))
        return cleaned


class PodcastForm(ShareStoryForm):
    kind = StoryKind.PODCAST
    kind_fields = ("audio_file", "transcript")
    text_fields = ("title", "intro", "transcript")

    audio_file = forms.FileField(
        label=_("Geluidsbestand"),
        help_text=upload_help_text(AUDIO, _("MP3, M4A of Ogg.")),
        widget=forms.ClearableFileInput(attrs={"accept": "audio/mpeg,audio/mp4,audio/ogg"}),
    )
    transcript = transcript_field()

    clean_audio_file = checked_upload("audio_file", AUDIO)


class LinkForm(ShareStoryForm):
    kind = StoryKind.LINK
    kind_fields = ("source_url", "body", "attachment")
    text_fields = ("title", "intro", "body")

    source_url = forms.URLField(label=_("Link"), assume_scheme="https")
    body = forms.CharField(
        label=_("Waarom is dit de moeite waard?"),
        required=False,
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    attachment = forms.FileField(
        label=_("PDF (niet verplicht)"),
        required=False,
        help_text=upload_help_text(DOCUMENT, _("Een PDF-document.")),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    clean_attachment = checked_upload("attachment", DOCUMENT)


FORMS = {form.kind: form for form in (ArticleForm, VlogForm, PodcastForm, LinkForm)}
