"""The news article of 21 June 2023 about the meeting, with its gallery."""

import datetime
import zoneinfo

PUBLISHED_AT = datetime.datetime(2023, 6, 21, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Sofia"))

ARTICLE = {
    "slug_bg": "partnyorite-po-cityxchange-se-sabraha-v-smolyan",
    "slug_en": "cityxchange-partners-meet-in-smolyan",
    "title_bg": "Партньорите по +CityxChange се събраха в Смолян за двудневна работна среща",
    "title_en": "Smolyan hosts its +CityxChange partners for a two-day working meeting",
    "summary_bg": (
        "На 6 и 7 юни 2023 г. Смолян бе домакин на партньори от +CityxChange: градове от "
        "цяла Европа обсъдиха позитивно енергийните квартали, финансирането им и как да предадат "
        "опита си на бъдещи проекти."
    ),
    "summary_en": (
        "On 6 and 7 June 2023 Smolyan hosted partners of +CityxChange: cities from across "
        "Europe discussed positive energy districts, how to finance them and how to pass their "
        "experience on to future projects."
    ),
    "body_bg": (
        "<p>В началото на юни Община Смолян посрещна партньорите си по проекта "
        "+CityxChange, финансиран от програмата „Хоризонт 2020“. В проекта участват 32 "
        "партньори: водещите градове Трондхайм (Норвегия) и Лимерик (Ирландия) и петте града "
        "последователи Алба Юлия (Румъния), Писек (Чехия), Сестао (Испания), Смолян и Въру "
        "(Естония), който е и побратимен град на Смолян.</p>"
        "<p>Двудневната среща бе част от обучителните сесии, с които градовете последователи се "
        "подготвят за заключителното събитие в Трондхайм. Присъстваха представители на "
        "градовете последователи, на координатора NTNU, на Института ISOCARP и на OV Group от "
        "Италия.</p>"
        "<h2>Гражданите, финансирането и поуките</h2>"
        "<p>Заместник-кметът Марин Захариев откри срещата. Екипът на Смолян показа как "
        "общината говори с жителите – и най-вече с децата и младите хора – за енергийна "
        "ефективност, декарбонизация и климат. Следваха разговор за финансовите бизнес "
        "модели, създадени с OV Group, и семинар на ISOCARP за представянето на градовете в "
        "Трондхайм. В Sky Hub Smolyan градовете обсъдиха успехите и трудностите по пътя към "
        "позитивно енергийни квартали; изводите ще влязат в PED cookbook.</p>"
        "<h2>Посещения и втори ден</h2>"
        "<p>Гостите разгледаха плувния басейн и спортната зала от позитивно енергийния блок, "
        "село Широка лъка и музея-галерия „Владимир Рилски“. На втория ден Scalable Cities "
        "представи възможности за обмяна на опит с други проекти, а в панела се включиха "
        "общините Асеновград, Свиленград и Крушари и „Плеядес България“ ООД. Смолян показа "
        "концепцията си за втори позитивно енергиен квартал, одобрена за подкрепа от EUCF. "
        "Срещата завърши с посещение в „Арексим“.</p>"
    ),
    "body_en": (
        "<p>In early June the Municipality of Smolyan welcomed its partners in +CityxChange, a "
        "project funded by the Horizon 2020 programme. The project has 32 partners: the lighthouse "
        "cities of Trondheim (Norway) and Limerick (Ireland) and five follower cities – Alba "
        "Iulia (Romania), Písek (Czechia), Sestao (Spain), Smolyan and Võru (Estonia), "
        "which is also Smolyan's twin town.</p>"
        "<p>The two-day meeting was one of the training sessions with which the follower "
        "cities prepare for the final event in Trondheim. Representatives of the follower "
        "cities, of the coordinator NTNU, of the ISOCARP Institute and of OV Group from Italy "
        "attended.</p>"
        "<h2>Citizens, finance and lessons learned</h2>"
        "<p>Deputy Mayor Marin Zahariev opened the meeting. The Smolyan team showed how the "
        "municipality talks with residents – above all with children and young people – about "
        "energy efficiency, decarbonisation and the climate. A discussion of the financial "
        "business models built with OV Group followed, then an ISOCARP seminar on how the "
        "cities will present their work in Trondheim. At Sky Hub Smolyan the cities weighed "
        "successes and difficulties on the way to positive energy districts; the conclusions "
        "will go into the PED cookbook.</p>"
        "<h2>Visits and the second day</h2>"
        "<p>The guests toured the swimming pool and sports hall of the positive energy block, "
        "the village of Shiroka Laka and the museum-gallery “Vladimir Rilski”. On the second "
        "day Scalable Cities presented ways to share experience with other projects, and the "
        "municipalities of Asenovgrad, Svilengrad and Krushari and Pleiades Bulgaria Ltd took "
        "part in the panel. Smolyan presented its concept for a second positive energy "
        "district, approved for EUCF support. The meeting closed with a visit to Arexim.</p>"
    ),
    # The municipality published this article first, on its own site; the seed gives no
    # address for it, so none is given here.
    "source_publisher_bg": "Община Смолян",
    "source_publisher_en": "Municipality of Smolyan",
    "source_date": PUBLISHED_AT.date(),
    # No cover: like most municipal news it has no photograph, and the pages show the
    # project's mark instead. Its gallery has the drawings of the places.
}

# `drawing` names the function in smolyan_portal.demo.drawing that draws the image.
GALLERY = [
    {
        "order": 1,
        "drawing": "mountain_town",
        "caption_bg": "Смолян – домакин на срещата",
        "caption_en": "Smolyan, the host of the meeting",
        "image_alt_bg": (
            "Илюстрация: планински град с червени покриви в зелена долина под слънцето"
        ),
        "image_alt_en": (
            "Illustration: a mountain town with red roofs in a green valley under the sun"
        ),
    },
    {
        "order": 2,
        "drawing": "energy_block",
        "caption_bg": "Сградите от позитивно енергийния блок",
        "caption_en": "The buildings of the positive energy block",
        "image_alt_bg": (
            "Илюстрация: сграда на басейн и спортна зала със слънчеви панели на покривите"
        ),
        "image_alt_en": (
            "Illustration: a pool building and a sports hall with solar panels on the roofs"
        ),
    },
]
