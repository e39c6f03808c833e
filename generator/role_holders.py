"""Roles across the corpus: "le dirigeant turc" in an article that never names him is the one person
the other articles give that role of that country ("le dirigeant turc Ali Kaya")."""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

import re

from .lexicon import Lexicon, lexicon
from .model import AnnotatedArticle, Mention
from .persons import GOVERNMENT_HEADS, LEADING_ROLES, MONARCHS, _role_head
from .text import fold

# Heads that all say "the one who leads the country": "le dirigeant turc" is who another article
# calls "le président turc".
_LEADER = "*"


def role_mentions(articles: Sequence[AnnotatedArticle],
                  person_of: Mapping[tuple[str, str], str]) -> dict[str, list[Mention]]:
    """For each article, its unresolved role phrases as mentions of the one person who, anywhere in
    the corpus, holds that role in that country. `person_of` maps (seed, mention name) to the person's
    corpus identity; the mention takes the name that identity goes by in the corpus."""
    lex = lexicon()
    holders: dict[tuple[str, str], set[str]] = defaultdict(set)
    for annotated in articles:
        seed = annotated.article.seed
        for mention in annotated.mentions:
            head = _plain_role(mention.role, lex) if mention.type == "person" else None
            person = person_of.get((seed, mention.name))
            if head in MONARCHS and person:
                holders[(head, None)].add(person)   # "le Roi": the corpus's one king, of whatever country
            if head and person and mention.country:
                holders[(head, mention.country)].add(person)
                if head in LEADING_ROLES and head not in GOVERNMENT_HEADS:
                    holders[(_LEADER, mention.country)].add(person)
    out: dict[str, list[Mention]] = {}
    for annotated in articles:
        found = []
        for phrase in annotated.roles:
            people = holders.get((phrase.role, phrase.country)) or (
                holders.get((_LEADER, phrase.country)) if phrase.role in LEADING_ROLES else None)
            if people and len(people) == 1:
                found.append(Mention(phrase.span, phrase.text, next(iter(people)), "person", phrase.text,
                                     phrase.country))
        if found:
            out[annotated.article.seed] = found
    return out


def _plain_role(role: str | None, lex: Lexicon) -> str | None:
    """The head of a role that only a country qualifies ("président", "le président russe", "président
    de la Russie"); None for one a complement makes another ("président de la Douma", "président du club")."""
    head = _role_head(role, lex)
    if head is None:
        return None
    rest = re.sub(r"^(?:l |le |la |les )?" + re.escape(fold(head)), "", fold(role)).strip()
    rest = re.sub(r"^(?:de la|de l|du|des|de|d)\s+", "", rest)
    return head if not rest or rest in lex.demonyms or (rest in lex.geo and lex.geo[rest].kind == "country") else None
