from django import template

from mediafiles.transcripts import passages

register = template.Library()


@register.simple_tag
def transcript_passages(page):
    """The timed passages of a podcast or vlog, each linking to its moment in the page's media
    file (a media fragment such as #t=83, for browsers without JavaScript)."""
    media = getattr(page, "audio_file", None) or getattr(page, "video_file", None)
    return passages(page.transcript_cues or [], media.url if media else "")
