"""The tense of the clause around a temporal expression: past, future or unknown.

French verb morphology read from the surface (auxiliary + participle, imparfait, futur,
"va/doit + infinitive"), enough to tell which way a bare "mardi" or "en mars" points.
"""
from __future__ import annotations

import re

# --- Tense of the clause around an expression -------------------------------------------------

_AVOIR = {"a", "ont", "avait", "avaient", "eut", "eurent", "ai", "avons", "avez", "as",
          "aurait", "auraient", "aura", "auront"}
_ETRE = {"est", "sont", "était", "étaient", "fut", "furent", "sera", "seront", "serait", "seraient"}
_SKIP = {"pas", "plus", "jamais", "déjà", "également", "aussi", "encore", "notamment", "bien", "toujours",
         "ensuite", "alors", "enfin", "finalement", "récemment", "d", "ailleurs", "en", "effet", "y", "ne",
         "n", "donc", "pourtant", "tout", "ainsi", "même", "cependant", "lui", "leur", "s", "se"}
_PARTICIPLE = re.compile(r"\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|ort|orte|orts"
                         r"|ortes|int|inte|ints|intes|fait|faite|faits|faites)$")
_NOT_PARTICIPLE = {"lieu", "plus", "tous", "nous", "vous", "lui", "ici", "aussi", "parmi", "depuis", "si", "ni",
                   "qui", "aujourd", "début", "but", "droit", "trait", "peu", "beaucoup", "lit", "nuit", "bruit",
                   "fruit", "esprit", "crédit", "conflit", "souci", "mardi", "lundi", "mercredi", "jeudi",
                   "vendredi", "samedi", "dimanche", "midi", "pays", "prix", "fois", "mois", "ans", "sous",
                   "dessus", "besoin", "raison", "tort", "peur", "envie", "lui"}
# Participles that form the passé composé with être ("est mort"): others after "est" are passive present.
_ETRE_VERBS = {"allé", "venu", "arrivé", "parti", "mort", "né", "rentré", "revenu", "devenu", "tombé", "resté",
               "entré", "sorti", "monté", "descendu", "décédé", "passé", "retourné", "intervenu", "parvenu",
               "survenu", "apparu", "disparu", "redevenu", "reparti", "ressorti"}
_IMPARFAIT_STOP = {"fait", "lait", "trait", "souhait", "portrait", "attrait", "extrait", "parfait", "retrait",
                   "bienfait", "forfait", "méfait", "distrait", "abstrait", "minerait", "jamais", "mais",
                   "palais", "anglais", "français", "japonais", "taïwanais", "polonais", "irlandais", "délais"}
_FUTURE_STOP = {"front", "affront", "caméra", "opéra", "extra", "ultra", "mantra", "tantra", "sutra", "cobra",
                "choléra", "agora", "sierra", "hydra", "flora", "contra", "tiara", "vrai", "environs", "patrons",
                "escadrons", "citrons", "marrons", "barons", "hérons", "chevrons", "larrons", "potirons",
                "éperons", "rez", "suprématie", "mira", "intra", "extra", "nostra", "terra", "zebra"}
_PLAN_VERBS = {"va", "vont", "doit", "doivent", "devra", "devront", "devrait", "devraient", "compte", "comptent",
               "prévoit", "prévoient", "entend", "entendent", "apprête", "apprêtent", "pourrait", "pourraient",
               "allait", "allaient", "devait", "devaient", "souhaite", "souhaitent", "veut", "veulent"}
_PLANNED = {"attendu", "attendue", "attendus", "attendues", "prévu", "prévue", "prévus", "prévues",
            "programmé", "programmée", "programmés", "programmées", "prochain", "prochaine", "prochains"}
_PASSE_SIMPLE = {"fut", "eut", "fit", "vint", "prit", "mourut", "naquit", "devint", "revint", "tint"}
# Futures too short for the ending test ("fera rapport le 23", "ira à Oslo").
_SHORT_FUTURES = {"fera", "ira", "dira"}
_SHORT_CONDITIONALS = {"ferait", "feraient", "irait", "iraient"}
_SEGMENT = re.compile(r"[,;:()«»“”\"—–]|\s-\s")
_INVERTED_SAYING = re.compile(r"\s*(?:a|ont|avait|avaient)(?:-t-(?:il|elle|on)|-(?:ils|elles))?\s+(?:\w+ment\s+)?"
                              r"(?:fait\s+savoir|fait\s+valoir|indiqué|déclaré|annoncé|précisé|affirmé|assuré|expliqué|"
                              r"rapporté|confié|souligné|ajouté|estimé|confirmé|rappelé|dit|écrit|révélé|appris|"
                              r"noté|relevé|signalé|averti|prévenu|résumé|commenté)"
                              r"(?:\s+(?:\w+ment|hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|à\s+l['’]\w+))*"
                              r"\s+(?:le|la|les|l['’]|un|une|des|son|sa|ses|leur|leurs|[A-ZÀ-Þ])(?![^«»]*\bqu(?:e\b|['’]))", re.I)


def _is_participle(word: str) -> bool:
    return word not in _NOT_PARTICIPLE and len(word) > 1 and bool(_PARTICIPLE.match(word))


def _is_infinitive(word: str) -> bool:
    return len(word) > 3 and word not in {"hier", "leur", "premier", "dernier", "cher", "mer", "fer"} \
        and word.endswith(("er", "ir", "re", "oir"))


def tense_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tense) of the verb forms of one sentence that show past or future."""
    toks = [(m.start(), m.end(), m.group(0).lower()) for m in re.finditer(r"\w+", text)]
    cues: list[tuple[int, int, str]] = []
    for i, (s, e, w) in enumerate(toks):
        if w in _AVOIR or w in _ETRE:
            j = i + 1
            while j < len(toks) and j - i <= 4 and toks[j][2] in _SKIP:
                j += 1
            if j < len(toks) and _is_participle(toks[j][2]):
                pp = toks[j][2]
                reflexive = i > 0 and toks[i - 1][2] in ("s", "se", "me", "m", "te", "t", "nous", "vous")
                if w in _ETRE and not reflexive and w not in ("était", "étaient", "fut", "furent") \
                        and pp.rstrip("s").rstrip("e") not in _ETRE_VERBS and pp not in _ETRE_VERBS:
                    # A passive: "sera inhumé" is still ahead, "est organisé" says nothing.
                    # ("Il a dit que le texte serait présenté en mai": a future seen from the past.)
                    if pp in _PLANNED or w in ("sera", "seront"):
                        cues.append((s, toks[j][1], "future"))
                    elif w in ("serait", "seraient"):
                        cues.append((s, toks[j][1], "conditional"))
                    continue
                tense = "future" if w in ("aura", "auront", "sera", "seront") else "past"
                cues.append((s, toks[j][1], tense))
                continue
            if w in ("avait", "avaient", "était", "étaient", "fut", "furent", "eut", "eurent"):
                cues.append((s, e, "past"))
            elif w in ("sera", "seront", "aura", "auront"):
                cues.append((s, e, "future"))
            continue
        if w in _PLAN_VERBS:
            j = i + 1
            while j < len(toks) and j - i <= 3 and toks[j][2] in _SKIP | {"le", "la", "les", "l", "de", "à"}:
                j += 1
            if j < len(toks) and _is_infinitive(toks[j][2]):
                cues.append((s, toks[j][1], "future"))
            continue
        if w in _PLANNED:
            # "la coopération prévue par le traité" is provided for, not planned.
            if not (i + 1 < len(toks) and toks[i + 1][2] == "par"):
                cues.append((s, e, "future"))
        elif w in _PASSE_SIMPLE or (len(w) > 5 and w.endswith(("èrent", "irent", "urent"))):
            cues.append((s, e, "past"))
        elif len(w) > 4 and w.endswith(("ait", "aient")) and not w.endswith(("rait", "raient")) \
                and w not in _IMPARFAIT_STOP:
            cues.append((s, e, "past"))
        # A conditional of the future's stem ("il présenterait", "elle ferait"): a future seen from the past;
        # not the imperfect of "-érer" and "-rrer" verbs ("il espérait", "il enterrait").
        elif (len(w) > 7 and w.endswith(("erait", "eraient")) and not w.endswith(("érait", "éraient", "rrait", "rraient"))
              or w in _SHORT_CONDITIONALS) and text[s].islower():
            cues.append((s, e, "conditional"))
        # A capital is a name ("Sierra"), save an inverted future opening the sentence ("Suivront ...").
        elif (len(w) > 4 and w.endswith(("ra", "ront", "rons", "rez", "rai")) and w not in _FUTURE_STOP
              or w in _SHORT_FUTURES) \
                and (text[s].islower() or (not text[:s].strip() and w.endswith(("ront", "rons")))):
            cues.append((s, e, "future"))
    return cues


def _adjectival_participle(word: str, prev: str) -> bool:
    """"des images diffusées vendredi", "l'accord conclu en décembre": a participle without auxiliary."""
    if prev in _AVOIR | _ETRE | {"être", "été", "avoir"} or word in _NOT_PARTICIPLE:
        return False
    return word.endswith(("é", "ée", "és", "ées", "u", "ue", "us", "ues")) and len(word) > 3 \
        or word in _IRREGULAR_PARTICIPLES


_IRREGULAR_PARTICIPLES = {"pris", "prise", "prises", "mis", "mise", "mises", "dit", "dite", "dites", "fait", "faite",
                          "faites", "écrit", "écrite", "mort", "morte", "morts", "mortes", "ouvert", "ouverte",
                          "construit", "construite", "produit", "produite", "détruit", "détruite"}


def clause_tense(text: str, sent: tuple[int, int], start: int, end: int,
           sentence_cues: list[tuple[int, int, str]] | None = None) -> str | None:
    """Past or future of the clause around an expression: a verb of its own clause first, then a
    participle just before it, then the nearest verb of its sentence."""
    before = re.search(r"(?:(\w+)\s+)?(\w+)\s+$", text[sent[0]:start])
    word = prev = ""
    if before:
        word, prev = before.group(2).lower(), (before.group(1) or "").lower()
        if word in _PLANNED:
            return "future"
    if sentence_cues is None:
        sentence_cues = tense_cues(text[sent[0]:sent[1]])
    cues = [(s + sent[0], e + sent[0], t) for s, e, t in sentence_cues]
    bounds = [sent[0]] + [m.end() + sent[0] for m in _SEGMENT.finditer(text[sent[0]:sent[1]])] + [sent[1]]
    seg_start = max(b for b in bounds if b <= start)
    seg_end = min((b for b in bounds if b >= end), default=sent[1])

    def distance(cue: tuple[int, int, str]) -> int:
        return start - cue[1] if cue[1] <= start else max(0, cue[0] - end)

    # A participle right before the date governs it ("l'accord conclu en juin"), whatever else the
    # clause says, unless a verb heads it ("resteront fermés dès lundi").
    governed = before is not None and any(sent[0] + before.start(2) - 1 <= e <= sent[0] + before.start(2)
                                          for _, e, _ in cues)
    if word and not governed and _adjectival_participle(word, prev):
        return "past"
    # "l'engagement pris par le Premier ministre le 3 octobre": so does one with its agent between.
    agent = re.search(r"(?:(\w+)\s+)?(\w+)\s+par\s+(?:[^\W\d][\w'’-]*\s+){1,5}$", text[sent[0]:start])
    if agent and _adjectival_participle(agent.group(2).lower(), (agent.group(1) or "").lower()):
        return "past"
    inside = [c for c in cues if seg_start <= c[0] and c[1] <= seg_end]
    if inside:
        return _future_if_conditional(min(inside, key=distance)[2])
    # A conditional is a future seen from the past ("a dit que le texte serait présenté « en mai »"), for a
    # date after it; one after the date belongs to another clause ("lundi, en assurant qu'il resterait").
    cues = [c for c in cues if c[2] != "conditional" or c[1] <= start]
    # "Adopté début avril par le Sénat puis mi-mai par les députés, le texte ...": a sentence opening on a
    # participle phrase tells what was done.
    opening = re.match(r"\s*([A-ZÀ-Þ][a-zà-ÿ]+)\s", text[sent[0]:start])
    if seg_start == sent[0] and opening and opening.group(1).lower() not in _PARTICIPLE_NOUNS \
            and _adjectival_participle(opening.group(1).lower(), "") and "," in text[end:sent[1]]:
        return "past"
    # A relative clause ("dont il fut le maire") tells of its noun, not the time of the main clause.
    relative = [(b, e) for b, e in zip(bounds, bounds[1:])
                if re.match(r"\s*(?:dont|qui|où|lequel|laquelle|lesquels|lesquelles)\b", text[b:e], re.I)]
    # ", a fait savoir le parquet", ", a-t-il précisé": the saying's tense is not that of what it told.
    saying = [(b, e) for b, e in zip(bounds, bounds[1:]) if b >= end and text[b - 1] == ","
              and _INVERTED_SAYING.match(text[b:e]) and not text[e:sent[1]].strip(" .!?…")]
    cues = [c for c in cues if not any(b <= c[0] < e for b, e in relative + saying)]
    return _future_if_conditional(min(cues, key=distance)[2]) if cues else None


def _future_if_conditional(tense: str) -> str:
    return "future" if tense == "conditional" else tense



# --- Background clauses -----------------------------------------------------------------------

# Words before an adjectival participle that make it a noun ("la société", "l'année", "du marché").
_DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet", "cette",
                "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "mon", "ma", "mes",
                "à", "en", "par", "pour", "sur", "dans", "mi", "quelle", "quel", "chaque", "toute", "tout"}
# Common nouns shaped like participles, met without a determiner ("mi-journée", "fin d'année").
_PARTICIPLE_NOUNS = {"année", "journée", "matinée", "soirée", "durée", "entrée", "arrivée", "rentrée", "armée",
                     "idée", "société", "santé", "sécurité", "comité", "député", "marché", "côté", "été", "début",
                     "menu", "vertu", "tribu", "lieu", "milieu", "jeu", "feu", "neveu", "vœu", "cheveu", "aveu",
                     "bureau", "parti", "abri", "défi", "souci", "cri", "pari", "ami", "épi", "génie", "vie",
                     "pluie", "partie", "sortie", "série", "économie", "industrie", "énergie", "stratégie",
                     "compagnie", "mairie", "patrie", "colonie", "démocratie", "assemblée", "musée", "lycée",
                     "pensée", "portée", "épopée", "fusée", "vallée", "allée", "chaussée", "tournée", "poignée",
                     "cité", "qualité", "liberté", "autorité", "unité", "priorité", "majorité", "communauté",
                     "activité", "identité", "volonté", "propriété", "électricité", "université", "difficulté"}
_FUNCTION_WORDS = {"jusqu", "celui", "parmi", "ainsi", "aussi", "voici", "merci", "aujourd", "autrui", "quasi",
                   "lorsqu", "puisqu", "quoiqu", "presqu"}
_RELATIVES = {"qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "auquel", "auxquels", "auxquelles"}
_PARTICIPLES_IS = {"pris", "mis", "acquis", "conquis", "assis", "compris", "permis", "promis", "remis", "soumis",
                   "admis", "transmis", "repris", "appris", "surpris", "commis", "omis", "émis", "requis", "exclus",
                   "inclus", "élus", "reçus", "prévus", "conclus", "perdus", "rendus", "vendus", "attendus"}
_AUXILIARY = _AVOIR | _ETRE | {"être", "été", "avoir", "ayant", "étant"}
# What may stand between an auxiliary and its participle: adverbs and inverted subjects ("a-t-on appris").
_BETWEEN = _SKIP | {"de", "nouveau", "pas", "t", "on", "il", "elle", "ils", "elles", "je", "j", "nous", "vous", "tu"}


def _qualifying_participle(word: str, before: list[str]) -> bool:
    """"l'accord signé", "l'entreprise créée": a participle that qualifies a noun, not a verb of its own."""
    if len(word) <= 3 or not word.isalpha() or word in _PARTICIPLE_NOUNS | _NOT_PARTICIPLE | _FUNCTION_WORDS \
            | _IMPARFAIT_STOP:
        return False
    shaped = word.endswith(("é", "ée", "és", "ées", "u", "ue", "ues", "i", "ie", "ies")) \
        or word in _IRREGULAR_PARTICIPLES or word in _PARTICIPLES_IS
    if not shaped or (before and before[-1] in _DETERMINERS):
        return False
    for prev in reversed(before[-5:]):
        if prev in _AUXILIARY:
            return False
        if prev not in _BETWEEN:
            break
    return True


_OPENS_PHRASE = re.compile(r"\s+(?:en|par|à|au|aux|le|la|les|l['’]|dans|sur|depuis|dès|lors|pour|avec|après|avant|"
                           r"entre|il y a)\b", re.IGNORECASE)


def background_clause(text: str, sent: tuple[int, int], start: int) -> bool:
    """A date inside a participial phrase or a relative clause ("l'accord, signé en 2024 par X,", "la
    société qui a ouvert en 2019") describes a thing of the story; it does not set the story's time."""
    seg = text[sent[0]:start]
    bounds = [0] + [m.end() for m in _SEGMENT.finditer(seg)]
    clause = seg[bounds[-1]:]
    words = [(m.group(0), m.start() + bounds[-1]) for m in re.finditer(r"\w+", clause)]
    if any(w.lower() in _RELATIVES for w, _ in words):
        return True
    for w, at in words[-6:]:
        # A capital inside a sentence starts a name; a sentence may open on a participle only if a
        # comma closes its phrase ("Signé en 2024, l'accord...", not "Lomé sert depuis 2023.").
        if w[0].isupper() and (seg[:at].strip() or "," not in text[start:sent[1]]
                               or not _OPENS_PHRASE.match(text[sent[0] + at + len(w):])):
            continue
        before = [b.lower() for b in re.findall(r"\w+", seg[:at])]
        # ...and a finite verb after it makes the date that verb's ("l'homme, arrêté, a avoué en mai").
        if _qualifying_participle(w.lower(), before) and not tense_cues(seg[at + len(w):]):
            return True
    return False
