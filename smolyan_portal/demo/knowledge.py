"""The demo's solutions and its one person, from the facts of the seed article only.

Statuses, years and figures appear only where the article states them; it gives no
figures, so no solution has an indicator. `slug_bg` is each solution's stable key;
topics, projects, partners, sessions (by order), site visits (by order) and documents
(by Bulgarian title) are named by the keys of their own demo data.
"""

from knowledge.models import Basis, ReplicationStatus

from .projects import CITYXCHANGE, EUCF

PED = "pozitivno-energiyni-blokove-i-kvartali"
BUILDINGS = "sgradi"
CITIZENS = "uchastie-na-grazhdanite"
FINANCE = "finansirane-i-biznes-modeli"
GOVERNANCE = "upravlenie-i-regulirane"
CLIMATE = "adaptatsia-kam-klimata"
SKY_HUB_NOTES = "Бележки от дискусията в Sky Hub Smolyan"

PERSON = {
    "name_bg": "Марин Захариев",
    "name_en": "Marin Zahariev",
    "role_bg": "заместник-кмет на Община Смолян",
    "role_en": "Deputy Mayor of Smolyan",
    "basis": Basis.PUBLIC_OFFICE,
    "basis_note": "Deputy Mayor of the Municipality of Smolyan",
    "organisation": "smolyan",
    "spoke_at": [1],
}

SOLUTIONS = [
    {
        "slug_bg": "pozitivno-energiyniyat-blok-na-smolyan",
        "title_bg": "Позитивно енергийният блок на Смолян: градският басейн и спортната зала",
        "title_en": "Smolyan's positive energy block: the city swimming pool and sports hall",
        "summary_bg": (
            "Сградите на градския плувен басейн и спортната зала образуват позитивно "
            "енергийния блок на Смолян; партньорите видяха енергийните решения в тях и "
            "плановете на общината за бъдещето им."
        ),
        "summary_en": (
            "The city swimming pool and the sports hall make up Smolyan's positive energy "
            "block; the partners saw the energy solutions in them and the municipality's "
            "plans for them."
        ),
        "topics": [PED, BUILDINGS],
        "projects": [CITYXCHANGE],
        "organisations": ["smolyan"],
        "contact_partners": ["smolyan"],
        "sessions": [4],
        "site_visits": [1],
        "replications": [("smolyan", ReplicationStatus.DEMONSTRATING)],
    },
    {
        "slug_bg": "sky-hub-smolyan",
        "title_bg": "Sky Hub Smolyan: споделено работно пространство и иновационен център",
        "title_en": "Sky Hub Smolyan: co-working space and innovation centre",
        "summary_bg": (
            "Споделеното работно пространство на общината в сградата на Стария общински "
            "съвет – едно от иновационните места в града, където партньорите обсъдиха "
            "позитивно енергийните квартали."
        ),
        "summary_en": (
            "The municipality's co-working space in the Old Municipal Council building, one "
            "of the city's places for innovation, where the partners discussed positive "
            "energy districts."
        ),
        "topics": [CITIZENS],
        "projects": [CITYXCHANGE],
        "organisations": ["smolyan"],
        "contact_partners": ["smolyan"],
        "sessions": [4],
        "documents": [SKY_HUB_NOTES],
    },
    {
        "slug_bg": "sledvashtoto-pokolenie-umni-grazhdani",
        "title_bg": "„Следващото поколение умни граждани“",
        "title_en": "Next Generation Smart Citizen",
        "summary_bg": (
            "Как Смолян ангажира децата и младите хора с енергийната ефективност, "
            "декарбонизацията, адаптацията към климата и бъдещето на града и региона."
        ),
        "summary_en": (
            "How Smolyan engages children and young people with energy efficiency, "
            "decarbonisation, climate adaptation and the future of the city and the region."
        ),
        "topics": [CITIZENS],
        "projects": [CITYXCHANGE],
        "organisations": ["smolyan"],
        "contact_partners": ["smolyan"],
        "sessions": [1],
    },
    {
        "slug_bg": "finansovi-biznes-modeli-za-obshtinski-sgradi",
        "title_bg": "Финансови бизнес модели за енергийна ефективност и възобновяема енергия",
        "title_en": "Business models to finance energy efficiency and renewables",
        "summary_bg": (
            "Бизнес модели, разработени с OV Group, за мерки за енергийна ефективност и "
            "възобновяема енергия в общински сгради."
        ),
        "summary_en": (
            "Business models, developed with OV Group, for energy-efficiency and renewable "
            "energy measures in municipal buildings."
        ),
        "topics": [FINANCE, BUILDINGS],
        "projects": [CITYXCHANGE],
        "organisations": ["ov-group"],
        "contact_partners": ["ov-group"],
        "sessions": [2],
    },
    {
        "slug_bg": "investitsionna-kontseptsia-za-vtori-pozitivno-energien-kvartal",
        "title_bg": "Инвестиционна концепция за втори позитивно енергиен квартал в Смолян",
        "title_en": "An investment concept for a second positive energy district in Smolyan",
        "summary_bg": (
            "Концепцията на Смолян за втори позитивно енергиен квартал е одобрена за "
            "финансиране от EUCF; общината подготвя инвестиционна концепция, за да осигури "
            "средства за анализа и изпълнението."
        ),
        "summary_en": (
            "Smolyan's concept for a second positive energy district was approved for EUCF "
            "funding; the municipality is preparing an investment concept to secure the "
            "money for its analysis and realisation."
        ),
        "topics": [PED, FINANCE],
        "projects": [EUCF],
        "organisations": ["smolyan"],
        "contact_partners": ["smolyan"],
        "sessions": [6],
        "replications": [("smolyan", ReplicationStatus.PLANNED)],
    },
    {
        "slug_bg": "uchilishte-v-pisek-pozitivno-energiyna-sgrada",
        "title_bg": "Училище в Писек, превърнато в позитивно енергийна сграда",
        "title_en": "A school in Písek turned into a positive energy building",
        "summary_bg": (
            "Писек превърна училище в позитивно енергийна сграда и изпълни мерки за "
            "адаптация към климата около него."
        ),
        "summary_en": (
            "Písek turned a school into a positive energy building and carried out "
            "climate-adaptation works around it."
        ),
        "topics": [BUILDINGS, PED, CLIMATE],
        "organisations": ["pisek"],
        "contact_partners": ["pisek"],
        "sessions": [6],
        "replications": [("pisek", ReplicationStatus.REPLICATED)],
    },
    {
        "slug_bg": "ped-cookbook",
        "title_bg": "PED cookbook: наръчник за позитивно енергийни квартали",
        "title_en": "The PED cookbook: a guide to positive energy districts",
        "summary_bg": (
            "Изводите на градовете за позитивно енергийните блокове и квартали, събрани в "
            "наръчник; дискусията в Sky Hub Smolyan допринася за него."
        ),
        "summary_en": (
            "The cities' conclusions about positive energy blocks and districts, collected in "
            "a guide; the discussion at Sky Hub Smolyan feeds into it."
        ),
        "did_not_work_bg": (
            "Градовете срещнаха пречки в законовите рамки и в работата със заинтересованите страни."
        ),
        "did_not_work_en": (
            "The cities met obstacles in legal frameworks and in working with stakeholders."
        ),
        "topics": [PED, GOVERNANCE],
        "projects": [CITYXCHANGE],
        "sessions": [4],
        "documents": [SKY_HUB_NOTES],
    },
    {
        "slug_bg": "zeleni-praktiki-na-areksim",
        "title_bg": "Зелените практики на „Арексим“",
        "title_en": "Arexim's green practices",
        "summary_bg": (
            "Зелени и устойчиви практики, които смолянската компания „Арексим“ е въвела в "
            "работата си."
        ),
        "summary_en": (
            "Green and sustainable practices that the Smolyan company Arexim has brought "
            "into its work."
        ),
        "organisations": ["areksim"],
        "contact_partners": ["areksim"],
        "site_visits": [3],
    },
]

# What else the topics gather: the projects, sessions (by order) and the meeting.
TOPIC_LINKS = {
    PED: {"projects": [CITYXCHANGE, EUCF], "sessions": [4, 6], "meeting": True},
    CITIZENS: {"sessions": [1]},
    FINANCE: {"sessions": [2]},
    CLIMATE: {"sessions": [6]},
}
