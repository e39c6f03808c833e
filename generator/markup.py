"""Inert Markdown and YAML out of untrusted text.

Article text is plain text: every ASCII punctuation character is written as a numeric
character reference, so neither Markdown, HTML nor a template engine can read it as
syntax, whatever extensions are on (../shared/SECURITY.md measured 0 payloads this way).
All structure — paragraphs, headings, links — is made here, never taken from the text.
"""
from __future__ import annotations

import html
import re
import string
from urllib.parse import quote, urlsplit, urlunsplit

import yaml
from markupsafe import Markup

_PUNCTUATION = {ord(c): f"&#{ord(c)};" for c in string.punctuation}
# Python-Markdown uses STX/ETX as its own placeholders; no control character may reach it.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inline(text: str) -> Markup:
    """Text that Markdown shows as written and never reads as syntax."""
    return Markup(re.sub(r"\s+", " ", _CONTROL.sub("", str(text))).translate(_PUNCTUATION))


def link(text: str, target: str) -> Markup:
    """A Markdown link made by us; `target` is a path we generated, never article text."""
    return Markup(f"[{inline(text)}]({target})")


def attributes(anchor: str | None = None, *classes: str) -> Markup:
    """An attr_list block, e.g. `{ #p3 .caption }`; anchors and classes are ours."""
    parts = ([f"#{anchor}"] if anchor else []) + [f".{c}" for c in classes]
    return Markup("{ " + " ".join(parts) + " }") if parts else Markup("")


def safe_url(url: str | None) -> str | None:
    """An http(s) URL percent-encoded so it cannot break out of a link; None otherwise."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return urlunsplit((parts.scheme.lower(), quote(parts.netloc, safe=":@[]."),
                       quote(parts.path, safe="/%-._~!$&'*+,;=:@"),
                       quote(parts.query, safe="=&%-._~+"), ""))


def html_text(text: str) -> str:
    """For front-matter fields that themes print raw (title, description)."""
    return html.escape(" ".join(str(text).split()), quote=True)


def _quoted(dumper: yaml.SafeDumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')


def _double_quoting(base: type) -> type:
    """A safe dumper that double-quotes every string: one stable spelling of every value."""
    dumper = type(f"Quoting{base.__name__}", (base,), {})
    dumper.add_representer(str, _quoted)
    dumper.add_representer(Markup, _quoted)
    return dumper


# libyaml's emitter is five times faster (front matter is most of the render time of a large
# dossier); with every string double-quoted both emitters write the same bytes, which
# tests/test_markup.py checks, so a machine without libyaml still builds identical pages.
_PureDumper = _double_quoting(yaml.SafeDumper)
_Dumper = _double_quoting(getattr(yaml, "CSafeDumper", yaml.SafeDumper))


def front_matter(data: dict) -> str:
    """The one function that writes YAML front matter."""
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096,
                     default_flow_style=False)
    return f"---\n{body}---\n"


def description(text: str, limit: int = 160) -> str:
    """A page description cut at a word boundary."""
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    return re.sub(r"\s+\S*$", "", words[:limit]) + "…"
