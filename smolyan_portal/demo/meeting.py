"""The seed meeting: Smolyan, 6–7 June 2023, with its six sessions and three site visits.

The source gives no clock times, so sessions carry none. Partners are named by slug_bg.
"""

import datetime

from events.models import SessionKind

DAY_1 = datetime.date(2023, 6, 6)
DAY_2 = datetime.date(2023, 6, 7)

MEETING = {
    "slug_bg": "rabotna-sreshta-cityxchange-smolyan-2023",
    "slug_en": "cityxchange-working-meeting-smolyan-2023",
    "title_bg": "Работна среща по +CityxChange в Смолян",
    "title_en": "+CityxChange working meeting in Smolyan",
    "start_date": DAY_1,
    "end_date": DAY_2,
    "venue_bg": "Смолян, включително Sky Hub Smolyan в сградата на Стария общински съвет",
    "venue_en": "Smolyan, including Sky Hub Smolyan in the Old Municipal Council building",
    "summary_bg": (
        "Два дни обмяна на опит: Община Смолян посрещна градовете последователи, NTNU, "
        "Института ISOCARP и OV Group, за да подготвят заедно заключителното събитие на "
        "+CityxChange в Трондхайм."
    ),
    "summary_en": (
        "Two days of sharing experience: the Municipality of Smolyan welcomed the follower "
        "cities, NTNU, the ISOCARP Institute and OV Group to prepare together for the final "
        "event of +CityxChange in Trondheim."
    ),
    "body_bg": (
        "<p>Срещата бе една от поредицата обучителни сесии, които градовете последователи в "
        "+CityxChange организираха преди заключителното събитие на проекта в Трондхайм.</p>"
        "<h2>Първи ден, 6 юни</h2>"
        "<p>Заместник-кметът Марин Захариев откри срещата, след което екипът на Смолян разказа "
        "как общината въвлича жителите в темите за енергийна ефективност, декарбонизация и "
        "адаптация към климата, с особено внимание към децата и младите хора. Партньорите "
        "обсъдиха финансовите бизнес модели, разработени с OV Group, а ISOCARP проведе "
        "семинар за представянето на градовете в Трондхайм. Следобедната дискусия в Sky Hub "
        "Smolyan бе посветена на позитивно енергийните блокове и квартали.</p>"
        "<p>Денят завърши с обиколка на сградите от позитивно енергийния блок – градския "
        "плувен басейн и спортната зала – и с посещение в село Широка лъка и новия "
        "музей-галерия „Владимир Рилски“.</p>"
        "<h2>Втори ден, 7 юни</h2>"
        "<p>Scalable Cities показа как градовете от +CityxChange могат да обменят опит с "
        "партньори от други проекти. В панела се включиха и общините Асеновград, Свиленград "
        "и Крушари и „Плеядес България“ ООД. Смолян представи концепцията си за втори "
        "позитивно енергиен квартал, подкрепена от EUCF, а Писек – училище, превърнато в "
        "позитивно енергийна сграда. След панела гостите посетиха смолянската компания "
        "„Арексим“.</p>"
    ),
    "body_en": (
        "<p>The meeting was one of a series of training sessions that the follower cities of "
        "+CityxChange organised ahead of the project's final event in Trondheim.</p>"
        "<h2>Day one, 6 June</h2>"
        "<p>Deputy Mayor Marin Zahariev opened the meeting, and the Smolyan team then explained "
        "how the municipality involves residents in energy efficiency, decarbonisation and "
        "climate adaptation, with particular attention to children and young people. The "
        "partners discussed the financial business models developed with OV Group, and ISOCARP "
        "ran a seminar on how the cities will present their work in Trondheim. The afternoon "
        "discussion at Sky Hub Smolyan turned to positive energy blocks and districts.</p>"
        "<p>The day ended with a tour of the buildings of the positive energy block – the city "
        "swimming pool and the sports hall – and a visit to the village of Shiroka Laka and "
        "its new museum-gallery “Vladimir Rilski”.</p>"
        "<h2>Day two, 7 June</h2>"
        "<p>Scalable Cities showed how the +CityxChange cities can share experience with "
        "partners of other projects. The municipalities of Asenovgrad, Svilengrad and "
        "Krushari and Pleiades Bulgaria Ltd joined the panel. Smolyan presented its "
        "EUCF-supported concept for a second positive energy district, and Písek a school "
        "turned into a positive energy building. After the panel the guests visited the "
        "Smolyan company Arexim.</p>"
    ),
    "outcomes_bg": (
        "<ul>"
        "<li>Изводите от дискусията в Sky Hub Smolyan ще влязат в сборник със съвети за "
        "изграждане на позитивно енергийни квартали (PED cookbook).</li>"
        "<li>Градовете се подготвиха да представят участието и опита си на заключителното "
        "събитие в Трондхайм.</li>"
        "<li>Смолян ще изготви инвестиционна концепция за втори позитивно енергиен квартал с "
        "подкрепата на EUCF.</li>"
        "<li>Градовете от +CityxChange получиха възможност да обменят опит с други проекти "
        "чрез Scalable Cities.</li>"
        "</ul>"
    ),
    "outcomes_en": (
        "<ul>"
        "<li>The conclusions of the discussion at Sky Hub Smolyan will go into a book of advice "
        "on building positive energy districts (the PED cookbook).</li>"
        "<li>The cities prepared to present their part in the project and what they learned at "
        "the final event in Trondheim.</li>"
        "<li>Smolyan will draw up an investment concept for a second positive energy district "
        "with EUCF support.</li>"
        "<li>Through Scalable Cities, the +CityxChange cities can share experience with other "
        "projects.</li>"
        "</ul>"
    ),
    "cover_image_alt_bg": (
        "Илюстрация: стилизиран планински град с червени покриви в зелена долина, над която "
        "грее слънце"
    ),
    "cover_image_alt_en": (
        "Illustration: a stylised mountain town with red roofs in a green valley under a "
        "shining sun"
    ),
}

# Who took part: the attendees the report names and the partners who joined the sessions.
PARTICIPANTS = [
    "alba-yulia",
    "pisek",
    "sestao",
    "smolyan",
    "varu",
    "ntnu",
    "institut-isocarp",
    "ov-group",
    "scalable-cities",
    "obshtina-asenovgrad",
    "obshtina-svilengrad",
    "obshtina-krushari",
    "pleyades-bulgaria",
]

SESSIONS = [
    {
        "order": 1,
        "date": DAY_1,
        "kind": SessionKind.OPENING,
        "led_by": ["smolyan"],
        "title_bg": "Откриване и представяне на Смолян: гражданите и енергийният преход",
        "title_en": "Opening: how Smolyan engages citizens in the energy transition",
        "summary_bg": (
            "След откриването екипът на Смолян разказа как общината ангажира гражданите с "
            "енергийна ефективност, декарбонизация, адаптация към климата и бъдещето на града и "
            "региона. Акцентът бе върху децата и младите хора – „Следващото поколение умни "
            "граждани“ (Next Generation Smart Citizen)."
        ),
        "summary_en": (
            "After the opening the Smolyan team described how the municipality engages "
            "citizens with energy efficiency, decarbonisation, climate adaptation and the "
            "future of the city and the region. The focus was on children and young people: "
            "the Next Generation Smart Citizen."
        ),
        # The deputy mayor, who opened the meeting, is a recorded person (demo/knowledge.py).
        "speakers_bg": "Екипът на Община Смолян",
        "speakers_en": "The team of the Municipality of Smolyan",
    },
    {
        "order": 2,
        "date": DAY_1,
        "kind": SessionKind.DISCUSSION,
        "led_by": ["ov-group"],
        "title_bg": "Иновативни финансови бизнес модели за общински сгради",
        "title_en": "Innovative business models to finance energy measures in municipal buildings",
        "summary_bg": (
            "Бизнес моделите, разработени с OV Group, за мерки за енергийна ефективност и "
            "възобновяема енергия в общински обекти, и опитът на градовете с прилагането им."
        ),
        "summary_en": (
            "The business models developed with OV Group for energy-efficiency and renewable "
            "energy measures in municipal buildings, and how the cities have fared in applying "
            "them."
        ),
    },
    {
        "order": 3,
        "date": DAY_1,
        "kind": SessionKind.SEMINAR,
        "led_by": ["institut-isocarp"],
        "title_bg": "Семинар: към заключителното събитие в Трондхайм",
        "title_en": "Seminar: preparing for the final event in Trondheim",
        "summary_bg": (
            "Как градовете да покажат своето участие в проекта на заключителното събитие и как "
            "да предадат натрупания опит на бъдещи проекти."
        ),
        "summary_en": (
            "How the cities can show their part in the project at the final event, and how they "
            "can hand on what they learned to future projects."
        ),
    },
    {
        "order": 4,
        "date": DAY_1,
        "kind": SessionKind.DISCUSSION,
        "led_by": [],
        "venue_bg": "Sky Hub Smolyan, сградата на Стария общински съвет",
        "venue_en": "Sky Hub Smolyan, Old Municipal Council building",
        "title_bg": "Позитивно енергийни блокове и квартали: успехи, трудности и следващи стъпки",
        "title_en": "Positive energy blocks and districts: successes, challenges and next steps",
        "summary_bg": (
            "В споделеното работно пространство на общината – едно от иновационните места в "
            "града – градовете разказаха докъде са стигнали с позитивно енергийните блокове и "
            "квартали, какво предстои в декарбонизацията и енергийната политика и на какви "
            "пречки са се натъкнали в законовите рамки и в работата със заинтересованите "
            "страни. Изводите ще бъдат събрани в PED cookbook."
        ),
        "summary_en": (
            "In the municipality's co-working space, one of the city's places for innovation, "
            "the cities told how far they have come with positive energy blocks and districts, "
            "what comes next in decarbonisation and energy policy, and which obstacles they met "
            "in legal frameworks and in working with stakeholders. The conclusions will be "
            "collected in the PED cookbook."
        ),
    },
    {
        "order": 5,
        "date": DAY_2,
        "kind": SessionKind.PRESENTATION,
        "led_by": ["scalable-cities"],
        "title_bg": "Scalable Cities: обмяна на опит с други проекти",
        "title_en": "Scalable Cities: sharing experience with other projects",
        "summary_bg": (
            "Мрежата на 120 европейски града от 18 проекта по „Хоризонт 2020“ представи как "
            "градовете от +CityxChange могат да се включат в обмяната на опит с партньори от "
            "сродни проекти."
        ),
        "summary_en": (
            "The network of 120 European cities in 18 Horizon 2020 projects presented how the "
            "+CityxChange cities can join the exchange of experience with partners of related "
            "projects."
        ),
    },
    {
        "order": 6,
        "date": DAY_2,
        "kind": SessionKind.PANEL,
        "led_by": [],
        "title_bg": "Панел: технологии и подходи за позитивно енергийни сгради и квартали",
        "title_en": (
            "Panel: technologies and approaches for positive energy buildings and districts"
        ),
        "summary_bg": (
            "Смолян представи концепцията си за втори позитивно енергиен квартал, одобрена за "
            "финансиране от EUCF. Писек показа училище, превърнато в позитивно енергийна "
            "сграда, и мерките за адаптация към климата около него. Асеновград, Свиленград и "
            "Крушари разказаха за своите проекти за електричество и топлина от възобновяеми "
            "източници по „Партньорство за адаптация към климатичните промени“."
        ),
        "summary_en": (
            "Smolyan presented its concept for a second positive energy district, approved for "
            "EUCF funding. Písek showed a school turned into a positive energy building and "
            "the climate-adaptation works around it. Asenovgrad, Svilengrad and Krushari spoke "
            "about their projects for renewable electricity and heat under the Partnership for "
            "Adaptation to Climate Change."
        ),
        "speakers_bg": (
            "Представители на Община Смолян\nПредставители на Писек\n"
            "Представители на Община Асеновград\nПредставители на Община Свиленград\n"
            "Представители на Община Крушари\nПредставители на „Плеядес България“ ООД"
        ),
        "speakers_en": (
            "Representatives of the Municipality of Smolyan\nRepresentatives of Písek\n"
            "Representatives of the Municipality of Asenovgrad\n"
            "Representatives of the Municipality of Svilengrad\n"
            "Representatives of the Municipality of Krushari\n"
            "Representatives of Pleiades Bulgaria Ltd"
        ),
    },
]

# `drawing` names the function in smolyan_portal.demo.drawing that draws the visit's image.
SITE_VISITS = [
    {
        "order": 1,
        "date": DAY_1,
        "drawing": "energy_block",
        "title_bg": "Позитивно енергийният блок: градският плувен басейн и спортната зала",
        "title_en": "The positive energy block: the city swimming pool and the sports hall",
        "place_bg": "Градски плувен басейн и спортна зала, Смолян",
        "place_en": "City swimming pool and sports hall, Smolyan",
        "description_bg": (
            "Партньорите разгледаха сградите от позитивно енергийния блок на Смолян, "
            "енергийните решения в тях днес и плановете на общината за бъдещето им."
        ),
        "description_en": (
            "The partners toured the buildings of Smolyan's positive energy block and saw the "
            "energy solutions in use today and the municipality's plans for them."
        ),
        "latitude": "41.577400",
        "longitude": "24.701100",
        "image_alt_bg": (
            "Илюстрация: ниска сграда на басейн със стъклена фасада и спортна зала със заоблен "
            "покрив, и двете със слънчеви панели"
        ),
        "image_alt_en": (
            "Illustration: a low pool building with a glass front and a sports hall with a "
            "rounded roof, both covered with solar panels"
        ),
    },
    {
        "order": 2,
        "date": DAY_1,
        "drawing": "mountain_village",
        "title_bg": "Широка лъка и музеят-галерия „Владимир Рилски“",
        "title_en": "Shiroka Laka and the museum-gallery “Vladimir Rilski”",
        "place_bg": "с. Широка лъка, община Смолян",
        "place_en": "Shiroka Laka village, municipality of Smolyan",
        "description_bg": (
            "Гостите се запознаха с родопското село и с новооткрития музей-галерия "
            "„Владимир Рилски“."
        ),
        "description_en": (
            "The guests saw the Rhodope village and the newly opened museum-gallery "
            "“Vladimir Rilski”."
        ),
        "latitude": "41.683300",
        "longitude": "24.583300",
        "image_alt_bg": (
            "Илюстрация: родопско село с бели къщи с тъмни дървени горни етажи по склона и "
            "каменен мост над поток"
        ),
        "image_alt_en": (
            "Illustration: a Rhodope village of white houses with dark timber upper floors on a "
            "slope, and a stone bridge over a stream"
        ),
    },
    {
        "order": 3,
        "date": DAY_2,
        "drawing": "green_workshop",
        "title_bg": "„Арексим“: зелени практики в работата на предприятието",
        "title_en": "Arexim: green practices at work",
        "place_bg": "„Арексим“, Смолян",
        "place_en": "Arexim, Smolyan",
        "description_bg": (
            "Партньорите видяха какви зелени и устойчиви практики е въвела в работата си "
            "смолянската компания. Посещението последва панела на втория ден; докладът от "
            "срещата не посочва точна дата, затова тук е отбелязано към 7 юни."
        ),
        "description_en": (
            "The partners saw the green and sustainable practices that the Smolyan company has "
            "brought into its work. The visit followed the second day's panel; the meeting "
            "report gives no exact date, so it is listed here under 7 June."
        ),
        "latitude": "41.577400",
        "longitude": "24.701100",
        "image_alt_bg": (
            "Илюстрация: производствена сграда с назъбен покрив от слънчеви панели, "
            "заобиколена от дървета"
        ),
        "image_alt_en": (
            "Illustration: a workshop building with a saw-tooth roof of solar panels, "
            "surrounded by trees"
        ),
    },
]
