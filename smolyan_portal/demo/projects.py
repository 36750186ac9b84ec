"""The demo projects and the partners' roles in them; `slug_bg` is each project's stable key."""

import datetime

from projects.models import Role

CITYXCHANGE = "cityxchange"
CLIMATE_PARTNERSHIP = "partnyorstvo-za-adaptatsiya-kam-klimatichnite-promeni"
EUCF = "eucf-vtori-pozitiven-energien-rayon"

PROJECTS = [
    {
        "slug_bg": CITYXCHANGE,
        "slug_en": "cityxchange",
        "title_bg": "+CityxChange: позитивно енергийни блокове и квартали",
        "title_en": "+CityxChange: positive energy blocks and districts",
        "acronym": "+CityxChange",
        "colour": "blue",
        "programme_bg": "Хоризонт 2020",
        "programme_en": "Horizon 2020",
        "summary_bg": (
            "Европейски проект (Positive City ExChange), в който 32 партньори създават "
            "квартали, произвеждащи повече енергия, отколкото потребяват. Смолян е един от "
            "петте града последователи."
        ),
        "summary_en": (
            "A European project (Positive City ExChange) in which 32 partners build "
            "neighbourhoods that produce more energy than they use. Smolyan is one of the five "
            "follower cities."
        ),
        "description_bg": (
            "<p>+CityxChange търси начини цели части от града – позитивно енергийни блокове и "
            "квартали – да произвеждат повече енергия от възобновяеми източници, отколкото "
            "изразходват, и да включват жителите си в прехода.</p>"
            "<p>Проектът обединява 32 партньори под координацията на Норвежкия университет за "
            "наука и технологии (NTNU). Трондхайм (Норвегия) и Лимерик (Ирландия) са водещите "
            "градове, а Алба Юлия (Румъния), Писек (Чехия), Сестао (Испания), Смолян (България) "
            "и Въру (Естония) са градовете последователи, които пренасят решенията у себе си.</p>"
            "<p>В Смолян позитивно енергийният блок обхваща градския плувен басейн и спортната "
            "зала.</p>"
        ),
        "description_en": (
            "<p>+CityxChange looks for ways in which whole neighbourhoods – positive energy "
            "blocks and districts – can produce more energy from renewable sources than they "
            "consume, and can bring their residents along in the transition.</p>"
            "<p>The project brings together 32 partners coordinated by the Norwegian University "
            "of Science and Technology (NTNU). Trondheim (Norway) and Limerick (Ireland) are the "
            "lighthouse cities; Alba Iulia (Romania), Písek (Czechia), Sestao (Spain), "
            "Smolyan (Bulgaria) and Võru (Estonia) are the follower cities that adapt the "
            "solutions at home.</p>"
            "<p>In Smolyan the positive energy block takes in the city swimming pool and the "
            "sports hall.</p>"
        ),
        "start_date": datetime.date(2018, 11, 1),
        "end_date": datetime.date(2023, 10, 31),
        "website": "https://cityxchange.eu/",
        # The whole consortium; the portal has pages for the ten Smolyan worked with.
        "consortium_size": 32,
        "eu_funded": True,
        "funding_statement_bg": (
            "Проектът е финансиран от програмата за научни изследвания и иновации на "
            "Европейския съюз „Хоризонт 2020“ по споразумение за безвъзмездна помощ № 824260."
        ),
        "funding_statement_en": (
            "This project has received funding from the European Union's Horizon 2020 research "
            "and innovation programme under grant agreement No 824260."
        ),
    },
    {
        "slug_bg": CLIMATE_PARTNERSHIP,
        "slug_en": "partnership-for-adaptation-to-climate-change",
        "title_bg": "Партньорство за адаптация към климатичните промени",
        "title_en": "Partnership for Adaptation to Climate Change",
        "colour": "green",
        "summary_bg": (
            "Общините Смолян, Асеновград, Свиленград и Крушари и „Плеядес България“ ООД "
            "работят заедно по мерки за адаптация към климатичните промени и за енергия от "
            "възобновяеми източници."
        ),
        "summary_en": (
            "The municipalities of Smolyan, Asenovgrad, Svilengrad and Krushari and Pleiades "
            "Bulgaria Ltd work together on climate adaptation and on energy from renewable "
            "sources."
        ),
        "description_bg": (
            "<p>В партньорството Община Смолян работи с общините Асеновград, Свиленград и "
            "Крушари и с компанията „Плеядес България“ ООД. Общините изпълняват проекти за "
            "производство на електрическа и топлинна енергия от възобновяеми източници.</p>"
            "<p>На работната среща по +CityxChange в Смолян през юни 2023 г. партньорите "
            "представиха тези проекти пред европейските градове.</p>"
        ),
        "description_en": (
            "<p>In this partnership the Municipality of Smolyan works with the municipalities of "
            "Asenovgrad, Svilengrad and Krushari and with the company Pleiades Bulgaria Ltd. "
            "The municipalities carry out projects that produce electricity and heat from "
            "renewable sources.</p>"
            "<p>At the +CityxChange working meeting in Smolyan in June 2023 the partners "
            "presented these projects to the European cities.</p>"
        ),
        # The source names no funder, so the portal claims none.
        "eu_funded": False,
    },
    {
        "slug_bg": EUCF,
        "slug_en": "eucf-second-positive-energy-district",
        "title_bg": "EUCF: концепция за втори позитивно енергиен квартал в Смолян",
        "title_en": "EUCF: an investment concept for a second positive energy district in Smolyan",
        "acronym": "EUCF",
        "colour": "plum",
        "programme_bg": "Хоризонт 2020 – Европейски механизъм за градско развитие (EUCF)",
        "programme_en": "Horizon 2020 – European City Facility (EUCF)",
        "summary_bg": (
            "С подкрепа от четвъртата покана на Европейския механизъм за градско развитие "
            "Смолян подготвя инвестиционна концепция за втори позитивно енергиен квартал."
        ),
        "summary_en": (
            "With support from the fourth call of the European City Facility, Smolyan is "
            "preparing an investment concept for a second positive energy district."
        ),
        "description_bg": (
            "<p>Предложението на Община Смолян бе одобрено за финансиране в четвъртата покана "
            "на Европейския механизъм за градско развитие (EUCF – European City Facility).</p>"
            "<p>С тази подкрепа общината изготвя инвестиционна концепция за втори позитивно "
            "енергиен квартал в града. Концепцията е стъпката към средства за анализ и "
            "изграждане на квартала.</p>"
        ),
        "description_en": (
            "<p>The Municipality of Smolyan's proposal was approved for funding in the fourth "
            "call of the European City Facility (EUCF).</p>"
            "<p>With this support the municipality is drawing up an investment concept for a "
            "second positive energy district in the city: the step towards funds for the "
            "analysis and the building of the district.</p>"
        ),
        "website": "https://www.eucityfacility.eu/",
        "eu_funded": True,
        "funding_statement_bg": (
            "Европейският механизъм за градско развитие (EUCF) е финансиран от програмата за "
            "научни изследвания и иновации на Европейския съюз „Хоризонт 2020“."
        ),
        "funding_statement_en": (
            "The European City Facility (EUCF) has received funding from the European Union's "
            "Horizon 2020 research and innovation programme."
        ),
    },
]

# (project slug_bg, partner slug_bg, role)
PARTICIPATIONS = [
    (CITYXCHANGE, "ntnu", Role.COORDINATOR),
    (CITYXCHANGE, "trondhaym", Role.LIGHTHOUSE),
    (CITYXCHANGE, "limerik", Role.LIGHTHOUSE),
    (CITYXCHANGE, "alba-yulia", Role.FOLLOWER),
    (CITYXCHANGE, "pisek", Role.FOLLOWER),
    (CITYXCHANGE, "sestao", Role.FOLLOWER),
    (CITYXCHANGE, "smolyan", Role.FOLLOWER),
    (CITYXCHANGE, "varu", Role.FOLLOWER),
    (CITYXCHANGE, "institut-isocarp", Role.PARTNER),
    (CITYXCHANGE, "ov-group", Role.PARTNER),
    (CLIMATE_PARTNERSHIP, "smolyan", Role.PARTNER),
    (CLIMATE_PARTNERSHIP, "obshtina-asenovgrad", Role.PARTNER),
    (CLIMATE_PARTNERSHIP, "obshtina-svilengrad", Role.PARTNER),
    (CLIMATE_PARTNERSHIP, "obshtina-krushari", Role.PARTNER),
    (CLIMATE_PARTNERSHIP, "pleyades-bulgaria", Role.PARTNER),
    (EUCF, "smolyan", Role.PARTNER),
]
