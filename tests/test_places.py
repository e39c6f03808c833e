"""Countries and places on sentences written for these tests (the real model, loaded once)."""
from __future__ import annotations

import pytest

from generator.actors import find_mentions
from generator.knowledge import Knowledge
from generator.model import Article, Block
from generator.nlp import load_nlp
from generator.pipeline import sentences_of


@pytest.fixture(scope="module")
def mentions_of():
    nlp = load_nlp()

    def run(*lines):
        blocks = tuple(Block("paragraph", text, i + 1, f"p{i}") for i, text in enumerate(lines))
        article = Article("test.txt", blocks)
        return find_mentions(article, sentences_of(article), list(nlp.pipe([b.text for b in blocks])), Knowledge())
    return run


def places(mentions):
    return {m.name for m in mentions if m.type in ("place", "country")}


@pytest.mark.parametrize("text, present, absent", [
    ("Des pêcheurs ont été arraisonnés dans le golfe du Bénin mardi.", {"golfe du Bénin"}, {"Bénin"}),
    ("Les vignobles de la vallée de la Loire ont gelé.", {"vallée de la Loire"}, set()),
    ("Un cargo a sombré en mer Baltique.", {"mer Baltique"}, set()),
    # A town named after what it stands on.
    ("Il s'est rendu à Ville-sur-l'Orne puis à Bourg-en-Forêt.", {"Ville-sur-l'Orne", "Bourg-en-Forêt"}, set()),
    # A country's region named by a demonym: one place.
    ("Les troupes ont été entraînées dans l'Extrême-Orient russe.", {"Extrême-Orient russe"}, {"Extrême-Orient"}),
])
def test_places_natural_feature_is_one_place_not_the_country_inside(mentions_of, text, present, absent):
    found = places(mentions_of(text))
    assert present <= found and not (absent & found)


@pytest.mark.parametrize("text, expected", [
    ("Les camions ont quitté la mine de Tasrit à l'aube.", {"Tasrit"}),
    ("Un restaurant du centre-ville de Landerneau a été fermé.", {"Landerneau"}),
    ("Le maire de Trévoux a démissionné lundi.", {"Trévoux"}),
    ("Le site pétrolier d'Agadem reste fermé.", {"Agadem"}),
    ("Le convoi parti de Koulikoro est arrivé à Ségou.", {"Koulikoro"}),
    ("Les ports de Lomé et de Cotonou se disputent le trafic.", {"Lomé", "Cotonou"}),
])
def test_places_sites_and_movements_locate_a_town(mentions_of, text, expected):
    assert expected <= places(mentions_of(text))


@pytest.mark.parametrize("text, absent", [
    ("Le titre a reculé de 2 % à la Bourse de Paris.", {"France", "Paris"}),
    ("Il l'a dit mercredi sur France Inter.", {"France"}),
    # A treaty named after the town where it was signed.
    ("Le pays quitte le traité de Lisbonne et la Convention d'Helsinki.", {"Lisbonne", "Helsinki"}),
])
def test_places_a_city_or_country_inside_a_name_is_not_a_place(mentions_of, text, absent):
    assert not (absent & places(mentions_of(text)))


def test_places_a_museum_that_acts_is_an_institution_and_a_place_where_one_goes(mentions_of):
    acting = mentions_of("Le musée Granet restera fermé lundi, a indiqué l'établissement.")
    assert {(m.name, m.type) for m in acting} == {("Musée Granet", "organisation")}
    visited = mentions_of("La ministre s'est rendue au musée des Beaux-Arts de Rouen.")
    assert "Musée des Beaux-Arts" in places(visited)


def test_places_a_room_named_after_someone_is_a_place_not_that_person(mentions_of):
    found = mentions_of("Le tableau était exposé dans la salle de Diane, au premier étage.")
    assert {(m.name, m.type) for m in found} == {("Salle de Diane", "place")}


def test_places_a_hall_named_after_someone_is_a_place_not_that_person(mentions_of):
    found = mentions_of("Le sommet s'est tenu au Centre international de congrès Karl Lind de Bergen.")
    assert "Centre international de congrès Karl Lind" in places(found)
    assert "Karl Lind" not in {m.name for m in found if m.type == "person"}


def test_places_a_treaty_signed_in_a_town_still_places_the_signing(mentions_of):
    assert "Lisbonne" in places(mentions_of("Le traité a été signé à Lisbonne et porte le nom de traité de Lisbonne."))


def test_places_a_stadium_named_after_a_country_keeps_its_name(mentions_of):
    found = places(mentions_of("La finale se jouera au Stade de France samedi."))
    assert "Stade de France" in found and "Stade" not in found


def test_places_french_departement_and_nation_of_the_united_kingdom(mentions_of):
    found = places(mentions_of("Le préfet de l'Isère a reçu une délégation écossaise venue d'Écosse."))
    assert {"Isère", "Écosse"} <= found and "Royaume-Uni" not in found


def test_places_a_town_established_once_is_not_a_person_elsewhere(mentions_of):
    found = mentions_of("La réunion aura lieu à Tasrit.", "Tasrit attend la décision.")
    assert not {m.name for m in found if m.type == "person"}


@pytest.mark.parametrize("text, present, absent", [
    ("Le cortège est parti de la place de la Bastille vers 14 heures.", {"Place de la Bastille"}, set()),
    ("Des vitrines ont été brisées avenue Jean-Jaurès dans la soirée.", {"Avenue Jean-Jaurès"}, set()),
    ("Les ministres ont été reçus rue de Grenelle jeudi.", {"Rue de Grenelle"}, set()),
    ("Aucun train ne partira de la gare de Marseille mardi.", {"Gare de Marseille"}, {"Marseille"}),
    ("Les voyageurs patientaient gare de l'Est, à Paris.", {"Gare de l'Est", "Paris"}, set()),
    ("La manifestation s'est dispersée près du château des comtes de Provence.", {"Château des comtes de Provence"}, set()),
    ("Le match se jouera au stade Jean-Bouin de Saint-Ouen-sur-Seine.", {"Stade Jean-Bouin", "Saint-Ouen-sur-Seine"}, set()),
    ("Des policiers montaient la garde devant la pyramide du Vieux-Port.", {"Pyramide du Vieux-Port"}, set()),
])
def test_places_streets_squares_and_stations_with_their_name(mentions_of, text, present, absent):
    found = places(mentions_of(text))
    assert present <= found and not (absent & found)


def test_places_a_square_named_after_someone_is_not_that_person(mentions_of):
    found = mentions_of("Les troupes ont défilé sur la place Paul-Durand à Lyon.")
    assert "Place Paul-Durand" in places(found)
    assert not [m for m in found if m.type == "person"]


@pytest.mark.parametrize("text, present", [
    ("La start-up, installée à Boulogne-Billancourt (Hauts-de-Seine), emploie 40 personnes.", {"Boulogne-Billancourt"}),
    ("Le juge a saisi une maison à Saint-Maur-des-Fossés (Val-de-Marne).", {"Saint-Maur-des-Fossés"}),
])
def test_places_town_followed_by_its_departement_in_brackets(mentions_of, text, present):
    assert present <= places(mentions_of(text))


@pytest.mark.parametrize("text, absent", [
    ("La réunion tourne court après une heure.", {"La Réunion"}),
    ("Le tribunal de commerce de Paris a prononcé la liquidation.", {"France"}),
    ("L'Élysée n'a pas souhaité commenter.", {"France"}),
])
def test_places_no_place_from_a_common_noun_or_a_seat_that_speaks(mentions_of, text, absent):
    assert not (absent & places(mentions_of(text)))


@pytest.mark.parametrize("text, absent", [
    # A ministry's portfolio after a verb or a title of office.
    ("Anna Berg (Parti du progrès) s'installe à la Défense, Karl Lind reste à la Santé.", {"Défense", "Santé"}),
    ("Olav Dahl, qui pilotait l'Industrie, a hérité des Finances en mars.", {"Industrie"}),
    ("Son successeur à la Défense a reçu le secrétaire américain à la Défense.", {"Défense"}),
])
def test_places_a_portfolio_is_no_place(mentions_of, text, absent):
    assert not (absent & places(mentions_of(text)))


def test_places_a_hyphen_joins_one_name_whatever_its_inner_words(mentions_of):
    assert "Mar-a-Lago" in places(mentions_of("Quatre jours plus tard, Karl Lind dîne à Mar-a-Lago avec le président."))


def test_places_the_faso_is_burkina_faso(mentions_of):
    assert "Burkina Faso" in places(mentions_of("Le président du Faso a reçu ses homologues à Ouagadougou."))


def test_places_a_short_name_with_no_office_before_it_stays_a_place(mentions_of):
    assert "Santé" in places(mentions_of("Il a passé vingt jours à la Santé, la prison parisienne."))


def test_places_dateline_city_in_capitals_is_a_place(mentions_of):
    found = mentions_of("MARSEILLE, 3 mai (Reuters) - Les dockers ont cessé le travail.")
    assert "Marseille" in {m.name for m in found if m.type == "place"}


def test_places_a_byline_shaped_like_a_dateline_names_no_place(mentions_of):
    found = mentions_of("Par Paul Garnier (avec AFP) - 3 mai 2030 à 08:15")
    assert not {m.name for m in found if m.type == "place"}


@pytest.mark.parametrize("text, kind", [
    ("La décision a été annoncée par le Palais royal dans la soirée.", "organisation"),   # the seat speaks
    ("Le Premier ministre s'est rendu au Palais royal lundi.", "place"),                   # a place one goes to
])
def test_places_a_seat_of_power_speaks_or_is_visited(mentions_of, text, kind):
    found = {m.name: m.type for m in mentions_of(text)}
    assert found.get("Palais royal") == kind, found


def test_places_the_name_after_a_site_head_is_no_person(mentions_of):
    found = mentions_of("Les ministres se sont retrouvés au château de Val Fleury pour deux jours.",
                        "Le sommet de Val Fleury s'est achevé sans accord.")
    assert "person" not in {m.type for m in found if "Fleury" in m.name}, found


@pytest.mark.parametrize("text, present, absent", [
    ("Il a été reçu au cosmodrome de Vostotchny en septembre.", {"Vostotchny"}, set()),
    ("Les pétroliers accostent au port nord-coréen de Chongjin.", {"Chongjin"}, {"Port nord-coréen de Chongjin"}),
    ("Les skieurs ont rejoint la station de ski de Masikryong.", {"Masikryong"}, set()),
    # A country is no town: "la base de Russie" locates nothing new.
    ("Ils ont visité la base de Russie.", set(), {"Base de Russie"}),
    # Settlements named by their own name, and the lists that go on.
    ("Beaucoup vivaient dans les bidonvilles de Tavéni, de Kalani ou de Mbapéré.", {"Tavéni", "Kalani", "Mbapéré"}, set()),
    ("Les communes du Sud (Tsoumbé, Karoni, Mbandéla) sont les plus touchées.", {"Tsoumbé", "Karoni", "Mbandéla"}, set()),
    ("Le village de Koundoni, Ahmed Saïd et sa famille ont tout perdu.", {"Koundoni"}, {"Ahmed Saïd"}),
    # A city's district by its number; a name after a point of the compass.
    ("Il sera incarcéré dans le 14e arrondissement de la capitale.", {"14e arrondissement"}, set()),
    ("Le président a survolé le nord de Grande-Kalé, où des villages ont été soufflés.", {"Grande-Kalé"}, set()),
])
def test_places_a_facility_named_after_its_town_locates_the_town(mentions_of, text, present, absent):
    found = places(mentions_of(text))
    assert present <= found and not absent & found, found


@pytest.mark.parametrize("text, places, countries", [
    # A capital is its government only where it speaks or acts...
    ("Les relations entre Oslo et Stockholm se sont tendues.", set(), {"Norvège", "Suède"}),
    ("L'alliance entre Oslo et Stockholm inquiète.", set(), {"Norvège", "Suède"}),
    ("Le Danemark soupçonne Oslo de lui cacher des données.", set(), {"Danemark", "Norvège"}),
    # ...elsewhere it is a city.
    ("L'album a été enregistré entre Lyon et Berlin au printemps.", {"Lyon", "Berlin"}, set()),
    ("Trois concerts sont prévus à l'Accor Arena de Paris.", {"Paris"}, set()),
    ("Le lendemain, la ministre s'envolait pour Oslo.", {"Oslo"}, set()),     # a destination, not a beneficiary
    ("Une victoire pour Oslo, estiment les diplomates.", set(), {"Norvège"}),
    ("Le ministre a quitté Stockholm à l'aube de jeudi pour Oslo.", {"Stockholm", "Oslo"}, set()),
    ("Ce partenariat est crucial pour Oslo, estiment les diplomates.", set(), {"Norvège"}),
])
def test_places_a_capital_is_a_government_only_where_it_speaks_or_acts(mentions_of, text, places, countries):
    found = mentions_of(text)
    assert places <= {m.name for m in found if m.type == "place"}
    assert {m.name for m in found if m.type == "country"} == countries
