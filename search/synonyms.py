"""The redactie's synonym groups as the engines read them, cached until a group changes."""

import re

from django.core.cache import cache

from .models import SynonymGroup

SYNONYMS_CACHE_KEY = "search:synonym-groups"
WORD = re.compile(r"\w+")


def words_of(text):
    return [word.lower() for word in WORD.findall(text)]


def synonym_groups():
    """Every group of equivalent terms, each term as its words joined by one space."""

    def load():
        return [
            [" ".join(words_of(term)) for term in group.term_list if words_of(term)]
            for group in SynonymGroup.objects.all()
        ]

    return cache.get_or_set(SYNONYMS_CACHE_KEY, load, timeout=300)


def forget_synonyms(**kwargs):
    """post_save/post_delete of a SynonymGroup: the next search reads the groups again."""
    cache.delete(SYNONYMS_CACHE_KEY)
