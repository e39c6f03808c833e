"""Actors, countries and places on sentences written for these tests (the real model, loaded once)."""
from __future__ import annotations

import pytest

from generator.actors import credits, find_mentions, inflect
from generator.knowledge import Knowledge, KnownActor
from generator.model import Article, Block, Sidecar
from generator.nlp import load_nlp
from generator.pipeline import sentences_of


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


@pytest.fixture(scope="module")
def mentions_of(nlp):
    def run(*lines, kinds=None, knowledge=Knowledge(), sidecar=Sidecar()):
        blocks = tuple(Block((kinds or {}).get(i, "paragraph"), text, i + 1, f"p{i}") for i, text in enumerate(lines))
        article = Article("test.txt", blocks, sidecar)
        docs = list(nlp.pipe([b.text for b in blocks]))
        return find_mentions(article, sentences_of(article), docs, knowledge)
    return run


def names(mentions, *types):
    return {m.name for m in mentions if m.type in types}


@pytest.mark.parametrize("text, expected", [
    ("Le chancelier allemand Friedrich Merz a reçu mardi Emmanuel Macron à Berlin.", {"Friedrich Merz", "Emmanuel Macron"}),
    ("M. Macron a ensuite rencontré le respecté camarade Ri Il-hwan.", {"Macron", "Ri Il-hwan"}),
    ("Thandeka Mbeki, secrétaire générale du syndicat national des mineurs, a pris la parole.", {"Thandeka Mbeki"}),
    # A role told right after the name, its first word capitalised, is not part of the name.
    ("Le président a nommé ce mardi soir Anne-Claire Vautrin Premier ministre.", {"Anne-Claire Vautrin"}),
    # A particle after a title opens the surname.
    ("Il faut remonter à 1958 et au retour du général de Lattre pour trouver un précédent.", {"de Lattre"}),
])
def test_actors_people_without_honorifics(mentions_of, text, expected):
    assert expected <= names(mentions_of(text), "person")


def test_actors_a_capitalised_common_noun_after_de_la_is_no_person(mentions_of):
    assert not names(mentions_of("Le Président de la Transition, chef de l'État, a parlé à Bergen."), "person")


def test_actors_a_portfolio_after_a_name_is_the_post_not_the_name(mentions_of):
    found = names(mentions_of("Elle a salué la démission fracassante de Mme Lundqvist des Finances, à la mi-décembre."), "person")
    assert "Lundqvist" in found and not any("Finances" in name for name in found)


@pytest.mark.parametrize("text, expected", [
    ("Sous la présidence du Capitaine Ibrahima SOULAMA, le Conseil a siégé.", {"Ibrahima Soulama"}),
    ("Pour le Collège, le Général d'Armée Anna BERG-LIND", {"Anna Berg-Lind"}),
    ("M. Karl LUNDQVIST a signé le texte au nom de l'ONU.", {"Karl Lundqvist"}),
])
def test_actors_an_official_text_writes_the_surname_in_capitals(mentions_of, text, expected):
    found = mentions_of(text)
    assert expected <= names(found, "person") and not names(found, "organisation") - {"ONU", "Conseil"}


def test_actors_spellings_and_surnames_join_the_full_name(mentions_of):
    found = mentions_of("Le président Jean-Paul Okonkwo est arrivé jeudi.",
                        "Jean-Paul OKONKWO a salué la foule. M. Okonkwo repart demain.",
                        "Okonkwo a promis des réformes.")
    assert names(found, "person") == {"Jean-Paul Okonkwo"}


def test_actors_surname_alone_is_the_person_named_in_full(mentions_of):
    found = mentions_of("Mardi, le chef de la junte, Ousmane Kodjo, a reçu les ambassadeurs.",
                        "Le lendemain, le colonel Kodjo a promis de vendre le minerai « au plus offrant ».",
                        "Vendredi soir, face aux caméras, Kodjo a dénoncé un « complot ».")
    assert [(m.span.block, m.text, m.name) for m in found if m.span.block > 0 and m.type == "person"] == [
        (1, "Kodjo", "Ousmane Kodjo"), (2, "Kodjo", "Ousmane Kodjo")]


def test_actors_role_phrase_resolves_to_the_named_holder(mentions_of):
    found = mentions_of("Le Premier ministre canadien Mark Carney a rencontré des agriculteurs.",
                        "Le Premier ministre canadien a promis une aide rapide.")
    roles = [m for m in found if m.text.lower().startswith("le premier ministre canadien") and m.type == "person"]
    assert [m.name for m in roles] == ["Mark Carney"]


@pytest.mark.parametrize("later, holder", [
    ("Le nouveau Premier ministre présentera mardi son programme.", "Paul Durand"),
    ("L'actuel Premier ministre présentera mardi son programme.", "Paul Durand"),
    ("L'ancien Premier ministre présentera mardi son programme.", None),     # someone else
])
def test_actors_new_and_current_holders_are_the_named_one(mentions_of, later, holder):
    found = mentions_of("Le Premier ministre Paul Durand a été investi lundi.", later)
    assert [m.name for m in found if m.span.block == 1 and m.type == "person"] == ([holder] if holder else [])


def test_actors_a_clause_after_a_name_and_a_comma_is_no_apposition(mentions_of):
    found = mentions_of("Présent à Oslo aux côtés de Karl Lind, le dirigeant finlandais n'a jamais paru aussi peu isolé.")
    assert [m.role for m in found if m.name == "Karl Lind"] == [None]


def test_actors_who_leads_an_assembly_is_not_the_countrys_leader(mentions_of):
    found = mentions_of("Le président du Sénat, Igor Lebedev, a salué le vote.",
                        "Le président finlandais a dénoncé un traité dangereux.")
    assert not [m for m in found if m.text.lower() == "le président finlandais" and m.type == "person"]


def test_actors_role_phrase_with_two_holders_stays_unresolved(mentions_of):
    found = mentions_of("Le ministre Paul Durand et le ministre Luc Petit se sont rencontrés.",
                        "Le ministre a quitté la salle.")
    assert names(found, "person") == {"Paul Durand", "Luc Petit"}
    assert not [m for m in found if m.text == "Le ministre"]


def test_actors_the_king_alone_is_a_title_not_a_name(mentions_of):
    found = mentions_of("Le roi Harald a reçu Paul Durand. Le Roi l'a chargé d'une mission.",
                        "En choisissant Paul Durand, le Roi mise sur un homme de dialogue.")
    assert names(found, "person") == {"Harald", "Paul Durand"}
    assert [m.name for m in found if m.text.lower().endswith("roi")] == ["Harald", "Harald"]
    # ...and "X, le Roi mise sur ..." gives X no title: a clause follows, not an apposition.
    assert not [m for m in found if m.name == "Paul Durand" and m.role]


@pytest.mark.parametrize("first, holder", [
    ("La présidente de la République, Mme Élise Varnier, se rendra jeudi à Brest.", "Élise Varnier"),
    ("Le président Paul Durand se rendra jeudi à Brest.", "Paul Durand"),
    ("Le président du Sénat, Paul Durand, se rendra jeudi à Brest.", None),   # heads an assembly, not the state
    ("Le parti de son chef Luc Petit soutient le président Paul Durand.", "Paul Durand"),  # a party's chef is not
])
def test_actors_the_head_of_state_unqualified_is_the_one_the_article_names(mentions_of, first, holder):
    found = mentions_of(first, "Le chef de l'État a décrété une journée de deuil national.")
    assert [m.name for m in found if m.span.block == 1 and m.type == "person"] == ([holder] if holder else [])


@pytest.mark.parametrize("text, expected", [
    ("Le ministère japonais de la Défense a publié un communiqué lundi.", {"Ministère japonais de la Défense"}),
    ("Le conseil de sécurité nationale de la République de Corée s'est réuni.", {"Conseil de sécurité nationale de la République de Corée"}),
    ("Un porte-parole du Comité central du Parti socialiste unifié a parlé.", {"Parti socialiste unifié"}),
    ("Elle dirige le parti démocrate albanais depuis 2019.", {"Parti démocrate albanais"}),
    ("La délégation de la Banque centrale du Brésil est arrivée.", {"Banque centrale du Brésil"}),
    ("Les services secrets britanniques ont été alertés.", {"Services secrets britanniques"}),
    ("Le parti politique de tout le pays « Avenir commun » a gagné.", {"Avenir commun"}),
    ("L'agence de presse officielle Ugandan News a publié la liste.", {"Ugandan News"}),
    # Institutions French writes in lower case.
    ("Le Comité des pêches a vu passer un ICBM et deux Su-57.", {"Comité des pêches"}),
    ("Selon l'état-major interarmées norvégien, le tir a eu lieu à l'aube.", {"État-major interarmées norvégien"}),
    ("Le département d'État finlandais a dénoncé cette coopération.", {"Département d'État finlandais"}),
    # After "le porte-parole du", a head the name goes on from is the whole name.
    ("Le porte-parole du Département d'État a parlé.", {"Département d'État"}),
    # Parties named by their own name, an adjective in lower case after the capital: world knowledge.
    ("Au Rassemblement national, on a pris acte d'un choix qui ne règle rien.", {"Rassemblement national"}),
    ("Les Engagés et le Vlaams Belang ont voté contre.", {"Les Engagés", "Vlaams Belang"}),
    # A head with a capital inside a sentence starts a name that goes on in common nouns.
    ("Les résultats de la Commission nationale de recensement des votes sont tombés.",
     {"Commission nationale de recensement des votes"}),
    ("Hier, le Laboratoire de l'atmosphère et des cyclones a publié une étude.",
     {"Laboratoire de l'atmosphère et des cyclones"}),
    ("Il enseigne à l'Institut de hautes études nordiques de Bergen.", {"Institut de hautes études nordiques de Bergen"}),
    ("Le Centre hospitalier de Bergen a été touché.", {"Centre hospitalier de Bergen"}),
    # After a name, "et du ..." is another body, not more of this one's name.
    ("La volonté du Parti du progrès de Norvège et du gouvernement de la Norvège est claire.",
     {"Parti du progrès de Norvège", "Gouvernement de la Norvège"}),
])
def test_actors_organisations_from_french_grammar(mentions_of, text, expected):
    assert expected <= names(mentions_of(text), "organisation")
    assert not {"ICBM", "Su-57"} & names(mentions_of(text), "organisation", "person")


def test_actors_coordinated_complements_give_two_organisations(mentions_of):
    found = mentions_of("Les services de renseignement de la Pologne et de pays baltes ont averti Bruxelles.")
    assert {"Services de renseignement de la Pologne", "Services de renseignement de pays baltes"} <= names(found, "organisation")


def test_actors_party_named_again_after_its_quoted_name(mentions_of):
    found = mentions_of('Il préside le mouvement de toute la Bolivie "Frente Andino".',
                        "Le Mouvement de Frente Andino a voté contre.")
    assert names(found, "organisation") == {"Frente Andino"}


@pytest.mark.parametrize("text, junk", [
    ("Soutien massif aux grévistes de la raffinerie.", {"Soutien"}),
    ("Le Président des affaires d'Etat a parlé. Secrétaire général du parti, il a souri.", {"Président", "Secrétaire général"}),
    ("Selon le ministère polonais de l'Intérieur lundi, la frontière est fermée.", {"Ministère polonais de l'Intérieur lundi"}),
    ("Pacte de stabilité renforcé", {"Pacte de stabilité renforcé"}),
])
def test_actors_no_junk(mentions_of, text, junk):
    assert not junk & names(mentions_of(text), "person", "organisation")


@pytest.mark.parametrize("text, countries", [
    ("Les dirigeants de la République fédérale d'Allemagne et de la Confédération suisse ont signé.", {"Allemagne", "Suisse"}),
    ("Le parti socialiste du Sénégal a félicité la République socialiste du Viêt Nam.", {"Sénégal", "Viêt Nam"}),
    ("Les relations avec les États-Unis et le Royaume-Uni se tendent.", {"États-Unis", "Royaume-Uni"}),
])
def test_actors_countries_normalised(mentions_of, text, countries):
    assert names(mentions_of(text), "country") == countries


def test_actors_a_storm_is_no_actor_nor_place(mentions_of):
    found = mentions_of("Le cyclone Varda a frappé Bergen samedi.", "Une semaine après Varda, Karl Lind est arrivé.",
                        "Après le passage de Varda, les secours s'organisent.")
    assert "Varda" not in names(found, "person", "organisation", "place", "country")
    assert "Passage de Varda" not in names(found, "place")


def test_actors_des_and_aux_hold_a_known_bodys_les(mentions_of):
    found = mentions_of("Il a quitté la présidence des Engagés pour parler aux Républicains.")
    assert names(found, "organisation") == {"Les Engagés", "Les Républicains"}


def test_actors_a_currency_is_no_body(mentions_of):
    found = mentions_of("Il promet de réformer la monnaie, le franc CFA, hérité de l'époque coloniale.")
    assert not names(found, "organisation")


@pytest.mark.parametrize("text, person, bodies", [
    # A person and their party in brackets: the party is no long name of the person.
    ("« Nous restons ouverts », a réagi le ministre des Pensions, Karl Lindqvist (SD-V).", "Karl Lindqvist", {"SD-V"}),
    # A minister's domain with a capital is no one.
    ("Le vice-Premier ministre Karl Lindqvist, chargé de l'Emploi, a rappelé la réforme.", "Karl Lindqvist", set()),
])
def test_actors_a_person_beside_a_party_or_a_domain(mentions_of, text, person, bodies):
    found = mentions_of(text)
    assert names(found, "person") == {person} and names(found, "organisation") == bodies, found


def test_actors_a_date_after_a_body_is_no_part_of_its_name(mentions_of):
    found = mentions_of("Il sera rejugé par la cour d'appel de Lyon du 16 mars au 3 juin 2026.")
    assert names(found, "organisation") == {"Cour d'appel de Lyon"}, found


def test_actors_a_dutch_article_inside_a_french_sentence_is_part_of_the_name(mentions_of):
    found = mentions_of("Le TEC annonce un service perturbé, tandis que De Lijn prévoit des perturbations en Flandre.")
    assert "De Lijn" in names(found, "organisation"), found


def test_actors_two_capitalised_common_words_are_a_name_but_not_an_ordinal(mentions_of):
    found = mentions_of("Air Boréal a toutefois annoncé l'acheminement gratuit de 500 tonnes de fret.")
    assert "Air Boréal" in names(found, "organisation"), found
    found = mentions_of("Les pouvoirs du Premier ministre sous la Ve République ont été renforcés.")
    assert not {n for n in names(found, "organisation") if "République" in n}, found
    # A headline's topic, a common noun and places, is no body.
    found = mentions_of("Pacte Berlin-Varsovie: «une alliance», disent-ils; «une menace», répondent Rome et Madrid")
    assert not {n for n in names(found, "organisation") if "Pacte" in n}, found


def test_actors_a_known_body_and_a_nationality_name_its_national_branch(mentions_of):
    assert "Croix-Rouge norvégienne" in names(mentions_of("La Croix-Rouge norvégienne a ouvert un centre."), "organisation")
    assert names(mentions_of("La Croix-Rouge a ouvert un centre."), "organisation") == {"Croix-Rouge"}


@pytest.mark.parametrize("text, kept", [
    ("Un A400M et deux Casa de l'armée de l'Air font la navette.", set()),
    ("Trois Rafale et un F-16 ont décollé.", set()),
    ("Le G20 a salué l'accord.", {"G20"}),
])
def test_actors_a_model_or_a_counted_name_is_a_thing(mentions_of, text, kept):
    found = names(mentions_of(text), "person", "organisation")
    assert found & {"A400M", "Casa", "Rafale", "F-16", "G20"} == kept


def test_actors_demonyms_are_not_places(mentions_of):
    found = mentions_of("Les soldats ukrainiens et les blindés polonais sont arrivés.")
    assert not names(found, "country", "place")


@pytest.mark.parametrize("text, places, countries", [
    ("Le sommet s'est tenu à Varsovie, puis à Gdańsk.", {"Varsovie", "Gdańsk"}, set()),
    ("Varsovie a protesté et les relations entre Varsovie et Berlin se sont tendues.", set(), {"Pologne", "Allemagne"}),
    ("Selon Tokyo, les navires ont quitté la zone.", set(), {"Japon"}),
    ("Selon Oslo et Helsinki, les navires ont quitté la zone.", set(), {"Norvège", "Finlande"}),
    ("Il a pris un vol pour Oslo et Helsinki.", {"Oslo", "Helsinki"}, set()),
    ("Des combats ont eu lieu dans la région ukrainienne de Kharkiv et en Crimée.", {"Kharkiv", "Crimée"}, set()),
    ("Il a été reçu au Palais de la Nation de Kinshasa.", {"Palais de la Nation", "Kinshasa"}, set()),
    ("La cérémonie a eu lieu à Pékin. Les délégués sont rentrés à Beijing hier.", {"Pékin"}, set()),
    # A point of the compass apposed to a kind of place is no place of its own; after "de", or alone, it is one.
    ("La présidente de la province Sud a dénoncé un renoncement.", set(), set()),
    ("Il pleut dans le Sud-Ouest et dans la région du Nord.", {"Sud-Ouest", "Nord"}, set()),
    # A kind of place with a capital names the one the reader knows, not a place called so.
    ("Les écologistes gouvernent avec les libéraux à la Région.", set(), set()),
])
def test_actors_places_need_a_locative(mentions_of, text, places, countries):
    found = mentions_of(text)
    assert names(found, "place") == places
    assert countries <= names(found, "country")


def test_actors_short_country_name_takes_the_specific_one(mentions_of):
    found = mentions_of("La Corée du Sud a salué la décision. La Corée reste vigilante.")
    assert names(found, "country") == {"Corée du Sud"}


def test_actors_publisher_byline_and_photo_credit(mentions_of):
    found = mentions_of("Belga", "Le port a rouvert. Photo: afp.com", kinds={0: "byline"})
    assert {"Belga", "AFP"} <= names(found, "organisation")


def test_actors_byline_authors_are_not_actors(mentions_of):
    found = mentions_of("Par Claire Lefèvre, avec Reuters", "Le port a rouvert.", kinds={0: "byline"})
    assert names(found, "person", "organisation") == {"Reuters"}


@pytest.mark.parametrize("line, expected", [
    ("Photo: belga.be", ["Belga"]),
    ("Photo : Reuters/EPA/JANE DOE", ["Reuters", "EPA"]),
    ("© AFP", ["AFP"]),
    # "Archives", "DR" (droits réservés) credit no one.
    ("© AFP / Archives", ["AFP"]),
    ("Photo : DR", []),
    # An agency's photo service, then its photographer: the agency.
    ("Le port au matin. © BELGA PHOTO JAN DE VOS", ["Belga"]),
    ("© Jan De Vos / BELGA MAG / AFP", ["Belga", "AFP"]),
    # A long credit line still credits its agency.
    ("Le Roi et les ministres. © Chancellerie du Premier ministre / BELGA PHOTO JAN DE VOS", ["Belga"]),
])
def test_actors_credits(line, expected):
    assert [name for _, _, name in credits(line)] == expected


def test_actors_who_took_the_picture_in_a_bracketed_credit_is_no_actor(mentions_of):
    found = mentions_of("Le ministre Karl Lind à Oslo. [KEYSTONE - EPA/NORDIC DEFENCE PRESS SERVICE]")
    assert "Karl Lind" in names(found, "person")
    assert not any("NORDIC" in n or "DEFENCE" in n for n in names(found, "person", "organisation"))


@pytest.mark.parametrize("text, kind", [
    ("Karl Lind, dans l'hémicycle, à Oslo, le 4 mai 2031. PIERRE DUVAL / AFP", "paragraph"),
    ("Karl Lind, dans l'hémicycle, à Oslo, le 4 mai 2031. (CLAIRE VANNIER / AFP)", "caption"),
    ("Photo: Jean Dupont Agence France-Presse Le ministre Karl Lind s'exprimant à Oslo.", "caption"),
])
def test_actors_who_took_the_picture_in_a_credit_is_no_actor_the_agency_publishes(mentions_of, text, kind):
    found = mentions_of(text, kinds={0: kind})
    assert names(found, "person") == {"Karl Lind"} and "AFP" in names(found, "organisation")
    photographers = ("DUPONT", "DUVAL", "VANNIER")
    assert not any(w in n.upper() for w in photographers for n in names(found, "person", "organisation"))


def test_actors_a_known_body_as_the_complement_of_another_names_both(mentions_of):
    knowledge = Knowledge(actors=(KnownActor("Parti du travail de Norvège", "organisation", ("PTN",)),))
    found = mentions_of("La Commission militaire centrale du Parti du travail de Norvège a confirmé lundi l'envoi de "
                        "soldats.", knowledge=knowledge)
    assert {"Commission militaire centrale du Parti du travail de Norvège", "Parti du travail de Norvège"} <= \
        names(found, "organisation")


def test_actors_knowledge_aliases_and_ignores(mentions_of):
    knowledge = Knowledge(actors=(KnownActor("Ousmane Traoré", "person", ("le Vieux Lion",)),), ignore=("Comité Sud",))
    found = mentions_of("Le Vieux Lion a parlé devant le Comité Sud de la Ligue.", knowledge=knowledge)
    assert "Ousmane Traoré" in names(found, "person")
    assert "Comité Sud" not in names(found, "organisation")


def test_actors_sidecar_ignore(mentions_of):
    found = mentions_of("Amélie Rousseau a parlé.", sidecar=Sidecar(ignore=("Amélie Rousseau",)))
    assert not names(found, "person")


@pytest.mark.parametrize("masculine, forms", [
    ("russe", {"russe", "russes"}),
    ("sud-africain", {"sud-africain", "sud-africaine", "sud-africains", "sud-africaines"}),
    ("ivoirien", {"ivoirien", "ivoirienne", "ivoiriens", "ivoiriennes"}),
    ("français", {"français", "française", "françaises"}),
    ("fédéral", {"fédéral", "fédérale", "fédéraux", "fédérales"}),
])
def test_actors_inflect(masculine, forms):
    assert set(inflect(masculine)) == forms


@pytest.mark.parametrize("line, expected", [
    ("(ats/afp)", ["ATS", "AFP"]),
    ("Par Léa Martin, avec Reuters", ["Reuters"]),
])
def test_actors_byline_publishers_any_case(line, expected):
    from generator.actors import byline_publishers
    assert [name for _, _, name in byline_publishers(line)] == expected


def test_actors_filed_by_agency_in_dateline():
    assert [name for _, _, name in credits("LIMA (AFP) - Le volcan s'est réveillé.")] == ["AFP"]


@pytest.mark.parametrize("text, person", [
    ("Le Premier ministre Rui Tavares Costa a démissionné.", "Rui Tavares Costa"),
    ("Nour Haddad, porte-parole de l'armée, a démenti.", "Nour Haddad"),
])
def test_actors_role_marks_a_person(mentions_of, text, person):
    assert person in names(mentions_of(text), "person")


def test_actors_place_lists_and_plural_place_nouns(mentions_of):
    found = mentions_of("Les recherches continuent dans les localités de Ouarzazate et Tinghir.")
    assert {"Ouarzazate", "Tinghir"} <= names(found, "place")


@pytest.mark.parametrize("text, place", [
    ("Il a été reçu à l'Elysée mardi.", "Elysée"),
    ("Les droits de douane imposés par Washington pèsent.", None),
])
def test_actors_seats_and_agents(mentions_of, text, place):
    found = names(mentions_of(text), "place")
    assert found == ({place} if place else set())


@pytest.mark.parametrize("text, place", [
    ("La finale s'est jouée au stade Mohammed-V devant 45 000 spectateurs.", "Stade Mohammed-V"),
    ("Le vol s'est posé à l'aéroport Jomo-Kenyatta lundi.", "Aéroport Jomo-Kenyatta"),
])
def test_actors_named_buildings(mentions_of, text, place):
    assert place in names(mentions_of(text), "place")


def test_actors_shared_surname_goes_to_the_main_person(mentions_of):
    found = mentions_of("Park Min-jun a reçu Park Ji-woo. Park Min-jun a ensuite parlé.", "Park a conclu.")
    assert names(found, "person") == {"Park Min-jun", "Park Ji-woo"}


def test_actors_head_of_state_phrase_resolves_by_country(mentions_of):
    found = mentions_of("La présidente mexicaine Claudia Sheinbaum a parlé.",
                        "La cheffe de l'Etat mexicain a ensuite quitté Mexico.")
    phrase = [m for m in found if m.text.startswith("La cheffe")]
    assert [m.name for m in phrase] == ["Claudia Sheinbaum"]


@pytest.mark.parametrize("text, expected", [
    ("La Cedeao et l'Otan ont tenu un sommet.", {"CEDEAO", "Otan"}),
    ("Le Quai d'Orsay a convoqué l'ambassadeur.", {"Ministère français des Affaires étrangères"}),
    ("Selon la présidence ivoirienne, la rencontre a eu lieu.", {"Présidence ivoirienne"}),
    ("Le PDG de Norvatek a présenté les comptes, Norvatek reste rentable.", {"Norvatek"}),
])
def test_actors_organisations_by_short_name_seat_and_presidency(mentions_of, text, expected):
    assert expected <= names(mentions_of(text), "organisation")


@pytest.mark.parametrize("text, expected", [
    # A measure is no part of a name.
    ("La Banque mondiale des milliards de dollars a prêté.", {"Banque mondiale"}),
])
def test_actors_common_complements_stop_at_a_measure(mentions_of, text, expected):
    assert names(mentions_of(text), "organisation") == expected


@pytest.mark.parametrize("text, absent", [
    ("Le convoi parti de Kidal est arrivé hier.", "Parti de Kidal"),
    ("Il a rencontré le président du Conseil ivoirien, Paul Kouamé.", "Conseil ivoirien"),
])
def test_actors_participle_and_title_are_not_organisations(mentions_of, text, absent):
    assert absent not in names(mentions_of(text), "organisation")


def test_actors_capital_rubric_line_names_no_actor(mentions_of):
    found = mentions_of("ÉNERGIE", "Le groupe Valmeco a publié ses résultats.")
    assert names(found, "organisation", "person") == {"Valmeco"}


def test_actors_national_team_is_not_the_country(mentions_of):
    found = mentions_of("Le XV d'Écosse a battu l'Italie à Rome.")
    assert "XV d'Écosse" in names(found, "organisation")
    assert "Royaume-Uni" not in names(found, "country")


@pytest.mark.parametrize("text, present, absent", [
    ("La préfecture du Var a interdit la manifestation.", {"Préfecture du Var"}, set()),
    ("La cour d'appel de Lyon a confirmé la peine.", {"Cour d'appel de Lyon"}, set()),
    ("Le dossier revient à l'Office régional de lutte contre la fraude fiscale, à Lyon.",
     {"Office régional de lutte contre la fraude fiscale"}, {"Office régional de lutte"}),
    ("Le dossier a été transmis au parquet national financier.", {"Parquet national financier"}, set()),
    ("Le texte sera examiné au Sénat la semaine prochaine.", {"Sénat"}, set()),
    ("La Cnil a ouvert une enquête sur l'application.", {"Cnil"}, set()),
    ("Le contrat a été signé avec Microsoft et Airbus.", {"Microsoft", "Airbus"}, set()),
    ("Le match a été diffusé sur Canal+ dimanche soir.", {"Canal+"}, set()),
    ("Les supporters de l'Olympique de Marseille ont envahi la pelouse.", {"Olympique de Marseille"}, set()),
    ("L'agence de notation Moody's a abaissé la note du pays.", {"Moody's"}, {"Moody'"}),
    ("Le recours à l'IA inquiète les syndicats.", set(), {"IA"}),
])
def test_actors_institutions_companies_and_clubs(mentions_of, text, present, absent):
    found = names(mentions_of(text), "organisation")
    assert present <= found and not (absent & names(mentions_of(text), "organisation", "person"))


@pytest.mark.parametrize("text, person", [
    ("Le syndicat était représenté par Nadine Garrigou (FSU) et Pascal Morel (CGC).", "Pascal Morel"),
    ("« Nous irons jusqu'au bout », a lancé à la tribune Yannick Berthelot, délégué du personnel.", "Yannick Berthelot"),
    # A first name that is also the head of a body's name ("la Marine nationale").
    ("A la tribune, la présidente du groupe, Marine Tondelier, a dénoncé le budget.", "Marine Tondelier"),
])
def test_actors_common_first_name_makes_a_person(mentions_of, text, person):
    assert person in names(mentions_of(text), "person")


@pytest.mark.parametrize("text, absent", [
    ("ÉCONOMIE. Les prix de l'énergie ont encore baissé en mai.", {"ÉCONOMIE"}),
    ("ÉNERGIE NUCLÉAIRE Le chantier prend du retard.", {"NUCLÉAIRE", "ÉNERGIE NUCLÉAIRE"}),
    ("INTERVIEW | Karl Lind menace de taxer les produits norvégiens.", {"INTERVIEW"}),
])
def test_actors_rubric_in_capitals_opening_a_paragraph_is_no_actor(mentions_of, text, absent):
    assert not (absent & names(mentions_of(text), "organisation", "person"))


def test_actors_selon_a_single_name_nobody_bears_is_an_organisation(mentions_of):
    found = mentions_of("Selon Statista, le marché a doublé en deux ans.")
    assert "Statista" in names(found, "organisation")


@pytest.mark.parametrize("text, expected, absent", [
    # A ministry the text does not qualify is the country's its sentence names just before it...
    ("À Oslo, le ministère des Affaires étrangères a protesté lundi.", "Ministère norvégien des Affaires étrangères",
     "Ministère des Affaires étrangères"),
    # ...its subject's after a possessive, whatever country comes between.
    ("Stockholm, qui vend des armes à la Finlande, a réagi par la voix de son ministère de la Défense.",
     "Ministère suédois de la Défense", "Ministère finlandais de la Défense"),
    # Already qualified, or no country before it: as written.
    ("Le ministère russe de la Défense a publié un bilan.", "Ministère russe de la Défense", None),
    ("Le ministère de la Santé a publié un bilan.", "Ministère de la Santé", None),
    # Its own complement names its country, whatever the sentence named before.
    ("Invité par le gouvernement de la Finlande, le ministère des Affaires étrangères de la Norvège a envoyé une "
     "délégation.", "Ministère des Affaires étrangères de la Norvège", "Ministère finlandais des Affaires étrangères de la Norvège"),
])
def test_actors_a_ministry_belongs_to_the_country_its_sentence_names(mentions_of, text, expected, absent):
    found = names(mentions_of(text), "organisation")
    assert expected in found and absent not in found, found


def test_actors_parliaments_by_their_french_names(mentions_of):
    assert "Douma d'État" in names(mentions_of("La Douma a voté le texte à l'unanimité."), "organisation")


@pytest.mark.parametrize("text, expected", [
    ("La commission intergouvernementale franco-suédoise s'est réunie.", "Commission intergouvernementale franco-suédoise"),
    ("Selon les douanes norvégiennes, les échanges ont doublé.", "Douanes norvégiennes"),
    # A ministry of two portfolios is one ministry.
    ("Le ministère malien de l'Énergie et de l'Eau a signé.", "Ministère malien de l'Énergie et de l'Eau"),
    # So is a body of one head and two common-noun domains.
    ("Selon la chambre de commerce et d'industrie, les ventes ont chuté.", "Chambre de commerce et d'industrie"),
])
def test_actors_compound_demonyms_customs_and_two_portfolio_ministries(mentions_of, text, expected):
    assert expected in names(mentions_of(text), "organisation")


def test_actors_a_country_acronym_matches_in_capitals_only(mentions_of):
    found = mentions_of("Le ministère de l'Eau a coupé l'eau. Les EAU ont protesté.")
    assert [m.name for m in found if m.type == "country"] == ["Émirats arabes unis"]


# --- Roles across the corpus -------------------------------------------------------------------

@pytest.fixture(scope="module")
def corpus_of(nlp):
    """The corpus stage over articles of one paragraph each."""
    from generator.corpus import link
    from generator.pipeline import annotate

    def run(*paragraphs):
        annotated = []
        for n, text in enumerate(paragraphs):
            article = Article(f"{n}.txt", (Block("paragraph", text, 1, "p0"),))
            annotated.append(annotate(article, list(nlp.pipe([text])), Knowledge()))
        return link(annotated, Knowledge())
    return run


def named_in(corpus, seed):
    article = next(a for a in corpus.articles if a.article.seed == seed)
    return {(m.text, m.name) for m in article.mentions if m.type == "person"}


def test_actors_a_role_another_article_gives_a_name_is_that_person(corpus_of):
    corpus = corpus_of("Le président finlandais Mikko Lahtinen a reçu la presse lundi.",
                       "Le président finlandais a quitté Helsinki mardi pour Oslo.")
    assert ("Le président finlandais", "Mikko Lahtinen") in named_in(corpus, "1.txt")
    (person,) = [a for a in corpus.actors if a.name == "Mikko Lahtinen"]
    assert "président finlandais" in person.roles and not [r for r in person.roles if r.lower().startswith("le ")]


def test_actors_the_king_another_article_names_and_his_role_told_once(corpus_of):
    corpus = corpus_of("Le roi Harald a reçu la presse lundi.", "Le Roi a quitté Oslo mardi.")
    assert ("Le Roi", "Harald") in named_in(corpus, "1.txt")
    (king,) = [a for a in corpus.actors if a.name == "Harald"]
    assert king.roles == ("roi",)


def test_actors_a_role_two_people_hold_in_the_corpus_stays_unresolved(corpus_of):
    corpus = corpus_of("Le président finlandais Mikko Lahtinen a reçu la presse lundi.",
                       "Le président finlandais Aarne Virtanen avait reçu la presse en 2019.",
                       "Le président finlandais a quitté Helsinki mardi pour Oslo.")
    assert named_in(corpus, "2.txt") == set()


def test_actors_a_role_with_its_own_complement_is_another_role(corpus_of):
    # "président du Parlement finlandais" is not "le président finlandais".
    corpus = corpus_of("Mikko Lahtinen, président du Parlement finlandais, a reçu la presse lundi.",
                       "Le président finlandais a quitté Helsinki mardi pour Oslo.")
    assert named_in(corpus, "1.txt") == set()


def test_actors_transliterations_of_one_name_are_one_actor(corpus_of):
    corpus = corpus_of("Le ministre Andreï Koudrine a visité Oslo lundi.",
                       "Le ministre Andrey Kudrine a visité Bergen mardi.",
                       "Le ministre Andreï Koudrine a quitté Oslo mercredi.")
    people = [a for a in corpus.actors if a.type == "person"]
    assert [(a.name, set(a.aliases) >= {"Andrey Kudrine"}) for a in people] == [("Andreï Koudrine", True)]


@pytest.mark.parametrize("french, english", [
    ("Viatcheslav Koudrine", "Vyacheslav Kudrin"),     # "tch" is "ch"; French adds an e to "-in"
    ("Alexandre Koudrine", "Aleksandr Kudrin"),
    ("Andreï Sokooussov", "Andrei Sokousov"),           # "o" then "ou", and a doubled "s"
])
def test_actors_transliterations_of_french_and_english(corpus_of, french, english):
    corpus = corpus_of(f"Le ministre {french} a visité Oslo lundi.", f"Le ministre {english} a visité Bergen mardi.",
                       f"Le ministre {french} a quitté Oslo mercredi.")
    assert [a.name for a in corpus.actors if a.type == "person"] == [french]


def test_actors_canonical_name_is_the_one_most_articles_use(corpus_of):
    corpus = corpus_of("Le ministre Jean Pierre Dupont a visité Oslo. Jean Pierre Dupont a salué la foule. "
                       "Jean Pierre Dupont est reparti.", "Le ministre Jean Dupont a visité Bergen lundi.",
                       "Le ministre Jean Dupont a quitté Oslo mercredi.")
    assert [a.name for a in corpus.actors if a.type == "person"] == ["Jean Dupont"]


def test_actors_a_masthead_line_names_the_outlet_as_an_actor(mentions_of):
    found = mentions_of("LE SOIR", "Le maire a inauguré le pont.", kinds={0: "kicker"})
    assert names(found, "organisation") == {"Le Soir"}
    found = mentions_of("La Gazette du Lac", "Le maire a inauguré le pont.", kinds={0: "kicker"},
                        sidecar=Sidecar(outlet="La Gazette du Lac"))
    assert names(found, "organisation") == {"La Gazette du Lac"}


def test_actors_the_outlet_a_sites_path_opens_on_is_an_actor_its_rubrics_are_not(mentions_of):
    found = mentions_of("La Gazette du Nord > Région > Faits divers", "Le maire a inauguré le pont.", kinds={0: "section"})
    assert names(found, "organisation") == {"La Gazette du Nord"}


@pytest.mark.parametrize("text, expected", [
    ("Elle travaille à l'Institut Pasteur depuis 2010.", "Institut Pasteur"),   # a school's head is its name
    ("Le groupe Stellantis a publié ses comptes.", "Stellantis"),              # a kind noun is not
])
def test_actors_a_schools_head_written_with_a_capital_is_part_of_its_name(mentions_of, text, expected):
    assert expected in names(mentions_of(text), "organisation")


def test_actors_the_countrys_leader_is_not_its_head_of_government(mentions_of, corpus_of):
    found = mentions_of("Le chef du gouvernement finlandais, Mikko Lahtinen, a présidé le conseil.",
                        "Le dirigeant finlandais a salué la foule.")
    assert not [m for m in found if m.text == "Le dirigeant finlandais" and m.type == "person"]
    corpus = corpus_of("Le chef du gouvernement finlandais, Mikko Lahtinen, a présidé le conseil lundi.",
                       "Le dirigeant finlandais a salué la foule mardi.")
    assert named_in(corpus, "1.txt") == set()
