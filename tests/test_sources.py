"""Attributions and publishers on sentences written for these tests (the real model, loaded once)."""
from __future__ import annotations

import pytest

from generator.actors import find_mentions
from generator.knowledge import Knowledge
from generator.model import Article, Block, Sidecar
from generator.nlp import load_nlp
from generator.pipeline import sentences_of
from generator.sources import find_citations


@pytest.fixture(scope="module")
def cite(nlp=None):
    model = load_nlp()

    def run(*lines, kinds=None, sidecar=Sidecar()):
        blocks = tuple(Block((kinds or {}).get(i, "paragraph"), text, i + 1, f"p{i}") for i, text in enumerate(lines))
        article = Article("test.txt", blocks, sidecar)
        sentences = sentences_of(article)
        mentions = find_mentions(article, sentences, list(model.pipe([b.text for b in blocks])), Knowledge())
        return article, find_citations(article, sentences, mentions)
    return run


def sources(result):
    return [c.source for c in result[1]]


@pytest.mark.parametrize("text, expected", [
    ("Trois navires ont été saisis, selon l'agence de presse officielle Anatolia News.", ["Anatolia News"]),
    ("Le pont a cédé vers midi, d'après Reuters.", ["Reuters"]),
    ("La frontière restera fermée, selon une annonce du ministère polonais de l'Intérieur mardi.",
     ["Ministère polonais de l'Intérieur"]),
    ("Les troupes se sont retirées, selon la diplomatie turque.", ["diplomatie turque"]),
    ("Les pourparlers reprendront, selon le Japon.", ["Japon"]),
    ("Les pourparlers reprendront, selon Tokyo.", ["Japon"]),
    ("Selon Ottawa et Canberra, deux frégates ont quitté le port.", ["Canada", "Australie"]),
    ("Le cessez-le-feu tient, citant les agences iraniennes.", ["agences iraniennes"]),
])
def test_sources_introduced_by_selon(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Le barrage a été fermé dimanche, a rapporté Reuters.", ["Reuters"]),
    ("Le barrage a été fermé, ont rapporté mardi les médias officiels.", ["médias officiels"]),
    ("Le barrage a été fermé, a rapporté un média officiel samedi.", ["média officiel"]),
    ("«Nous tiendrons», a déclaré à l'AFP Jean Lemaire, maire de la ville.", ["AFP", "Jean Lemaire"]),
    ("«Nous tiendrons», a réagi sur franceinfo un proche du maire.", ["franceinfo"]),
])
def test_sources_after_a_reporting_verb(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("La police nationale du Kenya a affirmé que le suspect avait fui.", ["Police nationale du Kenya"]),
    ("Anna Kowalska, porte-parole du gouvernement polonais, a déclaré jeudi que la frontière restait ouverte.", ["Anna Kowalska"]),
    # A title before the name is the subject, not an apposition to skip.
    ("Interrogée par l'AFP, la chercheuse Marta Jankowska, spécialiste du Caucase, rappelle que rien n'est signé.",
     ["AFP", "Marta Jankowska"]),
    ("Les services secrets de la Lettonie et de pays voisins ont affirmé que des drones avaient survolé la zone.",
     ["Services secrets de la Lettonie", "Services secrets de pays voisins"]),
])
def test_sources_subject_of_a_reporting_verb(cite, text, expected):
    assert sources(cite(text)) == expected


def test_sources_cette_source_points_back(cite):
    result = cite("Deux ponts ont été détruits, a rapporté Interfax. D'autres dégâts sont signalés, selon cette source.")
    assert sources(result) == ["Interfax", "Interfax"]
    assert result[1][0].sentence != result[1][1].sentence


def test_sources_no_attribution_no_source(cite):
    assert sources(cite("Le président a visité une usine de tracteurs et salué les ouvriers.")) == []
    assert sources(cite("Selon toute vraisemblance, la saison sera longue.")) == []
    # "selon son sigle anglais" explains a name; it credits no one.
    assert sources(cite("Le Bureau central des douanes (BCD, selon son sigle anglais) a saisi la cargaison.")) == []


def test_sources_publisher_from_byline_and_credit(cite):
    article, citations = cite("Belga", "Le port a rouvert lundi. Photo: afp.com", kinds={0: "byline"})
    publishers = [(c.source, c.kind) for c in citations]
    assert publishers == [("Belga", "publisher"), ("AFP", "publisher")]
    credit = citations[1]
    assert article.blocks[credit.span.block].text[credit.span.start:credit.span.end] == "afp.com"


def test_sources_the_longest_agency_name_is_the_one_credited(cite):
    _, citations = cite("La Presse Canadienne", "Le port a rouvert lundi.", kinds={0: "byline"})
    assert [c.source for c in citations] == ["La Presse Canadienne"]


@pytest.mark.parametrize("byline, expected", [
    ("Par Karl LINDQVIST, avec Anna BERGSTROM à Oslo", []),     # journalists' surnames in capitals
    ("Par Karl Lindqvist (KNS)", ["KNS"]),                       # an agency's code
    ("COMMUNIQUÉ DE PRESSE", []),                                # a phrase in capitals
])
def test_sources_capitals_in_a_byline(cite, byline, expected):
    _, citations = cite(byline, "Le port a rouvert lundi.", kinds={0: "byline"})
    assert [c.source for c in citations if c.kind == "publisher"] == expected


@pytest.mark.parametrize("letterhead, expected", [
    (["PRÉFET DU VAR"], "Préfet du Var"),
    # from the state down to the office: the office speaks; a word the text capitalises keeps its capital
    (["RÉPUBLIQUE FRANÇAISE", "COUR D'APPEL DE TOULON"], "Cour d'appel de Toulon"),
])
def test_sources_a_press_releases_letterhead_is_its_publisher(cite, letterhead, expected):
    lines = (*letterhead, "COMMUNIQUÉ DE PRESSE", "Le feu est fixé depuis ce matin, à Toulon, dans le Var.")
    kinds = {i: "kicker" for i in range(len(letterhead))} | {len(letterhead): "byline"}
    _, citations = cite(*lines, kinds=kinds)
    assert [c.source for c in citations if c.kind == "publisher"] == [expected]


def test_sources_sentence_is_the_one_cited(cite):
    article, citations = cite("Les écoles ont fermé. Le trafic est coupé, selon la préfecture du Nord.")
    sentence = citations[0].sentence
    assert article.blocks[0].text[sentence.start:sentence.end] == "Le trafic est coupé, selon la préfecture du Nord."


@pytest.mark.parametrize("text, expected", [
    ("Le prix a été décerné, a annoncé le jury présidé par Ingrid Solberg.", ["jury"]),
    ("La grève est reconduite, selon la mairie de quartier.", ["mairie de quartier"]),
])
def test_sources_generic_phrase_keeps_its_head(cite, text, expected):
    assert sources(cite(text)) == expected


def test_sources_dateline_agency_is_the_publisher(cite):
    article, citations = cite("LYON, 3 avril 2026 (AFP) - Les grévistes ont levé le camp.")
    assert [(c.source, c.kind) for c in citations] == [("AFP", "publisher")]
    # An outlet's name in capitals heading the page; its name in a picture credit.
    article, citations = cite("L'EXPRESS | Idées et débats", "Le texte de la tribune.", kinds={0: "kicker"})
    assert [(c.source, c.kind) for c in citations] == [("L'Express", "publisher")]
    article, citations = cite("Le texte.", "Le tribunal. (Photo d'illustration Le Télégramme/Jean Dupont)", kinds={1: "caption"})
    assert ("Le Télégramme", "publisher") in [(c.source, c.kind) for c in citations]
    # After a copyright sign, a known agency beside a body that owns the picture.
    article, citations = cite("Le texte.", "Les deux ministres, le 4 mai. © AFP / Ministère nordique des Affaires étrangères",
                              kinds={1: "caption"})
    assert ("AFP", "publisher") in [(c.source, c.kind) for c in citations]
    # A Russian wire's style: the agency between slashes.
    article, citations = cite("MOSCOU, 3 avril. /TASS/. Les grévistes ont levé le camp.")
    assert [(c.source, c.kind) for c in citations] == [("TASS", "publisher")]


def test_sources_par_line_read_as_kicker_is_a_byline(cite):
    _, citations = cite("Par : RFI", "Le pont est fermé, selon notre correspondant.", kinds={0: "kicker"})
    assert [c.source for c in citations] == ["RFI", "RFI"]


@pytest.mark.parametrize("text, expected", [
    ("Le stock a été déplacé, a-t-on appris de sources sécuritaires.", ["sources sécuritaires"]),
    ("Selon une source proche de l'enquête, le suspect a fui.", ["source proche de l'enquête"]),
    ("D'après un cadre de l'entreprise, les ventes chutent.", ["cadre de l'entreprise"]),
    ("Plusieurs diplomates européens évoquent une médiation.", ["diplomates européens"]),
    ("« Rien n'est réglé », résume un ancien négociateur en poste à Bamako.", ["ancien négociateur"]),
    ("Il a quitté la prison, selon des images diffusées par les chaînes d'information.", ["chaînes d'information"]),
    # An impersonal "on" speaks for those among whom it stands.
    ("Dans l'entourage de l'ancien maire, on fait valoir qu'il a toujours respecté la loi.", ["entourage de l'ancien maire"]),
    ("Chez Valmeco, on assure que l'usine rouvrira.", ["Valmeco"]),
    ("Dans les rues de Lille, on a vu des milliers de gens.", []),
])
def test_sources_unnamed_sources(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("La société Valmeco a dénoncé lundi dans un communiqué une « expropriation ».", ["Valmeco"]),
    ("Le ministre, Paul Kouamé, a de son côté mis en garde contre « toute tentative de déstabilisation ».", ["Paul Kouamé"]),
    ("Karl Lind a réagi dans une vidéo publiée sur ses réseaux sociaux.", ["Karl Lind"]),
    # The holder a title opens on, after "par la voix de" or where the speaker posted.
    ("Oslo a rejeté ces accusations, par la voix du porte-parole de sa diplomatie, Lena Holm.", ["Lena Holm"]),
    ("Deux avions ont décollé, a annoncé sur X la ministre suédoise des Affaires étrangères, Lena Holm.", ["Lena Holm"]),
    # A bare title after the person the paragraph has just named is that person.
    ("Karl Lind décrit « un spectacle de désolation ». « Tout est rasé », a déclaré le ministre à la presse.",
     ["Karl Lind"]),
    ("« Tout est prêt », a assuré le ministre de l'Intérieur, Paul Kouamé, lors d'un point presse.", ["Paul Kouamé"]),
    ("La ligne rouvrira, a indiqué lundi à l'AFP Marie Roux, maire du village.", ["AFP", "Marie Roux"]),
    # The outlet she spoke on broadcast it, as an agency spoken to reports it.
    ("« Nous tiendrons », a déclaré mercredi sur France Inter la ministre Anne Vidal.", ["Anne Vidal", "France Inter"]),
    ("Les camions sont arrivés, selon plusieurs médias, dont Reuters.", ["Reuters"]),
    # A title after an adjective or a partitive, in the plural too, and those the speaker stands before.
    ("Deux gardes ont été postés, a confirmé le nouveau ministre de l'Intérieur, Paul Kouamé.", ["Paul Kouamé"]),
    ("« C'est une décision de droit », a réagi devant la presse l'un de ses avocats, Me Luc Vernet.", ["Luc Vernet"]),
    ("Il reste présumé innocent, ont rappelé ses avocats, Me Luc Vernet et Me Anne Vidal.", ["Luc Vernet", "Anne Vidal"]),
])
def test_sources_named_speaker_not_outlet_nor_role(cite, text, expected):
    assert sources(cite(text)) == expected


def test_sources_pronoun_speaker_is_the_subject_named_before(cite):
    result = cite("Le groupe Valmeco a perdu son usine.", "« Nous ferons appel », a-t-il ajouté.")
    assert sources(result) == ["Valmeco"]


def test_sources_le_groupe_points_to_the_company_of_the_article(cite):
    result = cite("Le constructeur Valmeco a vendu 40 navires.", "Les commandes reculent, a annoncé mardi le groupe.")
    assert sources(result) == ["Valmeco"]


@pytest.mark.parametrize("lines", [
    ("Le musée Granet a été cambriolé dimanche.", "« Nous sommes sous le choc », a indiqué le musée."),
    ("Le musée Granet a été cambriolé dimanche.", "Il restera fermé lundi, a indiqué l'établissement sur X."),
])
def test_sources_le_musee_points_to_the_institution_last_named(cite, lines):
    assert sources(cite(*lines)) == ["Musée Granet"]


@pytest.mark.parametrize("text, expected", [
    ("La préfecture du Nord a recensé 3 000 manifestants à Lille.", "Préfecture du Nord"),
    ("La Cnil dit rester vigilante sur ce dossier.", "Cnil"),
    ('Le syndicat Solidaires évoque "une mobilisation historique".', "Solidaires"),
])
def test_sources_counting_infinitive_and_quoted_subjects(cite, text, expected):
    assert expected in sources(cite(text))


@pytest.mark.parametrize("lines, kinds, expected", [
    (("Le Titre du jour", "Le Parisien - 3 juin 2026", "Le texte commence ici."), {1: "heading"}, "Le Parisien"),
    (("Le Titre du jour", "Ouest-France", "Le texte commence ici."), {1: "heading"}, "Ouest-France"),
    (("Un quai de gare désert. — Marc Durand / SIPA", "Le texte."), {0: "heading"}, "SIPA"),
])
def test_sources_masthead_and_dash_credit_name_the_publisher(cite, lines, kinds, expected):
    assert expected in sources(cite(*lines, kinds=kinds))


@pytest.mark.parametrize("text, expected, absent", [
    ("« Il fera appel », a indiqué son avocat, Me Paul Garnier, à la sortie.", "Paul Garnier", "avocat"),
    ("Selon son entourage, Marc Vidal a refusé l'offre.", "entourage", "Marc Vidal"),
    ("Le logiciel est utilisé selon l'entreprise par 3 000 clients.", None, "entreprise par 3 000 clients"),
])
def test_sources_apposition_only_gives_a_title_its_holder(cite, text, expected, absent):
    found = sources(cite(text))
    assert (expected is None or expected in found) and absent not in found


def test_sources_named_institution_is_cited_by_its_name(cite):
    assert sources(cite("La grève est reconduite, selon la préfecture de police.")) == ["Préfecture de police"]


@pytest.mark.parametrize("text, expected", [
    # A descriptor before the name is the name's, not a source of its own.
    ("Le barrage a cédé, selon l'agence officielle sud-coréenne Yonhap.", ["Yonhap"]),
    # Every source "et" joins to the first.
    ("« Nous partirons », a déclaré le ministre, cité par les agences Interfax et Yonhap.", ["Interfax", "Yonhap"]),
    # "M. X": the bearer of the honorific.
    ("« Nous partirons », a déclaré M. Karlsson devant la presse.", ["Karlsson"]),
])
def test_sources_descriptors_coordination_and_honorifics(cite, text, expected):
    found = sources(cite(text))
    assert set(expected) <= set(found) and not any(s[:1].islower() and s != "ministre" for s in found), found


@pytest.mark.parametrize("lines, kinds, expected", [
    (("Le titre", "Le texte.", "ats/afp/vic"), {}, {"ATS", "AFP"}),          # a signature line, lower case
    (("Le titre", "Le texte.", "(Belga)"), {}, {"Belga"}),
    (("Le titre", "Rédaction 20 Minutes", "Le texte."), {}, {"20 Minutes"}),
    (("Le Vif · Monde · Mis en ligne le 2025-11-21", "Le titre", "Le texte."), {0: "kicker"}, {"Le Vif"}),
    (("Monde - RTSinfo", "Le titre", "Le texte."), {0: "kicker"}, {"RTS"}),
    # A site's path opens on the outlet, known or not; not on a rubric or a local edition.
    (("Le Soir > Monde > Asie", "Le titre", "Le texte."), {0: "section"}, {"Le Soir"}),
    (("La Gazette du Nord > Région > Faits divers", "Le titre", "Le texte."), {0: "section"}, {"La Gazette du Nord"}),
    (("International › Asie-Pacifique", "Le titre", "Le texte."), {0: "section"}, set()),
    (("Le Havre > Économie", "Le titre", "Le texte."), {0: "section"}, set()),
    # An outlet's site after its name, and a masthead's "Info".
    (("Le titre", "Le Monde.fr avec AFP", "Le texte."), {1: "byline"}, {"Le Monde", "AFP"}),
    (("RTBF Info", "Le titre", "Le texte."), {0: "kicker"}, {"RTBF"}),
    # A broadcaster under its brand ("ICI" is Radio-Canada's).
    (("Le titre", "ICI Radio-Canada Info | International", "Le texte."), {1: "section"}, {"Radio-Canada"}),
])
def test_sources_publishers_from_signature_lines_and_mastheads(cite, lines, kinds, expected):
    _, found = cite(*lines, kinds=kinds)
    assert {c.source for c in found if c.kind == "publisher"} == expected


def test_sources_the_outlet_the_sidecar_names_heads_the_page(cite):
    _, found = cite("La Gazette du Lac", "Le titre", "Le texte.", kinds={0: "kicker"},
                    sidecar=Sidecar(outlet="La Gazette du Lac"))
    assert {c.source for c in found if c.kind == "publisher"} == {"La Gazette du Lac"}
    _, found = cite("La Gazette du Lac", "Le titre", "Le texte.", kinds={0: "kicker"})
    assert not [c for c in found if c.kind == "publisher"]


def test_sources_an_agency_credit_closing_the_text_is_the_publisher(cite):
    _, found = cite("Le titre", "Le conseil a voté mardi. Le maire n'a pas confirmé. (avec Reuters)")
    assert {c.source for c in found if c.kind == "publisher"} == {"Reuters"}
    _, found = cite("Le titre", "Le conseil a voté mardi, selon le maire (PS).")
    assert not [c for c in found if c.kind == "publisher"]


@pytest.mark.parametrize("text, expected", [
    ("Le ministre a salué l'accord, selon des propos rapportés par TASS et par l'agence Interfax.", ["TASS", "Interfax"]),
    ("Dans un communiqué diffusé ce lundi par l'agence officielle Yonhap, le ministère confirme la visite.", ["Yonhap"]),
])
def test_sources_coordinated_agents_and_a_dated_agent(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("« Le port rouvrira », explique-t-il au Monde.", ["Le Monde"]),          # "au" holds the outlet's "Le"
    ("« Le port rouvrira », a-t-il confié au Soir.", ["Le Soir"]),
    # "auprès de" the outlet that got the statement, then the speaker.
    ("« Le port rouvrira », a souligné auprès de l'AFP Karl Lind, prévisionniste.", ["AFP", "Karl Lind"]),
    ("Karl Lind a confié auprès du Monde que le port rouvrira.", ["Le Monde", "Karl Lind"]),
    # "auprès de" a body that is no outlet: the body is the source, not an outlet spoken to.
    ("Les routes sont coupées, a-t-on appris auprès de la préfecture du Nord.", ["Préfecture du Nord"]),
])
def test_sources_an_outlet_after_au_and_du(cite, text, expected):
    assert sources(cite(text)) == expected


def test_sources_who_speaks_in_a_statement_the_sentence_opens_on(cite):
    assert sources(cite("Dans un communiqué publié lundi, le conseil municipal de Lyon a salué la décision.")) == \
        ["Conseil municipal de Lyon"]
    # A phrase of time between the statement and its speaker; a body named by a head and its complement.
    assert sources(cite("Dans un communiqué diffusé samedi, à la veille du sommet, la Confédération des États du "
                        "Nord a qualifié sa décision d'« irréversible ».")) == ["Confédération des États du Nord"]


def test_sources_an_interview_told_by_the_rubric_opening_its_standfirst(cite):
    _, found = cite("« Le port doit rouvrir »", "ENTRETIEN - Au lendemain du vote, la politologue Anna Berg, professeure "
                    "à l'université, décrypte les enjeux du scrutin.", "Que retenir du vote ?", "Le port doit rouvrir.",
                    kinds={0: "title", 2: "heading"})
    assert [c.source for c in found if c.kind == "attribution"] == ["Anna Berg"]


def test_sources_an_interview_cites_the_person_its_headline_quotes(cite):
    _, found = cite("Anna Berg : « Le port doit rouvrir »", "ENTRETIEN - Après le départ de Jean Martin, la "
                    "politologue décrypte les enjeux du scrutin et de la réforme.", "Que retenir du vote ?",
                    "Le port doit rouvrir.", kinds={0: "title", 2: "heading"})
    assert [c.source for c in found if c.kind == "attribution"] == ["Anna Berg"]


def test_sources_an_interview_cites_the_person_it_presents(cite):
    _, found = cite("ENTRETIEN", "« Le port doit rouvrir »", "Propos recueillis par Luc Petit",
                    "Au lendemain du vote de Jean Martin et de Karl Lind, la politologue Anna Berg, professeure à "
                    "l'université, décrypte les enjeux du scrutin.", "Que retenir du vote ?", "Le port doit rouvrir.",
                    kinds={0: "kicker", 1: "title", 2: "byline", 4: "heading"})
    assert [c.source for c in found if c.kind == "attribution"] == ["Anna Berg"]


@pytest.mark.parametrize("text, expected", [
    ("Les clés ont été remises lundi, a précisé de son côté la préfecture du Nord.", ["Préfecture du Nord"]),
    ("« Le bilan sera lourd », a déclaré en fin d'après-midi le ministre de l'Intérieur démissionnaire, Karl Lind.",
     ["Karl Lind"]),
    ("« Le bilan sera lourd », a indiqué dans la soirée Karl Lind.", ["Karl Lind"]),
])
def test_sources_an_aside_between_the_inverted_verb_and_its_subject(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("Trois morts à Oslo, selon un décompte établi par l'Agence nordique, qui a dénoncé la répression.",
     ["Agence nordique"]),
    ("La Norvège appelle au calme, a indiqué jeudi à la RTS le Département fédéral des routes (DFR).", ["RTS", "DFR"]),
])
def test_sources_a_count_made_by_and_a_body_after_the_outlet(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("« Rien n'est joué », a déclaré Karl Lind à l'AFP.", ["Karl Lind", "AFP"]),
    ("« Rien n'est joué », a déclaré Karl Lind à l'antenne de franceinfo.", ["Karl Lind", "franceinfo"]),
    ("« Rien n'est joué », a déclaré Karl Lind à Oslo.", ["Karl Lind"]),
    ("Le préfet a évoqué sur Mayotte la 1ère un bilan lourd.", ["Mayotte la 1ère"]),
])
def test_sources_the_outlet_spoken_to_after_the_inverted_speaker(cite, text, expected):
    assert sources(cite(text)) == expected


def test_sources_the_outlet_the_sidecar_names_is_known_in_the_text(cite):
    text = "Pour le politologue Karl Lind, interrogé par 24 heures, le vote surprend."
    assert "24 heures" in sources(cite(text, sidecar=Sidecar(outlet="24 heures")))
    assert "24 heures" not in sources(cite(text))


@pytest.mark.parametrize("text, expected", [
    # "comme l'a révélé X": an inverted attribution.
    ("Les tirs remontent au 2 janvier, comme l'avait révélé l'Agence nordique le 4 janvier.", ["Agence nordique"]),
    ("Comme l'a fait Karl Lind, il votera.", []),
    # Counting and estimating, an adverb or a date between the auxiliary and the rest.
    ("Le 28 octobre, l'Agence nordique a estimé à environ 10 000 le nombre de soldats envoyés.", ["Agence nordique"]),
    ("Le procureur général, Karl Lind, a depuis recensé des dizaines de tirs.", ["Karl Lind"]),
    ("Le président Karl Lind a fait état le 5 novembre des premiers affrontements.", ["Karl Lind"]),
    # A generic subject after an opening time adverbial.
    ("Lundi, un responsable américain a confirmé que des soldats avaient été tués.", ["responsable américain"]),
    # A translation is a document: who made it is cited.
    ("Le conflit continue, selon la traduction fournie par l'agence russe TASS.", ["TASS"]),
])
def test_sources_comme_l_a_counting_and_a_time_before_the_subject(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("« Le vote est un rejet », analyse Karl Lind, chercheur à Bergen.", ["Karl Lind"]),
    # Right after a quotation only: after an apposition, "analyse" has an object.
    ("La politologue Anna Berg, professeure à Bergen, analyse le rapprochement entre la Norvège et la Suède.", []),
    ("L'Agence nordique a appelé dans un communiqué « tous les acteurs » à la retenue.", ["Agence nordique"]),
])
def test_sources_analyse_after_a_quotation_and_a_call_in_a_statement(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("lines, sidecar, expected", [
    (("Titre", "Reuters : Que s'est-il passé à Oslo ?", "Karl Lind : Le port a fermé."), Sidecar(), ["Reuters"]),
    (("Titre", "Radio Nord : Que s'est-il passé ?", "Karl Lind : Le port a fermé."), Sidecar(outlet="Radio Nord"),
     ["Radio Nord"]),
    (("Titre", "RADIO NORD. - Que s'est-il passé ?", "Karl Lind. - Le port a fermé."), Sidecar(outlet="Radio Nord"),
     ["Radio Nord"]),
    # A label that is no outlet, or no question: no publisher.
    (("Titre", "Karl Lind : Que s'est-il passé ?", "Le port a fermé."), Sidecar(), []),
    (("Titre", "Reuters : le port a fermé lundi.", "Le port a fermé."), Sidecar(), []),
])
def test_sources_the_outlet_that_asks_an_interview_questions(cite, lines, sidecar, expected):
    _, found = cite(*lines, kinds={0: "title"}, sidecar=sidecar)
    assert [c.source for c in found if c.kind == "publisher"] == expected


def test_sources_those_close_to_a_person_speak_for_them(cite):
    text = "L'ancienne ministre Anna Berg a été relâchée dans la soirée, a indiqué son entourage."
    assert sources(cite(text)) == ["Anna Berg"]
    assert sources(cite("Le texte sera revu, a indiqué son entourage.")) == ["entourage"]


def test_sources_a_body_named_after_france_is_no_country(cite):
    assert sources(cite("« La houle va forcir », a prévenu Météo-France.")) == ["Météo-France"]


def test_sources_decrire_with_a_quotation(cite):
    assert sources(cite("Le préfet du Nord, Karl Lind, a décrit « des quartiers entiers qui ont disparu ».")) == ["Karl Lind"]


def test_sources_a_short_sentence_is_no_signature_line(cite):
    _, found = cite("Le titre", "Le texte.", "Il pleut à Lyon.")
    assert [c for c in found if c.kind == "publisher"] == []


@pytest.mark.parametrize("text, expected", [
    # More verbs of saying, inverted after a quote.
    ("« Rien ne bouge », glisse un syndicaliste de la métallurgie.", ["syndicaliste de la métallurgie"]),
    # Who announces, confirms or reveals a piece of news is its source, with no "que" after.
    ("Le ministre de la Défense, Karl Lind, a annoncé la création d'une force commune.", ["Karl Lind"]),
    ("L'Agence nordique a confirmé mardi la fermeture du port.", ["Agence nordique"]),
    # Any verb, then a colon and a quotation: the words quoted are the subject's.
    ("Le ministre, Karl Lind, a balayé l'hypothèse d'un retour : « La question n'est plus à l'ordre du jour. »",
     ["Karl Lind"]),
    # A pronoun between the subject set between commas and its verb.
    ("Le président de la Commission, le Suédois Karl Lind, y a mis en garde contre un « risque de rupture ».",
     ["Karl Lind"]),
    # A nationality before the name a title's apposition gives.
    ("« Les portes restent ouvertes », résume le président de la Commission, le Suédois Karl Lind.", ["Karl Lind"]),
    # ...in the imperfect too.
    ("« Nous avons attendu ça », confiait hier Anna Berg, commerçante au marché.", ["Anna Berg"]),
    # An imperfect verb of saying with "que".
    ("En mars, la Banque centrale européenne estimait que l'inflation reculerait.", ["BCE"]),
    # "par la voix de": the organ that speaks for a country.
    ("Rome dénonce, par la voix de son ministère de la Défense, une provocation.", ["Ministère italien de la Défense"]),
    # A passive verb of saying with a date between it and its agent.
    ("La hausse a été annoncée le 3 mai par le ministre des Finances, Paul Girard.", ["Paul Girard"]),
    # A figure estimated by an agent.
    ("Le coût du chantier est estimé à deux millions d'euros par la mairie de Lille.", ["Mairie de Lille"]),
    # A document's author is its source.
    ("Selon des données compilées par Eurostat, les cas reculent.", ["Eurostat"]),
    ("Selon les premières estimations communiquées lundi par la préfecture, 300 personnes ont défilé.", ["préfecture"]),
    # A publication, a date, then its publisher; an agreement announced by a capital is news, not its teller.
    ("Les chiffres, publiés lundi par Eurostat, montrent une hausse.", ["Eurostat"]),
    ("Le chantier suit l'accord annoncé en juin par Rome.", []),
    # Reflexive verbs of saying, after a quote or before an adjective of stance.
    ("« C'est une victoire », s'est félicité le maire de Lyon, Paul Girard.", ["Paul Girard"]),
    ("La Banque mondiale s'est dite prête à aider le pays.", ["Banque mondiale"]),
    ("La cour d'appel de Lyon s'est montrée plus sévère.", []),
    # Verbs of saying on social networks.
    ("« Nous attendons », a tweeté le président Paul Girard.", ["Paul Girard"]),
    # The agency a subject spoke to.
    ("Paul Girard a indiqué à l'AFP que la crise durerait.", ["AFP", "Paul Girard"]),
    ("« La crise durera », a-t-il indiqué à l'AFP.", ["AFP"]),
    ("« Ce traité change tout », observe Paul Girard, chercheur à Lyon.", ["Paul Girard"]),
    ("Mardi, le ministre Paul Girard a surenchéri : selon lui, « la crise durera ».", ["Paul Girard"]),
    # Adverbs between the auxiliary and the participle.
    ("Paul Girard a également déclaré que la crise durerait.", ["Paul Girard"]),
    ("Le 3 mai, Eurostat avait le premier affirmé que les prix montaient.", ["Eurostat"]),
    ("« La crise durera », a encore affirmé Paul Girard.", ["Paul Girard"]),
    ("Paul Girard a aussi indiqué à l'AFP que la crise durerait.", ["AFP", "Paul Girard"]),
    ("Le décret, rendu public le lendemain par Eurostat, fixe les règles.", ["Eurostat"]),
])
def test_sources_verbs_of_saying_beyond_the_present_perfect(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # The subject stands before a relative clause.
    ("Le Fonds monétaire international, qui publie ses chiffres chaque année, a averti jeudi que la croissance baissait.",
     ["FMI"]),
    # The subject stands after a date and a title, before its own commas.
    ("Le 3 mars, le conseiller à la sécurité, Jean Morel, a affirmé sur la chaîne TF1 que la ville était sûre.",
     ["Jean Morel"]),
    # An indefinite apposition describes the subject; its names are not the subject.
    ("L'Office européen des brevets (OEB), un organisme créé par dix pays dont la France, estimait que les dépôts baissaient.",
     ["OEB"]),
])
def test_sources_subject_before_its_appositions(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # Countries joined by "et" are both sources; a comma after "selon X" ends the source.
    ("Selon les États-Unis et la Corée du Sud, les missiles ont été livrés.", ["États-Unis", "Corée du Sud"]),
    ("Selon Rome, Paris a cédé.", ["Italie"]),
    # Unnamed sources joined by "et".
    ("Les pourparlers avancent, selon la police et les organisateurs.", ["police", "organisateurs"]),
    # "à en croire" introduces a source like "selon"; a civil body named in lower case is one.
    ("À en croire le Kremlin, la rencontre aura lieu.", ["Kremlin"]),
    ("Le bilan s'élève à 12 morts, a annoncé la protection civile.", ["protection civile"]),
    # A participant is a source.
    ("« On ne gouverne pas ainsi », aurait-il dit, selon un participant.", ["participant"]),
    # A possessed speaker; an organ of its owner is not named as a source.
    ("Les ventes ont doublé, selon sa maison d'édition.", ["maison d'édition"]),
    ("Les ventes ont doublé, d'après son service de presse.", []),
    # A lower-case noun in apposition to a name: the name.
    ("Le séjour coûte 900 euros, selon le voyagiste Nordtour.", ["Nordtour"]),
    # "de source X": the unnamed source is the whole phrase.
    ("De source militaire nigériane, on craint une attaque.", ["source militaire nigériane"]),
    # The journal that publishes a study.
    ("Les résultats sont publiés ce mercredi dans la revue Annales de Physique.", ["Annales de Physique"]),
    # "selon ce rapport": the author the text named with the report.
    ("Le roi a reçu le rapport de l'informateur Paul Girard. Selon ce rapport, la coalition tient.", ["Paul Girard"]),
])
def test_sources_coordinated_possessed_and_apposed_names(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("lines, expected", [
    # "le journal" points back to the outlet named before.
    (("Ri a confié au quotidien Nordpresse vouloir partir.", "« Je reste », a-t-il déclaré, selon le journal."),
     ["Nordpresse"]),
    (("Le pont a rouvert, a rapporté l'agence TASS.", "Selon l'agence russe, les camions passent."), ["TASS", "TASS"]),
    # A known outlet a speaker talked to, even when the name finder missed it.
    (("« Le pont tiendra », a expliqué au Figaro un ingénieur.",), ["Le Figaro"]),
    # An interview given to an outlet, an outlet that reached the speaker.
    (("« J'avais besoin de calme », confie la chanteuse dans un entretien accordé à France Culture.",), ["France Culture"]),
    (("« Il faut former les jeunes », estime l'économiste Paul Diallo, joint par Jeune Afrique.",),
     ["Paul Diallo", "Jeune Afrique"]),
    # "un entretien à l'Élysée" is a meeting, not an interview; a known outlet may be one the name finder missed.
    (("Le président a eu un entretien à l'Élysée avec le chancelier.",), []),
    (("« Tout va bien », a-t-il dit dans une interview au Monde.",), ["Le Monde"]),
    # "a-t-elle ajouté" after a title and its holder: the holder, not the body of the title.
    (("La présidente de la Commission, Anna Berg, a promis un plan.", "« Il faut agir », a-t-elle ajouté."), ["Anna Berg"]),
])
def test_sources_outlets_pointed_back_to_or_spoken_to(cite, lines, expected):
    assert set(sources(cite(*lines))) == set(expected)


@pytest.mark.parametrize("lines, kinds, expected", [
    (("Le texte.", "Deux soldats à la frontière. JEAN DUPONT / AFP"), {}, {"AFP"}),
    (("Le texte.", "Une plage de la côte est. (Photo KCNA via Reuters)"), {}, {"KCNA", "Reuters"}),
    (("Le texte.", "Le skipper à son arrivée. | OUEST-FRANCE / Jeanne Martin"), {}, {"Ouest-France"}),
    (("Le texte.", "Vue d'artiste d'une exoplanète. © NASA, ESA"), {}, {"NASA", "ESA"}),
    (("Le titre", "Avec les informations de Agence France-Presse et Reuters", "Le texte."), {1: "heading"}, {"AFP", "Reuters"}),
    (("Le titre", "BERNE 12/03 (BELGA)", "Le texte."), {1: "kicker"}, {"Belga"}),
    (("Le texte.", "Le sommet réunit deux pays (Paris, Berlin)"), {}, set()),
])
def test_sources_credits_at_the_end_of_captions_and_agency_lines(cite, lines, kinds, expected):
    _, found = cite(*lines, kinds=kinds)
    assert {c.source for c in found if c.kind == "publisher"} == expected


@pytest.mark.parametrize("text, expected", [
    ("Pour Marta Jankowska, chercheuse à l'université de Cracovie, l'accord marque une rupture.", ["Marta Jankowska"]),
    # A country's reading is no source here; nor is a name the sentence does not open on.
    ("Pour la Pologne, l'accord marque une rupture.", []),
    ("Un accord pour Marta Jankowska, chercheuse, marque une rupture.", []),
])
def test_sources_pour_x_gives_the_reading_of_x(cite, text, expected):
    assert sources(cite(text)) == expected


@pytest.mark.parametrize("text, expected", [
    # A name set between commas before the verb is its subject; what follows the verb is its object ...
    ("De l'autre côté du fleuve, le maire de Bergen, Karl Lind, a salué sa future homologue.", ["Karl Lind"]),
    # ... and an outlet it spoke to is cited too.
    ("En février, le plus âgé, Jan Berg, a confié au quotidien Bergens Tidende vouloir partir.",
     ["Jan Berg", "Bergens Tidende"]),
    # The last of a list is no subject: the verb is inverted.
    ("La réunion, présidée par Anna Berg, et le ministre suédois, Per Holm, a duré trois heures, a fait savoir "
     "le ministère norvégien de la Pêche.", ["Ministère norvégien de la Pêche"]),
    # A phrase after "par" stops before "peu avant", and before a verb in "-ent" right after a noun ...
    ("Elle a gagné, selon les résultats diffusés par la mairie peu avant minuit.", ["mairie"]),
    ("Les images diffusées par la télévision d'État montrent le char Leopard et le char Ajax.", ["télévision d'État"]),
    # ... not at a noun in "-ent" after a preposition, nor at an adjective before its complement.
    ("Les données diffusées par les services du gouvernement montrent une hausse.", ["services du gouvernement"]),
    ("Le port a fermé, a rapporté le correspondant permanent de l'AFP.", ["AFP"]),
])
def test_sources_where_a_subject_or_a_source_phrase_ends(cite, text, expected):
    assert sources(cite(text)) == expected
