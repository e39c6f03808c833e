"""The reader: decoding, cleaning, structure and sidecars, on articles written for these tests."""
from __future__ import annotations

import datetime as dt
import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Sidecar
from generator.read import (
    MAX_BLOCK_CHARS, MAX_SEED_BYTES, ReadError, decode, read_seed, read_sidecar, structure,
    _is_caption, _is_dateline, _is_strong_byline, _split_run_in,
)

NBSP, NNBSP, FIGURE = "\u00a0", "\u202f", "\u2007"


def kinds(article):
    return [(b.kind, b.text) for b in article.blocks]


# --------------------------------------------------------------------------- the four shapes

SHAPE_HEADLINE_FIRST = (  # a headline ending with a full stop, one paragraph per line, an intertitle
    "Le président sud-coréen a reçu lundi à Séoul une délégation japonaise pour parler de sécurité régionale.\n"
    "Le président a accueilli la délégation lundi matin, a indiqué son cabinet. Les discussions ont duré trois heures.\n"
    "Selon l'agence Yonhap, les deux pays veulent renforcer leurs échanges de renseignements.\n"
    "Un dialogue relancé\n"
    "Les deux voisins avaient suspendu ces échanges en 2019 après un différend commercial.\n"
)


def test_read_shape_headline_first_with_intertitle():
    article = structure("a.txt", SHAPE_HEADLINE_FIRST)
    assert [b.kind for b in article.blocks] == ["title", "paragraph", "paragraph", "heading", "paragraph"]
    assert [b.line for b in article.blocks] == [1, 2, 3, 4, 5]
    assert [b.anchor for b in article.blocks] == ["p1", "p2", "p3", "p4", "p5"]
    assert article.title.startswith("Le président sud-coréen a reçu lundi")


SHAPE_RUN_IN = (  # a kicker run into the headline, agency, dateline, paragraphs between blank lines
    "Essais en mer du Japon Séoul dénonce un tir de missile nord-coréen\n\n"
    "AFP\n\n"
    "12.3.2026 - 17:05\n\n"
    "La Corée du Sud a dénoncé jeudi un tir de missile balistique, le troisième en un mois.\n\n"
    "Selon l'état-major, l'engin a parcouru environ 800 kilomètres avant de tomber en mer.\n"
)


def test_read_shape_run_in_kicker_byline_dateline():
    article = structure("b.txt", SHAPE_RUN_IN)
    assert kinds(article)[:4] == [
        ("kicker", "Essais en mer du Japon"),
        ("title", "Séoul dénonce un tir de missile nord-coréen"),
        ("byline", "AFP"),
        ("dateline", "12.3.2026 - 17:05"),
    ]
    assert [b.line for b in article.blocks] == [1, 1, 3, 5, 7, 9]
    assert [b.kind for b in article.blocks][4:] == ["paragraph", "paragraph"]
    assert article.title == "Séoul dénonce un tir de missile nord-coréen"


SHAPE_STANDFIRST = (  # standfirst, headline, captioned photo, paragraphs, intertitles
    "Le ministre japonais de la Défense a visité une base près d'Okinawa. Il a promis des moyens nouveaux "
    "pour la surveillance du détroit.\n\n"
    "Tokyo renforce sa présence militaire au sud de l'archipel\n\n"
    "Le ministre lors de sa visite sur la base, mardi. Photo : Reuters\n\n"
    "La visite intervient après plusieurs incursions de navires dans les eaux territoriales.\n\n"
    "Des radars supplémentaires\n\n"
    "Le ministère prévoit d'installer trois radars d'ici la fin de l'année prochaine.\n\n"
    "2'000 soldats de plus\n\n"
    "Les effectifs de la garnison passeront à environ 2'000 soldats, selon le ministère.\n"
)


def test_read_shape_standfirst_before_headline_caption_intertitles():
    article = structure("c.txt", SHAPE_STANDFIRST)
    assert [b.kind for b in article.blocks] == [
        "kicker", "title", "caption", "paragraph", "heading", "paragraph", "heading", "paragraph"]
    assert article.title == "Tokyo renforce sa présence militaire au sud de l'archipel"
    assert [b.line for b in article.blocks] == [1, 3, 5, 7, 9, 11, 13, 15]


SHAPE_INDENTED = (  # section line, headline, paragraphs indented with no-break spaces, blank NBSP lines
    "/ Nouvelles du monde - Coopération\n"
    "Vers une amitié durable\n"
    f"{NBSP}{NBSP} Au mois de mars 2024, une délégation s'est rendue dans la capitale voisine.\n"
    f"{NBSP}{NBSP} Les deux parties ont signé plusieurs accords de coopération culturelle.\n"
    "\n"
    "Les échanges économiques et culturels entre les deux pays voisins dans une nouvelle phase historique\n"
    "\n"
    f"{NBSP}{NBSP} Au mois de mai, le ministre de la culture a assisté à des représentations.\n"
    f"{NBSP}{NBSP} \n"
    f"{NBSP}{NBSP}\n"
    "\n\n\n"
    f"{NBSP}{NBSP} Ainsi, l'amitié entre les deux peuples se renforce de plus en plus.\n"
)


def test_read_shape_section_indented_paragraphs_long_intertitle():
    article = structure("d.txt", SHAPE_INDENTED)
    assert [(b.kind, b.line) for b in article.blocks] == [
        ("section", 1), ("title", 2), ("paragraph", 3), ("paragraph", 4),
        ("heading", 6), ("paragraph", 8), ("paragraph", 14)]
    assert article.blocks[2].text.startswith("Au mois de mars 2024")   # indent and NBSP gone
    assert NBSP not in "".join(b.text for b in article.blocks)


# --------------------------------------------------------------------------- title choice

@pytest.mark.parametrize("text, expected", [
    # a short kicker above a longer headline
    ("Diplomatie\nLe Japon et la Corée du Sud relancent leur dialogue stratégique\nLe texte suit ici, long et ponctué.\n",
     [("section", "Diplomatie"), ("title", "Le Japon et la Corée du Sud relancent leur dialogue stratégique")]),
    ("Sommet à Tokyo\nLes dirigeants asiatiques promettent de coopérer davantage\nLe sommet a réuni dix pays. Il a duré deux jours.\n",
     [("kicker", "Sommet à Tokyo"), ("title", "Les dirigeants asiatiques promettent de coopérer davantage")]),
    # a rubric "Rubrique - Sous-rubrique" above the headline
    ("Monde - Asie\nUn typhon frappe les Philippines\nLe typhon a fait des dégâts importants dans le nord du pays.\n",
     [("section", "Monde - Asie"), ("title", "Un typhon frappe les Philippines")]),
    ("Asie Pacifique - Diplomatie régionale\nHanoï accueille un sommet régional\nLe sommet s'ouvre mardi. Il doit durer deux jours.\n",
     [("section", "Asie Pacifique - Diplomatie régionale"), ("title", "Hanoï accueille un sommet régional")]),
    # a masthead, then a rubric shouted on its own line, then the headline
    ("La Gazette du Lac\nÉNERGIE\nLe club local remporte le marché régional\nLe marché a eu lieu samedi. Il a attiré la foule.\n",
     [("kicker", "La Gazette du Lac"), ("kicker", "ÉNERGIE"), ("title", "Le club local remporte le marché régional")]),
    # a headline that asks a question keeps its question mark
    ("Faut-il craindre une nouvelle crise ?\nLes marchés ont reculé mardi. Les analystes restent prudents.\n",
     [("title", "Faut-il craindre une nouvelle crise ?"), ("paragraph", "Les marchés ont reculé mardi. Les analystes restent prudents.")]),
    # nothing title-like: the first line is the headline
    ("Le gouvernement a annoncé une réforme. Elle entrera en vigueur en janvier.\nLes syndicats ont réagi. Ils demandent une concertation.\n",
     [("title", "Le gouvernement a annoncé une réforme. Elle entrera en vigueur en janvier."),
      ("paragraph", "Les syndicats ont réagi. Ils demandent une concertation.")]),
    # a subtitle right after the headline is a kicker, not an intertitle
    ("Séoul rappelle son ambassadeur\nUne décision rare dans l'histoire récente\nLe ministère a confirmé la décision lundi soir. Elle est effective.\n",
     [("title", "Séoul rappelle son ambassadeur"), ("kicker", "Une décision rare dans l'histoire récente")]),
    # byline and dateline above the headline are not candidates
    ("Par Claire Martin\nPublié le 4 mars 2026 à 9h12\nLa flotte chinoise manœuvre près de Taïwan\nLes exercices ont commencé à l'aube. Ils dureront trois jours.\n",
     [("byline", "Par Claire Martin"), ("dateline", "Publié le 4 mars 2026 à 9h12"),
      ("title", "La flotte chinoise manœuvre près de Taïwan")]),
    # a label in capitals heading the headline ("DIRECT.", "VIDÉO.") leaves it one clause
    ("DIRECT. Tempête Varda : le port reste fermé\nRadio Nord\nLe port reste fermé ce lundi. Les ferries attendent.\n",
     [("title", "DIRECT. Tempête Varda : le port reste fermé")]),
    # a press release's letterhead in capitals, then the release's label and dateline: the headline follows
    ("PRÉFET DU VAR\nCabinet du préfet\nCOMMUNIQUÉ DE PRESSE\nToulon, le 3 mars 2026\nIncendie de Bormes : point de situation\n"
     "Le feu est fixé depuis ce matin. Les routes rouvrent.\n",
     [("kicker", "PRÉFET DU VAR"), ("kicker", "Cabinet du préfet"), ("byline", "COMMUNIQUÉ DE PRESSE"),
      ("dateline", "Toulon, le 3 mars 2026"), ("title", "Incendie de Bormes : point de situation")]),
])
def test_read_title_choice(text, expected):
    assert kinds(structure("x.txt", text))[:len(expected)] == expected


def test_read_last_short_line_is_paragraph_not_heading():
    text = "Titre de l'article\nUn paragraphe qui se termine par un point. Et une autre phrase.\nLire aussi notre dossier\n"
    assert [b.kind for b in structure("x.txt", text).blocks] == ["title", "paragraph", "paragraph"]


def test_read_official_sign_off_and_signatory_are_no_intertitles():
    text = ("Déclaration commune des ministres des Îles du Nord\n"
            "Les ministres annoncent la création d'un fonds commun pour la pêche. Il sera doté de dix millions.\n"
            "Fait à Tórshavn, le 4 mai 2031\n"
            "Pour les ministres,\n"
            "Le Président du Conseil nordique insulaire,\n"
            "Jonas HANSEN\n"
            "Ministre des Affaires étrangères\n")
    assert [b.kind for b in structure("x.txt", text).blocks] == [
        "title", "paragraph", "dateline", "paragraph", "paragraph", "paragraph", "paragraph"]


def test_read_lower_case_dateline_is_not_joined_to_the_line_above():
    text = "La Bourse de Tokyo recule\nATS\nmercredi 17/06/2026\nL'indice a perdu 2 % à la clôture. Les banques ont chuté.\n"
    assert kinds(structure("x.txt", text))[1:3] == [("byline", "ATS"), ("dateline", "mercredi 17/06/2026")]


def test_read_a_rubric_in_capitals_is_a_section_not_an_agency_signature():
    text = "MONDE\n\nLa Bourse de Tokyo recule\n\nL'indice a perdu 2 % à la clôture. Les banques ont chuté.\n"
    assert kinds(structure("x.txt", text))[0] == ("section", "MONDE")


def test_read_name_beside_dateline_is_byline():
    text = "Un séisme frappe le Japon\nMarie Durand\n5 janvier 2026\nLa secousse a été ressentie à Tokyo. Aucun dégât n'est signalé.\n"
    assert [b.kind for b in structure("x.txt", text).blocks] == ["title", "byline", "dateline", "paragraph"]


@pytest.mark.parametrize("last, kind", [
    ("Agence Nord, 24 novembre 2026, 17h48", "dateline"),   # a wire's signature closes the text
    ("(Agence Nord, le 24/11/2026)", "dateline"),
    ("Le conseil votera le 24 novembre 2026.", "paragraph"),
])
def test_read_signature_closing_the_text_is_a_dateline(last, kind):
    text = f"Un séisme frappe le Japon\nLa secousse a été ressentie à Tokyo. Aucun dégât n'est signalé.\n{last}\n"
    assert [b.kind for b in structure("x.txt", text).blocks][-1] == kind


# --------------------------------------------------------------------------- line patterns

@pytest.mark.parametrize("line, expected", [
    ("30.8.2025 - 08:22", True),
    ("Publié le 3 septembre 2025 à 14h36", True),
    ("PARIS, 28 JUILLET, 2025 (WAM)", True),
    ("mercredi 17/06/2025", True),
    ("Genève, le 12 février 2026", True),
    ("Mis à jour le 04/09/2025 à 10:15", True),
    ("Publié le 03.09.2025, 14:36 Mis à jour le 03.09.2025, 15:02", True),
    ("2026-01-15T08:30:00+01:00", True),
    ("Jeudi 8 janvier, 16 h 40", True),
    ("Le 19 juin", False),                         # could be an intertitle
    ("Le 3 mars 2026, le ministre a signé l'accord.", False),
    ("Les élections de 2027", False),
])
def test_read_dateline_patterns(line, expected):
    assert _is_dateline(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Par Jean Dupont", True), ("Avec AFP", True), ("Avec l'AFP", True), ("AFP/Reuters", True),
    ("Keystone-ATS", True), ("ats/dpa", True), ("Le Temps avec AFP", True), ("Marc Lefèvre (Reuters)", True),
    ("Propos recueillis par Sophie Bernard", True), ("Par la rédaction", True),
    ("De notre correspondante à Tokyo Anne Roux", True),
    ("Par ailleurs, les discussions continuent", False),
    ("Par conséquent", False),
    ("Les agences ont relayé l'information.", False),
])
def test_read_byline_patterns(line, expected):
    assert _is_strong_byline(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Le ministre pendant la cérémonie. Photo: keystone-sda.ch", True),
    ("Le ministre pendant la cérémonie (Photo AFP)", True),
    ("Des soldats à la frontière. © Getty Images", True),
    ("AFP PHOTO / STR", True),
    ("La délégation à l'aéroport. REUTERS/Kim Hong-Ji", True),
    ("Crédit photo : Jean Martin", True),
    ("Sur la photo, on voit le ministre saluer la foule.", False),
    ("Le projet d'oléoduc Keystone XL a été abandonné il y a plusieurs années par Washington.", False),
])
def test_read_caption_patterns(line, expected):
    assert _is_caption(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Soutien à l'Ukraine Berlin promet de nouveaux chars", ("Soutien à l'Ukraine", "Berlin promet de nouveaux chars")),
    ("Mort d'Alain Dubois Paris se souvient", None),                 # a name after d': left whole
    ("Tensions en mer de Chine Pékin déploie des navires", None),    # "de Chine": a name could go on
    ("Essais en mer du Japon Séoul dénonce un tir", ("Essais en mer du Japon", "Séoul dénonce un tir")),
    ("Kim arrive en Russie Poutine l'accueille", None),             # a subject and its verb first
    ("Aide à la Pologne Washington envoie des troupes", ("Aide à la Pologne", "Washington envoie des troupes")),
    ("Guerre en Syrie Damas accuse Ankara", ("Guerre en Syrie", "Damas accuse Ankara")),
    ("Élections au Japon Le premier ministre promet des réformes", None),  # subject with article: no rule
    ("Tensions au Soudan Khartoum et Juba signent une trêve", ("Tensions au Soudan", "Khartoum et Juba signent une trêve")),
    ("Crise politique en France Emmanuel Macron a dissous l'Assemblée",
     ("Crise politique en France", "Emmanuel Macron a dissous l'Assemblée")),
    ("Hommage de Jacques Chirac Paris se souvient", None),           # a first name may end the phrase
    ("Le président Lula reçoit son homologue argentin", None),
    ("Lisbonne accueille Madrid pour un sommet", None),
    ("Berlin menace Varsovie Bruxelles proteste", None),
    ("Visite de Lula au Japon", None),
])
def test_read_run_in_kicker_split(line, expected):
    assert _split_run_in(line) == expected


# --------------------------------------------------------------------------- bad or odd inputs

FR = "Le ministre a déclaré : « Nous irons à Séoul en été. » L’œuvre coûte 5 €.\n"


def _write(tmp_path: Path, data: bytes, name: str = "seed.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _body(article) -> str:
    return "\n".join(b.text for b in article.blocks)


@pytest.mark.parametrize("label, data, expect", [
    ("utf-8", ("Titre\n" + FR).encode("utf-8"), "L’œuvre coûte 5 €."),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + ("Titre\n" + FR).encode("utf-8"), "Titre"),
    ("utf-16-le with BOM", b"\xff\xfe" + ("Titre\n" + FR).encode("utf-16-le"), "L’œuvre"),
    ("utf-16-be with BOM", b"\xfe\xff" + ("Titre\n" + FR).encode("utf-16-be"), "« Nous irons"),
    ("utf-16 without BOM", ("Titre\n" + FR).encode("utf-16-le"), "à Séoul"),
    ("windows-1252", ("Titre\n" + FR).encode("cp1252"), "L’œuvre coûte 5 €."),
    ("latin-1", "Titre\nLe député a été élu à Genève en été.\n".encode("latin-1"), "élu à Genève"),
    ("utf-8 read as cp1252 and saved again", ("Titre\n" + FR).encode("utf-8").decode("cp1252").encode("utf-8"), "L’œuvre"),
    ("CRLF", b"Titre\r\n\r\nUne phrase.\r\n", "Une phrase."),
    ("CR only", b"Titre\r\rUne phrase.\r", "Une phrase."),
    ("NFD accents", unicodedata.normalize("NFD", "Titre\nÉté à Séoul.\n").encode(), "Été à Séoul."),
    ("zero-width and bidi", "Titre\nKim\u200b Jong\u200d Un\u2060 a\u00ad vu\u202e Séoul\ufeff.\n".encode(), "Kim Jong Un a vu Séoul."),
    ("control characters", "Titre\nUn\x07 texte\x1b avec\x00 des codes.\n".encode("utf-16"), "Un texte avec des codes."),
    ("no-break spaces", f"Titre\n10{NNBSP}000{FIGURE}soldats{NBSP}: un «{NBSP}record{NBSP}».\n".encode(), "10 000 soldats : un « record »."),
    ("tabs", "Titre\n\tUne\tphrase.\n".encode(), "Une phrase."),
    ("hard-wrapped line", "Titre\nLe ministre a annoncé une\nréforme importante lundi.\n".encode(), "Le ministre a annoncé une réforme importante lundi."),
])
def test_read_odd_inputs_are_read(tmp_path, label, data, expect):
    article, problems = read_seed(_write(tmp_path, data))
    assert problems == [], label
    assert expect in _body(article), label
    assert "\ufeff" not in _body(article) and "\r" not in _body(article)


@pytest.mark.parametrize("label, data, message", [
    ("empty", b"", "is empty"),
    ("whitespace only", f" \n\t\r\n{NBSP}\u200b\n".encode(), "is empty"),
    ("utf-16 BOM only", b"\xff\xfe", "is empty"),
    ("binary with NUL", b"\x00\x01\x02abc\x00\xff\xfe\x10" * 50, "binary"),
    ("mostly control codes", bytes(range(1, 9)) * 200, "binary"),
    ("PDF", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    ("Word document", b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
    ("not UTF-8 nor French cp1252", "Титр\nПривет, мир.\n".encode("cp1251"), "not UTF-8"),
    ("UTF-8 BOM then invalid bytes", b"\xef\xbb\xbfTitre\nLigne deux\n\xff\xfe\n", "byte-order mark"),
])
def test_read_bad_inputs_are_refused(tmp_path, label, data, message):
    article, problems = read_seed(_write(tmp_path, data))
    assert article is None, label
    assert len(problems) == 1 and message in problems[0].message, (label, problems)
    assert problems[0].file == str(tmp_path / "seed.txt")


def test_read_invalid_bytes_name_their_line(tmp_path):
    _, problems = read_seed(_write(tmp_path, b"\xef\xbb\xbfTitre\nLigne deux\n\xff\xfe\n"))
    assert problems[0].line == 3


def test_read_size_is_checked_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:     # sparse: all NUL bytes, so reading it would say "binary"
        handle.truncate(MAX_SEED_BYTES + 1)
    article, problems = read_seed(path)
    assert article is None and "at most" in problems[0].message and str(MAX_SEED_BYTES + 1) in problems[0].message


def test_read_symbolic_link_is_refused(tmp_path):
    target = _write(tmp_path, b"Titre\nUne phrase.\n", "real.txt")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    article, problems = read_seed(link)
    assert article is None and "symbolic link" in problems[0].message


@pytest.mark.parametrize("make, message", [
    (lambda p: p.mkdir(), "not a regular file"),
    (lambda p: None, "cannot be read"),
    (lambda p: os.mkfifo(p), "not a regular file"),   # reading a FIFO would block forever
])
def test_read_not_a_file(tmp_path, make, message):
    path = tmp_path / "odd.txt"
    make(path)
    article, problems = read_seed(path)
    assert article is None and message in problems[0].message


def test_read_very_long_paragraph_is_split_at_sentences(tmp_path):
    sentence = "Le comité a examiné le rapport annuel sur la sécurité régionale en détail. "
    paragraph = (sentence * 400).strip()            # about 30,000 characters on one line
    article, _ = read_seed(_write(tmp_path, f"Titre court\n{paragraph}\nFin du texte.\n".encode()))
    body = [b for b in article.blocks if b.line == 2]
    assert len(body) >= 6 and all(len(b.text) <= MAX_BLOCK_CHARS for b in body)
    assert all(b.text.endswith(".") for b in body)   # cut after a full stop
    assert " ".join(b.text for b in body) == paragraph
    assert [b.anchor for b in article.blocks] == [f"p{i}" for i in range(1, len(article.blocks) + 1)]
    assert article.blocks[-1].line == 3


def test_read_very_long_word_is_cut(tmp_path):
    article, _ = read_seed(_write(tmp_path, ("Titre\n" + "a" * 12000 + "\n").encode()))
    assert [len(b.text) for b in article.blocks] == [5, 5000, 5000, 2000]


def test_read_decode_raises_read_error_with_reason():
    with pytest.raises(ReadError, match="is empty"):
        decode(b"   \n  ")


# --------------------------------------------------------------------------- sidecars

def _seed_with_sidecar(tmp_path: Path, sidecar: str) -> tuple[Path, Path]:
    seed = _write(tmp_path, "Un titre\nUne phrase.\n".encode(), "007_test.txt")
    side = tmp_path / "007_test.yml"
    side.write_text(sidecar, encoding="utf-8")
    return seed, side


def test_read_sidecar_all_keys(tmp_path):
    seed, _ = _seed_with_sidecar(tmp_path, (
        "title: Le vrai titre\npublished: 2026-03-12\nurl: https://example.org/a?b=1\noutlet: Le Quotidien\n"
        "language: fr-CH\nactors: [Jeanne Roux, Paul Dumas]\nignore:\n  - Agence\n"))
    article, problems = read_seed(seed)
    assert problems == []
    assert article.sidecar == Sidecar("Le vrai titre", "2026-03-12", "https://example.org/a?b=1",
                                      "Le Quotidien", "fr-CH", ("Jeanne Roux", "Paul Dumas"), ("Agence",))
    assert article.title == "Le vrai titre" and article.seed == "007_test.txt"


@pytest.mark.parametrize("value, expected", [
    ("2026-03-12", "2026-03-12"),
    ("'2026-03-12'", "2026-03-12"),
    ("2026-03-12 08:30:00", dt.datetime(2026, 3, 12, 8, 30).isoformat()),
    ("2026-03-12T08:30:00+01:00", "2026-03-12T08:30:00+01:00"),
])
def test_read_sidecar_published_is_iso_text(tmp_path, value, expected):
    _, side = _seed_with_sidecar(tmp_path, f"published: {value}\n")
    sidecar, problems = read_sidecar(side)
    assert problems == [] and sidecar.published == expected


@pytest.mark.parametrize("content, message, line", [
    ("title: Un titre\nurl: [unclosed\n", "malformed YAML", 3),
    ("title: Un titre\nauthor: Moi\n", "unknown key 'author'", 2),
    ("title: Un titre\ntemplate: evil.html\n", "unknown key 'template'", 2),
    ("url: javascript:alert(1)\n", "'url' must be an http", 1),
    ("\n\nurl: ftp://example.org/x\n", "'url' must be an http", 3),
    ("url: file:///etc/passwd\n", "'url' must be an http", 1),
    ("url: 'https://exa mple.org'\n", "'url' must be an http", 1),
    ("title: 1984\n", "'title' must be text", 1),
    ("published: 30.8.2025\n", "'published' must be an ISO date", 1),
    ("published: 2025\n", "'published' must be an ISO date", 1),
    ("language: français\n", "'language' must be a language tag", 1),
    ("outlet: Le Soir\nactors: Jeanne Roux\n", "'actors' must be a list of names", 2),
    ("ignore: [ok, 3]\n", "'ignore' must be a list of names", 1),
    ("- title\n- url\n", "must be a mapping", 1),
    ("a: &x [1]\nb: *x\n", "aliases", 2),
])
def test_read_sidecar_problems_name_file_and_line(tmp_path, content, message, line):
    seed, side = _seed_with_sidecar(tmp_path, content)
    article, problems = read_seed(seed)
    assert article is not None and article.blocks[0].kind == "title"   # the article is still built
    assert any(message in p.message for p in problems), problems
    problem = next(p for p in problems if message in p.message)
    assert problem.file == str(side) and problem.line == line


def test_read_sidecar_python_tag_does_not_run(tmp_path):
    marker = tmp_path / "ran"
    _, side = _seed_with_sidecar(tmp_path, f"title: !!python/object/apply:os.system ['touch {marker}']\n")
    sidecar, problems = read_sidecar(side)
    assert sidecar == Sidecar() and problems and problems[0].line == 1
    assert not marker.exists()


def test_read_sidecar_keeps_good_fields_beside_bad_ones(tmp_path):
    _, side = _seed_with_sidecar(tmp_path, "title: Bon titre\nurl: javascript:void(0)\nsource: x\n")
    sidecar, problems = read_sidecar(side)
    assert sidecar.title == "Bon titre" and sidecar.url is None and len(problems) == 2


def test_read_sidecar_symlink_and_missing(tmp_path):
    assert read_sidecar(tmp_path / "none.yml") == (Sidecar(), [])
    real = tmp_path / "real.yml"
    real.write_text("title: X\n")
    link = tmp_path / "link.yml"
    link.symlink_to(real)
    sidecar, problems = read_sidecar(link)
    assert sidecar == Sidecar() and "symbolic link" in problems[0].message


def test_read_sidecar_title_is_cleaned(tmp_path):
    _, side = _seed_with_sidecar(tmp_path, 'title: "Un\\u00a0titre\\u200b\\x07 propre"\n')
    assert read_sidecar(side)[0].title == "Un titre propre"


# --------------------------------------------------------------------------- invariants

@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_read_structure_never_fails_and_keeps_invariants(text):
    article = structure("f.txt", text)
    n_lines = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    for index, block in enumerate(article.blocks, 1):
        assert block.anchor == f"p{index}"
        assert 1 <= block.line <= n_lines
        assert block.text and block.text == block.text.strip() and len(block.text) <= MAX_BLOCK_CHARS
        assert not any(c in block.text for c in "\r\n\t\x00\u200b\ufeff\u00a0")
        assert unicodedata.is_normalized("NFC", block.text)
    assert [b.line for b in article.blocks] == sorted(b.line for b in article.blocks)
    if article.blocks:
        assert sum(b.kind == "title" for b in article.blocks) <= 1


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_read_decode_fails_only_with_read_error(data):
    try:
        text = decode(data)
    except ReadError as error:
        assert error.message
    else:
        assert isinstance(text, str)


def test_read_every_line_is_one_block():
    lines = ["Un titre simple", "Première phrase du texte.", "Deuxième phrase du texte.", "Intertitre court",
             "Troisième phrase du texte.", "Avec AFP"]
    article = structure("x.txt", "\n\n".join(lines))
    assert [b.text for b in article.blocks] == lines
    assert [b.line for b in article.blocks] == [1, 3, 5, 7, 9, 11]
    assert article.blocks[-1].kind == "byline"


def test_read_same_text_gives_same_anchors():
    assert structure("x.txt", SHAPE_STANDFIRST) == structure("x.txt", SHAPE_STANDFIRST)


def test_read_web_page_leftovers():
    text = ("International\nCorée du Sud : le Parlement adopte le budget de la défense\n"
            "Le Quotidien avec AFP\nPublié le 2 décembre 2025 à 07h32, modifié le 2 décembre 2025 à 09h15\n"
            "Le vote a eu lieu mardi soir, après trois jours de débats.\n"
            "Lire aussi | Corée du Sud : le budget en hausse\n"
            "Le texte doit encore être promulgué.\n"
            "(Reportage Anne Roux; version française Marc Blanc)\n")
    assert [b.kind for b in structure("x.txt", text).blocks] == [
        "section", "title", "byline", "dateline", "paragraph", "paragraph", "paragraph", "byline"]
