"""Start a map from a text: a skeleton with one commented entry per sentence.

The skeleton names the title and the source, and lists every sentence of the
source, paragraph by paragraph, as a commented claim whose quote is the whole
sentence.  Uncommenting entries (and writing the claim in one's own words)
turns it into a map; the entry of the first sentence is the thesis until the
user says otherwise.  Quotes are written as folded blocks (``>-``), where YAML
takes every character literally.

Examples
--------
>>> print(skeleton("Cats purr. So cats are happy.\\n\\nDogs: bark!", "essay.txt"), end="")
# argmap map of essay.txt, started by 'argmap init'.
# Uncomment the entries you encode (select the lines, then your editor's
# "toggle comment"), say each claim in your own words under text:, choose its
# role, and add supports:/opposes:. Move sentences you leave out to skipped:.
argmap: 1
title: Essay
source: essay.txt
thesis: s1  # the id of the main conclusion; give that claim role: thesis
claims:
  # ¶1
  # - id: s1
  #   text: TODO say it in your own words
  #   quote: >-
  #     Cats purr.
  #   role: thesis
  # - id: s2
  #   text: TODO say it in your own words
  #   quote: >-
  #     So cats are happy.
  #   role: claim
  # ¶2
  # - id: s3
  #   text: TODO say it in your own words
  #   quote: >-
  #     Dogs: bark!
  #   role: claim
skipped:
  # - quote: >-
  #     A sentence of the source that is not part of the argument.
  #   why: TODO why it is left out
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap import source as src

__all__ = ["skeleton"]

_HEADER = """\
# argmap map of {source}, started by 'argmap init'.
# Uncomment the entries you encode (select the lines, then your editor's
# "toggle comment"), say each claim in your own words under text:, choose its
# role, and add supports:/opposes:. Move sentences you leave out to skipped:.
argmap: 1
title: {title}
source: {source}
thesis: s1  # the id of the main conclusion; give that claim role: thesis
claims:
"""
_ENTRY = """\
  # - id: s{number}
  #   text: TODO say it in your own words
  #   quote: >-
  #     {quote}
  #   role: {role}
"""
_FOOTER = """\
skipped:
  # - quote: >-
  #     A sentence of the source that is not part of the argument.
  #   why: TODO why it is left out
"""


def skeleton(text: str, source: str, title: str = "") -> str:
    """The YAML skeleton of a map of ``text``, whose path from the map is ``source``.

    ``title`` defaults to the source's file name, capitalised.
    """
    title = title or Path(source).stem.replace("_", " ").replace("-", " ").capitalize()
    parts = [_HEADER.format(source=_plain(source), title=_plain(title))]
    paras = src.paragraphs(text)
    last = 0
    for number, span in enumerate(src.sentences(text), start=1):
        para = src.paragraph_of(paras, span)
        if para != last:
            parts.append(f"  # ¶{para}\n")
            last = para
        quote = _elided(" ".join(text[span.start : span.end].split()))
        parts.append(_ENTRY.format(number=number, quote=quote, role=_role(number)))
    parts.append(_FOOTER)
    return "".join(parts)


def _elided(quote: str, words: int = 12) -> str:
    """``quote``, or its first and last words around `` … `` when it is too long to look up."""
    if len(quote) <= src.MAX_QUOTE:
        return quote
    split = quote.split()
    return " ".join([*split[:words], "…", *split[-words:]])


def _role(number: int) -> str:
    return "thesis" if number == 1 else "claim"


def _plain(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back the same, else single-quoted."""
    plain = re.fullmatch(r"(?:[^\W\d]|\.)(?:[\w ./(),-]*[\w.)])?", value)
    if plain and value.lower() not in {"true", "false", "null", "yes", "no", "on", "off"}:
        return value
    return "'" + value.replace("'", "''") + "'"
