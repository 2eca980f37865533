"""Site search: one index entry per live page, searched in the visitor's language only.

PostgreSQL stems each language with its own text-search configuration where it has one,
and falls back to trigram and substring matching (Thai, Chinese, Somali…); any other
database (the local SQLite run) matches words as substrings. Nothing about a search is
ever stored.
"""
