"""Tests for generator.dates: matching, normalising and anchoring French temporal expressions."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from generator.dates import publication_date, tag_dates
from generator.dates_grammar import number_of
from generator.model import Article, Block, Published, Sidecar, Span
from generator.text import split_sentences

THURSDAY = dt.date(2025, 3, 13)   # a Thursday of ISO week 2025-W11


def make(*lines: str, kinds: tuple[str, ...] = (), sidecar: Sidecar | None = None) -> tuple[Article, list[Span]]:
    """An article with one block per line: a title, then paragraphs unless `kinds` says otherwise."""
    blocks = []
    for i, line in enumerate(lines):
        kind = kinds[i] if i < len(kinds) else ("title" if i == 0 else "paragraph")
        blocks.append(Block(kind, line, i + 1, f"p{i}"))
    article = Article("test.txt", tuple(blocks), sidecar or Sidecar())
    sentences = [Span(i, s, e) for i, b in enumerate(blocks) for s, e in split_sentences(b.text)]
    return article, sentences


def values(*lines: str, ref: dt.date | None = THURSDAY) -> list[tuple[str, str | None]]:
    article, sentences = make("Titre sans date", *lines)
    return [(m.text, m.value) for m in tag_dates(article, sentences, ref)]


def only(line: str, ref: dt.date | None = THURSDAY):
    article, sentences = make("Titre sans date", line)
    found = tag_dates(article, sentences, ref)
    assert len(found) == 1, found
    return found[0]


# --- Absolute dates ---------------------------------------------------------------------------

@pytest.mark.parametrize("line, text, value, precision", [
    ("Le traité a été signé le 12 mars 2021 à Genève.", "le 12 mars 2021", "2021-03-12", "day"),
    ("Il est arrivé 12 mars 2021 selon le registre.", "12 mars 2021", "2021-03-12", "day"),
    ("La rencontre du 1er mars 2024 a marqué un tournant.", "du 1er mars 2024", "2024-03-01", "day"),
    ("Le document daté du 17/06/2025 a fuité.", "17/06/2025", "2025-06-17", "day"),
    ("Le registre indique 5.11.2024 comme date d'entrée.", "5.11.2024", "2024-11-05", "day"),
    ("La note porte la date 2023-04-09.", "2023-04-09", "2023-04-09", "day"),
    ("Le vote a eu lieu mardi 4 mars 2025 au Sénat.", "mardi 4 mars 2025", "2025-03-04", "day"),
    ("Le décret du 3 sept. 2019 reste en vigueur.", "du 3 sept. 2019", "2019-09-03", "day"),
    ("La loi est entrée en vigueur en février 2019.", "en février 2019", "2019-02", "month"),
    ("Les élections de novembre 2020 ont été contestées.", "de novembre 2020", "2020-11", "month"),
    ("Au mois d'août 2023, les pluies ont redoublé.", "Au mois d'août 2023", "2023-08", "month"),
    ("Au mois de mai 2018, la frontière a rouvert.", "Au mois de mai 2018", "2018-05", "month"),
    ("La grève a commencé fin décembre 2022.", "fin décembre 2022", "2022-12", "month"),
    ("Les ventes ont chuté fin 2022.", "fin 2022", "2022", "year"),
    ("Le chantier reprendra début 2027.", "début 2027", "2027", "year"),
    ("Le projet a été lancé mi-2020.", "mi-2020", "2020", "year"),
    ("Il vit à Lyon depuis 2011.", "depuis 2011", "2011", "year"),
    ("Le parti a été fondé en 1945 à Paris.", "en 1945", "1945", "year"),
    ("La réforme a été adoptée l'année 2016 sans débat.", "l'année 2016", "2016", "year"),
    ("Les troupes se sont retirées au printemps 2024.", "au printemps 2024", "2024-SP", "season"),
    ("Les négociations ont échoué l'été 2023.", "l'été 2023", "2023-SU", "season"),
    ("Le port a été bombardé à l'automne 2022.", "à l'automne 2022", "2022-FA", "season"),
    ("La famine a frappé pendant l'hiver 2023-2024.", "l'hiver 2023-2024", "2023-WI", "season"),
    ("Le PIB a reculé au premier trimestre 2024.", "au premier trimestre 2024", "2024-Q1", "quarter"),
    ("Les exportations ont bondi au 3e trimestre 2023.", "au 3e trimestre 2023", "2023-Q3", "quarter"),
    ("La dette a baissé au second semestre 2022.", "au second semestre 2022", "2022-H2", "quarter"),
    ("Le pays s'est ouvert dans les années 1990.", "dans les années 1990", "199", "year"),
    # A year followed by a verb, not by a counted noun.
    ("La réforme de 2019 reste contestée.", "de 2019", "2019", "year"),
    ("Le bilan a été publié à la fin de l'année 2023.", "à la fin de l'année 2023", "2023", "year"),
    ("Il partira à la fin du mois d'avril 2026.", "à la fin du mois d'avril 2026", "2026-04", "month"),
])
def test_dates_absolute_forms(line, text, value, precision):
    mention = only(line)
    assert (mention.text, mention.value, mention.precision, mention.resolution) == (text, value, precision, "absolute")


@pytest.mark.parametrize("line, expected", [
    ("Le festival se tient du 3 au 5 juin 2025 à Nantes.",
     [("du 3", "2025-06-03"), ("au 5 juin 2025", "2025-06-05")]),
    ("La trêve a duré du 28 février au 2 mars 2024.",
     [("du 28 février", "2024-02-28"), ("au 2 mars 2024", "2024-03-02")]),
    ("Il a présidé le club entre 2019 et 2021.", [("entre 2019", "2019"), ("2021", "2021")]),
    ("Le mandat court de 2020 à 2024.", [("de 2020", "2020"), ("2024", "2024")]),
    ("Les pluies ont duré de janvier à mars 2023.", [("de janvier", "2023-01"), ("mars 2023", "2023-03")]),
    ("Les combats, entre fin 2023 et le printemps 2024, ont été violents.",
     [("fin 2023", "2023"), ("le printemps 2024", "2024-SP")]),
    ("Le scrutin du 30 juin et du 7 juillet 2024 a surpris.",
     [("du 30 juin", "2024-06-30"), ("du 7 juillet 2024", "2024-07-07")]),
    ("Le colloque se tient les 3 et 4 septembre 2025.", [("les 3", "2025-09-03"), ("4 septembre 2025", "2025-09-04")]),
    ("Le Conseil des 19 et 20 mars examinera le dossier.", [("des 19", "2025-03-19"), ("20 mars", "2025-03-20")]),
    # A chronology's heading opens on the days themselves.
    ("3 et 5 juin 2025 : la trêve", [("3", "2025-06-03"), ("5 juin 2025", "2025-06-05")]),
    # A list of years: every one; a count after it is no year.
    ("Trois votes ont eu lieu, en 2018, 2020 et 2021, tous perdus.", [("en 2018", "2018"), ("2020", "2020"), ("2021", "2021")]),
    ("Il a été élu en 2012, 2000 militants l'acclamaient.", [("en 2012", "2012")]),
])
def test_dates_ranges_give_both_ends(line, expected):
    assert values(line) == expected


# --- Relative dates and the tense of the clause ----------------------------------------------

@pytest.mark.parametrize("line, value", [
    ("Le ministre a rencontré mardi son homologue italien.", "2025-03-11"),
    ("Le ministre rencontrera mardi son homologue italien.", "2025-03-18"),
    ("La ministre s'est rendue vendredi à Rome.", "2025-03-07"),
    ("La ministre se rendra vendredi à Rome.", "2025-03-14"),
    ("Le porte-parole a déclaré jeudi que rien n'était décidé.", "2025-03-13"),
    ("Le porte-parole déclarera jeudi sa candidature.", "2025-03-13"),
    ("Des photos publiées dimanche montrent les dégâts.", "2025-03-09"),
    ("Il doit signer samedi l'accord de paix.", "2025-03-15"),
    ("Le texte va être examiné mercredi par les députés.", "2025-03-19"),
    ("Les délégués étaient réunis lundi dans la capitale.", "2025-03-10"),
    ("Le sommet est prévu lundi à Bruxelles.", "2025-03-17"),
    ("Elle l'avait annoncé lundi dernier.", "2025-03-10"),
    ("Le rapport sera publié lundi prochain.", "2025-03-17"),
    ("Jeudi dernier, la police a perquisitionné.", "2025-03-06"),
    ("Les enquêteurs ont été entendus, selon un communiqué mardi.", "2025-03-11"),
    ("Les magasins resteront fermés dès lundi.", "2025-03-17"),
    ("Le défunt sera inhumé samedi dans son village.", "2025-03-15"),
    ("«Nous reviendrons mardi», a prévenu le syndicat.", "2025-03-18"),
    ("Les députés se réunissent mercredi, selon l'ordre du jour.", "2025-03-12"),
    # No tense: the nearer day, the past one when it is only a day further.
    ("Le conseil de lundi reste dans toutes les mémoires.", "2025-03-10"),
])
def test_dates_weekday_direction_follows_tense(line, value):
    mention = only(line)
    assert mention.value == value and mention.resolution == "relative"


@pytest.mark.parametrize("line, text, value", [
    ("Il a parlé aujourd'hui devant la presse.", "aujourd'hui", "2025-03-13"),
    ("Il a parlé hier devant la presse.", "hier", "2025-03-12"),
    ("Il a parlé hier soir devant la presse.", "hier soir", "2025-03-12"),
    ("Il a parlé avant-hier devant la presse.", "avant-hier", "2025-03-11"),
    ("Il parlera demain devant la presse.", "demain", "2025-03-14"),
    ("Il parlera après-demain devant la presse.", "après-demain", "2025-03-15"),
    ("Le calme est revenu la semaine dernière.", "la semaine dernière", "2025-W10"),
    ("Le calme est revenu la semaine passée.", "la semaine passée", "2025-W10"),
    ("Les discussions reprennent cette semaine.", "cette semaine", "2025-W11"),
    ("Les discussions reprendront la semaine prochaine.", "la semaine prochaine", "2025-W12"),
    ("Les prix ont grimpé le mois dernier.", "le mois dernier", "2025-02"),
    ("Les prix grimpent ce mois-ci.", "ce mois-ci", "2025-03"),
    ("Les prix grimperont le mois prochain.", "le mois prochain", "2025-04"),
    ("La production a doublé l'an dernier.", "l'an dernier", "2024"),
    ("La production a doublé l'année dernière.", "l'année dernière", "2024"),
    ("La production a doublé l'an passé.", "l'an passé", "2024"),
    ("La production doublera cette année.", "cette année", "2025"),
    ("La production doublera l'an prochain.", "l'an prochain", "2026"),
    ("La production doublera l'année prochaine.", "l'année prochaine", "2026"),
    ("Le barrage a cédé il y a deux ans.", "il y a deux ans", "2023"),
    ("Le barrage a cédé il y a trois mois.", "il y a trois mois", "2024-12"),
    ("Le barrage a cédé il y a 10 jours.", "il y a 10 jours", "2025-03-03"),
    ("Le barrage a cédé il y a une semaine.", "il y a une semaine", "2025-W10"),
    ("Le verdict tombera dans deux semaines.", "dans deux semaines", "2025-W13"),
    ("Le verdict tombera dans trois jours.", "dans trois jours", "2025-03-16"),
    ("Le chantier sera fini d'ici deux ans.", "d'ici deux ans", "2027"),
    ("Le pont a été inauguré il y a 80 ans.", "il y a 80 ans", "1945"),
])
def test_dates_relative_to_publication(line, text, value):
    mention = only(line)
    assert (mention.text, mention.value, mention.resolution) == (text, value, "relative")


@pytest.mark.parametrize("line, text, value", [
    ("Le pays a quitté l'alliance en janvier de l'an dernier.", "en janvier de l'an dernier", "2024-01"),
    ("Le texte a été voté le 3 mai de l'année dernière.", "le 3 mai de l'année dernière", "2024-05-03"),
    ("La loi entrera en vigueur en septembre de cette année.", "en septembre de cette année", "2025-09"),
    ("Le chantier reprendra fin juin de l'an prochain.", "fin juin de l'an prochain", "2026-06"),
    # Half units: six months or a fortnight more.
    ("Le port a fermé il y a un an et demi.", "il y a un an et demi", "2023-09"),
    ("La grève a commencé il y a un mois et demi.", "il y a un mois et demi", "2025-01"),
    ("Le chantier reprendra dans deux ans et demi.", "dans deux ans et demi", "2027-09"),
])
def test_dates_compound_expressions_are_one_expression(line, text, value):
    mention = only(line)
    assert (mention.text, mention.value) == (text, value)


@pytest.mark.parametrize("line, ref, text, value", [
    ("Le convoi est parti en début de semaine.", THURSDAY, "en début de semaine", "2025-W11"),
    ("Il l'avait déjà dit au début du mois.", THURSDAY, "au début du mois", "2025-03"),
    ("Le cours a gagné 8 % depuis le début de l'année.", THURSDAY, "depuis le début de l'année", "2025"),
    ("Le rapport sera rendu d'ici à la fin du mois.", THURSDAY, "d'ici à la fin du mois", "2025-03"),
    ("La réforme sera votée avant la fin de l'année.", THURSDAY, "avant la fin de l'année", "2025"),
    ("Les négociations reprendront en début de semaine prochaine.", THURSDAY,
     "en début de semaine prochaine", "2025-W12"),
    ("Il avait parlé à la fin de la semaine dernière.", THURSDAY, "à la fin de la semaine dernière", "2025-W10"),
    # Told in the past early in January, the end of the year is last year's; told in the future
    # late in the week, the start of the week is next week's.
    ("Le budget a été bouclé en fin d'année.", dt.date(2026, 1, 10), "en fin d'année", "2025"),
    ("Le budget sera présenté en début de semaine.", dt.date(2025, 3, 14), "en début de semaine", "2025-W12"),
])
def test_dates_part_of_a_period_relative_to_publication(line, ref, text, value):
    mention = only(line, ref=ref)
    assert (mention.text, mention.value, mention.resolution) == (text, value, "relative")


@pytest.mark.parametrize("line, text, value", [
    ("Les Bleus ont remporté l'édition 2024 du tournoi.", "édition 2024", "2024"),
    ("Le budget 2026 prévoit de lourdes coupes.", "budget 2026", "2026"),
    ("Ils ont brillé lors de la Coupe du monde 2019.", "Coupe du monde 2019", "2019"),
    ("La saison 2023-2024 s'achève sur un titre.", "saison 2023-2024", "2023"),
    ("Le club vise un podium à l'Euro 2028.", "Euro 2028", "2028"),
])
def test_dates_name_that_carries_its_year(line, text, value):
    mention = only(line)
    assert (mention.text, mention.value, mention.resolution) == (text, value, "absolute")


@pytest.mark.parametrize("line, text, value", [
    ("Les combats ont repris dans la nuit de mardi à mercredi.", "dans la nuit de mardi à mercredi", "2025-03-11"),
    ("Un incendie s'est déclaré dans la nuit du 8 au 9 mars.", "dans la nuit du 8 au 9 mars", "2025-03-08"),
    # The part of the day stays out of the span: the day is the value, and events read what follows.
    ("Le ministre s'est exprimé jeudi soir.", "jeudi", "2025-03-13"),
    ("L'avion a atterri mardi matin.", "mardi", "2025-03-11"),
    ("Le verdict tombera dans quinze jours.", "dans quinze jours", "2025-03-27"),
    ("Il reviendra dans huit jours.", "dans huit jours", "2025-03-20"),
])
def test_dates_nights_parts_of_day_and_idiomatic_weeks(line, text, value):
    mention = only(line)
    assert (mention.text, mention.value) == (text, value)


@pytest.mark.parametrize("line, value", [
    ("En avril, le gouvernement a adopté la réforme.", "2024-04"),
    ("En avril, le gouvernement adoptera la réforme.", "2025-04"),
    ("En janvier, le gouvernement a adopté la réforme.", "2025-01"),
    ("Le gouvernement a adopté la réforme en novembre dernier.", "2024-11"),
    ("Le gouvernement adoptera la réforme en mai prochain.", "2025-05"),
    ("La réforme avait été votée fin octobre.", "2024-10"),
    ("Le juge a tranché le 3 février.", "2025-02-03"),
    ("Le procès se tiendra le 20 mai à Lyon.", "2025-05-20"),
    ("Le procès s'est ouvert le 20 mai à Lyon.", "2024-05-20"),
    ("Le procès s'est ouvert le 20 mai dernier.", "2024-05-20"),
    ("L'accord, conclu en décembre, a été salué.", "2024-12"),
    ("Le PIB a reculé au deuxième trimestre.", "2024-Q2"),
    ("Le PIB reculera au deuxième trimestre.", "2025-Q2"),
    ("Les ventes de février ont progressé.", "2025-02"),
    ("Les chiffres d'août ont déçu.", "2024-08"),
    # What something has held since is past, whatever the verb of the sentence.
    ("Les renforts pourraient arriver à Lund, que l'armée tient depuis son offensive du 6 août.", "2024-08-06"),
    ("Les renforts pourraient arriver à Lund, que l'armée tient depuis l'offensive de juin.", "2024-06"),
    ("Depuis le 18 décembre, il doit porter un bracelet électronique.", "2024-12-18"),
    ("Depuis le rejet de son pourvoi par la Cour de cassation le 18 décembre, il doit porter un bracelet.", "2024-12-18"),
    # A conditional is a future seen from the past, for a date after it.
    ("Le ministre a indiqué que le texte serait présenté « en mai ».", "2025-05"),
    ("Le ministre a indiqué qu'il présenterait le texte en mai.", "2025-05"),
    ("Il a parlé aux élus en mai, en assurant que la ville resterait unie.", "2024-05"),
    # An inverted saying after what it tells lends it no tense.
    ("Il est convoqué le 28 mars devant un juge, a fait savoir le parquet.", "2025-03-28"),
    ("La réunion s'est tenue le 28 mars, a indiqué le ministère.", "2024-03-28"),
    # A day something is moved to lies after the move; a day named as a date has no tense of its own.
    ("La loi repoussant au 15 décembre l'élection a été votée.", "2025-12-15"),
    ("Le maire a reporté le conseil au 3 février.", "2026-02-03"),
    ("Le maire avait reporté le conseil au 3 mars.", "2025-03-03"),
    ("La présidence annonçait alors la date du 24 avril.", "2025-04-24"),
    ("Avec des élections fixées au 20 mars, le Congrès ne pouvait plus se réunir.", "2025-03-20"),
    # A sentence opening on a participle phrase tells what was done, whatever verb follows.
    ("Adopté par le Sénat puis mi-avril par les députés, le texte doit encore être approuvé.", "2024-04"),
    # A short future is a future ("fera", "ira"), even after a past verb it is coordinated with.
    ("Il a accepté la mission et fera rapport au Roi le 23 mars.", "2025-03-23"),
    # A day naming a thing a preposition looks toward has no tense of the clause: the nearer one.
    ("Il a jugé un accord irréaliste avant les élections du 20 mai.", "2025-05-20"),
    ("Il a jugé un accord irréaliste avant le décret du 20 mai.", "2024-05-20"),   # a text was written before
    # A participle with its agent before the date governs it too, whatever the main verb says.
    ("Le maire ne cédera pas, fidèle à la promesse faite par son adjoint le 10 mars.", "2025-03-10"),
])
def test_dates_month_without_year_takes_year_from_tense(line, value):
    assert only(line).value == value


def test_dates_a_season_counted_from_now_is_not_the_narrative_year():
    article, sentences = make("Titre sans date", "La rente sera versée dès 2027. Le gouvernement présentera "
                              "d'ici l'automne ses options de financement.")
    found = {m.text: m.value for m in tag_dates(article, sentences, THURSDAY)}
    assert found == {"dès 2027": "2027", "d'ici l'automne": "2025-FA"}


@pytest.mark.parametrize("line, value", [
    ("Il a beaucoup neigé cet hiver dans les Alpes.", "2024-WI"),
    ("Les travaux commenceront cet été.", "2025-SU"),
    # What holds "depuis cet été" began last summer, present tense or not.
    ("Les deux voisins sont liés depuis cet été par un accord.", "2024-SU"),
    ("La sécheresse a frappé l'été dernier.", "2024-SU"),
    ("La récolte a été mauvaise l'automne dernier.", "2024-FA"),
    ("Le musée rouvrira au printemps prochain.", "2026-SP"),
    ("Le musée rouvrira à l'automne.", "2025-FA"),
    ("Le collectif est né au cours de l'hiver.", "2024-WI"),
    ("Les fouilles reprendront pendant l'été.", "2025-SU"),
    ("Le musée a fermé à l'automne.", "2024-FA"),
    ("L'usine fermera ses portes à la fin de l'été.", "2025-SU"),
])
def test_dates_seasons_without_year(line, value):
    assert only(line).value == value


def test_dates_this_season_past_its_end_is_this_years():
    # Said in October with no verb to tell which: the summer of this year, not the next.
    found = only("Le collectif, né sur les réseaux sociaux cet été, appelle à la grève.", dt.date(2025, 10, 8))
    assert found.value == "2025-SU"


def test_dates_mardi_with_day_and_month_takes_year_matching_weekday():
    # 4 March is a Tuesday in 2025, not in 2024.
    assert only("Le vote a eu lieu le mardi 4 mars au Sénat.", ref=dt.date(2025, 6, 1)).value == "2025-03-04"


# --- Anchoring on the narrative ---------------------------------------------------------------

@pytest.mark.parametrize("lines, text, value", [
    (("En 2019, l'entreprise a été rachetée.", "En mars, elle a licencié 200 salariés."), "En mars", "2019-03"),
    (("Au mois de mai 2022, la crise a éclaté.", "Le 14 mai, le président a démissionné."), "Le 14 mai", "2022-05-14"),
    (("Le 3 juin 2024, les urnes ont parlé.", "Le 4 juin, le résultat a été proclamé."), "Le 4 juin", "2024-06-04"),
    (("Le 28 décembre 2023, la digue a cédé.", "Le 2 janvier, les secours sont arrivés."), "Le 2 janvier", "2024-01-02"),
    (("Le 3 juin 2024, les urnes ont parlé.", "Le lendemain, le résultat a été proclamé."), "Le lendemain", "2024-06-04"),
    (("Le 3 juin 2024, les urnes ont parlé.", "La veille, la campagne s'était close."), "La veille", "2024-06-02"),
    (("Le 3 juin 2024, les urnes ont parlé.", "Deux jours plus tard, le résultat a été proclamé."),
     "Deux jours plus tard", "2024-06-05"),
    (("En 2010, il a quitté le pays.", "Cette année-là, la guerre a éclaté."), "Cette année-là", "2010"),
    (("Le 3 juin 2024, les urnes ont parlé.", "Le mardi suivant, le gouvernement a démissionné."),
     "Le mardi suivant", "2024-06-04"),
    # A date told in an aside ("le traité, entré en vigueur le ...") is not the story's day.
    (("Le 3 juin 2024, les urnes ont parlé.", "Il a rappelé que le traité, entré en vigueur le 4 décembre 2021, reste solide.",
      "La veille, la campagne s'était close."), "La veille", "2024-06-02"),
])
def test_dates_anchored_on_latest_preceding_date(lines, text, value):
    found = {t: v for t, v in values(*lines)}
    assert found[text] == value
    article, sentences = make("Titre sans date", *lines)
    mention = next(m for m in tag_dates(article, sentences, THURSDAY) if m.text == text)
    assert mention.resolution == "anchored"


def test_dates_interviewers_questions_take_no_room_in_the_narrative_window():
    lines = ("– Le Roi a nommé l'informateur le 12 juin 2024.", "– Et ensuite ?", "– Rien.", "– Pourquoi ?",
             "– Parce que.", "– Et après ?", "– Le 12 novembre, le Palais a tranché.")
    mention = next(m for m in tag_dates(*make("T", *lines), None) if m.text == "Le 12 novembre")
    assert (mention.value, mention.resolution) == ("2024-11-12", "anchored")


def test_dates_anchor_far_back_yields_to_publication_date():
    lines = ("En 2019, l'entreprise a été rachetée.", "Un.", "Deux.", "Trois.", "Quatre.",
             "En avril, elle a licencié 200 salariés.")
    assert dict(values(*lines))["En avril"] == "2024-04"
    # Without a publication date, a year given five paragraphs back is a guess, not a reading: null.
    mention = next(m for m in tag_dates(*make("T", *lines), None) if m.text == "En avril")
    assert (mention.value, mention.resolution) == (None, "unresolved")


@pytest.mark.parametrize("first, later, reference, expected", [
    # The publication date reads a year-less month past an intertitle, not the story before it ...
    ("En 2019, l'entreprise a été rachetée.", "En avril, elle a licencié 200 salariés.", THURSDAY, ("2024-04", "relative")),
    # ... but in a piece nothing else dates, the story's year is all there is.
    ("Le 3 mai 2019, l'entreprise a été rachetée.", "Le 21 avril, elle a licencié 200 salariés.", None,
     ("2019-04-21", "anchored")),
])
def test_dates_anchor_and_heading(first, later, reference, expected):
    article, sentences = make("Titre", first, "Nouvelle époque", later, kinds=("title", "paragraph", "heading", "paragraph"))
    mention = tag_dates(article, sentences, reference)[-1]
    assert (mention.value, mention.resolution) == expected


def test_dates_relative_dates_do_not_set_the_year_of_later_months():
    # Published early January: "mercredi" is in the new year, "en décembre" in the old one.
    found = dict(values("Il a parlé mercredi.", "En décembre, il avait été hospitalisé.", ref=dt.date(2026, 1, 8)))
    assert found == {"mercredi": "2026-01-07", "En décembre": "2025-12"}


def test_dates_future_verb_overrides_a_past_anchor():
    found = dict(values("Le traité a été signé en 2019.", "Il sera révisé en juin."))
    assert found["en juin"] == "2025-06"


def test_dates_durative_depuis_is_not_an_anchor():
    found = dict(values("Il siège depuis 2008 au conseil.", "En mai, il a démissionné."))
    assert found["En mai"] == "2024-05"


def test_dates_dateline_date_is_tagged_but_not_an_anchor():
    article, sentences = make("Titre", "12.5.2021 - 10:15", "En mars, les ventes ont chuté.",
                              kinds=("title", "dateline", "paragraph"))
    found = [(m.text, m.value, m.resolution) for m in tag_dates(article, sentences, dt.date(2021, 5, 12))]
    assert found == [("12.5.2021", "2021-05-12", "absolute"), ("En mars", "2021-03", "relative")]


@pytest.mark.parametrize("lines, text, value", [
    # A year that qualifies a noun names that thing; it does not move the story to its year.
    (("Le groupe reste loin de son record de 2016. Ses ventes ont chuté au troisième trimestre.",),
     "au troisième trimestre", "2024-Q3"),
    (("La crise de 2008 a laissé des traces. Les banques ont réagi en novembre.",), "en novembre", "2024-11"),
    # The base of a comparison is not a time of the story either.
    (("Comme en 2019, les salariés ont cessé le travail.", "Le 3 mars, la direction a cédé."), "Le 3 mars", "2025-03-03"),
    (("Le groupe a vendu 500 camions en 2024, contre 450 un an plus tôt. Il avait relevé son objectif "
      "début octobre.",), "début octobre", "2024-10"),
    # Deep inside another paragraph, a year-less quarter reads from the publication date.
    (("En décembre 2022, l'entreprise a saisi la justice.",
      "Selon un cadre, rien n'a bougé. Le groupe prévoyait de publier un plan au premier trimestre."),
     "au premier trimestre", "2025-Q1"),
    # A named edition is not an anchor.
    (("La saison 2019 a été décevante.", "En mars, le club a changé d'entraîneur."), "En mars", "2025-03"),
])
def test_dates_publication_date_wins_over_names_and_comparisons(lines, text, value):
    assert dict(values(*lines))[text] == value


def test_dates_comparison_keeps_its_own_value():
    found = dict(values("Le groupe a vendu 500 camions en 2024, contre 450 un an plus tôt."))
    assert found == {"en 2024": "2024", "un an plus tôt": "2023"}


@pytest.mark.parametrize("lines, text, value", [
    (("Le 3 juin 2024, les urnes ont parlé.", "Plus tôt dans la journée, le président avait voté."),
     "Plus tôt dans la journée", "2024-06-03"),
    (("Le 3 juin 2024, les urnes ont parlé. Un peu plus tard dans la soirée, le président a parlé.",),
     "Un peu plus tard dans la soirée", "2024-06-03"),
    (("Le 3 juin 2019, le barrage a cédé.", "Il a été reconstruit en mars de l'année suivante."),
     "en mars de l'année suivante", "2020-03"),
])
def test_dates_same_day_and_next_year_of_the_narrative(lines, text, value):
    assert dict(values(*lines))[text] == value


@pytest.mark.parametrize("lines, text, value", [
    # A year inside a participial phrase or a relative clause describes a thing, not the story's time.
    (("La convention, adoptée en mai 2019 par le conseil, prévoit des primes.",
      "Le maire l'a dénoncée le 2 mars."), "le 2 mars", "2025-03-02"),
    (("Le syndicat conteste le barème négocié avec la direction en 2018. Il a saisi le juge le 4 février.",),
     "le 4 février", "2025-02-04"),
    (("La fondation, qui a ouvert ses portes en 2016, manque de fonds. Elle a alerté le 10 mars.",),
     "le 10 mars", "2025-03-10"),
    (("Créée en 2015 par deux ingénieurs, la société a levé des fonds. Elle a recruté en janvier.",),
     "en janvier", "2025-01"),
    # ...while a main clause, even passive or with an inverted subject, still sets it.
    (("Le barème a été négocié en 2018 avec la direction. Le 4 février, le juge a été saisi.",),
     "Le 4 février", "2018-02-04"),
])
def test_dates_background_clause_is_not_an_anchor(lines, text, value):
    assert dict(values(*lines))[text] == value


@pytest.mark.parametrize("lines, text", [
    (("Le dispositif, instauré en 2017 par la région, a pris fin.", "Le 9 février, les guichets ont fermé."),
     "Le 9 février"),
    (("La start-up, fondée en 2012, promet une version au second semestre.",), "au second semestre"),
])
def test_dates_background_year_does_not_date_an_undated_story(lines, text):
    assert dict(values(*lines, ref=None))[text] is None


def test_dates_later_counts_from_the_date_its_own_sentence_gives_even_in_an_aside():
    found = dict(values("Le vol est le plus grave depuis celui du Trésor de Bergen, dérobé en 1931 par un gardien "
                        "et retrouvé deux ans plus tard à Oslo."))
    assert found["deux ans plus tard"] == "1933"


def test_dates_an_undated_storys_head_sets_its_year():
    # No day of writing: the head says what the piece returns to, and a day-month after it takes that year;
    # a complement's year later in the body still does not.
    found = dict(values("L'ancienne enquêtrice revient sur le vol d'avril 2031 au musée de Bergen.",
                        "Le 25 mai, deux suspects ont été arrêtés.", "Le record de 2019 tient.", "Le 3 juin, rien.",
                        ref=None))
    assert (found["Le 25 mai"], found["Le 3 juin"]) == ("2031-05-25", "2031-06-03")


@pytest.mark.parametrize("line, value", [
    # A target or a bound set on a plan lies ahead, whatever the tense of the decision.
    ("Le jury a fixé l'audition des candidats pour mardi.", "2025-03-18"),
    ("Le conseil a prolongé l'arrêté préfectoral jusqu'à lundi.", "2025-03-17"),
    ("Le délai a été fixé d'ici samedi.", "2025-03-15"),
    # A bound attached to a past verb keeps the verb's direction.
    ("La fermeture a duré jusqu'à lundi.", "2025-03-10"),
])
def test_dates_weekday_target_or_bound_lies_ahead(line, value):
    assert only(line).value == value


@pytest.mark.parametrize("lines, text, value", [
    # 16 March 2025 is a Sunday; the same weekend is that of ISO week 11.
    (("Le festival se tiendra à Arles le 16 mars.", "Une foire aura lieu à Nîmes le même week-end."),
     "le même week-end", "2025-W11-WE"),
    (("Le salon ouvrira le 6 mai 2026.", "Le ministre viendra la même semaine."), "la même semaine", "2026-W19"),
    (("Le club a joué mardi à Nantes.", "Cette semaine-là, son rival a perdu."), "Cette semaine-là", "2025-W11"),
    (("Le pont a été inauguré le 3 juin 2019.", "La même année, la ville a changé de maire."),
     "La même année", "2019"),
    (("Le pont a été inauguré le 3 juin 2019.", "Le même mois, la ville a changé de maire."),
     "Le même mois", "2019-06"),
])
def test_dates_same_period_as_the_story(lines, text, value):
    found = dict(values(*lines))
    assert found[text] == value
    assert dict(values(lines[1], ref=None)).get(text) is None


# --- What cannot be resolved, and what is not a date -------------------------------------------

@pytest.mark.parametrize("line, text", [
    ("Il s'est rendu vendredi à Rome.", "vendredi"),
    ("En avril, il a démissionné.", "En avril"),
    ("Il a démissionné hier.", "hier"),
    ("Le calme est revenu la semaine dernière.", "la semaine dernière"),
    ("Le barrage a cédé il y a deux ans.", "il y a deux ans"),
    ("La récolte a été mauvaise l'automne dernier.", "l'automne dernier"),
    ("Le juge a tranché le 3 février.", "le 3 février"),
])
def test_dates_unresolvable_without_publication_date(line, text):
    mention = only(line, ref=None)
    assert (mention.text, mention.value, mention.resolution) == (text, None, "unresolved")


def test_dates_veille_of_an_event_is_unresolved():
    mention = only("La veille de l'élection, il a renoncé.")
    assert (mention.text, mention.value) == ("La veille", None)


def test_dates_veille_of_an_event_the_article_dated_is_the_day_before():
    found = values("Le 12 mai 2024, l'élection a eu lieu dans le calme.", "Le ministre avait renoncé la veille de l'élection.")
    assert dict(found)["la veille"] == "2024-05-11"


def test_dates_day_after_an_event_named_by_another_word_of_its_kind():
    # "le scrutin" is the vote "l'élection" named; "le sommet" would not be.
    found = values("Le 12 mai 2024, l'élection a eu lieu dans le calme.", "Dès le lendemain du scrutin, il a renoncé.")
    assert dict(found)["le lendemain"] == "2024-05-13"
    found = values("Le 12 mai 2024, l'élection a eu lieu dans le calme.", "Dès le lendemain du sommet, il a renoncé.")
    assert dict(found)["le lendemain"] is None
    # With two days in its sentence, the one right after the word is the event's own.
    found = values("OSLO, 20 mai 2024 (Agence) - Il a gagné l'élection présidentielle du 12 mai.",
                   "Dès le lendemain du scrutin, son rival a renoncé.")
    assert dict(found)["le lendemain"] == "2024-05-13"


@pytest.mark.parametrize("line", [
    "Le patriarche, 70 ans, a été hospitalisé.",
    "Le conflit dure depuis deux ans.",
    "Pendant trois mois, ils ont attendu.",
    "Il a observé une minute de silence.",
    "Le vol décolle à 14h36.",
    "Dernière mise à jour 08:22",
    "Le pays fête le 80e anniversaire de la victoire.",
    "On célèbre les 80 ans de la fin de la Seconde Guerre mondiale.",
    "Plus de 10'000 soldats ont été envoyés.",
    "Plus de 2000 soldats ont été envoyés.",
    "Le 8e Congrès a réuni les délégués.",
    "À l'occasion du 1er anniversaire du traité, il a parlé.",
    "Le carnaval du Mardi gras attire les foules.",
    "Une mission de trois semaines a été annoncée.",
    "Il a été condamné à sept ans de prison.",
    "Le score final était de 2 à 1.",
    "Les deux pays ont signé un accord.",
    "Entre 1500 et 2000 manifestants ont défilé.",
    "Ils étaient de 2000 à 3000 selon les syndicats.",
    "Le refuge est situé à 2000 mètres d'altitude.",
    "Le royaume existe depuis 2000 ans.",
    "Il a réagi ces derniers jours, rappelle récemment la presse.",
    "Les 27 se sont entendus sur le budget européen.",
    "Les Bleus menaient 24-17 à la pause.",
    "Il travaille ici depuis trois semaines.",
    "Le chômage a reculé de 0,3 % sur un an.",
    "Âgé de 61 ans, il a parlé pendant 80 minutes.",
    "Le Mirage 2000 a décollé de la base.",
    "Le bilan s'élève à 2000 morts selon l'ONU.",
    "La sonde a atteint la planète Mars.",
    "Le barrage culmine à 2000 m d'altitude.",
])
def test_dates_not_dates(line):
    assert values(line) == []


def test_dates_sorted_by_span_and_text_is_the_slice():
    article, sentences = make("Le 2 mai 2024 : bilan", "Hier, il a parlé. En 2012, il était ministre.",
                              "Il reviendra mardi.")
    found = tag_dates(article, sentences, THURSDAY)
    assert [m.span for m in found] == sorted(m.span for m in found)
    assert all(article.blocks[m.span.block].text[m.span.start:m.span.end] == m.text for m in found)
    assert [m.value for m in found] == ["2024-05-02", "2025-03-12", "2012", "2025-03-18"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("lemardi 1234567890./-'’,hjuinavrlset")), max_size=60),
                min_size=1, max_size=4))
def test_dates_never_fail_on_arbitrary_text(lines):
    article, sentences = make(*lines)
    for ref in (None, THURSDAY):
        for m in tag_dates(article, sentences, ref):
            assert article.blocks[m.span.block].text[m.span.start:m.span.end] == m.text
    publication_date(article, sentences)


# --- Publication date -------------------------------------------------------------------------

@pytest.mark.parametrize("published, value", [
    ("2025-03-01", "2025-03-01"),
    ("2025-03-01T22:10:00+01:00", "2025-03-01"),
    ("2025-03-01 08:00", "2025-03-01"),
])
def test_dates_publication_from_sidecar(published, value):
    article, sentences = make("Titre", "Texte sans date.", sidecar=Sidecar(published=published))
    assert publication_date(article, sentences) == Published(value, "given", f'sidecar published "{published}"')


@pytest.mark.parametrize("lines, kinds, value", [
    (("Titre", "12.5.2021 - 10:15", "Le texte."), ("title", "dateline"), "2021-05-12"),
    (("Titre", "mercredi 17/06/2025", "Le texte."), (), "2025-06-17"),
    (("Titre", "LYON, 28 JUILLET, 2025 (AFP) - Le maire a parlé."), (), "2025-07-28"),
    (("Titre", "Séoul, 4 mars 2024 (Yonhap) -- Le texte."), (), "2024-03-04"),
    (("Titre", "Publié le 3 septembre 2025 à 14h36", "Le texte."), (), "2025-09-03"),
    (("Titre", "Publié le 3 septembre 2025 à 14h36, mis à jour le 4 septembre 2025 à 09h10"), (), "2025-09-03"),
    (("Titre", "Mis à jour le 5 octobre 2024", "Le texte."), (), "2024-10-05"),
    (("Titre", "Le texte.", "Publié le 05/10/2024 à 18:02"), (), "2024-10-05"),
    (("Titre", "Par Jean Dupont", "17 juin 2025", "Le texte."), (), "2025-06-17"),
    (("Titre", "2025-06-17", "Le texte."), (), "2025-06-17"),
    (("Titre", "Vendredi 7 février 2025 - 11:40", "Le texte."), (), "2025-02-07"),
    (("Titre", "Le 03/09/2025 à 14h36", "Le texte."), (), "2025-09-03"),
    (("Titre", "3 septembre 2025, 14 h 36", "Le texte."), (), "2025-09-03"),
    (("Titre", "Mis en ligne le 2 octobre 2024 à 06:00", "Le texte."), (), "2024-10-02"),
    (("Titre", "Le texte. | Publié le 4 mars 2024 · Modifié le 5 mars 2024"), (), "2024-03-04"),
    (("Titre", "GENÈVE, 12 mai 2023 (ATS) - " + "Le conseil a voté une longue réforme. " * 10), (), "2023-05-12"),
    (("Titre", "STRASBOURG, 9 avril 2025 (AFP) - Les députés ont voté."), (), "2025-04-09"),
    (("Titre", "Publié le 9 avril 2025 à 18h02 - Mis à jour le 10 avril 2025 à 07h10", "Le texte."), (), "2025-04-09"),
    (("Titre", "Mis à jour le 10 avril 2025 à 07h10 - Publié le 9 avril 2025 à 18h02", "Le texte."), (), "2025-04-09"),
    (("Titre", "Le 10/04/2025 à 11:45", "Le texte."), (), "2025-04-10"),
    (("Titre", "Par Marie Durand - 9 avril 2025 à 18h02", "Le texte."), (), "2025-04-09"),
    (("Titre", "LILLE (AFP) | 9 avril 2025", "Le texte."), (), "2025-04-09"),
    (("Titre", "Article publié le 09 avril 2025", "Le texte."), (), "2025-04-09"),
    (("Titre", "Publié à 18h02 le 9 avril 2025", "Le texte."), (), "2025-04-09"),
    (("Titre", "mer. 9 avril 2025 à 18:02", "Le texte."), (), "2025-04-09"),
    (("Titre", "Le texte.", "(Publié le 9 avril 2025)"), (), "2025-04-09"),
    (("Titre", "Paru le 9 avril 2025", "Le texte."), (), "2025-04-09"),
    (("Titre", "Le texte.", "© Le Quotidien, 9 avril 2025"), (), "2025-04-09"),
    (("Titre", "2025-04-09T18:02:00Z", "Le texte."), (), "2025-04-09"),
    (("Titre", "Publié le 2025-04-09T18:02:00+02:00", "Le texte."), (), "2025-04-09"),
    (("Titre", "LYON, 9 jan 2025 (AFP) - Le maire a parlé."), (), "2025-01-09"),
])
def test_dates_publication_from_dateline(lines, kinds, value):
    article, sentences = make(*lines, kinds=kinds)
    published = publication_date(article, sentences)
    assert (published.value, published.status) == (value, "given")
    assert "dateline" in published.evidence


@pytest.mark.parametrize("lines", [
    ("Titre", "Le 6 décembre 2025, le ministre a démissionné."),
    ("Titre", "17 juin 2025, le président a parlé à la nation pendant une heure."),
    ("Titre", "Le texte ne dit rien de sa date."),
    ("Titre", "Des images diffusées vendredi montrent le chef de l'État."),
    ("Titre", "Un rapport publié le 3 mars 2025 montre une hausse des prix."),
    ("Grève - 5 février 2026 : ce qui change", "Le texte ne dit rien de sa date."),
    ("Titre", "La loi est parue le 9 avril 2025."),
])
def test_dates_publication_unknown_without_dateline(lines):
    article, sentences = make(*lines)
    assert publication_date(article, sentences) == Published(None, "unknown", "")


@pytest.mark.parametrize("lines, value", [
    # 14 March 2026 is a Saturday; the year comes from the lead or the title.
    (("Titre", "LYON, 14 mars (Reuters) - La plus grande foire agricole de 2026 a ouvert ses portes.", "Le texte."),
     "2026-03-14"),
    (("Le bilan 2026 du salon", "LYON, samedi 14 mars (AFP) - Le salon a ouvert ses portes.", "Le texte."),
     "2026-03-14"),
    (("Titre", "Publié le 14 mars à 10h05", "La plus grande foire agricole de 2026 a ouvert ses portes.", "Le texte."),
     "2026-03-14"),
])
def test_dates_publication_dateline_without_year_takes_the_text_year(lines, value):
    article, sentences = make(*lines)
    published = publication_date(article, sentences)
    assert (published.value, published.status) == (value, "inferred")
    found = [m.value for m in tag_dates(article, sentences, dt.date.fromisoformat(published.value))
             if m.text.endswith("14 mars")]
    assert found == [value]


@pytest.mark.parametrize("lines", [
    # No year at all, a year only named far from the lead, a weekday that does not fit, a later date.
    ("Titre", "LYON, 14 mars (Reuters) - Le salon a ouvert ses portes.", "Le texte."),
    ("Titre", "LYON, 14 mars (Reuters) - Le salon a ouvert.", "Un.", "Le salon existe depuis 2026."),
    ("Titre", "LYON, vendredi 14 mars (AFP) - La plus grande foire agricole de 2026 a ouvert.", "Le texte."),
    ("Titre", "LYON, 14 mars (AFP) - La plus grande foire agricole de 2026 a ouvert.", "Il avait fermé le 2 mai 2026."),
    ("Titre", "LYON, 14 mars (AFP) - La fréquentation reste loin de son record de 2019.", "Le texte."),
    # "Il y a 3 h" needs a clock: no date at all.
    ("Titre", "Publié il y a 3 h", "Le salon a ouvert ses portes ce mardi."),
])
def test_dates_publication_dateline_without_year_refuses_doubt(lines):
    article, sentences = make(*lines)
    assert publication_date(article, sentences).value is None
    assert all(m.value is None for m in tag_dates(article, sentences, None) if "mardi" in m.text or "3 h" in m.text)


# 4 March 2025 is a Tuesday.
CHAIN = ("Le maire est décédé le 4 mars 2025, a annoncé sa famille jeudi.",
         "Les obsèques ont eu lieu samedi, ont indiqué dimanche les autorités.")


def test_dates_publication_inferred_from_weekday_chain():
    article, sentences = make("Titre", *CHAIN)
    published = publication_date(article, sentences)
    assert (published.value, published.status) == ("2025-03-09", "inferred")
    assert '"le 4 mars 2025" est un mardi' in published.evidence and "2025-03-09" in published.evidence
    tagged = dict((m.text, m.value) for m in tag_dates(article, sentences, dt.date(2025, 3, 9)))
    assert tagged == {"le 4 mars 2025": "2025-03-04", "jeudi": "2025-03-06", "samedi": "2025-03-08",
                      "dimanche": "2025-03-09"}


MONTHS_AFTER = ("Les négociateurs jouent ce mardi leur dernière carte, le médiateur ayant fixé l'échéance du 15 octobre.",
                "Près de six mois après le scrutin du 21 avril 2024, le pays attend toujours un gouvernement.",
                "Lundi, les discussions ont duré toute la nuit.")


def test_dates_publication_months_after_a_day_leads_to_the_days_weekday():
    # Six months after 21 April 2024 (a little less): the text's one yearless day that is then a Tuesday.
    article, sentences = make("Titre", *MONTHS_AFTER)
    published = publication_date(article, sentences)
    assert (published.value, published.status) == ("2024-10-15", "inferred")
    # Without such a day the writing is only "some six months later": no day, and no weekday chain from April.
    article, sentences = make("Titre", MONTHS_AFTER[0].replace(", le médiateur ayant fixé l'échéance du 15 octobre", ""),
                              *MONTHS_AFTER[1:])
    assert publication_date(article, sentences).value is None


@pytest.mark.parametrize("count, expected", [
    # 14 November 2024, two months less a day: Monday 13 January 2025, the day the lead calls "ce lundi".
    ("Deux mois moins un jour après la tempête qui a ravagé la côte le 14 novembre 2024", "2025-01-13"),
    # Two months and a day is a Wednesday: no day the text calls today, no date.
    ("Deux mois et un jour après la tempête qui a ravagé la côte le 14 novembre 2024", None),
])
def test_dates_publication_counted_to_the_day_from_a_full_date(count, expected):
    article, sentences = make("Titre", f"{count}, le Parlement a adopté ce lundi la loi de reconstruction.",
                              "Le texte avait été présenté le 8 décembre.")
    assert publication_date(article, sentences).value == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Des grèves tournantes sont évoquées pour le mois de mai.", "2025-05"),
    ("Une nouvelle journée d'action est à l'étude pour la fin avril.", "2025-04"),
    ("L'inflation s'établit à 2 % pour le mois de février.", "2025-02"),
    ("Les ventes ont chuté pour le mois de mai.", "2024-05"),      # the past keeps its tense
])
def test_dates_a_month_aimed_at_is_the_nearer_one(sentence, expected):
    assert values(sentence, ref=dt.date(2025, 3, 31))[0][1] == expected


def test_dates_publication_of_press_releases_gathered_is_the_latest():
    lines = ("COMMUNIQUÉ DE PRESSE", "Lyon, le 10 mars 2025", "Le préfet a réuni ce lundi les maires.",
             "COMMUNIQUÉ DE PRESSE", "Lyon, le 12 mars 2025", "Le préfet a levé ce mercredi l'alerte.")
    article, sentences = make("Titre", *lines, kinds=("title", "byline", "dateline", "paragraph", "byline", "dateline"))
    published = publication_date(article, sentences)
    assert (published.value, published.status) == ("2025-03-12", "inferred")


def test_dates_each_gathered_release_reads_its_relative_days_from_its_own_dateline():
    lines = ("COMMUNIQUÉ DE PRESSE", "Lyon, le 10 mars 2025", "Le préfet réunira demain les maires.",
             "COMMUNIQUÉ DE PRESSE", "Lyon, le 12 mars 2025", "Le préfet a levé ce mercredi l'alerte.")
    article, sentences = make("Titre", *lines, kinds=("title", "byline", "dateline", "paragraph", "byline", "dateline"))
    found = dict((m.text, m.value) for m in tag_dates(article, sentences, dt.date(2025, 3, 12)))
    assert found["demain"] == "2025-03-11" and found["ce mercredi"] == "2025-03-12"


LIVE_DAYS = ("Jeudi 13 mars", "17h05", "La préfète a annoncé ce matin la réouverture des écoles, fermées hier.",
             "Mercredi 12 mars", "20h40", "Le maire réunira demain son conseil municipal.",
             "09h15", "Les secours ont évacué hier soir deux cents habitants.")
LIVE_KINDS = ("title", "dateline", "heading", "paragraph", "dateline", "heading", "paragraph", "heading", "paragraph")


def live_values(*lines: str) -> dict[str, str | None]:
    article, sentences = make("Crue de la Loire, en direct", *lines, kinds=LIVE_KINDS)
    return dict((m.text, m.value) for m in tag_dates(article, sentences, THURSDAY))


def test_dates_a_live_pages_entries_read_their_relative_days_from_their_day_heading():
    found = live_values(*LIVE_DAYS)
    assert found["ce matin"] == "2025-03-13" and found["hier"] == "2025-03-12"
    assert found["Mercredi 12 mars"] == "2025-03-12"
    assert found["demain"] == "2025-03-13" and found["hier soir"] == "2025-03-11"


def test_dates_day_headings_that_do_not_fit_leave_the_publication_day_as_reference():
    # 13 March 2025 is a Thursday: a Friday 13 March is no day near the publication, so one heading is left.
    found = live_values("Vendredi 13 mars", *LIVE_DAYS[1:])
    assert found["demain"] == "2025-03-14" and found["hier soir"] == "2025-03-12"
    # One day heading alone is a dateline above the text.
    found = live_values(*LIVE_DAYS[3:6])
    assert found["demain"] == "2025-03-14"


def test_dates_publication_a_day_ahead_is_counted_back_from_the_next_sentence():
    # 21 October 2025 is a Tuesday; eight days before it, the Monday the lead calls "ce lundi".
    lines = ("Condamné le 25 septembre 2025, l'ancien maire a été reçu ce lundi au parquet.",
             "Il sera incarcéré mardi 21 octobre à la prison de Lyon. Son entrée en détention interviendra donc dans huit jours.")
    article, sentences = make("Titre", *lines)
    assert publication_date(article, sentences).value == "2025-10-13"
    # Without the count, the day ahead starts no chain: "ce lundi" is no Monday after it.
    article, sentences = make("Titre", "L'ancien maire, condamné en 2025, a été reçu ce lundi au parquet. "
                              + lines[1].split(" Son ")[0])
    assert publication_date(article, sentences).value is None


def test_dates_both_months_of_a_yearless_range():
    assert values("Il a déjà purgé, entre février et mai, une peine sous bracelet électronique.",
                  ref=dt.date(2025, 10, 13)) == [("entre février", "2025-02"), ("et mai", "2025-05")]


def test_dates_publication_chain_links_weekdays_of_other_paragraphs():
    article, sentences = make("Titre", "Les proches se sont recueillis mercredi devant la mairie.",
                              "Le maire est mort le 1er mars 2025, a annoncé lundi la préfecture.")
    assert publication_date(article, sentences).value == "2025-03-05"


@pytest.mark.parametrize("lines", [
    # A later date in the text: the day D is not where the story ends.
    CHAIN + ("Une cérémonie se tiendra en juin 2025.",),
    # A weekday equal to D's own could be D itself.
    ("Le maire est décédé le 4 mars 2025, a annoncé sa famille mardi.",),
    # No weekday in D's sentence or paragraph.
    ("Le maire est décédé le 4 mars 2025.", "Les obsèques ont eu lieu samedi."),
    # Only future weekdays.
    ("Le maire est décédé le 4 mars 2025 ; il sera inhumé samedi.",),
    # A modified weekday does not count from D.
    ("Le maire est décédé le 4 mars 2025, a annoncé sa famille jeudi dernier.",),
    # Weekdays but no full date.
    ("Les obsèques ont eu lieu samedi, ont indiqué dimanche les autorités.",),
    # The full date is only a month.
    ("Le maire est décédé en mars 2025, a annoncé sa famille jeudi.",),
])
def test_dates_publication_chain_refuses_doubt(lines):
    article, sentences = make("Titre", *lines)
    assert publication_date(article, sentences) == Published(None, "unknown", "")



# 8 February 2026 is a Sunday; it was a Saturday in 2025 and a Thursday in 2024.
@pytest.mark.parametrize("lines, value", [
    (("Titre", "Le club s'est qualifié ce dimanche 8 février pour la finale de l'édition 2026 de la coupe."),
     "2026-02-08"),
    (("La coupe 2026 se joue à Lyon", "Le club s'est qualifié ce dimanche 8 février pour la finale."), "2026-02-08"),
    (("Titre", "Le club s'est qualifié ce dimanche 8 février 2026 pour la finale."), "2026-02-08"),
])
def test_dates_publication_inferred_from_this_weekday_and_date(lines, value):
    article, sentences = make(*lines)
    published = publication_date(article, sentences)
    assert (published.value, published.status) == (value, "inferred")
    assert "ce dimanche 8 février" in published.evidence


@pytest.mark.parametrize("lines", [
    # Told in the future: the article came out some day before.
    ("Titre", "Le club jouera ce dimanche 8 février la finale de l'édition 2026 de la coupe."),
    # The weekday does not fall on that date in the year the text gives.
    ("Titre", "Le club s'est qualifié ce samedi 8 février pour la finale de l'édition 2026 de la coupe."),
    # The only year is one the story looks back to.
    ("Titre", "Le club s'est qualifié ce dimanche 8 février, une première depuis 2015."),
    # The year is far from the date, in another paragraph.
    ("Titre", "Le club s'est qualifié ce dimanche 8 février.", "Il avait été relégué en 2026."),
    # No "ce": any Sunday 8 February of the story, not the day of writing.
    ("Titre", "Le club s'est qualifié dimanche 8 février pour la finale de l'édition 2026."),
    # No year at all.
    ("Titre", "Le club s'est qualifié ce dimanche 8 février pour la finale."),
])
def test_dates_publication_this_weekday_refuses_doubt(lines):
    article, sentences = make(*lines)
    assert publication_date(article, sentences) == Published(None, "unknown", "")


@pytest.mark.parametrize("line, value", [
    # A deadline set on a season is the coming one, even told in the past.
    ("Le ministre promet un accord avant l'été.", "2025-SU"),
    ("Il avait promis de conclure d'ici l'automne.", "2025-FA"),
    ("La réforme est attendue pour le printemps.", "2025-SP"),    # the one under way
    ("La réforme est attendue pour l'été.", "2025-SU"),
    # No tense at all: the nearer season (in March, last winter is nearer than next winter).
    ("Un retour aux urnes à l'hiver.", "2024-WI"),
])
def test_dates_season_deadlines_look_ahead(line, value):
    assert only(line).value == value


def test_dates_every_day_of_a_list_takes_the_month_of_the_last():
    assert values("Les audiences ont eu lieu les 12, 13 et 14 novembre 2024 à Lyon.") == [
        ("les 12", "2024-11-12"), ("13", "2024-11-13"), ("14 novembre 2024", "2024-11-14")]
    assert values("Il a plaidé le 5 puis le 19 mai 2024.") == [("le 5", "2024-05-05"), ("le 19 mai 2024", "2024-05-19")]


@pytest.mark.parametrize("line, value", [
    # A participle right before the date governs it, whatever verb the clause also holds.
    ("Ils ont parlé de l'aide prévue par le traité conclu en juin entre les deux pays.", "2024-06"),
    ("La visite prévue en juin a été confirmée.", "2025-06"),     # planned: still ahead
])
def test_dates_participle_before_a_month_sets_its_direction(line, value):
    assert only(line, ref=dt.date(2024, 11, 30)).value == value


def test_dates_narrative_never_moves_back_within_a_year():
    # "juin 2024 ... en avril": with a publication date in 2025, April is this year's, not 2024's.
    assert values("La rencontre remontait à juin 2024. Depuis, il n'a reconnu les faits qu'en avril.",
                  ref=dt.date(2025, 9, 3)) == [("juin 2024", "2024-06"), ("en avril", "2025-04")]
    # ...while a narrative that moves forward keeps its year.
    assert values("En mars 2023, il quitte Lyon. En octobre, il arrive à Oslo.",
                  ref=dt.date(2025, 9, 3)) == [("En mars 2023", "2023-03"), ("En octobre", "2023-10")]


def test_dates_publication_from_a_dateline_of_slashed_parts():
    article, sentences = make("Titre", "LQJ / AFP / le 30 mai 2025 à 07h15", "Le texte.")
    assert publication_date(article, sentences).value == "2025-05-30"


@pytest.mark.parametrize("lead, value", [
    # 4 September is a Thursday in 2025, a Wednesday in 2024: "jeudi" can only be the dateline's day in 2025.
    ("LYON, 4 septembre (Reuters) - Le salon, ouvert depuis l'automne 2024, a fermé jeudi.", "2025-09-04"),
    # "mercredi" fits both years (the day itself in 2024, the day before in 2025): no year is sure.
    ("LYON, 4 septembre (Reuters) - Le salon, ouvert depuis l'automne 2024, a fermé mercredi.", None),
])
def test_dates_publication_year_less_dateline_and_the_weekday_of_its_lead(lead, value):
    article, sentences = make("Titre", lead, "Le texte.")
    assert publication_date(article, sentences).value == value


def test_dates_publication_chain_ends_on_this_weekday_told_in_the_present():
    # 12 July 2025 is a Saturday, in the year the text gives; "Ce mardi" is the Tuesday after it.
    article, sentences = make("Titre", "Il l'avait promis samedi 12 juillet : « Ils viendront. » Ce mardi, ils sont là.",
                              "La station a ouvert le 1er juillet 2025.")
    published = publication_date(article, sentences)
    assert (published.value, published.status) == ("2025-07-15", "inferred")


def test_dates_the_day_after_a_day_no_one_can_date_is_not_known():
    # No publication date: "le 7 juillet" has no year, so neither has "Le lendemain" (not 2 July).
    assert values("La station, ouverte le 1er juillet 2025, attire du monde.", "Le groupe a atterri le 7 juillet.",
                  "Le lendemain, il visitait la plage.", ref=None) == [
        ("le 1er juillet 2025", "2025-07-01"), ("le 7 juillet", None), ("Le lendemain", None)]


def test_dates_a_quotation_closed_before_a_capital_ends_its_sentence():
    text = "Il l'avait promis : « Ils viendront ici. » Ce mardi, ils sont là."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Il l'avait promis : « Ils viendront ici. »",
                                                            "Ce mardi, ils sont là."]


def test_dates_a_month_opening_a_paragraph_takes_only_a_framing_date_of_the_one_before():
    # "..., à l'automne 2024." ends a sentence: the next paragraph's "Fin août" is the last August (2025).
    found = dict(values("Les soldats sont partis en nombre, à l'automne 2024.", "Fin août, il a réuni les familles.",
                        ref=dt.date(2026, 1, 12)))
    assert found["Fin août"] == "2025-08"
    # A date that opens its sentence frames the next paragraph.
    found = dict(values("En 2019, l'usine a fermé.", "En mars, les salariés ont manifesté.", ref=dt.date(2026, 1, 12)))
    assert found["En mars"] == "2019-03"


def test_dates_publication_a_day_counted_from_a_date_in_the_present_of_the_lead():
    article, sentences = make("Titre", "Le 3 mars 2025, le port a brûlé. Deux jours plus tard, le maire raconte la nuit.",
                              "Il promet une reconstruction d'ici à 2027.")
    assert publication_date(article, sentences).value == "2025-03-05"
    # Told in the past, it is a day of the story, not the piece's.
    article, sentences = make("Titre", "Le 3 mars 2025, le port a brûlé. Deux jours plus tard, le maire a démissionné.")
    assert publication_date(article, sentences).value is None


def test_dates_a_bare_day_opening_its_clause_takes_the_month_its_paragraph_just_gave():
    assert values("Octobre 2024 : le 16, onze pays créent un groupe. Le 24, la Douma vote.") == [
        ("Octobre 2024", "2024-10"), ("le 16", "2024-10-16"), ("Le 24", "2024-10-24")]
    # No month before it in its paragraph: no date at all.
    assert values("Le 16, onze pays ont créé un groupe.") == []


def test_dates_the_next_day_follows_the_story_past_an_intertitle():
    from generator.pipeline import sentences_of
    from generator.read import structure
    article = structure("a.txt", "Titre\n\nLes inspecteurs sont venus le 19 juin 2024 au restaurant.\n\n"
                                 "Fermeture administrative\n\nLe lendemain, le préfet avait ordonné la fermeture.\n")
    assert [b.kind for b in article.blocks][2] == "heading"
    found = tag_dates(article, sentences_of(article), dt.date(2025, 3, 4))
    assert [(m.text, m.value) for m in found] == [("le 19 juin 2024", "2024-06-19"), ("Le lendemain", "2024-06-20")]


@pytest.mark.parametrize("lines, text, value", [
    # A part of the day: the day of its paragraph, else the day of the news.
    (("Le 3 juin 2024, les urnes ont parlé. Dans l'après-midi, le président a voté.",), "Dans l'après-midi", "2024-06-03"),
    (("Le ministre a réagi dans la soirée.",), "dans la soirée", "2025-03-13"),
    (("Le ministre a parlé en fin d'après-midi.",), "en fin d'après-midi", "2025-03-13"),
    # Opening a paragraph, it goes on with the news, not with the backstory just told.
    (("Il était arrivé mardi en train.", "Dans l'après-midi, il a rencontré le président."), "Dans l'après-midi", "2025-03-13"),
])
def test_dates_a_part_of_the_day(lines, text, value):
    found = dict(values(*lines))
    assert found[text] == value


@pytest.mark.parametrize("line, value", [
    # "jour pour jour": to the very day; a hedge ("un peu plus d'un", "encore") still counts years.
    ("Il y a quatre ans jour pour jour, la guerre commençait.", "2021-03-13"),
    ("Il y a une semaine jour pour jour, le sommet se tenait.", "2025-03-06"),
    ("Il y a un peu plus d'un an, le traité était signé.", "2024"),
    ("Il y a encore deux ans, personne n'y croyait.", "2023"),
])
def test_dates_ago_to_the_day_and_hedged(line, value):
    assert only(line).value == value


def test_dates_a_month_after_a_season_follows_the_narrative():
    # "l'automne 2024 ... fin avril": April comes after that autumn, so in 2025.
    assert dict(values("Ils sont partis à l'automne 2024. Moscou l'a reconnu fin avril.", ref=dt.date(2025, 6, 17))) == {
        "à l'automne 2024": "2024-FA", "fin avril": "2025-04"}


def test_dates_a_year_aimed_at_sets_no_later_month():
    # "pour 2026" names what a budget is for; the deadline is this year's October, seen from March 2025.
    found = dict(values("Le conseil devra voter un budget pour 2026 avant la mi-octobre."))
    assert found["pour 2026"] == "2026" and found["mi-octobre"] == "2025-10"


@pytest.mark.parametrize("word, value", [
    ("45", 45), ("cinq", 5), ("quarante-cinq", 45), ("vingt et un", 21), ("soixante-dix", 70), ("quarante", 40),
])
def test_dates_numbers_in_words(word, value):
    assert number_of(word) == value
