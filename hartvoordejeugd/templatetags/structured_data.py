"""`{% structured_data %}`: a page's schema.org JSON-LD (hartvoordejeugd.structured_data), in
base.html's `structured_data` block; `{% page_ancestors page as ancestors %}`: the ancestors its
breadcrumbs show, read once for both."""

from django import template

from hartvoordejeugd import structured_data as builders

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context):
    return builders.script_tags(context)


@register.simple_tag(takes_context=True)
def page_ancestors(context, page):
    return builders.ancestors_of(page, context.get("request"))
