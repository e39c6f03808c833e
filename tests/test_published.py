"""The publication date on the openings of real-world French-language news pages.

A robustness table: one row per shape a saved page takes (French, Belgian, Swiss, Canadian and
African outlets, wires, live pages), written for this test, run through the reader and
`publication_date` as the generator does. The expected value follows the gold's rule: the date a
dateline gives (the published one over the updated one), the date a reader infers from the text's
own chain of dates without doubt, else None. A wrong date is worse than None.
"""
from __future__ import annotations

import pytest

from generator.dates import publication_date
from generator.pipeline import sentences_of
from generator.read import structure

BODY = "Le conseil des ministres a adopté le texte, qui doit encore passer devant le Parlement."
# 12 March 2025 is a Wednesday (and was a Tuesday in 2024).
SHAPES = [
    # --- French national outlets: "Publié le ... Mis à jour le ..."
    ("lemonde", "International\nLe gouvernement adopte la réforme\nLe texte passe au Parlement.\n"
                "Par Jean Dupont\nPublié le 12 mars 2025 à 08h15, modifié le 13 mars 2025 à 10h02\n" + BODY,
     "2025-03-12"),
    ("lemonde-parenthesis", "La réforme adoptée\nPublié le 12 mars 2025 à 18h02 (mis à jour le 13 mars 2025 à 08h15)\n"
                            + BODY, "2025-03-12"),
    ("lefigaro-slashes", "La réforme adoptée\nPar Jean Dupont\nPublié le 12/03/2025 à 08:15, mis à jour le 13/03/2025 à 10:02\n"
                         + BODY, "2025-03-12"),
    ("lefigaro-le", "La réforme adoptée\nPar Jean Dupont\nLe 12 mars 2025 à 08h15, modifié le 13 mars 2025 à 10h02\n" + BODY,
     "2025-03-12"),
    ("liberation-lowercase", "La réforme adoptée\npar Jean Dupont\npublié le 12 mars 2025 à 8h15\n" + BODY, "2025-03-12"),
    ("franceinfo", "La réforme adoptée\nArticle rédigé par Jean Dupont - franceinfo\nRadio France\n"
                   "Publié le 12/03/2025 08:15 Mis à jour le 13/03/2025 10:02\n" + BODY, "2025-03-12"),
    ("ouestfrance", "La réforme adoptée\nOuest-France\nJean Dupont.\nPublié le 12/03/2025 à 08h15\n" + BODY, "2025-03-12"),
    ("20minutes-two-digit-year", "La réforme adoptée\nJean Dupont\nPublié le 12/03/25 à 08h15 — Mis à jour le 13/03/25 à 10h02\n"
                                 + BODY, "2025-03-12"),
    ("updated-line-first", "La réforme adoptée\nMis à jour le 13 mars 2025 à 10h02\nPublié le 12 mars 2025 à 08h15\n" + BODY,
     "2025-03-12"),
    ("modified-only", "La réforme adoptée\nModifié le 13 mars 2025\n" + BODY, "2025-03-13"),
    ("weekday-date", "La réforme adoptée\nMercredi 12 mars 2025\n" + BODY, "2025-03-12"),
    ("date-time-no-separator", "La réforme adoptée\n12 mars 2025 08h15\n" + BODY, "2025-03-12"),
    ("le-numeric-time", "La réforme adoptée\nLe 12/03/2025 à 8:15\n" + BODY, "2025-03-12"),
    ("iso-timestamp", "La réforme adoptée\n2025-03-12T08:15:00+01:00\n" + BODY, "2025-03-12"),
    ("english-month-first", "La réforme adoptée\nMarch 12, 2025\n" + BODY, "2025-03-12"),
    ("english-abbreviated", "La réforme adoptée\nPar Jean Dupont\nMar 12, 2025 8:15 AM\n" + BODY, "2025-03-12"),
    ("byline-dash-date", "La réforme adoptée\nPar Jean Dupont - 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    ("byline-comma-date", "La réforme adoptée\nPar Jean Dupont, le 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    ("byline-pipe-date", "La réforme adoptée\nPar Jean Dupont | 12/03/2025 à 08h15\n" + BODY, "2025-03-12"),
    ("date-then-byline", "La réforme adoptée\nPublié le 12 mars 2025 à 08h15 par Jean Dupont\n" + BODY, "2025-03-12"),
    ("par-agency-le", "La réforme adoptée\nPar AFP le 12/03/2025 à 08h15\n" + BODY, "2025-03-12"),
    ("agency-le", "La réforme adoptée\nAFP le 12/03/2025 à 08:15\n" + BODY, "2025-03-12"),
    ("published-by-author-le", "La réforme adoptée\nPublié par Jean Dupont le 12 mars 2025\n" + BODY, "2025-03-12"),
    ("written-by-author-le", "La réforme adoptée\nÉcrit par Jean Dupont le 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    ("author-le", "La réforme adoptée\nJean Dupont le 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    ("outlet-pipe-date-bullet-update", "La réforme adoptée\nLe Monde.fr avec AFP | 12.03.2025 à 08h15 • Mis à jour le "
                                       "13.03.2025 à 10h02\n" + BODY, "2025-03-12"),
    ("two-digit-year-dashes-comma-time", "La réforme adoptée\n12-03-25, 08:15\n" + BODY, "2025-03-12"),
    ("time-with-min", "La réforme adoptée\nmercredi 12 mars 2025 à 08h15min\n" + BODY, "2025-03-12"),
    ("date-slash-byline", "La réforme adoptée\n12 mars 2025 / Par Jean Dupont\n" + BODY, "2025-03-12"),
    ("time-zone-pipe-update", "La réforme adoptée\nLe 12 mars 2025 à 05:00 HNE | Mis à jour le 12 mars 2025 à 06:00 HNE\n"
                              + BODY, "2025-03-12"),
    ("time-then-weekday", "La réforme adoptée\n08:15 — mercredi 12 mars 2025\n" + BODY, "2025-03-12"),
    ("update-footer", "La réforme adoptée\nALGER - " + BODY + "\nDernière mise à jour : 12-03-2025 08:15", "2025-03-12"),
    ("jdd-time-first", "La réforme adoptée\n08h15 , le 12 mars 2025, modifié à 10h02 , le 13 mars 2025\n" + BODY,
     "2025-03-12"),
    ("mis-en-ligne", "La réforme adoptée\nMis en ligne le 12 mars 2025 à 08h15, mis à jour le 13 mars 2025 à 10h02\n" + BODY,
     "2025-03-12"),
    ("date-de-publication", "La réforme adoptée\nDate de publication : 12 mars 2025\n" + BODY, "2025-03-12"),
    ("publication-colon", "La réforme adoptée\nPublication : 12/03/2025\n" + BODY, "2025-03-12"),
    ("derniere-mise-a-jour", "La réforme adoptée\nDernière mise à jour : 13/03/2025\n" + BODY, "2025-03-13"),
    ("reading-time", "La réforme adoptée\nPublié le 12 mars 2025 à 08h15 Lecture 3 min.\n" + BODY, "2025-03-12"),
    ("abbreviated-month", "La réforme adoptée\n12 déc. 2024 à 18h02\n" + BODY, "2024-12-12"),
    ("premier-of-month", "La réforme adoptée\nLundi 1er décembre 2025\n" + BODY, "2025-12-01"),
    ("capital-month", "La réforme adoptée\nPublié le 12 Mars 2025\n" + BODY, "2025-03-12"),
    ("france24-colon", "La réforme adoptée\nPublié le : 12/03/2025 - 08:15 Modifié le : 13/03/2025 - 10:02\n" + BODY,
     "2025-03-12"),
    ("euronews", "La réforme adoptée\nPublié le 12/03/2025 - 08:15 • Mis à jour 13/03/2025 - 10:02\n" + BODY, "2025-03-12"),
    ("humanite-name-after", "La réforme adoptée\nPublié le 12 mars 2025 Jean Dupont\n" + BODY, "2025-03-12"),
    ("dash-led", "La réforme adoptée\n— 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    # A date above the text and another below it are the page's own, not a chronology's headings.
    ("date-above-and-update-below", "La réforme adoptée\n12 mars 2025\n" + BODY + "\nLe Premier ministre a salué le vote.\n"
                                    "13/03/2025 10:02", "2025-03-12"),
    ("at-the-foot", "La réforme adoptée\n" + BODY + "\nLe Premier ministre a salué un vote historique.\nPublié le 12/03/2025 à 18:02",
     "2025-03-12"),
    ("published-yesterday", "La réforme adoptée\nPublié hier à 18h02, modifié à 08h15\n" + BODY, None),
    ("published-hours-ago", "La réforme adoptée\nLe Figaro avec AFP\nPublié il y a 3 heures, mis à jour il y a 1 heure\n" + BODY,
     None),
    ("published-today", "La réforme adoptée\nPublié aujourd'hui à 08h15\n" + BODY, None),
    ("premiere-publication", "La réforme adoptée\nPremière publication le 12 mars 2025\n" + BODY, "2025-03-12"),
    ("mise-en-ligne-colon", "La réforme adoptée\nMise en ligne : 12 mars 2025\n" + BODY, "2025-03-12"),
    ("derniere-modification", "La réforme adoptée\nDernière modification : 13/03/2025\n" + BODY, "2025-03-13"),
    ("letemps-weekday-no-le", "La réforme adoptée\nPublié mercredi 12 mars 2025 à 08:15\n" + BODY, "2025-03-12"),
    ("time-first-a", "La réforme adoptée\nÀ 8 h 15, le 12 mars 2025\n" + BODY, "2025-03-12"),
    ("month-cut-without-dot", "La réforme adoptée\n12 sept 2025 à 08:15\n" + BODY, "2025-09-12"),
    ("month-cut-without-dot-published", "La réforme adoptée\nPublié le 12 déc 2024\n" + BODY, "2024-12-12"),
    ("month-cut-with-dot", "La réforme adoptée\nPublié le 12 févr. 2025\n" + BODY, "2025-02-12"),
    ("uppercase", "La réforme adoptée\nMERCREDI 12 MARS 2025 À 08H15\n" + BODY, "2025-03-12"),
    ("english-day-first", "La réforme adoptée\n12 March 2025\n" + BODY, "2025-03-12"),
    ("iso-with-space", "La réforme adoptée\n2025-03-12 08:15:00\n" + BODY, "2025-03-12"),
    ("single-digits", "La réforme adoptée\nPublié le 2/3/2025\n" + BODY, "2025-03-02"),
    ("two-digit-year-dotted", "La réforme adoptée\n12.03.25 - 08:15\n" + BODY, "2025-03-12"),
    ("live-blog-dated", "EN DIRECT - La réforme au Parlement\nPublié le 12 mars 2025 à 07h00\n10:02\nLes députés votent.\n"
                        "08:15\nLe débat s'ouvre.", "2025-03-12"),
    ("live-blog-undated", "EN DIRECT - La réforme au Parlement\nMis à jour il y a 5 minutes\n10:02\nLes députés votent.\n"
                          "08:15\nLe débat s'ouvre.", None),
    ("published-days-ago", "La réforme adoptée\nPublié il y a 2 jours\n" + BODY, None),
    ("tribune", "Tribune\nPour une réforme juste\nJean Dupont, ancien ministre\nPublié le 12 mars 2025\n" + BODY, "2025-03-12"),
    # A page's header flattened into one line keeps the capital of its "Publié" label.
    ("header-in-the-title-line", "La réforme adoptée Publié le 12 mars 2025 à 08h15 Par Jean Dupont\n" + BODY, "2025-03-12"),
    ("header-in-the-byline", "La réforme adoptée\nPar Jean Dupont Publié le 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    ("header-author-outlet-label", "La réforme adoptée\nJean Dupont Le Figaro Publié le 12/03/2025 à 08:15\n" + BODY,
     "2025-03-12"),
    ("updated-hours-ago-published-date", "La réforme adoptée\nPublié le 12 mars 2025\nMis à jour il y a 2 heures\n" + BODY,
     "2025-03-12"),
    # --- Wires
    ("afp-dateline", "La réforme adoptée\nPARIS, 12 mars 2025 (AFP) - " + BODY, "2025-03-12"),
    ("reuters-yearless", "La réforme adoptée\nPARIS, 12 mars (Reuters) - Le gouvernement a présenté mercredi son budget 2025, "
                         "qui doit encore passer devant le Parlement.", "2025-03-12"),
    ("reuters-yearless-no-year", "La réforme adoptée\nPARIS, 12 mars (Reuters) - Le gouvernement a présenté mercredi "
                                 "son budget, qui doit encore passer devant le Parlement.", None),
    ("afp-place-only-date-at-foot", "La réforme adoptée\nMoscou (AFP) - Le Kremlin a salué mercredi la réforme.\n" + BODY
     + "\nPublié le 12/03/2025 à 09h00", "2025-03-12"),
    ("afp-footer", "La réforme adoptée\nMoscou (AFP) - Le Kremlin a salué mercredi la réforme.\n" + BODY
     + "\n©AFP - 12/03/2025 08:15", "2025-03-12"),
    ("afp-footer-in-brackets", "La réforme adoptée\nMoscou (AFP) - Le Kremlin a salué mercredi la réforme.\n" + BODY
     + "\n(©AFP / 12 mars 2025 08h15)", "2025-03-12"),
    ("afp-comma-published", "La réforme adoptée\nAFP, publié le mercredi 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    ("tva-pipes", "La réforme adoptée\nKiev, Ukraine | AFP | mercredi 12/03/2025 - 08:15\n" + BODY, "2025-03-12"),
    ("kinshasa-acp", "La réforme adoptée\nKinshasa, 12 mars 2025 (ACP).- " + BODY, "2025-03-12"),
    ("tap-yearless", "La réforme adoptée\nTunis, 12 mars (TAP) - Le gouvernement a adopté mercredi le budget 2025.",
     "2025-03-12"),
    ("weekday-in-wire-dateline", "La réforme adoptée\nPARIS, mercredi (AFP) - Le gouvernement a adopté ce mercredi "
                                 "12 mars 2025 le budget.", "2025-03-12"),
    ("afp-place-only-no-date", "La réforme adoptée\nMoscou (AFP) - Le Kremlin a salué mercredi la réforme.\n" + BODY, None),
    ("belga-numeric-yearless", "La réforme adoptée\nBRUXELLES 12/03 (BELGA)\nLe gouvernement fédéral a approuvé mercredi "
                               "le budget 2025, qui doit encore passer devant la Chambre.", "2025-03-12"),
    # 12 March 2024 is a Tuesday: "lundi" is the day before the dateline, in the year the lead gives.
    ("belga-numeric-year-in-lead", "La réforme adoptée\nBRUXELLES 12/03 (BELGA)\nLe gouvernement fédéral a approuvé lundi "
                                   "le budget, après un accord trouvé en 2024.", "2024-03-12"),
    ("belga-numeric-no-year", "La réforme adoptée\nBRUXELLES 12/03 (BELGA)\nLe gouvernement fédéral a approuvé lundi "
                              "le budget.", None),
    ("years-ago-disagrees", "La réforme adoptée\nGENÈVE 12/03 (ATS)\nLe canton a rouvert le musée, fermé en 2015, il y a "
                            "dix ans. Il avait été rénové en 2026.", None),
    ("belga-lead", "La réforme adoptée\n(Belga) Le gouvernement fédéral a approuvé mercredi le budget.\n"
                   "12/03/2025 08:15", "2025-03-12"),
    ("map-dateline", "La réforme adoptée\nRabat, 12/03/2025 (MAP) - " + BODY, "2025-03-12"),
    ("aps-yearless-en-dash", "La réforme adoptée\nDakar, 12 mars (APS) – Le gouvernement a adopté mercredi le budget 2025, "
                             "qui doit encore passer devant l'Assemblée.", "2025-03-12"),
    ("aps-algerie", "La réforme adoptée\nPublié le : Mercredi, 12 Mars 2025 08:15\nALGER - " + BODY, "2025-03-12"),
    ("ats-year-from-last-year", "La réforme adoptée\nGENÈVE 12/03 (ATS)\nLe canton a rouvert mercredi le musée, fermé "
                                "l'an dernier, en 2024, après un incendie.", "2025-03-12"),
    ("yearless-weekday-line", "La réforme adoptée\nMercredi 12 mars\nLe gouvernement a présenté son budget 2025.", "2025-03-12"),
    ("yearless-weekday-line-that-does-not-fit", "La réforme adoptée\nMardi 12 mars\nLe gouvernement a présenté son budget "
                                                "2025.", None),
    ("ats-year-from-years-ago", "La réforme adoptée\nGENÈVE 12/03 (ATS)\nLe canton a rouvert mercredi le musée, fermé "
                                "en 2015, il y a dix ans, après un incendie.", "2025-03-12"),
    # --- Belgian, Swiss, Canadian and African outlets
    ("rtbf", "La réforme adoptée\nBelga\nPublié le mercredi 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    ("rtbf-bullet", "La réforme adoptée\n12 mars 2025 à 08:15 • 2 min\n" + BODY, "2025-03-12"),
    ("lesoir", "La réforme adoptée\nPar Jean Dupont (avec Belga)\nPublié le 12/03/2025 à 08:15 Temps de lecture: 3 min\n" + BODY,
     "2025-03-12"),
    ("lalibre-dashes", "La réforme adoptée\nJean Dupont\nPublié le 12-03-2025 à 08h15\n" + BODY, "2025-03-12"),
    ("levif-two-digit-year", "La réforme adoptée\n12/03/25 à 08:15 - Mise à jour à 10:02\n" + BODY, "2025-03-12"),
    ("rts-no-le", "La réforme adoptée\nPublié 12 mars 2025 à 08:15 Modifié 13 mars 2025 à 10:02\n" + BODY, "2025-03-12"),
    ("letemps-periods", "La réforme adoptée\nJean Dupont\nPublié le 12 mars 2025 à 08:15. / Modifié le 13 mars 2025 à 10:02.\n"
                        + BODY, "2025-03-12"),
    ("swiss-dotted-updated-first", "La réforme adoptée\nPublié: 11.03.2025, 22h15 | Mise à jour: 12.03.2025, 08h15\n" + BODY,
     "2025-03-11"),
    ("swissinfo", "La réforme adoptée\nCe contenu a été publié le 12 mars 2025 - 08:15\n" + BODY, "2025-03-12"),
    ("lapresse-spaced-time", "La réforme adoptée\nJean Dupont\nLa Presse\nPublié le 12 mars 2025 à 8 h 15 "
                             "Mis à jour le 13 mars 2025 à 10 h 02\n" + BODY, "2025-03-12"),
    ("ledevoir-date-line", "La réforme adoptée\nJean Dupont à Ottawa\n12 mars 2025\nPolitique\n" + BODY, "2025-03-12"),
    ("ledevoir-pipes", "La réforme adoptée\n12 mars 2025 | Jean Dupont | Monde\n" + BODY, "2025-03-12"),
    ("presse-canadienne", "La réforme adoptée\nJean Dupont\nLa Presse Canadienne\n12 mars 2025\n" + BODY, "2025-03-12"),
    ("iso-then-update", "La réforme adoptée\n2025-03-12 | Mis à jour à 10 h 02\n" + BODY, "2025-03-12"),
    ("radio-canada-yearless", "La réforme adoptée\nPublié le 12 mars à 8 h 15 HAE\n"
                              "Le gouvernement a présenté mercredi son budget 2025.", "2025-03-12"),
    # The year is in the lead, past the update line.
    ("lapresse-yearless", "La réforme adoptée\nJean Dupont\nLa Presse\nPublié le 12 mars\nMis à jour le 12 mars\n"
                          "Le gouvernement a présenté son budget 2025, mercredi.", "2025-03-12"),
    ("envoye-special", "La réforme adoptée\nJean Dupont, envoyé spécial à Kiev - 12 mars 2025\n" + BODY, "2025-03-12"),
    ("letter-place", "La réforme adoptée\nBruxelles, le 12 mars 2025\n" + BODY, "2025-03-12"),
    ("olj-par", "La réforme adoptée\nOLJ / Par Jean Dupont, le 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    ("radio-canada-hae", "La réforme adoptée\nPublié le 12 mars 2025 à 8 h 15 HAE\n" + BODY, "2025-03-12"),
    ("journaldemontreal", "La réforme adoptée\nJean Dupont\nMercredi, 12 mars 2025 08:15\n"
                          "MISE À JOUR Jeudi, 13 mars 2025 10:02\n" + BODY, "2025-03-12"),
    ("jeuneafrique", "La réforme adoptée\nPar Jean Dupont\nPublié le 12 mars 2025 Lecture : 3 minutes.\n" + BODY, "2025-03-12"),
    ("fratmat", "La réforme adoptée\nPublié le mercredi 12 mars 2025 | Fraternité Matin\n" + BODY, "2025-03-12"),
    ("lematin-ma-capital-a", "La réforme adoptée\nLe Matin\n12 Mars 2025 À 08:15\n" + BODY, "2025-03-12"),
    ("lorientlejour", "La réforme adoptée\nOLJ / AFP / le 12 mars 2025 à 08h15\n" + BODY, "2025-03-12"),
    # --- Dates that are not the publication date
    ("caption-date", "La réforme adoptée\nLe ministre à Paris, le 3 mars 2025. (Photo AFP)\n" + BODY, None),
    ("caption-with-separator", "La réforme adoptée\nLe ministre à l'Élysée - 3 mars 2025 (AFP)\n" + BODY, None),
    ("caption-beside-dateline", "La réforme adoptée\nLe ministre à Paris, le 3 mars 2025. (Photo AFP)\n"
                                "Publié le 12 mars 2025\n" + BODY, "2025-03-12"),
    ("read-also", "La réforme adoptée\nLire aussi : Le 3 mars 2025, la réforme était déjà sur la table\n" + BODY, None),
    ("read-also-dated-link", "La réforme adoptée\nÀ lire aussi - 3 mars 2025 - La réforme des retraites\n" + BODY, None),
    ("chronology-entries", "La réforme adoptée\nChronologie\n12 mars 2025 - Le conseil des ministres adopte la réforme.\n"
                           "3 avril 2025 - Le Sénat vote le texte.\n" + BODY, None),
    ("chronology-entries-le", "La réforme adoptée\nLe 12 mars 2025 - Le conseil des ministres adopte la réforme.\n"
                              "Le 3 avril 2025 - Le Sénat vote le texte.", None),
    ("caption-date-first", "La réforme adoptée\n12 mars 2025 - Le président à l'Élysée. (Photo AFP)\n" + BODY, None),
    ("archives-link", "La réforme adoptée\nArchives - 3 mars 2025 - La réforme des retraites\n" + BODY, None),
    ("agenda-date", "La réforme adoptée\nLe conseil se réunira le 20 mars 2025.\n" + BODY, None),
    ("copyright-year", "La réforme adoptée\n" + BODY + "\n© AFP 2025", None),
    ("yesterday-and-a-story-date", "La réforme adoptée\nPar Jean Dupont\nHier, le conseil des ministres a adopté la réforme, "
                                   "présentée le 3 mars 2025.", None),
    ("latest-event-only", "La réforme adoptée\nLe conseil a adopté la réforme en octobre 2025, après un vote le "
                          "14 octobre 2025.", None),
    ("quoted-date", "La réforme adoptée\n« Le 12 mars 2025 restera une date historique », a déclaré le ministre.", None),
    ("quoted-tomorrow", "La réforme adoptée\n« Nous voterons demain, jeudi 13 mars 2025 », a déclaré mardi le ministre.", None),
    ("weekday-only-dateline", "La réforme adoptée\nMercredi\n" + BODY, None),
    ("weekday-time-dateline", "La réforme adoptée\nMercredi, 08h15\n" + BODY, None),
    ("dated-title-with-rubric", "Réforme. Le texte adopté le 12 mars 2025\n" + BODY, None),
    ("caption-credit-date", "La réforme adoptée\nLe ministre à l'Élysée. Photo Jean Dupont / AFP, 3 mars 2025\n" + BODY, None),
    ("caption-then-dateline", "La réforme adoptée\nLe ministre, le 3 mars 2025, à Paris. | AFP\nPublié le 12 mars 2025 à 08h15\n"
                              + BODY, "2025-03-12"),
    ("chronology-headings", "La réforme adoptée\nChronologie\n12 mars 2025\nLe conseil des ministres adopte la réforme.\n"
                            "3 avril 2025\nLe Sénat vote le texte.", None),
    ("caption-names-le-date", "La réforme adoptée\nVladimir Poutine et Kim Jong Un le 19 juin 2024.\n" + BODY, None),
    ("published-mid-paragraph", "La réforme adoptée\nLe rapport a été remis au ministre. Publié le 3 mars 2025 à 10h, il "
                                "montre une hausse des prix.", None),
    ("report-published-on", "La réforme adoptée\nLe rapport, publié le 3 mars 2025, montre une hausse.", None),
    ("book-out-on", "La réforme adoptée\nSon livre, paru le 3 mars 2025 chez Gallimard, fait débat.", None),
    ("kicker-report-published-on", "La réforme adoptée\nUn rapport publié le 3 mars 2025\n" + BODY, None),
    ("since-a-date", "La réforme adoptée\nLe port est fermé depuis le 12 mars 2025.", None),
    ("date-in-title", "Grève du 12 mars 2025 : ce qui change\n" + BODY, None),
    ("no-date-at-all", "La réforme adoptée\nPar Jean Dupont\n" + BODY, None),
    ("story-date-in-lead", "La réforme adoptée\nLe 12 mars 2025, le conseil des ministres a adopté le texte.", None),
    # --- Inferred from the text's own dates
    ("this-weekday-with-year", "La réforme adoptée\nLe conseil des ministres a adopté ce mercredi 12 mars 2025 le texte.",
     "2025-03-12"),
    ("weekday-dateline-resolved", "La réforme adoptée\nMercredi\nLe conseil des ministres a adopté ce mercredi 12 mars 2025 "
                                  "le texte.", "2025-03-12"),
    ("yesterday-counted-from-a-date", "La réforme adoptée\nLe texte a été déposé le 2 mars 2025. Le Sénat l'a examiné le 4 mars.\n"
                                      "Hier, soit sept jours après cet examen, les députés l'ont adopté.", "2025-03-12"),
    # A day named beside a word counted from the day of writing.
    ("yesterday-and-its-date", "La réforme adoptée\nPar Jean Dupont\nHier, mardi 11 mars 2025, le conseil des ministres a "
                               "adopté la réforme.", "2025-03-12"),
    ("yesterday-evening-and-its-date", "La réforme adoptée\nHier soir, mardi 11 mars 2025, le conseil a adopté la réforme.",
     "2025-03-12"),
    ("yesterday-date-no-comma", "La réforme adoptée\nLe conseil des ministres a adopté hier 11 mars 2025 la réforme.",
     "2025-03-12"),
    ("today-and-its-date", "La réforme adoptée\nLe conseil des ministres adopte aujourd'hui, mercredi 12 mars 2025, la réforme.",
     "2025-03-12"),
    ("tomorrow-and-its-date", "La réforme adoptée\nLe conseil des ministres adoptera demain, jeudi 13 mars 2025, la réforme.",
     "2025-03-12"),
    ("tomorrow-in-indirect-speech", "La réforme adoptée\nLe ministre a affirmé que le vote aurait lieu demain, jeudi "
                                    "13 mars 2025.", "2025-03-12"),
    ("days-ago-and-the-date", "La réforme adoptée\nPar Jean Dupont\nIl y a trois jours, le 9 mars 2025, le port a brûlé. "
                              "Le maire raconte la nuit.", "2025-03-12"),
    ("date-and-a-week-ago", "La réforme adoptée\nPar Jean Dupont\nLe 5 mars 2025, il y a une semaine, le port a brûlé.",
     "2025-03-12"),
    ("a-week-to-the-day-ago", "La réforme adoptée\nIl y a une semaine jour pour jour, le 5 mars 2025, le port a brûlé.",
     "2025-03-12"),
    ("a-year-to-the-day-after", "La réforme adoptée\nUn an jour pour jour après l'attaque du 12 mars 2024, les survivants "
                                "se souviennent.", "2025-03-12"),
    ("a-year-to-the-day-after-in-the-past", "La réforme adoptée\nUn an jour pour jour après l'attaque du 12 mars 2024, "
                                            "un second attentat a frappé la ville.", None),
    ("a-year-to-the-day-after-then-a-later-date", "La réforme adoptée\nUn an jour pour jour après l'attaque du 12 mars 2024, "
                                                  "les survivants se souviennent.\nUn procès s'est ouvert le 20 mars 2025.",
     None),
    ("yesterday-weekday-date-year-in-paragraph", "La réforme adoptée\nHier, mardi 11 mars, le conseil des ministres a adopté "
                                                 "la réforme du budget 2025.", "2025-03-12"),
    ("yesterday-weekday-that-does-not-fit", "La réforme adoptée\nHier, lundi 11 mars, le conseil des ministres a adopté "
                                            "la réforme du budget 2025.", None),
    ("yesterday-date-no-year", "La réforme adoptée\nHier, mardi 11 mars, le conseil des ministres a adopté la réforme.", None),
    ("weekday-chain-without-year", "La réforme adoptée\nLe maire est décédé le 4 mars, a annoncé sa famille jeudi.", None),
    ("this-weekday-in-the-future", "La réforme adoptée\nLe conseil des ministres adoptera ce jeudi 13 mars 2025 la réforme.",
     None),
    ("today-counted-from-a-date", "La réforme adoptée\nLa réforme a été présentée le 3 mars 2025.\n"
                                  "Aujourd'hui, soit neuf jours plus tard, elle est adoptée.", "2025-03-12"),
    ("counted-from-a-future-date", "La réforme adoptée\nLa réforme sera présentée le 3 mars 2025.\n"
                                   "Hier, soit une semaine après l'annonce, le débat a commencé.", None),
    # "Trois jours plus tard" in the present of the lead is the day of writing; in the past, a step of the story.
    ("days-later-in-the-present", "La réforme adoptée\nLe 9 mars 2025, le port a brûlé. Trois jours plus tard, le maire "
                                  "raconte la nuit.", "2025-03-12"),
    ("days-later-in-a-past-relative", "La réforme adoptée\nLe 9 mars 2025, le port a brûlé. Trois jours plus tard, c'est "
                                      "le maire qui démissionnait.", None),
]


def published_of(text: str) -> str | None:
    article = structure("shape.txt", text)
    return publication_date(article, sentences_of(article)).value


@pytest.mark.parametrize("text, value", [row[1:] for row in SHAPES], ids=[row[0] for row in SHAPES])
def test_published_on_real_world_openings(text, value):
    assert published_of(text) == value
