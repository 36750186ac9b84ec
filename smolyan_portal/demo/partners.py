"""The demo partners: the seven cities of +CityxChange and the organisations around the meeting.

Each entry holds Partner field values; `slug_bg` is the stable key that a second run of
load_demo recognises. Coordinates are decimal degrees of the city centre (of the campus for
NTNU); they are left empty where the place of an organisation is not known.
"""

from partners.models import PartnerKind

CITY = PartnerKind.CITY

PARTNERS = [
    {
        "slug_bg": "trondhaym",
        "name_bg": "Трондхайм",
        "name_en": "Trondheim",
        "kind": CITY,
        "country": "NO",
        "city_bg": "Трондхайм",
        "city_en": "Trondheim",
        "latitude": "63.430500",
        "longitude": "10.395100",
        "website": "https://www.trondheim.kommune.no/",
        "description_bg": (
            "<p>Норвежки град, един от двата водещи града на +CityxChange. "
            "Тук е и NTNU, университетът, който координира проекта, а заключителното събитие "
            "на проекта бе подготвяно именно в Трондхайм.</p>"
        ),
        "description_en": (
            "<p>A Norwegian city and one of the two lighthouse cities of +CityxChange. It is "
            "home to NTNU, the university that coordinates the project, and the place chosen "
            "for the project's final event.</p>"
        ),
    },
    {
        "slug_bg": "limerik",
        "name_bg": "Лимерик",
        "name_en": "Limerick",
        "kind": CITY,
        "country": "IE",
        "city_bg": "Лимерик",
        "city_en": "Limerick",
        "latitude": "52.663800",
        "longitude": "-8.626700",
        "website": "https://www.limerick.ie/",
        "description_bg": (
            "<p>Ирландски град и вторият водещ град на +CityxChange: заедно с Трондхайм "
            "изпробва решенията, които градовете последователи после пренасят у себе си.</p>"
        ),
        "description_en": (
            "<p>An Irish city and the second lighthouse city of +CityxChange: with Trondheim "
            "it tries out the solutions that the follower cities then take home.</p>"
        ),
    },
    {
        "slug_bg": "alba-yulia",
        "name_bg": "Алба Юлия",
        "name_en": "Alba Iulia",
        "kind": CITY,
        "country": "RO",
        "city_bg": "Алба Юлия",
        "city_en": "Alba Iulia",
        "latitude": "46.073300",
        "longitude": "23.580500",
        "description_bg": (
            "<p>Румънски град, един от петте града последователи на +CityxChange.</p>"
        ),
        "description_en": (
            "<p>A Romanian city, one of the five follower cities of +CityxChange.</p>"
        ),
    },
    {
        "slug_bg": "pisek",
        "name_bg": "Писек",
        "name_en": "Písek",
        "kind": CITY,
        "country": "CZ",
        "city_bg": "Писек",
        "city_en": "Písek",
        "latitude": "49.308800",
        "longitude": "14.147500",
        "description_bg": (
            "<p>Чешки град последовател в +CityxChange. На срещата в Смолян екипът му показа "
            "училище, превърнато в позитивно енергийна сграда, и озеленяването около него.</p>"
        ),
        "description_en": (
            "<p>A Czech follower city of +CityxChange. At the Smolyan meeting its team showed a "
            "school turned into a positive energy building and the greening around it.</p>"
        ),
    },
    {
        "slug_bg": "sestao",
        "name_bg": "Сестао",
        "name_en": "Sestao",
        "kind": CITY,
        "country": "ES",
        "city_bg": "Сестао",
        "city_en": "Sestao",
        "latitude": "43.309700",
        "longitude": "-3.007500",
        "description_bg": (
            "<p>Испански град, един от петте града последователи на +CityxChange.</p>"
        ),
        "description_en": (
            "<p>A Spanish town, one of the five follower cities of +CityxChange.</p>"
        ),
    },
    {
        "slug_bg": "smolyan",
        "name_bg": "Смолян",
        "name_en": "Smolyan",
        "kind": CITY,
        "country": "BG",
        "city_bg": "Смолян",
        "city_en": "Smolyan",
        "latitude": "41.577400",
        "longitude": "24.701100",
        "website": "https://www.smolyan.bg/",
        "description_bg": (
            "<p>Областният център в сърцето на Родопите и град последовател в "
            "+CityxChange. Общината развива позитивно енергиен блок около градския плувен "
            "басейн и спортната зала и подготвя концепция за втори позитивно енергиен "
            "квартал.</p>"
        ),
        "description_en": (
            "<p>The regional centre in the heart of the Rhodope Mountains and a follower city of "
            "+CityxChange. The municipality is building a positive energy block around the city "
            "swimming pool and sports hall, and preparing a concept for a second positive "
            "energy district.</p>"
        ),
    },
    {
        "slug_bg": "varu",
        "name_bg": "Въру",
        "name_en": "Võru",
        "kind": CITY,
        "country": "EE",
        "city_bg": "Въру",
        "city_en": "Võru",
        "latitude": "57.833900",
        "longitude": "27.019400",
        "description_bg": (
            "<p>Естонски град последовател в +CityxChange и побратимен град на Смолян.</p>"
        ),
        "description_en": (
            "<p>An Estonian follower city of +CityxChange and a twin town of Smolyan.</p>"
        ),
    },
    {
        "slug_bg": "ntnu",
        "slug_en": "ntnu",
        "name_bg": "Норвежки университет за наука и технологии (NTNU)",
        "name_en": "Norwegian University of Science and Technology (NTNU)",
        "kind": PartnerKind.UNIVERSITY,
        "country": "NO",
        "city_bg": "Трондхайм",
        "city_en": "Trondheim",
        "latitude": "63.419000",
        "longitude": "10.402000",
        "website": "https://www.ntnu.edu/",
        "description_bg": (
            "<p>Университетът в Трондхайм е водещият партньор и координатор на "
            "+CityxChange. Негови представители участваха в срещата в Смолян.</p>"
        ),
        "description_en": (
            "<p>The university in Trondheim is the lead partner and coordinator of "
            "+CityxChange. Its representatives took part in the Smolyan meeting.</p>"
        ),
    },
    {
        "slug_bg": "institut-isocarp",
        "name_bg": "Институт ISOCARP",
        "name_en": "ISOCARP Institute",
        "kind": PartnerKind.INSTITUTE,
        "country": "NL",
        "city_bg": "Хага",
        "city_en": "The Hague",
        "latitude": "52.070500",
        "longitude": "4.300700",
        "website": "https://www.isocarp-institute.org/",
        "description_bg": (
            "<p>Изследователският институт на Международната асоциация на градските и "
            "регионалните планировчици (ISOCARP). В Смолян води семинара за подготовката на "
            "градовете за заключителното събитие в Трондхайм.</p>"
        ),
        "description_en": (
            "<p>The research institute of the International Society of City and Regional "
            "Planners (ISOCARP). In Smolyan it led the seminar that prepared the cities for the "
            "final event in Trondheim.</p>"
        ),
    },
    {
        "slug_bg": "ov-group",
        "name_bg": "OV Group",
        "name_en": "OV Group",
        "kind": PartnerKind.COMPANY,
        "country": "IT",
        "description_bg": (
            "<p>Италиански партньор в +CityxChange. С него са разработени иновативните "
            "финансови бизнес модели за енергийна ефективност и възобновяема енергия в "
            "общински сгради.</p>"
        ),
        "description_en": (
            "<p>An Italian partner in +CityxChange, with which the innovative financial business "
            "models for energy efficiency and renewable energy in municipal buildings were "
            "developed.</p>"
        ),
    },
    {
        "slug_bg": "scalable-cities",
        "name_bg": "Scalable Cities",
        "name_en": "Scalable Cities",
        "kind": PartnerKind.NETWORK,
        "country": "BE",
        "description_bg": (
            "<p>Мрежа, която представлява 120 европейски града от 18 проекта за интелигентни "
            "градове и общности по „Хоризонт 2020“ и събира опита и решенията от тях.</p>"
        ),
        "description_en": (
            "<p>A network representing 120 European cities in 18 Horizon 2020 smart cities and "
            "communities projects, which gathers what those projects learned and built.</p>"
        ),
    },
    {
        "slug_bg": "obshtina-asenovgrad",
        "name_bg": "Община Асеновград",
        "name_en": "Municipality of Asenovgrad",
        "kind": CITY,
        "country": "BG",
        "city_bg": "Асеновград",
        "city_en": "Asenovgrad",
        "latitude": "42.016700",
        "longitude": "24.866700",
        "description_bg": (
            "<p>Партньор на Смолян в „Партньорство за адаптация към климатичните промени“, "
            "с проекти за електричество и топлина от възобновяеми източници.</p>"
        ),
        "description_en": (
            "<p>Smolyan's partner in the Partnership for Adaptation to Climate Change, with "
            "projects for electricity and heat from renewable sources.</p>"
        ),
    },
    {
        "slug_bg": "obshtina-svilengrad",
        "name_bg": "Община Свиленград",
        "name_en": "Municipality of Svilengrad",
        "kind": CITY,
        "country": "BG",
        "city_bg": "Свиленград",
        "city_en": "Svilengrad",
        "latitude": "41.766700",
        "longitude": "26.200000",
        "description_bg": (
            "<p>Партньор на Смолян в „Партньорство за адаптация към климатичните промени“, "
            "с проекти за електричество и топлина от възобновяеми източници.</p>"
        ),
        "description_en": (
            "<p>Smolyan's partner in the Partnership for Adaptation to Climate Change, with "
            "projects for electricity and heat from renewable sources.</p>"
        ),
    },
    {
        "slug_bg": "obshtina-krushari",
        "name_bg": "Община Крушари",
        "name_en": "Municipality of Krushari",
        "kind": CITY,
        "country": "BG",
        "city_bg": "Крушари",
        "city_en": "Krushari",
        "latitude": "43.816700",
        "longitude": "27.750000",
        "description_bg": (
            "<p>Партньор на Смолян в „Партньорство за адаптация към климатичните промени“, "
            "с проекти за електричество и топлина от възобновяеми източници.</p>"
        ),
        "description_en": (
            "<p>Smolyan's partner in the Partnership for Adaptation to Climate Change, with "
            "projects for electricity and heat from renewable sources.</p>"
        ),
    },
    {
        "slug_bg": "pleyades-bulgaria",
        "name_bg": "„Плеядес България“ ООД",
        "name_en": "Pleiades Bulgaria Ltd",
        "kind": PartnerKind.COMPANY,
        "country": "BG",
        "description_bg": (
            "<p>Българска компания, партньор на Община Смолян в „Партньорство за адаптация "
            "към климатичните промени“.</p>"
        ),
        "description_en": (
            "<p>A Bulgarian company and a partner of the Municipality of Smolyan in the "
            "Partnership for Adaptation to Climate Change.</p>"
        ),
    },
    {
        "slug_bg": "areksim",
        "name_bg": "„Арексим“",
        "name_en": "Arexim",
        "kind": PartnerKind.COMPANY,
        "country": "BG",
        "city_bg": "Смолян",
        "city_en": "Smolyan",
        "latitude": "41.577400",
        "longitude": "24.701100",
        "description_bg": (
            "<p>Смолянска компания, която партньорите по +CityxChange посетиха, за да видят "
            "зелените и устойчиви практики в работата ѝ.</p>"
        ),
        "description_en": (
            "<p>A Smolyan company that the +CityxChange partners visited to see the green and "
            "sustainable practices in its work.</p>"
        ),
    },
]

# Pairs of twin towns by slug_bg; the relation is symmetric, so each pair is listed once.
TWIN_TOWNS = [("smolyan", "varu")]
