"""`{% form_tokens form %}`: a form's CSRF and one-time tokens, in the page or fetched by the
browser (see core.form_tokens)."""

from django import template
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html

from core.form_tokens import CSRF_FIELD, tokens_are_fetched

register = template.Library()


@register.simple_tag(takes_context=True)
def form_tokens(context, form):
    request = context["request"]
    once = form["form_token"]
    if not tokens_are_fetched(request):
        return format_html(
            '<input type="hidden" name="{}" value="{}">{}', CSRF_FIELD, get_token(request), once
        )
    return format_html(
        '<input type="hidden" name="{}" value="" data-form-tokens="{}">'
        '<input type="hidden" name="{}" value="" data-form-tokens="{}" id="{}">',
        CSRF_FIELD,
        reverse("form_tokens"),
        once.html_name,
        reverse("form_tokens"),
        once.auto_id,
    )
