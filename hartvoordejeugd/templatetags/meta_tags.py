"""`{% page_meta %}`: a page's canonical link, description, Open Graph and Twitter card tags
(hartvoordejeugd.seo), written by includes/meta.html in base.html's `meta` block."""

from django import template

from hartvoordejeugd import seo

register = template.Library()


@register.inclusion_tag("includes/meta.html", takes_context=True)
def page_meta(context, title=None, description=None, noindex=False):
    """Templates of views that are no Wagtail page may pass a `title` or `description`, and
    `noindex=True` for pages search engines should not list (search results)."""
    return {"meta": seo.page_meta(context, title=title, description=description, noindex=noindex)}
