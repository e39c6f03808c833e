"""Whom an article credits: attributions ("selon Reuters", "a rapporté Interfax", "X a affirmé que")
and its publisher (agency byline, photo credit): Article + sentences + mentions -> Citations."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import DATA, TIME_WORDS, _plain, lexicon, load_data
from .organisations import CREDIT, NAMED_HEADS, byline_like, byline_publishers, credits, letterhead, masthead
from .model import Article, Citation, Mention, Span
from .text import fold

APOS = "'’"
DETS = rf"(?:(?:(?:les|la|le|une|un|des|du|de|ces|cette|ce|leurs|leur|ses|son|sa)\b|l[{APOS}]|d[{APOS}])\s*)"
PRONOUNS = {"lui", "elle", "eux", "elles", "moi", "nous", "vous", "toi", "celui-ci", "celle-ci", "ceux-ci", "ils", "il", "on"}
# "selon cette source", "de même source": the source named just before.
ANAPHORA = re.compile(r"^(?:cette|la|de)\s+(?:même\s+)?source\b|^ces\s+(?:mêmes\s+)?sources\b|^la\s+même\s+source\b", re.I)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = load_data((DATA / "sources.yml").read_text(encoding="utf-8"))

    def alt(words):
        return "|".join(re.escape(w).replace("'", f"[{APOS}]") for w in sorted(set(words), key=lambda w: (-len(w), w)))

    time = "|".join(sorted(TIME_WORDS, key=lambda w: (-len(w), w)))
    # Adverbs between an auxiliary and its participle: "a également déclaré", "avait le premier affirmé".
    adverbs = (rf"(?:\s+(?:aussi|également|notamment|déjà|encore|ensuite|enfin|toutefois|pourtant|même|"
               rf"d[{APOS}]\s*ailleurs|par\s+ailleurs|le\s+premier|la\s+première|de\s+son\s+côté|de\s+leur\s+côté|"
               rf"pour\s+sa\s+part|pour\s+leur\s+part|[a-zé]+ment)){{0,2}}")
    # A moment of the day between the verb and its subject: "a déclaré en fin d'après-midi le ministre".
    moment = (rf"en\s+(?:fin|début|milieu)\s+d(?:e\s+|[{APOS}]\s*)(?:la\s+)?(?:après-midi|soirée|matinée|journée|nuit|semaine)"
              rf"|dans\s+la\s+(?:soirée|matinée|journée|nuit)|plus\s+tôt|peu\s+après|dans\s+la\s+foulée")
    verbs, present = alt(data["verbs"]), alt(data["present"])
    return {
        "data": data,
        "intro": re.compile(rf"(?<![\w-])(?:{alt(data['introducers'])})(?:\s+(?:{time}))?(?:\s+|(?<=[{APOS}]))", re.I),
        # "La hausse a été annoncée le 3 mai par le ministère", "est estimé à 2 millions par son PDG": the agent.
        "passive": re.compile(rf"(?<![\w-])(?:est|sont|a\s+été|ont\s+été|avait\s+été|avaient\s+été|été)\s+"
                              rf"(?:{alt(data['passive_participles'])})\b[^,.;:«»()\"]{{0,50}}?\s+par\s+", re.I),
        # "les chiffres publiés lundi par l'Insee", "un rapport diffusé le mois dernier par X": a date between.
        # ("l'accord annoncé en juin par Rome" names who made the news, not who tells it.)
        "dated_agent": re.compile(rf"(?<![\w-])(?:{alt(data['published_participles'])})"
                                  rf"(?:\s+(?:{time}|le|la|l[{APOS}]|ce|cet|cette|en|début|fin|mi|mois|semaine|année|an|veille|lendemain|\d{{1,4}}))+\s+par\s+", re.I),
        # "X a indiqué à l'AFP que", "a réagi sur Radio Nord": the outlet the subject spoke to reports it too.
        # ("», a-t-il indiqué à l'AFP": the same, inverted.)
        "told": re.compile(rf"(?<![\w-])(?:(?:a|ont|avait|avaient|aurait|auraient)(?:-t-(?:il|elle|on)|-(?:ils|elles))?{adverbs}\s+(?:{verbs})"
                           rf"|(?:{present})(?:-t-(?:il|elle|on)|-(?:il|elle|ils|elles))?)"
                           rf"(?:\s+(?:{time}|{moment}))*\s+(?:à\s+l[{APOS}]\s*|à\s+la\s+|au\s+|à\s+|sur\s+"
                           rf"|auprès\s+(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|de\s+|d[{APOS}]\s*))", re.I),
        # "« ... », s'est félicité X", "X s'est dit « préoccupé »": reflexive verbs of saying.
        "reflexive_inverted": re.compile(rf"(?:,|»|”|\")\s*(?:s[{APOS}]est|se\s+sont|s[{APOS}]était|se\s+(?=[{APOS}]?\w)|s[{APOS}])"
                                         rf"\s*(?:{alt(data['reflexive'])})\b(?:\s+(?:{time}))*\s+(?!que\b|qu[{APOS}]|de\b|d[{APOS}])", re.I),
        "reflexive_subject": re.compile(rf"(?<![\w-])(?:s[{APOS}]est|se\s+sont|s[{APOS}]était|s[{APOS}]étaient)\s*"
                                        rf"(?:dit|dite|dits|dites|déclaré|déclarée|déclarés|déclarées)\s"
                                        rf"|(?<![\w-])(?:se\s+dit|se\s+disent|se\s+déclare|se\s+déclarent)\s", re.I),
        # "dans un entretien accordé à Radio Nord": the outlet that got the interview.
        "interview": re.compile(rf"(?<![\w-])(?:entretien|interview|entrevue)s?\s+(?:exclusive?s?\s+)?(?:accordée?s?\s+)?"
                                rf"(?:{time}\s+)?(?:à\s+l[{APOS}]\s*|à\s+la\s+|au\s+|aux\s+|à\s+)", re.I),
        # "publiés mercredi dans la revue Annales de physique": the journal that published the results.
        "journal": re.compile(rf"(?<![\w-])publi(?:é|ée|és|ées)\b[^,.;:«»]{{0,30}}?\s+dans\s+(?:la\s+revue|le\s+journal|le\s+magazine)"
                              rf"(?:\s+(?:scientifique|spécialisée|médicale|britannique|américaine))?\s+", re.I),
        # "joint par Radio Nord", "sollicitée par l'AFP": the outlet that reached the speaker.
        "reached": re.compile(rf"(?<![\w-])(?:{alt(data['reached_by'])})\s+(?:l[{APOS}]\s*|la\s+|le\s+|les\s+)?", re.I),
        "carrier": re.compile(rf"{DETS}?(?:{alt(data['carriers'])})(?:\s+\w+)?\s+(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)", re.I),
        "after_quote": re.compile(rf"(?:»|”|\")\s*,?\s*(?:{alt(data['after_quote'])})\s+(?!que\b|qu[{APOS}])", re.I),
        "inverted": re.compile(rf"(?:,|»|”|\"|(?<![\w-])comme\s+l[{APOS}])\s*(?:(?:a|ont|avait|avaient|aurait|auraient){adverbs}\s+(?:{verbs})|(?:{present}))"
                               rf"(?:\s+(?:{time}|{moment}|ce|cette|hier|soir|matin|midi|encore|aussi|également|pour\s+sa\s+part|"
                               rf"pour\s+leur\s+part|de\s+son\s+côté|de\s+leur\s+côté|à\s+son\s+tour|à\s+leur\s+tour))*\s+(?!que\b|qu[{APOS}])", re.I),
        # "X a affirmé que", "X a dénoncé dans un communiqué un « vol »": the subject is the source.
        "subject": re.compile(rf"(?<![\w-])(?:(?:a|ont|avait|avaient|aurait|auraient){adverbs}\s+(?:{verbs})|(?:{present}))\b[^.;«»]{{0,60}}?"
                              rf"(?:\s+qu(?:e\b|[{APOS}])|\s*[«\"“]|\s*:|\s+dans\s+(?:un|une)\s+(?:communiqué|vidéo|message|"
                              rf"déclaration|lettre|courrier|tribune|publication))"
                              # "X a balayé l'hypothèse : « ... »": the words quoted after the colon are the subject's.
                              rf"|(?<![\w-])(?:a|ont|avait|avaient){adverbs}\s+[a-zéèêîôû]+(?:é|i|is|it|u)\b[^.;:«»]{{0,60}}?\s*:\s*[«\"“]"
                              # "X a annoncé la création d'une force": who announces the news is its source.
                              rf"|(?<![\w-])(?:a|ont|avait|avaient){adverbs}\s+(?:annoncé|confirmé|révélé|démenti)(?:\s+(?:{time}))*\s+(?:la|le|les|l[{APOS}]|un|une|des|sa|son|ses|leur|leurs)\b"
                              # "X a indiqué vendredi suivre ...": a reporting verb with an infinitive.
                              rf"|(?<![\w-])(?:(?:a|ont)\s+(?:{alt(data['infinitive_verbs'])})|(?:{alt(data['infinitive_present'])}))"
                              rf"(?:\s+(?:{time}|de\s+son\s+côté|pour\s+sa\s+part))*\s+(?:ne\s+pas\s+|n['’]\s*)?[a-zé]+(?:er|ir|re)\b"
                              # "La préfecture a recensé 14 interpellations": who counted is the source of the figure.
                              rf"|(?<![\w-])(?:(?:a|ont|avait|avaient)(?:{adverbs}|\s+depuis)\s+(?:{alt(data['counting'])})|(?:{alt(data['counting_past'])}))\b"
                              rf"|(?<![\w-])(?:a|ont|avait|avaient)\s+fait\s+état(?:\s+[\w'’-]+){{1,4}}?\s+(?:des|du|de|d['’])\s", re.I),
        # "« ... », a-t-il ajouté": the speaker is the subject the text has just named.
        "pronoun": re.compile(rf"(?:,|»|”|\")\s*(?:a|ont|avait|avaient|aurait)-t-(?:il|elle|ils|elles)\s+(?:{verbs})"
                              rf"|(?:,|»|”|\")\s*(?:{present})-(?:t-)?(?:il|elle|ils|elles)\b", re.I),
        # "selon lui, « ... »": the one the sentence is about speaks.
        "pronoun_intro": re.compile(r"(?<![\w-])(?:selon|d['’]après)\s+(?:lui|elle|eux|elles)\b", re.I),
        # "Plusieurs diplomates occidentaux évoquent des contacts": an unnamed source as the subject of a reporting verb.
        "generic_subject": re.compile(rf"\s*(?:{alt(data['pre_nominal'])}|{DETS})\s*(?:{alt(data['pre_nominal'])}\s+)?"
                                      rf"(?:{alt(data['source_nouns'])})((?:\s+[\w'’-]+){{0,4}}?)\s+"
                                      rf"(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:{verbs})|(?:{present}))\b", re.I),
        "document_author": re.compile(rf"(?:[\w-]+\s+)?(?:{alt(data['documents'])})(?:\s+[\w-]+){{0,2}}?\s+[\w-]+(?:é|ée|és|ées|i|ie|is|ies|it|ite|its|ites)"
                                      rf"(?:\s+(?:{time}|[\w-]+ment))*\s+par\s+", re.I),
        "own": re.compile(rf"(?<![\w-])(?:{alt(data['own_reporter'])})(?![\w-])", re.I),
        # "Dans l'entourage du ministre, on assure que ...", "Chez Renault, on indique que ...": those among whom
        # an impersonal "on" speaks.
        "circle": re.compile(rf"(?:dans|chez|du\s+côté\s+d(?:e\s+|[{APOS}]\s*)|au\s+sein\s+d(?:e\s+|[{APOS}]\s*))"
                             rf"(?P<who>[^,.;:«»]{{2,60}}?)\s*,\s*on\s+(?:(?:{present})|a\s+(?:{verbs})"
                             rf"|fait\s+(?:valoir|savoir|remarquer|observer))\b", re.I),
        "company": re.compile(rf"^(?:{alt(data['company_nouns'])})$", re.I),
        # "le jury présidé par X": the jury speaks, X only presides it.
        "stop": re.compile(rf"[,.;:!?()«»\"“”]|\s[\w-]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\s+par\s|\s(?:qui|que|qu[{APOS}]|dont|et|ou|a|ont|est|sont|dans|pour|sur|avec|après|avant|lors|en|à|au|aux|sous|chez|sans|par|peu|juste|lorsqu[{APOS}]?)\s|\s(?:{time})(?![\w-])", re.I),
    }


@dataclass(frozen=True)
class Context:
    """What the whole article tells about its sources: who publishes it, which organisation it is about."""
    publisher: str | None        # the agency or outlet of the byline, dateline or credit
    company: str | None          # the organisation "le groupe", "l'entreprise" points back to
    mentions: tuple[Mention, ...]
    texts: tuple[str, ...] = ()  # the blocks' texts, to find the outlet "le quotidien" points back to
    outlet: str | None = None    # the outlet the owner's sidecar names: "interrogé par 24 heures" is it


def find_citations(article: Article, sentences: Sequence[Span], mentions: Sequence[Mention]) -> tuple[Citation, ...]:
    """Every source the article credits, in reading order, with the sentence that rests on it."""
    found: list[Citation] = []
    pictures: list[Citation] = []  # credits at the end of a caption: who took a picture, not who wrote the story
    by_block: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_block.setdefault(mention.span.block, []).append(mention)
    for index, block in enumerate(article.blocks):
        if byline_like(block.kind, block.text):
            for start, end, name in byline_publishers(block.text):
                found.append(Citation(Span(index, start, end), name, _sentence_of(sentences, index, start), "publisher"))
        for start, end, name in credits(block.text):
            found.append(Citation(Span(index, start, end), name, _sentence_of(sentences, index, start), "publisher"))
        head = masthead(block.kind, block.text, article.sidecar.outlet) if not byline_like(block.kind, block.text) else None
        if head:
            found.append(Citation(Span(index, head[0], head[1]), head[2], _sentence_of(sentences, index, head[0]), "publisher"))
        for start, end, name in _credit_tail(block.text):
            pictures.append(Citation(Span(index, start, end), name, _sentence_of(sentences, index, start), "publisher"))
            found.append(pictures[-1])
        for start, end, name in _agencies_line(block.text):
            found.append(Citation(Span(index, start, end), name, _sentence_of(sentences, index, start), "publisher"))
        asker = _interviewer(block.text, article.sidecar.outlet)
        if asker:
            start, end, name = asker
            found.append(Citation(Span(index, start, end), name, _sentence_of(sentences, index, start), "publisher"))
    issuer = letterhead([b.text for b in article.blocks], [b.kind for b in article.blocks])
    if issuer:
        index, name = issuer
        text = article.blocks[index].text
        start = len(text) - len(text.lstrip())
        found.append(Citation(Span(index, start, len(text.rstrip())), name, _sentence_of(sentences, index, start),
                              "publisher"))
    publisher = next((c.source for c in found if c.kind == "publisher" and c not in pictures
                      and not _is_credit(article, c)), None)
    context = Context(publisher, _company(mentions), tuple(mentions), tuple(b.text for b in article.blocks),
                      article.sidecar.outlet)
    previous: str | None = None
    before: list[Mention] = []
    for sentence in sentences:
        text = article.blocks[sentence.block].text
        local = [m for m in by_block.get(sentence.block, []) if sentence.start <= m.span.start < sentence.end]
        for span, name in _attributions(text, sentence, local, previous, before, context):
            found.append(Citation(span, name, sentence))
            previous = name
        before = local or before
    found += _interviewee(article, sentences, mentions)
    unique, seen = [], set()
    for citation in found:
        key = (fold(citation.source), citation.sentence, citation.kind)
        if key not in seen:
            seen.add(key)
            unique.append(citation)
    return tuple(unique)


CREDIT_TAIL = re.compile(r"(?:^|[.(|]\s*|©\s*)([^.()|©\n]{2,70}?)\)?\s*$")
CREDIT_WORD = re.compile(r"^(?:Photos?|Crédits?|Credits?|Images?|Illustration)(?:\s+d['’](?:illustration|archives?))?\s*:?\s*", re.I)
CREDIT_PARTS = re.compile(r"\s*(?:/|,|\bvia\b)\s*", re.I)
DATELINE_AGENCIES = re.compile(r"^[^()]{2,50}\(([^()]{2,30})\)\s*[-–—]?\s*$")
CLOSING_AGENCIES = re.compile(r"[.!?»]\s*\(\s*(?:avec\s+)?([^()]{2,30})\)\s*$", re.I)
WITH_AGENCIES = re.compile(r"^\s*\(?\s*avec\s+(?:les\s+|des\s+)?(?:informations?\s+|infos?\s+)?(?:de\s+l[’']\s*|de\s+la\s+|du\s+|des\s+|de\s+|d[’']\s*)?(.{2,80}?)\)?\s*$", re.I)


# "Radio Nord : Que s'est-il passé ?": in an interview, the outlet asks the questions.
_QUESTION_LABEL = re.compile(r"^\s*([^\W\d][^:?!.]{1,30}?)\s*(?::|\.\s*[-–—])\s+[^:]{3,}\?\s*$")


def _interviewer(text: str, outlet: str | None) -> tuple[int, int, str] | None:
    """(start, end, outlet) of the label of a question a known outlet, or the sidecar's, asks in an interview."""
    label = _QUESTION_LABEL.match(text)
    if not label:
        return None
    name, agencies = fold(label.group(1)), lexicon().agencies
    known = outlet if outlet and name == fold(outlet) else agencies.get(name)
    return (label.start(1), label.end(1), known) if known else None


def _credit_tail(text: str) -> list[tuple[int, int, str]]:
    """Agencies in the credit that ends a caption: "Deux soldats. JEAN DUPONT / AFP", "(Photo Agence Nord via Reuters)",
    "| NORDPRESSE / Jean Dupont", "© NASA, ESA": a run of names split by "/", "via" or commas."""
    match = CREDIT_TAIL.search(text)
    if not match:
        return []
    credit = match.group(1)
    prefix = CREDIT_WORD.match(credit)
    copyright_ = text[:match.start(1)].rstrip().endswith("©")
    offset = match.start(1) + (prefix.end() if prefix else 0)
    parts = _credit_parts(text, offset, match.end(1))
    if not parts or not (prefix or copyright_ or CREDIT_PARTS.search(credit.strip())):
        return []
    lex = lexicon()
    known = [(s, e, lex.agencies[fold(raw)]) for s, e, raw in parts if fold(raw) in lex.agencies]
    # "© AFP / Ministère nordique de la Culture": after a copyright sign, a known agency is one
    # whatever stands beside it.
    if not all(fold(raw) in lex.agencies or _name_like(raw) for _, _, raw in parts):
        return known if copyright_ else []
    # "© NASA, ESA": after a copyright sign, every acronym is a body that owns the picture.
    owners = [(s, e, raw) for s, e, raw in parts if copyright_ and fold(raw) not in lex.agencies
              and re.fullmatch(r"[A-Z]{2,6}", raw)]
    return sorted(known + owners)


def _credit_parts(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The names of a credit between its separators, with their offsets."""
    parts, at = [], start
    for sep in [*CREDIT_PARTS.finditer(text, start, end), None]:
        stop = sep.start() if sep else end
        raw = text[at:stop]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            parts.append((at + lead, at + lead + len(raw.strip()), raw.strip()))
        if sep:
            at = sep.end()
    return parts


def _name_like(raw: str) -> bool:
    """"JEAN DUPONT", "Jérôme Fouquet", "KNS": a photographer's or an agency's name, not a phrase."""
    words = raw.split()
    return 0 < len(words) <= 4 and all(w[:1].isupper() or w.lower() in ("de", "du", "van", "von", "le", "la") for w in words)


# A sentence opening on the statement it reports: "Dans un communiqué publié lundi, ".
COMMUNIQUE = re.compile(r"\s*Dans\s+(?:un|une|son|sa|leur)\s+(?:communiqué|déclaration|message|lettre)\b[^,.;]{0,60},\s*"
                        # "..., à la veille du sommet, X a ...": a phrase of time or place between.
                        r"(?:(?:à|au|en|dès|lors|peu|juste|après|avant|depuis)\b[^,.;«»]{0,40},\s*)?")
AUXILIARY = re.compile(r"\s(?:a|ont|avait|avaient)\s")
# "Pour Léa Martin, chercheuse au CNRS, l'accord marque une rupture": the sentence gives her reading.
OPINION = re.compile(r"\s*Pour\s+")
# "Propos recueillis par Jean Dupont", a rubric "ENTRETIEN": the piece is an interview.
INTERVIEW = re.compile(r"^\s*(?:propos\s+recueillis\s+par\b|(?:entretien|entrevue|interview)\s*$)", re.I)
# "ENTRETIEN - Reconduction de ...", "ENTRETIEN. Ancienne cheffe ...": the rubric in capitals opens the standfirst.
INTERVIEW_RUBRIC = re.compile(r"^\s*(?:ENTRETIEN|ENTREVUE|INTERVIEW)\s*[-–—.:|]\s")


def _interviewee(article: Article, sentences: Sequence[Span], mentions: Sequence[Mention]) -> list[Citation]:
    """In an interview, the person its first paragraph introduces is the source of what follows."""
    blocks = article.blocks
    if not any(INTERVIEW.match(b.text) for b in blocks[:12] if b.kind != "paragraph" or len(b.text) < 60) \
            and not any(INTERVIEW_RUBRIC.match(b.text) for b in blocks[:12]):
        return []
    lead = next((i for i, b in enumerate(blocks) if b.kind == "paragraph" and len(b.text) >= 60
                 and not INTERVIEW.match(b.text)), None)
    # The one the paragraph presents ("La politologue X, professeure à ..."), else the one the headline quotes
    # ("X : « ... »"), else the first the paragraph names.
    people = [m for m in mentions if m.span.block == lead and m.type == "person"] if lead is not None else []
    quoted = [m for m in mentions if m.type == "person" and blocks[m.span.block].kind == "title"
              and re.match(r"\s*:\s*[«“\"]", blocks[m.span.block].text[m.span.end:])]
    person = next((m for m in people if m.role), quoted[0] if quoted else people[0] if people else None)
    if person is None:
        return []
    return [Citation(person.span, person.name, _sentence_of(sentences, lead, person.span.start))]


def _agencies_line(text: str) -> list[tuple[int, int, str]]:
    """A short line that credits agencies: "Avec les informations de l'AFP et de Reuters", "BERNE 12/03 (ATS)",
    or the same credit closing the last paragraph: "... n'a pas confirmé. (avec AFP)"."""
    closing = CLOSING_AGENCIES.search(text)
    if len(text) > 120 and not closing:
        return []
    match = closing or WITH_AGENCIES.match(text) or DATELINE_AGENCIES.match(text)
    if not match:
        return []
    lex = lexicon()
    return [(match.start(1) + m.start(), match.start(1) + m.end(), lex.agencies[fold(m.group(0))])
            for m in lex.agency_ci.finditer(match.group(1))]


def _is_credit(article: Article, citation: Citation) -> bool:
    """A photo credit names who took a picture, not who wrote the story."""
    text = article.blocks[citation.span.block].text
    return article.blocks[citation.span.block].kind == "caption" or "©" in text or any(
        m.start(1) <= citation.span.start < m.end(1) for m in CREDIT.finditer(text))


def _company(mentions: Sequence[Mention]) -> str | None:
    """The organisation the article names most: what "le groupe" or "l'entreprise" points back to."""
    counts = Counter(m.name for m in mentions if m.type == "organisation" and m.span.block >= 0)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _sentence_of(sentences: Sequence[Span], block: int, pos: int) -> Span:
    return next((s for s in sentences if s.block == block and s.start <= pos < s.end), Span(block, pos, pos))


def _attributions(text: str, sentence: Span, mentions: list[Mention], previous: str | None,
                  before: list[Mention], context: Context) -> list[tuple[Span, str]]:
    """(where, source) for each attribution in one sentence; order of appearance."""
    pats = _patterns()
    part = text[:sentence.end]
    out: list[tuple[int, Span, str]] = []
    for key in ("intro", "inverted", "after_quote", "passive", "dated_agent", "reflexive_inverted"):
        for match in pats[key].finditer(part, sentence.start):
            subject = _subject_between_commas(part, sentence, match, mentions) if key == "inverted" else None
            if subject:
                out.append((match.start(), subject.span, subject.name))
                if not re.match(r"(?:à|au|aux|sur)\s", part[match.end():]):
                    continue
            # "de source militaire": the source is the whole phrase, "source" with its adjective.
            at = match.end() - len(re.search(r"sources?\s+$", match.group(0)).group(0)) \
                if key == "intro" and re.search(r"(?<!même )(?:^|\s)de\s+sources?\s+$", match.group(0), re.I) else match.end()
            got_here = _source_at(part, at, sentence.block, mentions, previous, context)
            for got in got_here:
                out.append((match.start(), *got))
                previous = got[1]
            if key == "inverted" and got_here:
                # "a déclaré Karl Lind à l'AFP", "... à l'antenne de Radio Nord": the outlet spoken to, after the speaker.
                spoken = _outlet_spoken_to(part, _skip(part, got_here[-1][0].end), mentions, sentence.block)
                named = spoken[1] if spoken else None
                if named and (_is_outlet_name(named.name) or named.name == context.outlet):
                    out.append((match.start(), named.span, named.name))
    for match in pats["journal"].finditer(part, sentence.start):
        got = _journal_at(part, match.end(), sentence.block, mentions)
        if got:
            out.append((match.start(), *got))
    for key in ("interview", "reached"):
        for match in pats[key].finditer(part, sentence.start):
            # "un entretien à l'Élysée" is a meeting; "un entretien accordé à X" an interview.
            given = key == "interview" and "accord" in match.group(0).lower()
            outlet = _outlet_at(part, match.end(), mentions, sentence.block, outlets_only=not given, own=context.outlet)
            if outlet:
                out.append((match.start(), outlet.span, outlet.name))
    for match in pats["told"].finditer(part, sentence.start):
        outlet = _outlet_at(part, match.end(), mentions, sentence.block, outlets_only=True, own=context.outlet)
        if outlet:
            out.append((match.start(), outlet.span, outlet.name))
    for match in [*pats["subject"].finditer(part, sentence.start), *pats["reflexive_subject"].finditer(part, sentence.start)]:
        for got in _subjects(part, sentence.start, match.start(), mentions, context, sentence.block):
            out.append((match.start(), *got))
    # "Dans un communiqué, le Kremlin a salué ...": who speaks in a statement is its source, whatever the verb.
    release = COMMUNIQUE.match(part, sentence.start)
    if release:
        verb = AUXILIARY.search(part, release.end(), sentence.end)
        if verb:
            for got in _subjects(part, release.end(), verb.start(), mentions, context, sentence.block):
                out.append((release.end(), *got))
    view = OPINION.match(part, sentence.start)
    named = view and next((m for m in mentions if m.span.start == view.end() and m.type in ("person", "organisation")), None)
    if named and re.match(r"\s*,", part[named.span.end:]):
        out.append((sentence.start, named.span, named.name))
    for match in [*pats["pronoun"].finditer(part, sentence.start), *pats["pronoun_intro"].finditer(part, sentence.start)]:
        got = _speaker(part, sentence, match.start(), mentions, before, context)
        if got:
            out.append((match.start(), *got))
    opening = re.match(r"[^,;:«»]{1,30},\s*", part[sentence.start:sentence.end])
    after_time = sentence.start + opening.end() if opening and (
        re.search(r"\d", opening.group(0)) or set(map(fold, re.findall(r"[\w'’]+", opening.group(0)))) & TIME_WORDS) else None
    generic = pats["generic_subject"].match(part, sentence.start) or (
        pats["generic_subject"].match(part, after_time) if after_time else None)
    if generic and not any(generic.start() <= m.span.start < generic.end() for m in mentions
                           if m.type in ("person", "organisation")):
        phrase = _trim_phrase(part, generic.start(), generic.end(), pats)
        if phrase:
            out.append((sentence.start, Span(sentence.block, *phrase), part[phrase[0]:phrase[1]]))
    circle = pats["circle"].match(part, _skip(part, after_time or sentence.start))
    if circle:
        for got in _source_at(part, circle.start("who"), sentence.block, mentions, previous, context):
            out.append((circle.start(), *got))
    for match in pats["own"].finditer(part, sentence.start):
        if context.publisher:
            out.append((match.start(), Span(sentence.block, match.start(), match.end()), context.publisher))
    out.sort(key=lambda item: item[0])
    return [(span, name) for _, span, name in out]


# A verb in "-ent" ("montrent", "affirment"); not an adverb ("également", "notamment", "récemment").
_VERB_ENT = re.compile(r"[a-zéèêàâîôû]+ent(?<!ement)(?<!amment)(?<!emment)")
_BEFORE_A_NOUN = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "en", "par", "son", "sa", "ses",
                  "leur", "leurs", "ce", "cet", "cette", "ces", "et", "ou"}
# What follows a noun or an adjective in "-ent" ("le correspondant permanent de l'AFP"), not a verb.
_COMPLEMENT = {"de", "du", "des", "d", "à", "au", "aux", "en"}


def _plural_verb(text: str, start: int, end: int) -> int | None:
    """Where a verb in "-ent" right after a noun stands ("la télévision d'État montrent le ..."), None if none
    does: after a determiner or a preposition ("le gouvernement", "du développement") such a word is the noun,
    and before a complement ("permanent de l'AFP", "présent à Oslo") an adjective."""
    words = list(re.finditer(rf"[^\s{APOS}]+", text[start:len(text)]))
    for before, word, after in zip(words, words[1:], [*words[2:], None]):
        if start + word.start() >= end:
            break
        if _VERB_ENT.fullmatch(word.group(0)) and before.group(0).lower() not in _BEFORE_A_NOUN \
                and (after is None or after.group(0).lower() not in _COMPLEMENT):
            return start + word.start()
    return None


def _subject_between_commas(part: str, sentence: Span, match: re.Match, mentions: list[Mention]) -> Mention | None:
    """"le maire, Jean Roy, a salué sa future homologue": a name set between commas right before ", a salué" is
    the verb's subject, and what follows the verb its object; but "..., et le ministre Y, Jean Roy, a fait
    savoir X" ends a list, and the verb is inverted."""
    if not match.group(0).startswith(","):
        return None
    return next((m for m in mentions if m.type == "person" and m.span.end <= match.start()
                 and re.search(r",\s*$", part[:m.span.start]) and re.fullmatch(r"\s*", part[m.span.end:match.start()])
                 and not re.search(r"(?:^|,)\s*(?:et|ou)\s[^,]*,\s*$", part[sentence.start:m.span.start])), None)


def _trim_phrase(text: str, start: int, verb_end: int, pats: dict) -> tuple[int, int] | None:
    """The noun phrase before the verb of a generic subject, without its determiner or quantifier."""
    verb = re.search(r"\s+(?:a|ont|avait|avaient|aurait|auraient)\s+\S+$|\s+\S+$", text[start:verb_end])
    end = start + verb.start() if verb else verb_end
    body = _skip_determiners(text, start, pats)
    return (body, end) if end > body else None


def _skip_determiners(text: str, pos: int, pats: dict) -> int:
    quantifiers = "|".join(re.escape(w) for w in ("plusieurs", "certains", "certaines", "de nombreux", "de nombreuses",
                                                   "nombre de", "quelques", "deux", "trois", "d'autres", "d’autres"))
    match = re.compile(rf"\s*(?:(?:{quantifiers})\b\s*|{DETS})*", re.I).match(text, pos)
    return match.end() if match else pos


def _source_at(text: str, pos: int, block: int, mentions: list[Mention], previous: str | None,
               context: Context, coordinated: bool = True) -> list[tuple[Span, str]]:
    """The source named from `pos`: a mention, an anaphora ("cette source") or a generic noun phrase.

    An outlet spoken to ("a déclaré à l'AFP", "au micro de France 2") is skipped, and cited too when it is an agency."""
    pats = _patterns()
    found: list[tuple[Span, str]] = []
    while True:
        outlet = _outlet_spoken_to(text, pos, mentions, block)
        if not outlet:
            break
        pos, mention, told = outlet
        # "à l'AFP": the agency got the statement and reports it; "sur France Inter": only where it was said.
        if told and mention is not None and _is_outlet_name(mention.name):
            found.append((mention.span, mention.name))
    # "a réagi devant la presse l'un de ses avocats", "a annoncé sur X la ministre": those spoken before and
    # where, not the speaker.
    audience = _AUDIENCE.match(text, pos)
    if audience:
        pos = audience.end()
    # "a assuré le ministre des Affaires étrangères, X", "par la voix du porte-parole de sa diplomatie, X", "ont
    # rappelé ses avocats, Me X et Me Y": each holder the apposition names.
    holder = _apposed_holder(text, pos, mentions)
    if holder is not None:
        return found + [(m.span, m.name) for m in _coordinated(text, holder, mentions) if m.type == "person"]
    carrier = pats["carrier"].match(text, pos)
    if carrier:
        pos = carrier.end()
    body = _skip_determiners(text, pos, pats)
    rest = text[pos:]
    if ANAPHORA.match(rest):
        end = pos + ANAPHORA.match(rest).end()
        return found + ([(Span(block, pos, end), previous)] if previous else [])
    # "selon ce rapport": the author the text gave the report before.
    pointer = re.match(rf"(?:ce|cet|cette|ces)\s+({_alternation(pats['data']['documents'])})\b", rest, re.I)
    if pointer:
        author = _document_author(context, block, pos, pointer.group(1))
        return found + ([(Span(block, pos, pos + pointer.end()), author.name)] if author else [])
    # "selon des images analysées par l'institut X": the author of the document.
    author = pats["document_author"].match(text, body)
    if author:
        return found + _source_at(text, author.end(), block, mentions, previous, context)
    word = re.match(r"[\w-]+", text[body:])
    # ", a affirmé sur la chaîne X que ...": the verb had its subject before it; what follows is what was said.
    if not word or fold(word.group(0)) in PRONOUNS or re.match(rf"qu(?:e\b|[{APOS}])", text[body:], re.I):
        return found
    stop = pats["stop"].search(text, body)
    end = stop.start() if stop else len(text)
    # "diffusées par la télévision d'État montrent ...": a verb in "-ent" right after a noun ends the phrase
    # (after a determiner or a preposition, "le gouvernement", "du développement", it is the noun).
    end = _plural_verb(text, body, end) or end
    # "selon l'agence de presse officielle X", "selon une annonce du ministère ...": the name inside.
    inside = [m for m in mentions if pos <= m.span.start < end and m.type != "place"]
    if inside:
        best = sorted(inside, key=lambda m: (m.span.start, -(m.span.end - m.span.start)))[0]
        outlet = _last_outlet(context, block, best.span) if _outlet_noun_only(text, pos, best.span.end, pats) else []
        if outlet:
            return found + outlet
        return found + [(m.span, m.name) for m in _coordinated(text, best, mentions)]
    # "a déclaré M. Durand": the honorific's bearer, not "M".
    honorific = re.compile(r"(?:M|Mme|Mlle|Me|Dr|Pr|Mgr)\.?\s*").match(text, body)
    if honorific:
        bearer = [m for m in mentions if m.type == "person" and m.span.start <= honorific.end() + 1 <= m.span.end + 1
                  and m.span.end > honorific.end()]
        return found + [(bearer[0].span, bearer[0].name)] if bearer else found
    # "selon plusieurs médias, dont l'AFP": the members the text names.
    members = re.compile(rf",\s*dont\s+(?:l[{APOS}]|la\s+|le\s+|les\s+)?").match(text, end)
    if members:
        named = [m for m in mentions if m.span.start == members.end() and m.type == "organisation"]
        if named:
            return found + [(named[0].span, named[0].name)]
    # "a indiqué un porte-parole du groupe au Dauphiné libéré": the outlet that got the statement is cited too.
    told = re.compile(rf"\s*(?:à\s+l[{APOS}]\s*|à\s+la\s+|au\s+|à\s+)").match(text, end)
    if told:
        found += [(m.span, m.name) for m in mentions
                  if m.span.start == told.end() and _is_outlet_name(m.name)]
    phrase = text[body:end].strip()
    words = phrase.split()
    if not words or len(words) > 6:
        return found
    outlet = _last_outlet(context, block, Span(block, body, end)) if _outlet_noun_only(text, pos, end, pats) else []
    if outlet:
        return found + outlet
    got = _phrase_source(text, pos, body, phrase, words, block, context, pats)
    if got is None:
        return found
    # "selon la police et les organisateurs": both.
    link = re.compile(rf"\s+(?:et|ainsi\s+que)\s+(?:par\s+)?(?={DETS})", re.I).match(text, end) if coordinated else None
    more = _source_at(text, link.end(), block, mentions, previous, context, coordinated=False) if link else []
    return found + [got] + more


_AUDIENCE = re.compile(r"\s*(?:(?:devant|face\s+à)\s+(?:la\s+presse|les\s+journalistes|les\s+caméras|les\s+médias|"
                       r"ses\s+partisans|ses\s+soutiens|la\s+foule|les\s+députés|les\s+sénateurs)"
                       r"|sur\s+(?:X|Twitter|Facebook|Instagram|TikTok|LinkedIn|Telegram|les\s+réseaux\s+sociaux"
                       r"|(?:son|leur)\s+compte\s+\w+))(?=\s)", re.I)
_VOICE = re.compile(rf"\s*(?:par\s+la\s+voix\s+d(?:e\s+la\s+|e\s+l[{APOS}]\s*|u\s+|e\s+|[{APOS}]\s*))?"
                    rf"(?:le\s+|la\s+|les\s+|l[{APOS}]\s*|son\s+|sa\s+|ses\s+|leur\s+|leurs\s+)?"
                    rf"(?P<title>[^,.;:«»]{{3,80}}?),\s*"
                    # "..., le Gambien X", "..., la générale X": a nationality or a rank before the name.
                    rf"(?:(?:M|Mme|Me|Dr|Pr|Mgr)\.?\s+|(?:le|la)\s+[\w-]+\s+)?", re.I)


def _apposed_holder(text: str, pos: int, mentions: list[Mention]) -> Mention | None:
    """"le porte-parole de sa diplomatie, X": a title that opens the phrase, then the person it names."""
    m = _VOICE.match(text, pos)
    if m is None or not _role_phrase(m.group("title")):
        return None
    return next((x for x in mentions if x.type == "person" and x.span.start == m.end()), None)


def _alternation(words: list[str]) -> str:
    """One regex alternative per word, longest first so "sources" wins over "source"."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _document_author(context: Context, block: int, pos: int, noun: str) -> Mention | None:
    """"le rapport de l'informateur Anna Berg ... Selon ce rapport": the person or body named just after the noun,
    at its last use before, within the three blocks before."""
    for index in range(min(block, len(context.texts) - 1), max(-1, block - 4), -1):
        text = context.texts[index][:pos if index == block else None]
        for use in reversed(list(re.finditer(rf"(?<![\w-]){re.escape(noun)}(?![\w-])", text, re.I))):
            named = [m for m in context.mentions if m.span.block == index and m.type in ("person", "organisation")
                     and use.end() <= m.span.start <= use.end() + 50 and m.span.end <= len(text)
                     and re.fullmatch(r"[^.;:«»,]*", text[use.end():m.span.start])]
            if named:
                return min(named, key=lambda m: m.span.start)
    return None


def _phrase_source(text: str, pos: int, body: int, phrase: str, words: list[str], block: int, context: Context,
                   pats: dict) -> tuple[Span, str] | None:
    """A source named by a noun phrase without a known name: a body, a role, a generic or possessed source."""
    span = Span(block, body, body + len(phrase))
    if len(words) == 1 and re.fullmatch(r"\s*(?:le|la|l['’])\s*", text[pos:body], re.I):
        named = _institution_named(context, block, body, words[0])
        if named:
            return span, named
    if pats["company"].match(phrase) and context.company:
        return span, context.company
    # "selon le voyagiste Nordtour": the name in apposition to a common noun.
    tail = _name_in_apposition(words) if body > pos else None
    if tail:
        at = body + phrase.index(tail)
        return Span(block, at, at + len(tail)), tail
    if _possessed_speaker(text[pos:body], words, pats):
        # "..., a indiqué son entourage": the person the sentence is about speaks through those close to them.
        owner = [m for m in context.mentions if m.span.block == block and m.type == "person" and m.span.end <= pos
                 and not re.search(r"[.!?]", text[m.span.end:pos])]
        return (owner[-1].span, owner[-1].name) if owner else (span, phrase)
    if len(words) == 1 and re.fullmatch(r"\s*(?:le|la)\s+", text[pos:body], re.I) and _role_phrase(phrase):
        # "« ... », a déclaré le ministre": the person the paragraph has just named.
        named = [m for m in context.mentions if m.span.block == block and m.type == "person" and m.span.end <= pos]
        if named:
            return named[-1].span, named[-1].name
    if _source_head(words, pats):
        return span, phrase
    return None


def _institution_named(context: Context, block: int, pos: int, noun: str) -> str | None:
    """"a indiqué le musée", "selon l'établissement": the institution last named by that head ("le musée Granet"),
    or by any head of a school, a museum or a hospital for "l'établissement"."""
    word = fold(noun)
    if word not in NAMED_HEADS | {"etablissement"}:
        return None   # ("la préfecture", "le ministère": one of several the story may name)
    heads = NAMED_HEADS if word == "etablissement" else {word}
    named = [m for m in context.mentions if m.type == "organisation" and 0 <= m.span.block
             and (m.span.block, m.span.start) < (block, pos) and _plain(m.name.split()[0]) in heads]
    return max(named, key=lambda m: (m.span.block, m.span.start)).name if named else None


def _name_in_apposition(words: list[str]) -> str | None:
    """"voyagiste Nordtour", "cabinet Ardent Conseil": a lower-case noun, then a capitalised name to the end."""
    if len(words) < 2 or not words[0][:1].islower() or not words[1][:1].isupper():
        return None
    if not all(w[:1].isupper() or w.lower() in ("de", "du", "des", "d'", "&") for w in words[1:]):
        return None
    return " ".join(words[1:])


def _possessed_speaker(determiners: str, words: list[str], pats: dict) -> bool:
    """"selon sa maison de disques", "d'après leur avocat": a possessed noun speaks for its owner."""
    if not re.search(r"(?<![\w-])(?:son|sa|ses|leur|leurs)\s*$", determiners, re.I) or len(words) > 4:
        return False
    return fold(words[0]) not in {fold(w) for w in pats["data"]["not_speakers"] + pats["data"]["organs"]}


def _outlet_noun_only(text: str, start: int, end: int, pats: dict) -> bool:
    """"le quotidien", "l'agence nord-coréenne": an outlet named only by its kind, with a definite article that
    points back to the outlet named before ("un média officiel" points nowhere)."""
    phrase = text[start:end].strip()
    definite = re.match(rf"(?:(?:la|le)\s+|l[{APOS}]\s*)", phrase, re.I)
    if not definite:
        return False
    words = phrase[definite.end():].split()
    outlet_nouns = {fold(w) for w in pats["data"]["outlet_nouns"]}
    return bool(words) and fold(words[0]) in outlet_nouns and len(words) <= 3 \
        and all(w[:1].islower() for w in words)


def _last_outlet(context: Context, block: int, span: Span) -> list[tuple[Span, str]]:
    """The outlet named last before `span`: what "selon le journal" points back to."""
    before = [m for m in context.mentions if m.type == "organisation" and m.span.block >= 0
              and (m.span.block, m.span.start) < (block, span.start) and _named_outlet(context, m)]
    return [(span, before[-1].name)] if before else []


def _named_outlet(context: Context, mention: Mention) -> bool:
    """An outlet by name: a known one, or a name the text introduces as one ("le quotidien Nordpresse")."""
    if _is_outlet_name(mention.name):
        return True
    if mention.span.block >= len(context.texts):
        return False
    text = context.texts[mention.span.block]
    if not text[mention.span.start:mention.span.start + 1].isupper():
        return False
    nouns = "|".join(re.escape(w) for w in _patterns()["data"]["outlet_nouns"])
    return bool(re.search(rf"(?<![\w-])(?:{nouns})(?:\s+[a-zéèêàâîôûç-]+){{0,2}}\s+$", text[:mention.span.start], re.I))


def _is_outlet_name(name: str) -> bool:
    """A known agency or outlet, with or without its article ("Figaro", "Le Figaro")."""
    agencies = lexicon().agencies
    return fold(name) in agencies or fold(f"le {name}") in agencies or fold(f"la {name}") in agencies


def _journal_at(text: str, pos: int, block: int, mentions: list[Mention]) -> tuple[Span, str] | None:
    """The journal named at `pos`: a mention, else its capitalised words ("Annales de physique")."""
    at = [m for m in mentions if m.span.start == pos and m.type == "organisation"]
    if at:
        return at[0].span, at[0].name
    name = re.match(r"[A-ZÀ-Ý][\w&-]*(?:\s+(?:[A-ZÀ-Ý][\w&-]*|of|de|des|du|d['’]))*", text[pos:])
    if not name:
        return None
    words = name.group(0).split()
    while words and not words[-1][:1].isupper():
        words.pop()
    title = " ".join(words)
    return (Span(block, pos, pos + len(title)), title) if title else None


def _outlet_at(text: str, pos: int, mentions: list[Mention], block: int, outlets_only: bool,
               own: str | None = None) -> Mention | None:
    """The organisation named at `pos`; with `outlets_only`, only a known outlet, or the article's own (`own`)."""
    if own and re.match(re.escape(own) + r"(?![\w-])", text[pos:], re.I):
        return Mention(Span(block, pos, pos + len(own)), text[pos:pos + len(own)], own, "organisation")
    at = [m for m in mentions if m.span.start == pos and m.type == "organisation"]
    if at and (not outlets_only or _is_outlet_name(at[0].name)):
        return at[0]
    word = re.compile(r"[\w-]+").match(text, pos)
    return _unrecognised_outlet(word, block) if word and not at and word.group(0)[:1].isupper() else None


def _coordinated(text: str, first: Mention, mentions: list[Mention]) -> list[Mention]:
    """"cité par les agences TASS et RIA Novosti": the first source and those "et" or a comma joins to it."""
    out = [first]
    while True:
        # ("rapportés par X et par l'agence Y": the preposition and the agency noun again.)
        link = re.compile(r"\s*(?:,|et|ainsi\s+que)\s+(?:par\s+)?(?:(?:la|le|les|l['’])\s*|(?:Me|Mme|M)\.?\s+)?"
                          r"(?:agences?\s+(?:[a-zé]+\s+)?(?=[A-ZÀ-Þ]))?").match(text, out[-1].span.end)
        # "selon les États-Unis et la Corée du Sud": countries too, but only with "et" ("selon Rome, Paris a ..." is no pair).
        same_kind = link is not None and "," not in link.group(0)
        nxt = [m for m in mentions if link and m.span.start == link.end()
               and (m.type in ("organisation", "person") or (same_kind and m.type == first.type))]
        if not nxt:
            return out
        out.append(nxt[0])


def _role_phrase(phrase: str) -> bool:
    """"le ministre des Affaires étrangères", "son avocat", "le nouveau ministre", "l'un de ses avocats": a title,
    which a name in apposition then gives a holder."""
    words = re.sub(rf"^(?:l[{APOS}]\s*)?une?\s+(?:de\s+(?:ses|leurs|nos|vos)|des|d[{APOS}]\s*entre\s+(?:eux|elles))\s+",
                   "", phrase.strip(), flags=re.I).split()
    pre = {fold(w) for w in _patterns()["data"]["pre_nominal"]}
    while len(words) > 1 and fold(words[0]) in pre:
        words = words[1:]
    first = _plain(words[0]) if words else ""
    # "ses avocats, Me X et Me Y": the plural of a title.
    return any(_plain(role).split()[0] in (first, first[:-1] if first.endswith(("s", "x")) else first)
               for role in lexicon().roles)


def _source_head(words: list[str], pats: dict) -> bool:
    """Does this phrase start with a noun that can be a source (a body, a role, a generic source)?"""
    lex = lexicon()
    data = pats["data"]
    pre = {fold(w) for w in data["pre_nominal"]}
    while len(words) > 1 and fold(words[0]) in pre:
        words = words[1:]
    head = fold(words[0])
    nouns = {fold(w) for w in data["source_nouns"]}
    return (head in lex.generic_sources or head in nouns or _plain(words[0]) in {_plain(h) for h in lex.heads}
            or words[0][0].isupper())


def _outlet_spoken_to(text: str, pos: int, mentions: list[Mention], block: int) -> tuple[int, Mention | None, bool] | None:
    """", a déclaré à l'AFP X", "auprès de l'AFP", "sur France Inter", "au micro de France 2", "sur la chaîne Canal Nord":
    where the speaker starts after the outlet."""
    dative = re.compile(rf"\s*(?:auprès\s+(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)"
                        rf"|au\s+micro\s+d[e{APOS}]\s*|à\s+l[{APOS}]\s*antenne\s+d[e{APOS}]\s*|à\s+la\s+|à\s+l[{APOS}]\s*"
                        rf"|au\s+|aux\s+|à\s+|sur\s+(?:les\s+ondes\s+d[e{APOS}]\s*|(?:la|le)\s+(?:chaîne|radio|télévision|site|réseau\s+social)\s+)?)"
                        ).match(text, pos)
    if not dative:
        return None
    told = not text[pos:dative.end()].strip().startswith(("sur", "au micro", "à l'antenne", "à l’antenne"))
    spoken_to = [m for m in mentions if m.span.start == dative.end() and m.type == "organisation"]
    if spoken_to and text[pos:dative.end()].strip().startswith("auprès") and not _is_outlet_name(spoken_to[0].name):
        return None   # "a indiqué auprès de la préfecture": a body, which the phrase then names as the source
    if spoken_to:
        return _skip(text, max(m.span.end for m in spoken_to)), spoken_to[0], told
    word = re.compile(r"[\w-]+\s+").match(text, dative.end())
    if word and text[pos:dative.end()].strip().startswith(("à la", "à l", "au", "aux", "auprès")) and word.group(0)[0].isupper():
        return _skip(text, word.end()), _unrecognised_outlet(word, block), told
    return None


def _unrecognised_outlet(word: re.Match, block: int) -> Mention | None:
    """"a expliqué au Figaro": a known outlet the name finder missed, as a mention of its own."""
    name = word.group(0).strip()
    if not _is_outlet_name(name):
        return None
    agencies = lexicon().agencies
    canonical = next(agencies[k] for k in (fold(name), fold(f"le {name}"), fold(f"la {name}")) if k in agencies)
    return Mention(Span(block, word.start(), word.start() + len(name)), name, canonical, "organisation")


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return pos


def _speaker(text: str, sentence: Span, verb: int, mentions: list[Mention], before: list[Mention],
             context: Context) -> tuple[Span, str] | None:
    """", a-t-il ajouté": the subject of this sentence, else the first person or body of the sentence before."""
    pats = _patterns()
    opening = re.match(r"\s*(?:Le|La|L['’])\s*([\w-]+)", text[sentence.start:verb])
    if opening and pats["company"].match(opening.group(1)) and context.company:
        at = sentence.start + opening.start(1)
        return Span(sentence.block, at, at + len(opening.group(1))), context.company
    quote = text.find("«", sentence.start, verb)
    here = [m for m in mentions if m.type in ("person", "organisation") and m.span.start < (quote if quote >= 0 else verb)]
    if here:
        holder = _holder_of_role(text, sentence.start, here)
        return (holder.span, holder.name) if holder else (here[0].span, here[0].name)
    earlier = [m for m in before if m.type in ("person", "organisation")]
    if earlier and earlier[0].span.block < len(context.texts):
        # "La présidente de la Commission, Anna Berg, a promis un plan. « ... », a-t-elle ajouté": Anna Berg.
        previous = context.texts[earlier[0].span.block]
        holder = _holder_of_role(previous, _sentence_start(previous, earlier[0].span.start), earlier)
        return (holder.span, holder.name) if holder else (earlier[0].span, earlier[0].name)
    return (earlier[0].span, earlier[0].name) if earlier else None


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts: after the last full stop before it."""
    stops = [m.end() for m in re.finditer(r"[.!?]\s+", text[:pos])]
    return stops[-1] if stops else 0


def _holder_of_role(text: str, start: int, here: list[Mention]) -> Mention | None:
    """"La présidente de la Commission, Anna Berg, a promis ...": the person the role's apposition names."""
    first = here[0]
    if first.type != "organisation" or not _role_phrase(re.sub(rf"^\s*{DETS}", "", text[start:first.span.start], flags=re.I)):
        return None
    return next((m for m in here[1:] if m.type == "person"
                 and re.fullmatch(r"[^.;:«»,]*,\s*(?:(?:M|Mme|Me|Dr|Pr)\.?\s+)?", text[first.span.end:m.span.start])), None)


def _subject_before_appositions(text: str, cuts: list[int], boundary: int, verb: int,
                                mentions: list[Mention]) -> tuple[int, int]:
    """"X, présidente de la BCE, a déclaré que", "L'office, créé en 2020 par dix pays, estimait que": the subject is
    the last stretch between commas that is not an apposition (a participle, a relative clause, a title)."""
    for i in range(len(cuts) - 2, -1, -1):
        if text[cuts[i + 1] - 1] != ",":
            break
        if not _apposition(text, cuts[i], cuts[i + 1] - 1, mentions):
            return cuts[i], cuts[i + 1] - 1
    return boundary, verb


def _apposition(text: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """"présidente de la BCE", "qui note le pays", "créé en 2020", "le Japon et la Corée": no subject of its own."""
    segment = text[start:end].strip()
    if not segment[:1].islower():
        return False
    # "la chercheuse Léa Martin": a title before the name is the subject itself.
    if any(start <= m.span.start and m.span.end == start + len(text[start:end].rstrip()) and m.type == "person"
           for m in mentions):
        return False
    named = any(start <= m.span.start < end and m.type in ("person", "organisation") for m in mentions)
    # "l'office européen", not "un mécanisme créé par dix pays": an indefinite noun phrase describes the subject.
    opens_with_determiner = re.match(rf"(?:(?:les|la|le)\b|l[{APOS}])", segment, re.I)
    return not (named and opens_with_determiner) or _role_phrase(re.sub(rf"^{DETS}", "", segment, flags=re.I))


def _subjects(text: str, start: int, verb: int, mentions: list[Mention], context: Context,
              block: int) -> list[tuple[Span, str]]:
    """The people and organisations in the clause before a reporting verb + "que"."""
    cuts = [start] + [start + m.end() for m in re.finditer(r"[,;:«»]", text[start:verb])]
    boundary = cuts[-1]
    # ("..., le Gambien X, y a mis en garde": a pronoun before the verb is no subject of its own.)
    if not re.sub(r"(?<![\w-])(?:y|en|lui|leur|leurs)(?![\w-])", "", text[boundary:verb]).strip():
        boundary, verb = _subject_before_appositions(text, cuts, boundary, verb, mentions)
    inside = [m for m in mentions if boundary <= m.span.start and m.span.end <= verb
              and m.type in ("person", "organisation")]
    outer = [m for m in inside if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                                          and (o.span.end - o.span.start) > (m.span.end - m.span.start) for o in inside)]
    if outer:
        return [(m.span, m.name) for m in outer]
    # "Le groupe a indiqué que": the organisation the article is about.
    subject = re.fullmatch(r"\s*(?:Le|La|L['’]|le|la|l['’])\s*([\w-]+)\s*", text[boundary:verb])
    if subject and _patterns()["company"].match(subject.group(1)) and context.company:
        at = boundary + subject.start(1)
        return [(Span(block, at, at + len(subject.group(1))), context.company)]
    return []
