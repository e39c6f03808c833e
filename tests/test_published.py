"""The publication date on the openings of real-world French-language news pages.

A robustness table: one row per shape a saved page takes (French, Belgian, Swiss, Canadian and
African outlets, wires, live pages), written for this test, run through the reader and
`publication_date` as the generator does. The expected value follows the gold's rule: the date a
dateline gives (the published one over the updated one), the date a reader infers from the text's
own chain of dates without doubt, else None. A wrong date is worse than None.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.dates import publication_date
from generator.pipeline import sentences_of
from generator.read import structure

TITLE = "La réforme adoptée"
BODY = "Le conseil des ministres a adopté le texte, qui doit encore passer devant le Parlement."
# 12 March 2025 is a Wednesday (and was a Tuesday in 2024).
SHAPES = [
    # --- French national outlets: "Publié le ... Mis à jour le ..."
    ("lemonde", (
        "International",
        "Le gouvernement adopte la réforme",
        "Le texte passe au Parlement.",
        "Par Jean Dupont",
        "Publié le 12 mars 2025 à 08h15, modifié le 13 mars 2025 à 10h02",
        BODY,
    ), "2025-03-12"),
    ("lemonde-parenthesis", (
        TITLE,
        "Publié le 12 mars 2025 à 18h02 (mis à jour le 13 mars 2025 à 08h15)",
        BODY,
    ), "2025-03-12"),
    ("lefigaro-slashes", (
        TITLE,
        "Par Jean Dupont",
        "Publié le 12/03/2025 à 08:15, mis à jour le 13/03/2025 à 10:02",
        BODY,
    ), "2025-03-12"),
    ("lefigaro-le", (
        TITLE,
        "Par Jean Dupont",
        "Le 12 mars 2025 à 08h15, modifié le 13 mars 2025 à 10h02",
        BODY,
    ), "2025-03-12"),
    ("liberation-lowercase", (TITLE, "par Jean Dupont", "publié le 12 mars 2025 à 8h15", BODY), "2025-03-12"),
    ("franceinfo", (
        TITLE,
        "Article rédigé par Jean Dupont - franceinfo",
        "Radio France",
        "Publié le 12/03/2025 08:15 Mis à jour le 13/03/2025 10:02",
        BODY,
    ), "2025-03-12"),
    ("ouestfrance", (TITLE, "Ouest-France", "Jean Dupont.", "Publié le 12/03/2025 à 08h15", BODY), "2025-03-12"),
    ("20minutes-two-digit-year", (
        TITLE,
        "Jean Dupont",
        "Publié le 12/03/25 à 08h15 — Mis à jour le 13/03/25 à 10h02",
        BODY,
    ), "2025-03-12"),
    ("updated-line-first", (
        TITLE,
        "Mis à jour le 13 mars 2025 à 10h02",
        "Publié le 12 mars 2025 à 08h15",
        BODY,
    ), "2025-03-12"),
    ("modified-only", (TITLE, "Modifié le 13 mars 2025", BODY), "2025-03-13"),
    ("weekday-date", (TITLE, "Mercredi 12 mars 2025", BODY), "2025-03-12"),
    ("date-time-no-separator", (TITLE, "12 mars 2025 08h15", BODY), "2025-03-12"),
    ("le-numeric-time", (TITLE, "Le 12/03/2025 à 8:15", BODY), "2025-03-12"),
    ("iso-timestamp", (TITLE, "2025-03-12T08:15:00+01:00", BODY), "2025-03-12"),
    ("english-month-first", (TITLE, "March 12, 2025", BODY), "2025-03-12"),
    ("english-abbreviated", (TITLE, "Par Jean Dupont", "Mar 12, 2025 8:15 AM", BODY), "2025-03-12"),
    ("byline-dash-date", (TITLE, "Par Jean Dupont - 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    ("byline-comma-date", (TITLE, "Par Jean Dupont, le 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    ("byline-pipe-date", (TITLE, "Par Jean Dupont | 12/03/2025 à 08h15", BODY), "2025-03-12"),
    ("date-then-byline", (TITLE, "Publié le 12 mars 2025 à 08h15 par Jean Dupont", BODY), "2025-03-12"),
    ("par-agency-le", (TITLE, "Par AFP le 12/03/2025 à 08h15", BODY), "2025-03-12"),
    ("agency-le", (TITLE, "AFP le 12/03/2025 à 08:15", BODY), "2025-03-12"),
    ("published-by-author-le", (TITLE, "Publié par Jean Dupont le 12 mars 2025", BODY), "2025-03-12"),
    ("written-by-author-le", (TITLE, "Écrit par Jean Dupont le 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    ("author-le", (TITLE, "Jean Dupont le 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    ("outlet-pipe-date-bullet-update", (
        TITLE,
        "Le Monde.fr avec AFP | 12.03.2025 à 08h15 • Mis à jour le 13.03.2025 à 10h02",
        BODY,
    ), "2025-03-12"),
    ("two-digit-year-dashes-comma-time", (TITLE, "12-03-25, 08:15", BODY), "2025-03-12"),
    ("time-with-min", (TITLE, "mercredi 12 mars 2025 à 08h15min", BODY), "2025-03-12"),
    ("date-slash-byline", (TITLE, "12 mars 2025 / Par Jean Dupont", BODY), "2025-03-12"),
    ("time-zone-pipe-update", (
        TITLE,
        "Le 12 mars 2025 à 05:00 HNE | Mis à jour le 12 mars 2025 à 06:00 HNE",
        BODY,
    ), "2025-03-12"),
    ("time-then-weekday", (TITLE, "08:15 — mercredi 12 mars 2025", BODY), "2025-03-12"),
    ("update-footer", (
        TITLE,
        "ALGER - Le conseil des ministres a adopté le texte, qui doit encore passer devant le "
        "Parlement.",
        "Dernière mise à jour : 12-03-2025 08:15",
    ), "2025-03-12"),
    ("jdd-time-first", (TITLE, "08h15 , le 12 mars 2025, modifié à 10h02 , le 13 mars 2025", BODY), "2025-03-12"),
    ("mis-en-ligne", (
        TITLE,
        "Mis en ligne le 12 mars 2025 à 08h15, mis à jour le 13 mars 2025 à 10h02",
        BODY,
    ), "2025-03-12"),
    ("date-de-publication", (TITLE, "Date de publication : 12 mars 2025", BODY), "2025-03-12"),
    ("publication-colon", (TITLE, "Publication : 12/03/2025", BODY), "2025-03-12"),
    ("derniere-mise-a-jour", (TITLE, "Dernière mise à jour : 13/03/2025", BODY), "2025-03-13"),
    ("reading-time", (TITLE, "Publié le 12 mars 2025 à 08h15 Lecture 3 min.", BODY), "2025-03-12"),
    ("abbreviated-month", (TITLE, "12 déc. 2024 à 18h02", BODY), "2024-12-12"),
    ("premier-of-month", (TITLE, "Lundi 1er décembre 2025", BODY), "2025-12-01"),
    ("capital-month", (TITLE, "Publié le 12 Mars 2025", BODY), "2025-03-12"),
    ("france24-colon", (
        TITLE,
        "Publié le : 12/03/2025 - 08:15 Modifié le : 13/03/2025 - 10:02",
        BODY,
    ), "2025-03-12"),
    ("euronews", (TITLE, "Publié le 12/03/2025 - 08:15 • Mis à jour 13/03/2025 - 10:02", BODY), "2025-03-12"),
    ("humanite-name-after", (TITLE, "Publié le 12 mars 2025 Jean Dupont", BODY), "2025-03-12"),
    ("dash-led", (TITLE, "— 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    # A date above the text and another below it are the page's own, not a chronology's headings.
    ("date-above-and-update-below", (
        TITLE,
        "12 mars 2025",
        BODY,
        "Le Premier ministre a salué le vote.",
        "13/03/2025 10:02",
    ), "2025-03-12"),
    ("at-the-foot", (
        TITLE,
        BODY,
        "Le Premier ministre a salué un vote historique.",
        "Publié le 12/03/2025 à 18:02",
    ), "2025-03-12"),
    ("published-yesterday", (TITLE, "Publié hier à 18h02, modifié à 08h15", BODY), None),
    ("published-hours-ago", (
        TITLE,
        "Le Figaro avec AFP",
        "Publié il y a 3 heures, mis à jour il y a 1 heure",
        BODY,
    ), None),
    ("published-today", (TITLE, "Publié aujourd'hui à 08h15", BODY), None),
    ("premiere-publication", (TITLE, "Première publication le 12 mars 2025", BODY), "2025-03-12"),
    ("mise-en-ligne-colon", (TITLE, "Mise en ligne : 12 mars 2025", BODY), "2025-03-12"),
    ("derniere-modification", (TITLE, "Dernière modification : 13/03/2025", BODY), "2025-03-13"),
    ("letemps-weekday-no-le", (TITLE, "Publié mercredi 12 mars 2025 à 08:15", BODY), "2025-03-12"),
    ("time-first-a", (TITLE, "À 8 h 15, le 12 mars 2025", BODY), "2025-03-12"),
    ("month-cut-without-dot", (TITLE, "12 sept 2025 à 08:15", BODY), "2025-09-12"),
    ("month-cut-without-dot-published", (TITLE, "Publié le 12 déc 2024", BODY), "2024-12-12"),
    ("month-cut-with-dot", (TITLE, "Publié le 12 févr. 2025", BODY), "2025-02-12"),
    ("uppercase", (TITLE, "MERCREDI 12 MARS 2025 À 08H15", BODY), "2025-03-12"),
    ("english-day-first", (TITLE, "12 March 2025", BODY), "2025-03-12"),
    ("iso-with-space", (TITLE, "2025-03-12 08:15:00", BODY), "2025-03-12"),
    ("single-digits", (TITLE, "Publié le 2/3/2025", BODY), "2025-03-02"),
    ("two-digit-year-dotted", (TITLE, "12.03.25 - 08:15", BODY), "2025-03-12"),
    ("live-blog-dated", (
        "EN DIRECT - La réforme au Parlement",
        "Publié le 12 mars 2025 à 07h00",
        "10:02",
        "Les députés votent.",
        "08:15",
        "Le débat s'ouvre.",
    ), "2025-03-12"),
    ("live-blog-undated", (
        "EN DIRECT - La réforme au Parlement",
        "Mis à jour il y a 5 minutes",
        "10:02",
        "Les députés votent.",
        "08:15",
        "Le débat s'ouvre.",
    ), None),
    ("published-days-ago", (TITLE, "Publié il y a 2 jours", BODY), None),
    ("tribune", (
        "Tribune",
        "Pour une réforme juste",
        "Jean Dupont, ancien ministre",
        "Publié le 12 mars 2025",
        BODY,
    ), "2025-03-12"),
    ("reading-time-before-label", (TITLE, "Lecture 3 min. Publié le 12 mars 2025", BODY), "2025-03-12"),
    ("subscribers-only", (TITLE, "Le 12 mars 2025 à 08h15 - Réservé aux abonnés", BODY), "2025-03-12"),
    ("time-with-seconds", (TITLE, "12/03/2025 08:15:32", BODY), "2025-03-12"),
    ("published-updated-reading-time", (
        TITLE,
        "Publié le 12/03/2025 à 08:15 - Mis à jour le 13/03/2025 à 10:02 - Lecture: 3 min",
        BODY,
    ), "2025-03-12"),
    ("dot-reading-time", (TITLE, "Publié le 12 mars 2025 à 08h15 · 3 min de lecture", BODY), "2025-03-12"),
    ("weekday-date-pipes", (TITLE, "Mercredi 12 mars 2025 | Par Jean Dupont | Monde", BODY), "2025-03-12"),
    ("date-on-the-first-line", ("12 mars 2025", TITLE, BODY), "2025-03-12"),
    ("published-on-the-first-line", ("Publié le 12 mars 2025", TITLE, BODY), "2025-03-12"),
    ("breadcrumb", ("Accueil > Monde > Europe", TITLE, "Publié le 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    ("day-without-er", (TITLE, "Samedi 1 mars 2025", BODY), "2025-03-01"),
    ("hours-and-min", (TITLE, "Publié le 12 mars 2025 à 08 h 15 min", BODY), "2025-03-12"),
    ("updated-weekday-without-le", (TITLE, "Mis à jour mercredi 12 mars 2025", BODY), "2025-03-12"),
    # A page's header flattened into one line keeps the capital of its "Publié" label.
    ("header-in-the-title-line", (
        "La réforme adoptée Publié le 12 mars 2025 à 08h15 Par Jean Dupont",
        BODY,
    ), "2025-03-12"),
    ("header-in-the-byline", (TITLE, "Par Jean Dupont Publié le 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    ("header-author-outlet-label", (
        TITLE,
        "Jean Dupont Le Figaro Publié le 12/03/2025 à 08:15",
        BODY,
    ), "2025-03-12"),
    ("updated-hours-ago-published-date", (
        TITLE,
        "Publié le 12 mars 2025",
        "Mis à jour il y a 2 heures",
        BODY,
    ), "2025-03-12"),
    # --- Wires
    ("afp-dateline", (
        TITLE,
        "PARIS, 12 mars 2025 (AFP) - Le conseil des ministres a adopté le texte, qui doit encore "
        "passer devant le Parlement.",
    ), "2025-03-12"),
    ("reuters-yearless", (
        TITLE,
        "PARIS, 12 mars (Reuters) - Le gouvernement a présenté mercredi son budget 2025, qui "
        "doit encore passer devant le Parlement.",
    ), "2025-03-12"),
    ("reuters-yearless-no-year", (
        TITLE,
        "PARIS, 12 mars (Reuters) - Le gouvernement a présenté mercredi son budget, qui doit "
        "encore passer devant le Parlement.",
    ), None),
    # Its country after the place, and the year the text counts to ("trois ans après ... mai 2022"),
    # which the lead's weekday confirms (14 March is a Friday in 2025).
    ("reuters-yearless-country-years-after", (
        TITLE,
        "LYON, France, 14 mars (Reuters) - Le gouvernement a présenté vendredi son budget.",
        "C'est le deuxième budget du ministre, trois ans après un premier texte présenté en mai 2022.",
    ), "2025-03-14"),
    # Below a website's furniture: outlet, rubric, title, a photo, its credit, the byline.
    ("afp-yearless-below-the-page-furniture", (
        "NORDINFO", "Monde > Europe", TITLE, "Image diffusée par le ministère montrant le conseil réuni.",
        "© Agence Nord / Archives", "Par AFP",
        "LYON, 14 mars (AFP) - Le gouvernement a présenté vendredi son budget 2025, qui doit encore passer "
        "devant le Parlement.",
    ), "2025-03-14"),
    ("afp-dated-below-the-page-furniture", (
        "NORDINFO", "Monde > Europe", TITLE, "Image diffusée par le ministère montrant le conseil réuni.",
        "© Agence Nord / Archives", "Par AFP",
        "LYON, 14 mars 2025 (AFP) - Le gouvernement a présenté son budget, qui doit encore passer devant le Parlement.",
    ), "2025-03-14"),
    ("reuters-yearless-country-no-year", (
        TITLE,
        "LYON, France, 14 mars (Reuters) - Le gouvernement a présenté vendredi son budget.",
        "C'est le deuxième budget du ministre, après un premier texte présenté en mai 2022.",
    ), None),
    ("afp-place-only-date-at-foot", (
        TITLE,
        "Moscou (AFP) - Le Kremlin a salué mercredi la réforme.",
        BODY,
        "Publié le 12/03/2025 à 09h00",
    ), "2025-03-12"),
    ("afp-footer", (
        TITLE,
        "Moscou (AFP) - Le Kremlin a salué mercredi la réforme.",
        BODY,
        "©AFP - 12/03/2025 08:15",
    ), "2025-03-12"),
    ("afp-footer-in-brackets", (
        TITLE,
        "Moscou (AFP) - Le Kremlin a salué mercredi la réforme.",
        BODY,
        "(©AFP / 12 mars 2025 08h15)",
    ), "2025-03-12"),
    ("afp-comma-published", (TITLE, "AFP, publié le mercredi 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    ("tva-pipes", (TITLE, "Kiev, Ukraine | AFP | mercredi 12/03/2025 - 08:15", BODY), "2025-03-12"),
    ("kinshasa-acp", (
        TITLE,
        "Kinshasa, 12 mars 2025 (ACP).- Le conseil des ministres a adopté le texte, qui doit "
        "encore passer devant le Parlement.",
    ), "2025-03-12"),
    ("tap-yearless", (
        TITLE,
        "Tunis, 12 mars (TAP) - Le gouvernement a adopté mercredi le budget 2025.",
    ), "2025-03-12"),
    ("weekday-in-wire-dateline", (
        TITLE,
        "PARIS, mercredi (AFP) - Le gouvernement a adopté ce mercredi 12 mars 2025 le budget.",
    ), "2025-03-12"),
    ("wire-weekday-date", (TITLE, "PARIS, mercredi 12 mars 2025 (AFP) - " + BODY), "2025-03-12"),
    ("afp-place-only-no-date", (TITLE, "Moscou (AFP) - Le Kremlin a salué mercredi la réforme.", BODY), None),
    ("belga-numeric-yearless", (
        TITLE,
        "BRUXELLES 12/03 (BELGA)",
        "Le gouvernement fédéral a approuvé mercredi le budget 2025, qui doit encore passer "
        "devant la Chambre.",
    ), "2025-03-12"),
    # 12 March 2024 is a Tuesday: "lundi" is the day before the dateline, in the year the lead gives.
    ("belga-numeric-year-in-lead", (
        TITLE,
        "BRUXELLES 12/03 (BELGA)",
        "Le gouvernement fédéral a approuvé lundi le budget, après un accord trouvé en 2024.",
    ), "2024-03-12"),
    ("belga-numeric-no-year", (
        TITLE,
        "BRUXELLES 12/03 (BELGA)",
        "Le gouvernement fédéral a approuvé lundi le budget.",
    ), None),
    ("years-ago-disagrees", (
        TITLE,
        "GENÈVE 12/03 (ATS)",
        "Le canton a rouvert le musée, fermé en 2015, il y a dix ans. Il avait été rénové en "
        "2026.",
    ), None),
    ("belga-lead", (
        TITLE,
        "(Belga) Le gouvernement fédéral a approuvé mercredi le budget.",
        "12/03/2025 08:15",
    ), "2025-03-12"),
    ("map-dateline", (
        TITLE,
        "Rabat, 12/03/2025 (MAP) - Le conseil des ministres a adopté le texte, qui doit encore "
        "passer devant le Parlement.",
    ), "2025-03-12"),
    ("aps-yearless-en-dash", (
        TITLE,
        "Dakar, 12 mars (APS) – Le gouvernement a adopté mercredi le budget 2025, qui doit "
        "encore passer devant l'Assemblée.",
    ), "2025-03-12"),
    ("aps-algerie", (
        TITLE,
        "Publié le : Mercredi, 12 Mars 2025 08:15",
        "ALGER - Le conseil des ministres a adopté le texte, qui doit encore passer devant le "
        "Parlement.",
    ), "2025-03-12"),
    ("ats-year-from-last-year", (
        TITLE,
        "GENÈVE 12/03 (ATS)",
        "Le canton a rouvert mercredi le musée, fermé l'an dernier, en 2024, après un incendie.",
    ), "2025-03-12"),
    ("yearless-weekday-line", (
        TITLE,
        "Mercredi 12 mars",
        "Le gouvernement a présenté son budget 2025.",
    ), "2025-03-12"),
    ("yearless-weekday-line-that-does-not-fit", (
        TITLE,
        "Mardi 12 mars",
        "Le gouvernement a présenté son budget 2025.",
    ), None),
    ("ats-year-from-years-ago", (
        TITLE,
        "GENÈVE 12/03 (ATS)",
        "Le canton a rouvert mercredi le musée, fermé en 2015, il y a dix ans, après un incendie.",
    ), "2025-03-12"),
    # --- Belgian, Swiss, Canadian and African outlets
    ("rtbf", (TITLE, "Belga", "Publié le mercredi 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    ("rtbf-bullet", (TITLE, "12 mars 2025 à 08:15 • 2 min", BODY), "2025-03-12"),
    ("lesoir", (
        TITLE,
        "Par Jean Dupont (avec Belga)",
        "Publié le 12/03/2025 à 08:15 Temps de lecture: 3 min",
        BODY,
    ), "2025-03-12"),
    ("lalibre-dashes", (TITLE, "Jean Dupont", "Publié le 12-03-2025 à 08h15", BODY), "2025-03-12"),
    ("levif-two-digit-year", (TITLE, "12/03/25 à 08:15 - Mise à jour à 10:02", BODY), "2025-03-12"),
    ("rts-no-le", (TITLE, "Publié 12 mars 2025 à 08:15 Modifié 13 mars 2025 à 10:02", BODY), "2025-03-12"),
    ("letemps-periods", (
        TITLE,
        "Jean Dupont",
        "Publié le 12 mars 2025 à 08:15. / Modifié le 13 mars 2025 à 10:02.",
        BODY,
    ), "2025-03-12"),
    ("swiss-dotted-updated-first", (
        TITLE,
        "Publié: 11.03.2025, 22h15 | Mise à jour: 12.03.2025, 08h15",
        BODY,
    ), "2025-03-11"),
    ("swissinfo", (TITLE, "Ce contenu a été publié le 12 mars 2025 - 08:15", BODY), "2025-03-12"),
    ("lapresse-spaced-time", (
        TITLE,
        "Jean Dupont",
        "La Presse",
        "Publié le 12 mars 2025 à 8 h 15 Mis à jour le 13 mars 2025 à 10 h 02",
        BODY,
    ), "2025-03-12"),
    ("ledevoir-date-line", (TITLE, "Jean Dupont à Ottawa", "12 mars 2025", "Politique", BODY), "2025-03-12"),
    ("ledevoir-pipes", (TITLE, "12 mars 2025 | Jean Dupont | Monde", BODY), "2025-03-12"),
    ("presse-canadienne", (TITLE, "Jean Dupont", "La Presse Canadienne", "12 mars 2025", BODY), "2025-03-12"),
    ("iso-then-update", (TITLE, "2025-03-12 | Mis à jour à 10 h 02", BODY), "2025-03-12"),
    ("radio-canada-yearless", (
        TITLE,
        "Publié le 12 mars à 8 h 15 HAE",
        "Le gouvernement a présenté mercredi son budget 2025.",
    ), "2025-03-12"),
    # The year is in the lead, past the update line.
    ("lapresse-yearless", (
        TITLE,
        "Jean Dupont",
        "La Presse",
        "Publié le 12 mars",
        "Mis à jour le 12 mars",
        "Le gouvernement a présenté son budget 2025, mercredi.",
    ), "2025-03-12"),
    ("envoye-special", (TITLE, "Jean Dupont, envoyé spécial à Kiev - 12 mars 2025", BODY), "2025-03-12"),
    ("letter-place", (TITLE, "Bruxelles, le 12 mars 2025", BODY), "2025-03-12"),
    ("olj-par", (TITLE, "OLJ / Par Jean Dupont, le 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    ("radio-canada-hae", (TITLE, "Publié le 12 mars 2025 à 8 h 15 HAE", BODY), "2025-03-12"),
    ("journaldemontreal", (
        TITLE,
        "Jean Dupont",
        "Mercredi, 12 mars 2025 08:15",
        "MISE À JOUR Jeudi, 13 mars 2025 10:02",
        BODY,
    ), "2025-03-12"),
    ("jeuneafrique", (TITLE, "Par Jean Dupont", "Publié le 12 mars 2025 Lecture : 3 minutes.", BODY), "2025-03-12"),
    ("fratmat", (TITLE, "Publié le mercredi 12 mars 2025 | Fraternité Matin", BODY), "2025-03-12"),
    ("lematin-ma-capital-a", (TITLE, "Le Matin", "12 Mars 2025 À 08:15", BODY), "2025-03-12"),
    ("lorientlejour", (TITLE, "OLJ / AFP / le 12 mars 2025 à 08h15", BODY), "2025-03-12"),
    # --- Dates that are not the publication date
    ("caption-date", (TITLE, "Le ministre à Paris, le 3 mars 2025. (Photo AFP)", BODY), None),
    ("caption-with-separator", (TITLE, "Le ministre à l'Élysée - 3 mars 2025 (AFP)", BODY), None),
    ("caption-beside-dateline", (
        TITLE,
        "Le ministre à Paris, le 3 mars 2025. (Photo AFP)",
        "Publié le 12 mars 2025",
        BODY,
    ), "2025-03-12"),
    ("read-also", (TITLE, "Lire aussi : Le 3 mars 2025, la réforme était déjà sur la table", BODY), None),
    # A wire's signature closing the text dates it; a date closing a sentence does not.
    ("closing-signature", (TITLE, BODY, "Agence Nord, 24 novembre 2024, 17h48"), "2024-11-24"),
    ("closing-signature-le", (TITLE, BODY, "(Agence Nord, le 24/11/2024)"), "2024-11-24"),
    ("closing-sentence", (TITLE, BODY, "Le Sénat votera le 24 novembre 2024."), None),
    ("read-also-dated-link", (TITLE, "À lire aussi - 3 mars 2025 - La réforme des retraites", BODY), None),
    ("chronology-entries", (
        TITLE,
        "Chronologie",
        "12 mars 2025 - Le conseil des ministres adopte la réforme.",
        "3 avril 2025 - Le Sénat vote le texte.",
        BODY,
    ), None),
    ("chronology-entries-le", (
        TITLE,
        "Le 12 mars 2025 - Le conseil des ministres adopte la réforme.",
        "Le 3 avril 2025 - Le Sénat vote le texte.",
    ), None),
    ("caption-date-first", (TITLE, "12 mars 2025 - Le président à l'Élysée. (Photo AFP)", BODY), None),
    ("archives-link", (TITLE, "Archives - 3 mars 2025 - La réforme des retraites", BODY), None),
    ("agenda-date", (TITLE, "Le conseil se réunira le 20 mars 2025.", BODY), None),
    ("copyright-year", (TITLE, BODY, "© AFP 2025"), None),
    ("yesterday-and-a-story-date", (
        TITLE,
        "Par Jean Dupont",
        "Hier, le conseil des ministres a adopté la réforme, présentée le 3 mars 2025.",
    ), None),
    ("latest-event-only", (
        TITLE,
        "Le conseil a adopté la réforme en octobre 2025, après un vote le 14 octobre 2025.",
    ), None),
    ("quoted-date", (TITLE, "« Le 12 mars 2025 restera une date historique », a déclaré le ministre."), None),
    ("quoted-tomorrow", (
        TITLE,
        "« Nous voterons demain, jeudi 13 mars 2025 », a déclaré mardi le ministre.",
    ), None),
    ("weekday-only-dateline", (TITLE, "Mercredi", BODY), None),
    ("weekday-time-dateline", (TITLE, "Mercredi, 08h15", BODY), None),
    ("dated-title-with-rubric", ("Réforme. Le texte adopté le 12 mars 2025", BODY), None),
    ("caption-credit-date", (TITLE, "Le ministre à l'Élysée. Photo Jean Dupont / AFP, 3 mars 2025", BODY), None),
    ("caption-then-dateline", (
        TITLE,
        "Le ministre, le 3 mars 2025, à Paris. | AFP",
        "Publié le 12 mars 2025 à 08h15",
        BODY,
    ), "2025-03-12"),
    ("chronology-headings", (
        TITLE,
        "Chronologie",
        "12 mars 2025",
        "Le conseil des ministres adopte la réforme.",
        "3 avril 2025",
        "Le Sénat vote le texte.",
    ), None),
    ("caption-names-le-date", (TITLE, "Vladimir Poutine et Kim Jong Un le 19 juin 2024.", BODY), None),
    ("published-mid-paragraph", (
        TITLE,
        "Le rapport a été remis au ministre. Publié le 3 mars 2025 à 10h, il montre une hausse "
        "des prix.",
    ), None),
    ("report-published-on", (TITLE, "Le rapport, publié le 3 mars 2025, montre une hausse."), None),
    ("the-publication-of-a-report", (TITLE, "Depuis la publication le 3 mars 2025 du rapport, rien."), None),
    ("book-out-on", (TITLE, "Son livre, paru le 3 mars 2025 chez Gallimard, fait débat."), None),
    ("kicker-report-published-on", (TITLE, "Un rapport publié le 3 mars 2025", BODY), None),
    ("since-a-date", (TITLE, "Le port est fermé depuis le 12 mars 2025."), None),
    ("date-in-title", ("Grève du 12 mars 2025 : ce qui change", BODY), None),
    ("no-date-at-all", (TITLE, "Par Jean Dupont", BODY), None),
    ("story-date-in-lead", (TITLE, "Le 12 mars 2025, le conseil des ministres a adopté le texte."), None),
    # --- Inferred from the text's own dates
    ("this-weekday-with-year", (
        TITLE,
        "Le conseil des ministres a adopté ce mercredi 12 mars 2025 le texte.",
    ), "2025-03-12"),
    ("weekday-dateline-resolved", (
        TITLE,
        "Mercredi",
        "Le conseil des ministres a adopté ce mercredi 12 mars 2025 le texte.",
    ), "2025-03-12"),
    ("yesterday-counted-from-a-date", (
        TITLE,
        "Le texte a été déposé le 2 mars 2025. Le Sénat l'a examiné le 4 mars.",
        "Hier, soit sept jours après cet examen, les députés l'ont adopté.",
    ), "2025-03-12"),
    # A day named beside a word counted from the day of writing.
    ("yesterday-and-its-date", (
        TITLE,
        "Par Jean Dupont",
        "Hier, mardi 11 mars 2025, le conseil des ministres a adopté la réforme.",
    ), "2025-03-12"),
    ("yesterday-evening-and-its-date", (
        TITLE,
        "Hier soir, mardi 11 mars 2025, le conseil a adopté la réforme.",
    ), "2025-03-12"),
    ("yesterday-date-no-comma", (
        TITLE,
        "Le conseil des ministres a adopté hier 11 mars 2025 la réforme.",
    ), "2025-03-12"),
    ("today-and-its-date", (
        TITLE,
        "Le conseil des ministres adopte aujourd'hui, mercredi 12 mars 2025, la réforme.",
    ), "2025-03-12"),
    ("tomorrow-and-its-date", (
        TITLE,
        "Le conseil des ministres adoptera demain, jeudi 13 mars 2025, la réforme.",
    ), "2025-03-12"),
    ("tomorrow-in-indirect-speech", (
        TITLE,
        "Le ministre a affirmé que le vote aurait lieu demain, jeudi 13 mars 2025.",
    ), "2025-03-12"),
    ("days-ago-and-the-date", (
        TITLE,
        "Par Jean Dupont",
        "Il y a trois jours, le 9 mars 2025, le port a brûlé. Le maire raconte la nuit.",
    ), "2025-03-12"),
    ("date-and-a-week-ago", (
        TITLE,
        "Par Jean Dupont",
        "Le 5 mars 2025, il y a une semaine, le port a brûlé.",
    ), "2025-03-12"),
    ("a-week-to-the-day-ago", (
        TITLE,
        "Il y a une semaine jour pour jour, le 5 mars 2025, le port a brûlé.",
    ), "2025-03-12"),
    ("two-months-to-the-day-ago", (
        TITLE,
        "Il y a deux mois jour pour jour, le 12 janvier 2025, le port brûlait.",
    ), "2025-03-12"),
    ("two-months-ago-is-a-round-figure", (
        TITLE,
        "Il y a deux mois, le 12 janvier 2025, le port brûlait.",
    ), None),
    # "ce mercredi 12 mars" with only last year told elsewhere: 12 March is a Wednesday in 2025, not 2024.
    ("this-weekday-the-year-after-the-story", (
        TITLE,
        "Le conseil des ministres a adopté ce mercredi 12 mars le texte.",
        "Le projet avait été annoncé en juin 2024.",
    ), "2025-03-12"),
    ("this-weekday-fits-neither-year", (
        TITLE,
        "Le conseil des ministres a adopté ce jeudi 12 mars le texte.",
        "Le projet avait été annoncé en juin 2024.",
    ), None),
    ("a-year-to-the-day-after", (
        TITLE,
        "Un an jour pour jour après l'attaque du 12 mars 2024, les survivants se souviennent.",
    ), "2025-03-12"),
    ("a-year-to-the-day-after-in-the-past", (
        TITLE,
        "Un an jour pour jour après l'attaque du 12 mars 2024, un second attentat a frappé la "
        "ville.",
    ), None),
    ("a-year-to-the-day-after-then-a-later-date", (
        TITLE,
        "Un an jour pour jour après l'attaque du 12 mars 2024, les survivants se souviennent.",
        "Un procès s'est ouvert le 20 mars 2025.",
    ), None),
    ("yesterday-weekday-date-year-in-paragraph", (
        TITLE,
        "Hier, mardi 11 mars, le conseil des ministres a adopté la réforme du budget 2025.",
    ), "2025-03-12"),
    ("yesterday-weekday-that-does-not-fit", (
        TITLE,
        "Hier, lundi 11 mars, le conseil des ministres a adopté la réforme du budget 2025.",
    ), None),
    ("yesterday-date-no-year", (TITLE, "Hier, mardi 11 mars, le conseil des ministres a adopté la réforme."), None),
    # The year told further on: of it and the next, the one where 11 March is a Tuesday (2025, not 2026).
    ("yesterday-weekday-date-year-told-later", (
        TITLE,
        "Hier, mardi 11 mars, le conseil des ministres a adopté la réforme.",
        "Le précédent texte, voté le 4 février 2025, avait échoué.",
    ), "2025-03-12"),
    ("yesterday-weekday-date-fits-no-year-told", (
        TITLE,
        "Hier, jeudi 11 mars, le conseil des ministres a adopté la réforme.",
        "Le précédent texte, voté le 4 février 2025, avait échoué.",
    ), None),
    # A wire's year-less dateline: the lead's weekday puts the day in the latest year told as past, and a
    # time told as still to come is no later writing. 12 March is a Wednesday in 2025, a Thursday in 2026.
    ("tass-yearless-dateline", (
        TITLE,
        "MOSCOU, 12 mars. /TASS/. Le conseil des ministres a adopté mercredi le texte, qui entrera en "
        "vigueur d'ici à la fin de 2026.",
        "Les recettes ont augmenté au premier trimestre 2025.",
    ), "2025-03-12"),
    # Shapes a blind stress set of 40 openings found (2026-12-07), written anew here.
    ("lire-aussi-carries-another-article-date", (
        TITLE,
        "Lire aussi : Le budget en débat (publié le 10 mars 2025)",
        "Le conseil des ministres a adopté le texte mardi.",
    ), None),
    ("a-weekday-before-a-future-day-is-no-chain", (
        TITLE,
        "Le procès s'ouvrira le lundi 12 janvier 2026, a annoncé mercredi le parquet.",
    ), None),
    ("yearless-dateline-after-a-month-of-last-year", (
        TITLE,
        "BRUXELLES, 12 mars (Belga) - Le chômage a atteint 5,9% en janvier, contre 5,7% en décembre 2024, "
        "a indiqué ce mercredi l'office de statistique.",
    ), "2025-03-12"),
    ("english-cms-published", (TITLE, "Published: March 12, 2025 at 8:15 am", "Updated: March 12, 2025 at 2:05 pm", BODY),
     "2025-03-12"),
    ("year-and-time-glued", (TITLE, "Par Reuters", "12 mars 202510:12 UTCMis à jour il y a 2 heures", BODY), "2025-03-12"),
    ("agency-then-short-weekday-date", (TITLE, "The Associated Press mer. 12 mars 2025 à 21:33", BODY), "2025-03-12"),
    ("year-first-with-dots", (TITLE, "Publié : 2025.03.12 10:12", BODY), "2025-03-12"),
    ("french-month-in-english-order", (TITLE, "Posted on mars 12, 2025 by jdupont", BODY), "2025-03-12"),
    ("this-weekday-in-the-next-paragraph", (
        TITLE,
        "Un incendie a ravagé lundi 10 mars 2025 un entrepôt du port.",
        "L'enquête conclut à un court-circuit, a annoncé ce mercredi le ministre.",
    ), "2025-03-12"),
    ("weekday-chain-without-year", (TITLE, "Le maire est décédé le 4 mars, a annoncé sa famille jeudi."), None),
    # The full day's own weekday is that day; a day counted from it in the past may be the chain's start.
    ("own-weekday-ties-the-day-to-the-chain", (
        TITLE,
        "Les recherches se poursuivent, a indiqué dimanche la police.",
        "Le glissement s'est produit vendredi en fin de matinée.",
        "Le danger avait été relevé le 14 mars 2025, jour de l'accident.",
    ), "2025-03-16"),
    ("counted-day-starts-the-chain", (
        TITLE,
        "Le navire a été renfloué, a annoncé dimanche la préfecture.",
        "Le 12 mars 2025, il s'était échoué. Deux jours plus tard, vendredi, les plongeurs avaient colmaté la brèche.",
    ), "2025-03-16"),
    ("night-opening-on-the-day-ties-it", (
        TITLE,
        "Un incendie a ravagé dans la nuit de mercredi à jeudi un entrepôt, a indiqué jeudi la police.",
        "Le feu a été signalé vers 23 heures, mercredi 12 mars 2025.",
    ), "2025-03-13"),
    ("communique-label-before-place-and-date", (
        "Communiqué de presse – Lyon, le 12 mars 2025", TITLE, BODY), "2025-03-12"),
    ("wire-month-cut-short-without-a-dot", (
        TITLE, "LOMÉ, 12 fév (Agence) – Le conseil a adopté ce mercredi le budget pour 2025, voté en décembre 2024."),
     "2025-02-12"),
    # "ce mercredi" is the day of writing: the bare weekday after it was told before the full day.
    ("this-weekday-ends-the-chain", (
        TITLE,
        "Reçu lundi 10 mars 2025 par le maire, le ministre a salué le projet, a rapporté ce mercredi la presse locale.",
        "Arrivé vendredi à Lyon, il avait auparavant visité deux usines.",
    ), "2025-03-12"),
    # A day and weekday with no year: the weekday tells which of the last year named and the next.
    ("weekday-and-day-of-the-year-after-the-last-named", (
        TITLE,
        "Reçu mercredi 12 mars par le maire, le ministre a salué le projet, a rapporté jeudi la presse locale.",
        "Le chantier avait été lancé le 4 juin 2024.",
    ), "2025-03-13"),
    ("weekday-and-day-fitting-neither-year", (
        TITLE,
        "Reçu mardi 12 mars par le maire, le ministre a salué le projet, a rapporté jeudi la presse locale.",
        "Le chantier avait été lancé le 4 juin 2024.",
    ), None),
    ("this-weekday-in-the-future", (
        TITLE,
        "Le conseil des ministres adoptera ce jeudi 13 mars 2025 la réforme.",
    ), None),
    ("today-counted-from-a-date", (
        TITLE,
        "La réforme a été présentée le 3 mars 2025.",
        "Aujourd'hui, soit neuf jours plus tard, elle est adoptée.",
    ), "2025-03-12"),
    ("counted-from-a-future-date", (
        TITLE,
        "La réforme sera présentée le 3 mars 2025.",
        "Hier, soit une semaine après l'annonce, le débat a commencé.",
    ), None),
    # "Trois jours plus tard" in the present of the lead is the day of writing; in the past, a step of the story.
    ("days-later-in-the-present", (
        TITLE,
        "Le 9 mars 2025, le port a brûlé. Trois jours plus tard, le maire raconte la nuit.",
    ), "2025-03-12"),
    ("days-later-in-a-past-relative", (
        TITLE,
        "Le 9 mars 2025, le port a brûlé. Trois jours plus tard, c'est le maire qui "
        "démissionnait.",
    ), None),
    # A count from the one full day of a sentence to a day the lead calls today: its weekday must fit.
    ("count-after-a-day-to-this-weekday", (
        TITLE,
        "La gardienne a annoncé mercredi son départ du club.",
        "Deux jours après la finale perdue, lundi 7 avril 2025, elle a expliqué vouloir se reposer.",
    ), "2025-04-09"),
    ("count-after-a-day-that-misses-the-weekday", (
        TITLE,
        "La gardienne a annoncé jeudi son départ du club.",
        "Deux jours après la finale perdue, lundi 7 avril 2025, elle a expliqué vouloir se reposer.",
    ), None),
    ("count-ahead-to-a-day-in-hours", (
        TITLE,
        "Ce lundi, les élus ont reçu le projet de budget.",
        "Ils doivent le voter dans quarante-huit heures, le mercredi 9 avril 2025.",
    ), "2025-04-07"),
    ("count-ahead-a-week-to-the-day", (
        TITLE,
        "Les commerçants se sont réunis ce mardi.",
        "Tous attendent le conseil municipal du 15 avril 2025, qui se tiendra dans une semaine jour pour jour.",
    ), "2025-04-08"),
    ("eve-of-a-vote-today", (
        TITLE,
        "Les électeurs se préparent aujourd'hui, à la veille du référendum du dimanche 13 avril 2025.",
    ), "2025-04-12"),
    ("count-from-the-day-of-its-own-verb", (
        TITLE,
        "La gardienne a parlé mercredi.",
        "Le lundi 7 avril 2025, deux jours après la finale, elle a annoncé son départ.",
    ), None),
    # "Ce samedi" ties to the full day of the next paragraph when that day is told in the past, the year
    # being the first after the text's latest in which 11 July is a Friday.
    ("this-weekday-then-the-eve-told-in-the-past", (
        TITLE,
        "La ministre a inauguré ce samedi le nouveau pont.",
        "Elle était arrivée la veille, vendredi 11 juillet, un an après la signature du contrat en juin 2024.",
    ), "2025-07-12"),
    ("this-weekday-then-a-deadline-in-the-present", (
        TITLE,
        "Ce mercredi, les syndicats ont reçu le texte.",
        "Le délai expire le vendredi 14 mars 2025 à minuit.",
    ), None),
    # "à la veille de" the one full day of the text on which the lead's weekday is the eve.
    ("eve-of-a-day-another-sentence-gives", (
        TITLE,
        "Ce samedi, à la veille du référendum, les deux camps ont tenu leurs derniers meetings.",
        "Le vote du dimanche 13 avril 2025 s'annonce serré.",
    ), "2025-04-12"),
    ("eve-of-a-day-whose-weekday-does-not-fit", (
        TITLE,
        "Ce vendredi, à la veille du référendum, les deux camps ont tenu leurs derniers meetings.",
        "Le vote du dimanche 13 avril 2025 s'annonce serré.",
    ), None),
    ("count-with-no-today-in-the-lead", (
        TITLE,
        "Deux jours après la finale perdue, lundi 7 avril 2025, elle a expliqué vouloir se reposer.",
    ), None),
    # A count in words of tens and units, ahead to a full day.
    ("count-in-tens-and-units-to-a-day", (
        TITLE,
        "Les ministres se sont réunis ce dimanche à Oslo.",
        "Le retrait deviendra effectif le 29 janvier 2025, soit dans quarante-cinq jours.",
        "Le médiateur, désigné au mois de juillet, reste en poste.",
    ), "2024-12-15"),
    # A count from a day with no year: the one year the text names where the count falls on the lead's weekday.
    ("count-from-a-yearless-day-to-this-weekday", (
        TITLE,
        "Huit jours après sa victoire aux élections du 28 avril, la première ministre rencontre ce mardi son homologue.",
        "Les droits de douane s'appliquent depuis mars 2025.",
    ), "2025-05-06"),
    ("count-from-a-yearless-day-whose-weekday-does-not-fit", (
        TITLE,
        "Huit jours après sa victoire aux élections du 28 avril, la première ministre rencontre ce lundi son homologue.",
        "Les droits de douane s'appliquent depuis mars 2025.",
    ), None),
    # An official text signs off with its place and day.
    ("signed-off-with-place-and-day", (
        TITLE, "Les gouvernements des trois pays annoncent leur retrait du traité.",
        *(f"Article {n} : les parties s'engagent à respecter le présent texte." for n in range(1, 11)),
        "Fait à Oslo, le 22 septembre 2025", "Pour le Conseil des ministres,"), "2025-09-22"),
    ("done-in-a-sentence-is-no-sign-off", (
        TITLE, "Le maire l'a fait à Oslo, le 22 septembre 2025, devant la presse."), None),
]


def published_of(text: str) -> str | None:
    article = structure("shape.txt", text)
    return publication_date(article, sentences_of(article)).value


@pytest.mark.parametrize("lines, value", [row[1:] for row in SHAPES], ids=[row[0] for row in SHAPES])
def test_published_on_real_world_openings(lines, value):
    assert published_of("\n".join(lines)) == value


# Four sets of forty texts written blind (README.md in each). Kept as known limits: "Ce mardi gras"
# (a holiday, not read as a weekday), a wire's weekday that fits two years; a disagreement: the third
# and fourth sets read an update stamp alone as no publication date, where this table reads it as the
# date ("Dernière mise à jour : 13/03/2025"); and the fourth set's days a reader counts from the story
# that no rule here counts yet ("ce mardi" and a verdict set "au mardi 4 février", "48 heures après la nuit
# de mercredi à jeudi", the end of "deux semaines d'audience"): None, never a wrong date.
STRESS = [(folder, row) for folder in sorted(Path(__file__).parent.glob("published_stress*"))
          for row in yaml.safe_load((folder / "gold.yml").read_text(encoding="utf-8"))]
KNOWN_LIMITS = {"15_binche_titleyear.txt", "24_reuters_yearless.txt", "03_canada_maj_seule.txt",
                "15_maj_seule_format_num.txt", "05_tribunal_deliberation.txt", "23_assises_deux_semaines.txt",
                "29_tempete_ciaran_48h.txt"}


@pytest.mark.parametrize("folder, row", STRESS, ids=lambda x: x["file"][:2] if isinstance(x, dict) else x.name[-7:])
def test_published_on_blind_stress_sets(folder, row):
    if row["file"] in KNOWN_LIMITS:
        pytest.xfail(row["why"])
    got = published_of((folder / row["file"]).read_text(encoding="utf-8"))
    want = str(row["published"]) if row["published"] else None
    assert (got[:10] if got else None) == want, row["why"]
