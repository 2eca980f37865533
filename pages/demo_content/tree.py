"""The demo site's structure: which page sits where, and what each page is about.

The text of every page lives in ``content/<language>/*.json`` (one or more files per
language, merged by key). This module holds only what is the same in every language:
the key of each page, its type, its parent, whether it shows in menus, and a brief that
says what the page must cover (for the writers, never shown to visitors).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PageSpec:
    key: str
    # "home", "section", "content", "languages", "help_finder", "news_index", "news_article",
    # "event_index", "event", "publication", "training" or "directory"
    page_type: str
    parent: str | None
    brief: str
    show_in_menus: bool = False
    # Field values the same in every language (dates, flags, links), as the model stores them.
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OrganisationSpec:
    key: str
    service_types: tuple[str, ...]
    languages: tuple[str, ...]
    phone: str = ""
    website: str = ""


@dataclass(frozen=True)
class ContactSpec:
    key: str
    phone: str = ""
    email: str = ""
    website: str = ""
    brief: str = ""


PAGES: tuple[PageSpec, ...] = (
    PageSpec(
        "home",
        "home",
        None,
        "Front page. Intro: one or two sentences saying help is free, confidential and "
        "available even without a residence permit. 'doors' are three big entries: I need help "
        "(get-help), I am worried about someone (signs-of-trafficking), I work with possible "
        "victims (for-authorities). Body: a short paragraph about the Assistance System and a "
        "hotline contact card.",
    ),
    # --- Get help (victims) -------------------------------------------------------------
    PageSpec(
        "get-help",
        "section",
        "home",
        "Landing for people who may be victims. Speak to 'you'. Intro: you can get help, it is "
        "free, a suspicion is enough. Body: the three things to know first (call any time, you "
        "decide, interpreter available), emergency callout with 112, hotline contact card.",
        show_in_menus=True,
    ),
    PageSpec(
        "am-i-a-victim",
        "content",
        "get-help",
        "Self-check: 'Am I a victim of human trafficking?'. Explain that the questions are only "
        "a guide. Accordion of 8-11 yes/no style questions built from the signs list in facts "
        "(pressure, exploited addiction/illegal stay/poverty, threats, debt, fear, no or low pay, "
        "told not to seek help, movement restricted, documents taken, no way out), each answer "
        "explains why it matters. End: if even one fits, call the hotline; hotline contact.",
    ),
    PageSpec(
        "victims-help-finder",
        "help_finder",
        "get-help",
        "Help finder for people who may be victims: a few quick questions that point to the "
        "right help. Routing and briefs in finders.py.",
    ),
    PageSpec(
        "contact-assistance-system",
        "content",
        "get-help",
        "How to contact the Assistance System: call 24/7, e-mail, anonymous calls allowed, the "
        "call commits you to nothing, confidential, interpreter arranged, normal call charge, "
        "someone else (friend, NGO, authority) can call for you. What happens after you call "
        "(staff listen, assess urgency, one call can be enough in urgent cases). Hotline card.",
    ),
    PageSpec(
        "what-help-you-can-get",
        "content",
        "get-help",
        "The services: advice and guidance, safe housing, health care incl. mental health, "
        "social services, income support, legal aid, support person, interpreting, help with "
        "residence permit questions (the system does not decide permits), assisted voluntary "
        "return, tracing a missing parent for children. Home municipality vs the Assistance "
        "System. Free, voluntary, no time limit, decisions can be appealed.",
    ),
    PageSpec(
        "help-even-if",
        "content",
        "get-help",
        "'You can get help even if…': even if you agreed at first, you have no residence "
        "permit, you have committed crimes while exploited, you are not sure you are a victim, "
        "you do not want to report to the police. Be honest: the Assistance System must tell "
        "the police about a suspected crime, but you decide whether to take part.",
    ),
    PageSpec(
        "your-rights",
        "content",
        "get-help",
        "Your rights: legal aid and counsel from the pre-trial stage, a support person, "
        "interpreting, residence permit for a victim (explain in general terms that a permit "
        "can be possible and the Assistance System helps with questions, Migri decides), "
        "assisted voluntary return, the right to appeal decisions, confidentiality.",
    ),
    PageSpec(
        "help-from-ngos",
        "directory",
        "get-help",
        "Help from NGOs and other services (directory): one short paragraph each plus a "
        "contact card for Victim Support Finland (RIKU), Pro-tukipiste, Monika (Multicultural "
        "Women's Association), Finnish Refugee Advice Centre, Nollalinja, and mention the "
        "police and the occupational safety and health authorities for work problems.",
    ),
    PageSpec(
        "staying-safe-online",
        "content",
        "get-help",
        "Staying safe online: what the 'Exit' button does (blanks the page, opens a neutral "
        "site, replaces this page in the tab) and what it does not do (browsing history, other "
        "tabs, cache, a watched phone), private/incognito browsing, deleting single history "
        "entries, why clearing the whole history can itself raise suspicion, using a safer "
        "device (library, friend), calling instead of browsing.",
    ),
    # --- What is human trafficking -----------------------------------------------------
    PageSpec(
        "what-is-trafficking",
        "section",
        "home",
        "Landing: a plain definition (someone uses pressure, deceit or a person's vulnerable "
        "position to exploit them), it can happen inside Finland, online and within a family. "
        "Forms listed as child pages.",
        show_in_menus=True,
    ),
    PageSpec(
        "forced-labour",
        "content",
        "what-is-trafficking",
        "Forced labour and labour exploitation: sectors where it is seen (for example "
        "restaurants, cleaning, construction, farms, berry picking), typical control methods "
        "(debt, documents, threats, very low pay), extortionate work discrimination also "
        "qualifies for help; over 40 % of clients at end of 2022 had been in forced labour.",
    ),
    PageSpec(
        "sexual-exploitation",
        "content",
        "what-is-trafficking",
        "Sexual exploitation: forced or pressured sex work, control by a partner or "
        "'boyfriend', debts, online; aggravated pimping also qualifies for help.",
    ),
    PageSpec(
        "forced-marriage",
        "content",
        "what-is-trafficking",
        "Forced marriage: marriage without free consent, pressure by family, a person may be "
        "exploited within the marriage; help is available, also for children.",
    ),
    PageSpec(
        "forced-criminality",
        "content",
        "what-is-trafficking",
        "Forced criminality and forced begging: made to steal, sell drugs, grow cannabis, beg; "
        "people forced to commit crimes can get help and should not be treated only as "
        "offenders.",
    ),
    PageSpec(
        "organ-removal",
        "content",
        "what-is-trafficking",
        "Removal of organs or tissue: rare in Finland but part of the definition; pressure or "
        "deceit to give an organ; help available.",
    ),
    PageSpec(
        "child-trafficking",
        "content",
        "what-is-trafficking",
        "Child trafficking: a child cannot consent to exploitation; any form (sexual, labour, "
        "crime, begging), illegal adoption, child soldiers; children of adult victims also get "
        "help; guardian or representative consent for referral, the child is heard.",
    ),
    PageSpec(
        "signs-of-trafficking",
        "content",
        "what-is-trafficking",
        "For someone worried about another person: signs to look for (bulleted), what to do "
        "(talk in private, call the hotline, can be anonymous), what not to do (do not "
        "confront the suspected exploiter, do not put the person at risk), 112 in danger.",
    ),
    PageSpec(
        "anti-trafficking-work",
        "content",
        "what-is-trafficking",
        "Anti-trafficking work in Finland: the law (Criminal Code chapter 25 sections 3 and "
        "3a, assistance under the Reception Act 746/2011 chapter 4), the actors (Assistance "
        "System, police, Border Guard, prosecutors, municipalities, NGOs), national "
        "coordination; the Assistance System works since 2006, part of Migri since 2017.",
    ),
    # --- For authorities ---------------------------------------------------------------
    PageSpec(
        "for-authorities",
        "section",
        "home",
        "Landing for police, Border Guard, social and health workers, labour inspectors, "
        "reception centres: the hotline also serves professionals 24/7; child pages are the "
        "working guides. Precise, scannable.",
        show_in_menus=True,
    ),
    PageSpec(
        "identifying-a-victim",
        "content",
        "for-authorities",
        "Identifying a victim: a yes/no question list for professionals (one 'yes' or two "
        "'maybe' answers mean look closer), as an accordion or list of 8-10 questions; "
        "indicators are only red flags; do not interrogate; use an interpreter, talk "
        "alone with the person; the national instruction card has the questions in 13 "
        "languages; call the hotline to consult.",
    ),
    PageSpec(
        "referring-to-assistance-system",
        "content",
        "for-authorities",
        "Referral steps, numbered: 1 get consent and explain the services and the duty to "
        "notify the police (you may first consult the hotline anonymously), 2 call the "
        "hotline, 3 staff assess urgency and arrange an interpreter; the referrer need not be "
        "sure; children: guardian/representative consent, child heard; urgent cases: one call "
        "can be enough for admission.",
    ),
    PageSpec(
        "pre-trial-investigation",
        "content",
        "for-authorities",
        "Pre-trial investigation: the police and the Finnish Border Guard investigate; all "
        "police departments; the National Bureau of Investigation takes international cases; "
        "a national specialised police unit since 2021; prosecutors; victim's rights during "
        "investigation (counsel, support person, interpreter); tips to ihmiskauppa@poliisi.fi "
        "without sensitive data by plain e-mail.",
    ),
    PageSpec(
        "child-victims",
        "content",
        "for-authorities",
        "Child victims: a child cannot consent, child welfare notification duty, the child's "
        "best interests, representative or guardian consent and hearing the child, children "
        "of adult victims, tracing a missing parent, interviewing with care.",
    ),
    PageSpec(
        "home-municipality-duties",
        "content",
        "for-authorities",
        "The home municipality's duties: if the victim has a home municipality, the "
        "municipality provides the services (social and health services), the person is "
        "still first referred to the Assistance System which advises the municipality; "
        "costs and cooperation in general terms.",
    ),
    PageSpec(
        "referral-guide",
        "help_finder",
        "for-authorities",
        "Referral guide: a help finder for professionals who met a person who may be a "
        "victim. Routing and briefs in finders.py.",
    ),
    PageSpec(
        "training",
        "section",
        "for-authorities",
        "Training: the Assistance System is the national centre of expertise and trains "
        "authorities; the IHME project (2017-2018, EU Internal Security Fund) built three "
        "modules with the Police University College and the Border and Coast Guard Academy; "
        "autumn 2018 about 750 police and Border Guard staff and students trained (target "
        "200-300) in 11 police departments and 4 Border Guard units.",
    ),
    PageSpec(
        "training-identification",
        "training",
        "training",
        "Training module 1: identifying victims. Target group, learning objectives (bullets), "
        "content outline, how to get the module (contact the Assistance System).",
    ),
    PageSpec(
        "training-victim-assistance",
        "training",
        "training",
        "Training module 2: assisting victims. Target group, learning objectives, outline "
        "(services, referral, consent, cooperation with the Assistance System).",
    ),
    PageSpec(
        "training-pre-trial-investigation",
        "training",
        "training",
        "Training module 3: pre-trial investigation of trafficking crimes. Target group, "
        "objectives, outline (recognising the crime, hearing a victim, cooperation, related "
        "crimes).",
    ),
    # --- For civil society ---------------------------------------------------------------
    PageSpec(
        "for-civil-society",
        "section",
        "home",
        "Landing for NGOs, churches, volunteers, employers and the public: anyone can refer "
        "with consent; child pages.",
        show_in_menus=True,
    ),
    PageSpec(
        "referring-with-consent",
        "content",
        "for-civil-society",
        "Referring with consent: why consent matters, explaining the services and the duty to "
        "notify the police, steps to refer, what happens next.",
    ),
    PageSpec(
        "anonymous-consultation",
        "content",
        "for-civil-society",
        "Anonymous consultation: call the hotline without identifying details to discuss a "
        "situation before referral; what to have ready.",
    ),
    PageSpec(
        "cooperation-and-networks",
        "content",
        "for-civil-society",
        "Cooperation and networks: the Assistance System works with NGOs, churches, "
        "employers, municipalities; trainings; how to get in touch.",
    ),
    # --- Publications, news, events ----------------------------------------------------
    PageSpec(
        "publications",
        "section",
        "home",
        "Publications and statistics: reports, studies, annual reviews and leaflets.",
        show_in_menus=True,
    ),
    PageSpec(
        "child-trafficking-study",
        "publication",
        "publications",
        "The IHME study of child trafficking in Finland and comparable countries: aims and "
        "scope only (identifying child victims, helping them and the children of adult "
        "victims, pre-trial investigation); do not invent findings.",
        details={"publication_date": "2018-12-31"},
    ),
    PageSpec(
        "statistics",
        "content",
        "publications",
        "Statistics: end of 2022, 1,314 clients in total (263 children), 75 nationalities, over "
        "40 % forced labour; 2023: 510 new referrals; most common nationalities early 2022: "
        "Iraq, Finland, Vietnam, Thailand, the Philippines, Afghanistan, Russia, Morocco.",
    ),
    PageSpec(
        "leaflets",
        "content",
        "publications",
        "Leaflets: what leaflets are for (to hand to a possible victim or keep at a workplace), "
        "that they exist in several languages, ask the Assistance System for printed copies.",
    ),
    PageSpec("news", "news_index", "home", "News: the Assistance System's news."),
    PageSpec(
        "news-training-reach",
        "news_article",
        "news",
        "News: the IHME training reached about 750 police and Border Guard staff and students "
        "in autumn 2018, far above the target of 200-300; 11 police departments, 4 Border "
        "Guard units.",
        details={"date": "2018-12-14"},
    ),
    PageSpec(
        "news-clients-2022",
        "news_article",
        "news",
        "News: at the end of 2022 the Assistance System had 1,314 clients (263 children) of 75 "
        "nationalities; over 40 % had been in forced labour.",
        details={"date": "2023-02-15"},
    ),
    PageSpec(
        "news-referrals-2023",
        "news_article",
        "news",
        "News: 510 new referrals in 2023; anyone can refer; call the hotline.",
        details={"date": "2024-02-15"},
    ),
    PageSpec("events", "event_index", "home", "Events: seminars and training events."),
    PageSpec(
        "seminar-identifying-child-victims",
        "event",
        "events",
        "Thematic seminar 1 of the IHME project: identifying child victims of trafficking. "
        "Audience, themes. The facts give no day or venue: the dates in `details` only place "
        "the seminars in the project's time (2017-2018); the text names no day or venue.",
        details={"start": "2018-05-24T09:00:00+03:00", "end": "2018-05-24T16:00:00+03:00"},
    ),
    PageSpec(
        "seminar-helping-children",
        "event",
        "events",
        "Thematic seminar 2 of the IHME project: helping child victims and the children of "
        "adult victims, and pre-trial investigation. Same rules as seminar 1.",
        details={"start": "2018-11-15T09:00:00+02:00", "end": "2018-11-15T16:00:00+02:00"},
    ),
    # --- About and service pages ----------------------------------------------------------
    PageSpec(
        "about",
        "content",
        "home",
        "About the Assistance System: state authority, part of the Finnish Immigration Service "
        "since 2017, working since 2006, nationwide; main office at Joutseno reception centre, "
        "offices in Helsinki, Tampere and Oulu; who it helps; national centre of expertise.",
    ),
    PageSpec(
        "contact",
        "content",
        "home",
        "Contact: hotline card, e-mail, 112 card, police unit card (warn: no sensitive data by "
        "plain e-mail), offices (Joutseno main office, Helsinki, Tampere, Oulu; no street "
        "addresses).",
    ),
    PageSpec(
        "accessibility-statement",
        "content",
        "home",
        "Accessibility statement under the Act on the Provision of Digital Services (306/2019): "
        "the site aims at WCAG 2.2 AA and is assessed against WCAG 2.1 AA; status: partially "
        "compliant until the first full assessment; known gaps: PDF leaflets may not be "
        "accessible, ask for the content by e-mail; assessed by the site team in 2026 by "
        "self-assessment with automated and manual checks; feedback to the Assistance System "
        "e-mail, answer within 14 days; if not satisfied, complain to the supervising "
        "authority: the digital accessibility supervision of the Finnish Supervisory Agency "
        "(Lupa- ja valvontavirasto), www.saavutettavuusvaatimukset.fi.",
    ),
    PageSpec(
        "privacy-notice",
        "content",
        "home",
        "Privacy notice: the site sets no cookies, has no analytics, loads nothing from other "
        "hosts, help finder answers and searches are never stored, server logs keep no IP "
        "addresses; the controller is the Finnish Immigration Service; contacting the hotline "
        "is a separate matter with its own confidentiality; rights of the data subject in "
        "general terms.",
    ),
    PageSpec(
        "help-in-your-language",
        "languages",
        "home",
        "Help in your language: intro only (one or two sentences: choose your language; help "
        "is available in your language by phone with an interpreter). The list of languages "
        "is generated.",
    ),
)

CONTACTS: tuple[ContactSpec, ...] = (
    ContactSpec(
        "hotline",
        phone="+358 29 546 3177",
        email="ihmiskauppa.auttamisjarjestelma@migri.fi",
        brief="The Assistance System's 24/7 hotline. Hours: every day, 24 hours. Notes: you "
        "can call anonymously; service in Finnish, Swedish and English, an interpreter for "
        "other languages; normal call charge.",
    ),
    ContactSpec(
        "emergency",
        phone="112",
        brief="Emergency number 112. Hours: always. Notes: call when you or someone else is in "
        "immediate danger.",
    ),
    ContactSpec(
        "police-unit",
        email="ihmiskauppa@poliisi.fi",
        brief="The police's national human trafficking unit, tips by e-mail. Notes: do not send "
        "sensitive personal data by plain e-mail; in an emergency call 112.",
    ),
    ContactSpec(
        "riku",
        website="https://www.riku.fi",
        brief="Victim Support Finland (RIKU): help for victims of crime, their loved ones and "
        "witnesses.",
    ),
    ContactSpec(
        "pro-tukipiste",
        website="https://www.protukipiste.fi",
        brief="Pro-tukipiste: support for people who sell or have sold sex, and for victims of "
        "trafficking.",
    ),
    ContactSpec(
        "monika",
        website="https://monikanaiset.fi",
        brief="Monika - Multicultural Women's Association: help for immigrant women and "
        "children who face violence.",
    ),
    ContactSpec(
        "refugee-advice-centre",
        website="https://www.pakolaisneuvonta.fi",
        brief="Finnish Refugee Advice Centre: free legal advice for asylum seekers, refugees "
        "and other foreigners.",
    ),
    ContactSpec(
        "nollalinja",
        phone="080 005 005",
        website="https://www.nollalinja.fi",
        brief="Nollalinja: helpline for anyone who has met violence or the threat of violence "
        "in a close relationship. Hours: 24/7, free of charge.",
    ),
)

SOURCE_LANGUAGE = "fi"
#: Pages written in every language of the site, not only fi, sv and en.
#: The victims' essentials (shared/product/site.md).
EVERY_LANGUAGE_PAGES = (
    "home",
    "get-help",
    "am-i-a-victim",
    "victims-help-finder",
    "contact-assistance-system",
    "what-help-you-can-get",
    "help-even-if",
    "your-rights",
    "help-from-ngos",
    "staying-safe-online",
    "contact",
    "privacy-notice",
    "help-in-your-language",
)


# The directory of services (shared/product/facts.md, "Related services"). Service types are
# keys of pages.directory.SERVICE_TYPES; languages are site language codes or "other".
ORGANISATIONS: tuple[OrganisationSpec, ...] = (
    OrganisationSpec(
        "assistance-system",
        ("advice", "housing", "legal", "health", "authority"),
        ("fi", "sv", "en", "other"),
        phone="+358 29 546 3177",
        website="https://www.ihmiskauppa.fi",
    ),
    OrganisationSpec(
        "riku",
        ("advice", "crime-victims", "legal"),
        ("fi", "sv", "en"),
        website="https://www.riku.fi",
    ),
    OrganisationSpec(
        "pro-tukipiste", ("advice", "health"), ("fi", "en"), website="https://www.pro-tukipiste.fi"
    ),
    OrganisationSpec(
        "monika", ("advice", "housing", "violence"), ("fi", "en"), website="https://monikanaiset.fi"
    ),
    OrganisationSpec(
        "refugee-advice-centre",
        ("legal", "advice"),
        ("fi", "en"),
        website="https://www.pakolaisneuvonta.fi",
    ),
    OrganisationSpec(
        "nollalinja",
        ("violence", "advice"),
        ("fi", "sv", "en"),
        phone="080 005 005",
        website="https://www.nollalinja.fi",
    ),
    OrganisationSpec(
        "police", ("authority",), ("fi", "sv", "en"), phone="112", website="https://poliisi.fi"
    ),
    OrganisationSpec(
        "labour-protection",
        ("work", "authority"),
        ("fi", "sv", "en"),
        website="https://www.tyosuojelu.fi",
    ),
)
