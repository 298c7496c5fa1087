"""Fictional content for the Broadsheet demo site.

Everything in this module was written for the Broadsheet project: the city of Brennock, the
River Sallow, the Westreach region, their people, institutions, clubs and news outlets are all
invented, and any resemblance to real persons or organisations is coincidental. URLs use the
reserved ``example.org``/``example.com``/``example.net`` domains.

The module is pure data. The demo builder turns it into sections, authors and article pages:

* ``days_ago`` is the publication time in days before "now"; negative values are articles
  scheduled for future publication.
* ``body`` is a sequence of ``(block_type, value)`` pairs. ``paragraph`` values are small HTML
  fragments (``<p>``, ``<b>``, ``<i>``, ``<a>``, ``<ul>``/``<ol>``/``<li>``); ``image`` blocks
  carry only a caption, the builder generates the picture; ``related`` names the slug of an
  article published earlier.
* ``ARTICLES`` is ordered from the oldest publication to the newest, so that every ``related``
  target appears before the articles that link to it.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class DemoSection:
    slug: str
    title: str
    intro: str  # one sentence shown on the section page


@dataclass(frozen=True)
class DemoAuthor:
    slug: str
    name: str
    role: str  # e.g. "City hall reporter"
    bio: str  # 1–2 sentences


@dataclass(frozen=True)
class DemoSource:
    outlet: str
    headline: str
    url: str  # https://….example.org/...


@dataclass(frozen=True)
class DemoCorrection:
    hours_after: float  # hours after publication the correction was added
    text: str


@dataclass(frozen=True)
class DemoArticle:
    slug: str
    section: str  # a DemoSection slug
    headline: str
    standfirst: str
    authors: tuple[str, ...]  # DemoAuthor slugs, in byline order (1–3)
    tags: tuple[str, ...]  # 1–4 short lowercase-ish tag names, e.g. "harbour", "city council"
    days_ago: float  # publication time, days before now; NEGATIVE = scheduled in the future
    hero_caption: str
    body: tuple[tuple[str, object], ...]
    source: DemoSource | None = None
    corrections: tuple[DemoCorrection, ...] = field(default=())


SECTIONS: tuple[DemoSection, ...] = (
    DemoSection(
        slug="city",
        title="City",
        intro=(
            "News from the streets, neighbourhoods and riverbanks of Brennock "
            "and the Sallow valley."
        ),
    ),
    DemoSection(
        slug="politics",
        title="Politics",
        intro=(
            "The city council, the Westreach Regional Assembly and the "
            "decisions that shape life in Brennock."
        ),
    ),
    DemoSection(
        slug="business",
        title="Business",
        intro=(
            "The harbour, the high street and the people who make a living in Brennock and beyond."
        ),
    ),
    DemoSection(
        slug="culture",
        title="Culture",
        intro=("Theatre, music, books, archives and the arts across Brennock and Westreach."),
    ),
    DemoSection(
        slug="sport",
        title="Sport",
        intro=(
            "Brennock Town, rowing on the Sallow, running and grassroots sport "
            "from across the region."
        ),
    ),
)

AUTHORS: tuple[DemoAuthor, ...] = (
    DemoAuthor(
        slug="amara-okafor",
        name="Amara Okafor",
        role="City hall reporter",
        bio=(
            "Amara covers Brennock City Council, the Westreach Regional "
            "Assembly and everything in between. She grew up in Northfield and "
            "joined the newsroom from a community radio station."
        ),
    ),
    DemoAuthor(
        slug="tomasz-wierzbicki",
        name="Tomasz Wierzbicki",
        role="Business and harbour correspondent",
        bio=(
            "Tomasz has reported on the port, the property market and the "
            "valley's employers for more than a decade. Before journalism he "
            "spent four years as a purser on the Skerran Isles ferry."
        ),
    ),
    DemoAuthor(
        slug="priya-raman",
        name="Priya Raman",
        role="Environment and transport reporter",
        bio=(
            "Priya writes about the River Sallow, the weather, buses, trains "
            "and roads. She studied geography at the University of Brennock "
            "and has a long-standing grudge against the Ring Road."
        ),
    ),
    DemoAuthor(
        slug="eilidh-macrae",
        name="Eilidh MacRae",
        role="Arts and culture editor",
        bio=(
            "Eilidh reviews theatre, music and exhibitions across Westreach "
            "and edits the weekend culture pages. She is a lapsed cellist and "
            "a regular at the Ferryman's Arms song session."
        ),
    ),
    DemoAuthor(
        slug="rafael-mendonca",
        name="Rafael Mendonça",
        role="Sports reporter",
        bio=(
            "Rafael has followed Brennock Town home and away for nine seasons "
            "and also covers rowing, running and the women's game. He still "
            "plays five-a-side every week, badly."
        ),
    ),
    DemoAuthor(
        slug="yusuf-demir",
        name="Yusuf Demir",
        role="News editor and data reporter",
        bio=(
            "Yusuf runs the news desk and leads the newsroom's data "
            "journalism, from council spending to river gauges. He previously "
            "worked for a regional news agency in the north of Westreach."
        ),
    ),
)

ARTICLES: tuple[DemoArticle, ...] = (
    DemoArticle(
        slug="sextant-jazz-club-reopens",
        section="culture",
        headline="The Sextant, Brennock's oldest jazz club, reopens under new owners",
        standfirst=(
            "The basement club on Harbour Road, closed for eighteen months, is "
            "back with a weekly jam session, a refurbished bar and a promise "
            "to keep ticket prices low."
        ),
        authors=("eilidh-macrae",),
        tags=("music", "high street"),
        days_ago=60.0,
        hero_caption=(
            "The stage at the Sextant, where the club's original mural has been restored."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>The Sextant, the basement jazz club on Harbour Road that has "
                    "hosted musicians since 1962, has reopened after eighteen months "
                    "in darkness. Its new owners, the saxophonist Delphine Okoro-Hart "
                    "and her partner, the sound engineer Luka Petrović, took on the "
                    "lease after the previous operator went into administration, and "
                    "have spent the past year refurbishing the bar, rewiring the stage "
                    "and restoring the mural of ships and musicians that covers the "
                    "back wall.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The opening night sold out, with a queue stretching up the "
                    "steps and along the pavement an hour before the doors opened. The "
                    "house band played until well after midnight, and at one point a "
                    "retired docker in his eighties was coaxed onto the stage to sing "
                    "a song he said he had first performed in the same room in 1967. "
                    "He got the loudest cheer of the night.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The club was opened by a former ship's radio operator who "
                    "named it after the navigation instrument he had carried through "
                    "twenty years at sea, and it quickly became the place where "
                    "dockers, students and visiting sailors rubbed shoulders. "
                    "Generations of Brennock musicians played their first paid gigs in "
                    "the low, smoke-stained room, and touring bands on their way to "
                    "the Skerran Isles ferry would often drop in for a late set.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Everybody in this city over a certain age has a story about the "
                        "Sextant. We didn't really buy a business. We bought a room full "
                        "of memories, and our job is to help people make some new ones."
                    ),
                    "attribution": "Delphine Okoro-Hart, co-owner of the Sextant",
                },
            ),
            (
                "paragraph",
                (
                    "<p>The new owners say they want the Sextant to feel like a club "
                    "for the whole city rather than a museum of its own past, and have "
                    "kept ticket prices deliberately low. The club will open five "
                    "nights a week, from Wednesday to Sunday, with a programme that "
                    "includes:</p><ul><li>a free jam session every Wednesday, open to "
                    "musicians of all levels;</li><li>a Thursday night series for "
                    "students from the university's music department;</li><li>touring "
                    "and local bands at weekends, with most tickets under "
                    "£15;</li><li>a monthly Sunday afternoon session for older "
                    "audiences and families.</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The reopening is a boost for Harbour Road, where several shops "
                    "and bars have closed in recent years. The street's traders' "
                    "association said evening footfall had already picked up, and "
                    "hoped the club would encourage other businesses to take on the "
                    "empty units nearby. Listings are on the <a "
                    'href="https://thesextant.example.org/whats-on">club\'s '
                    "website</a>.</p>"
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="brennock-half-riverside-route",
        section="sport",
        headline=("Brennock Half moves to a riverside route: here are the road closures"),
        standfirst=(
            "The city's half marathon will follow the River Sallow for the "
            "first time and finish on the harbour front, with roads across the "
            "Old Town closed for most of the morning."
        ),
        authors=("rafael-mendonca", "priya-raman"),
        tags=("running", "roadworks", "river sallow"),
        days_ago=58.8,
        hero_caption="Runners pass the Guildhall during last year's Brennock Half.",
        body=(
            (
                "paragraph",
                (
                    "<p>The Brennock Half Marathon will follow a new route along the "
                    "banks of the River Sallow this year, finishing on the harbour "
                    "front rather than in Northfield Park. Organisers say the course, "
                    "which crosses the river twice, on the Old Ferry Bridge and the "
                    "Sallow Viaduct, is flatter and faster than the old one and will "
                    "give runners the best views in the city. Around 7,500 runners are "
                    "expected, a record for the event.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The change means that roads in the Old Town and along the "
                    "river will be closed for longer than in previous years, and some "
                    "bus routes will be suspended for the morning. Residents along the "
                    "route have been sent letters, and the council has set up a "
                    "helpline for anyone with urgent travel needs on race day, "
                    "including carers and people with hospital appointments.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The race will still start in Northfield Park, but instead of "
                    "looping through Hollins Hill, runners will drop down to the river "
                    "at Marrowby and follow the towpath into the city, crossing the "
                    "Sallow on the viaduct before returning over the Old Ferry Bridge "
                    "and running the length of Wharf Road to the harbour. The old "
                    "route's long climb up Hollins Hill, which many runners dreaded, "
                    "has gone.</p>"
                ),
            ),
            (
                "fact_box",
                {
                    "title": "Road closures on race day",
                    "body": (
                        "<ul><li><b>5am to 2pm:</b> Harbour Road and the quayside between "
                        "the customs house and the harbour steps.</li><li><b>7am to "
                        "12pm:</b> Guildhall Square, Market Street and Ferry "
                        "Street.</li><li><b>8am to 11.30am:</b> the Old Ferry Bridge and "
                        "Wharf Road.</li><li><b>8.30am to 11am:</b> the Sallow Viaduct, "
                        "eastbound only.</li><li>Bus routes 4, 7 and 12 will not run until "
                        "12.30pm.</li></ul>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "We've wanted to take the race to the river for years. Running out "
                        "along the water and finishing beside the ships is something "
                        "people will remember, and I hope it brings more people out to "
                        "cheer."
                    ),
                    "attribution": "Dev Chaudhary, race director",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Entries for the race have closed, but organisers are still "
                    "looking for around 300 volunteers to staff water stations and "
                    "marshal points. Volunteers receive a race T-shirt, lunch and a "
                    "free place in next year's event, and can sign up on the <a "
                    'href="https://brennockhalf.example.org/volunteer">race '
                    "website</a>.</p>"
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="sallow-east-by-election-poll",
        section="politics",
        headline="Poll puts Valley Greens narrowly ahead in Sallow East by-election",
        standfirst=(
            "A survey of voters in the Westreach Regional Assembly seat "
            "suggests the Greens could take it from Civic Union for the first "
            "time, with housing and transport the top concerns."
        ),
        authors=("amara-okafor",),
        tags=("elections", "westreach assembly", "housing"),
        days_ago=55.0,
        hero_caption=(
            "Campaign posters on a fence in Marrowby, part of the Sallow East constituency."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>The Valley Greens are narrowly ahead in the race for the "
                    "Sallow East seat on the Westreach Regional Assembly, according to "
                    "a poll published ahead of next month's by-election. The survey of "
                    "800 voters put the Greens' candidate, Joanna Fenwick, on 34%, "
                    "with Civic Union's Adrian Molesworth on 31% and the Harbour "
                    "Independents' Shona Baird on 19%. Other candidates shared the "
                    "remainder.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The by-election was called after the sitting member, who had "
                    "held the seat for Civic Union for sixteen years, stood down in "
                    "the autumn to lead a housing charity. Civic Union won the seat by "
                    "more than 4,000 votes at the last regional election, and has "
                    "never lost it since the assembly was created.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The poll also asked voters which issues mattered most in "
                    "deciding how to vote. Housing came out clearly on top, reflecting "
                    "rising rents across the valley and the length of the waiting list "
                    "in Brennock itself, followed by public transport. The top four "
                    "answers were:</p><ol><li>the cost and availability of housing "
                    "(41%);</li><li>public transport, including the valley rail line "
                    "(23%);</li><li>the cost of living (18%);</li><li>health services "
                    "(11%).</li></ol>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Polls a month out from a by-election are a snapshot, not a "
                        "forecast. Turnout is likely to be low, and a three-point lead is "
                        "well within the margin of error."
                    ),
                    "attribution": (
                        "Dr Halima Greaves, senior lecturer in politics, University of Brennock"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>The poll was carried out by Fieldline Research over five days "
                    "and has a margin of error of around 3.5 percentage points. Civic "
                    "Union said the only poll that mattered was the one on election "
                    "day, while the Greens said the result showed voters in the valley "
                    "felt “taken for granted”. Nominations close at the end of this "
                    "week.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Ms Fenwick, a district nurse from Ardley Bridge, has built her "
                    "campaign around the unreliable valley rail service and a pledge "
                    "to press the assembly for more social housing in the villages. Mr "
                    "Molesworth, a former headteacher, has promised to fight for a new "
                    "health centre in Marrowby, while Ms Baird, who runs a haulage "
                    "firm in Tanner's Slip, says the assembly spends too much of its "
                    "budget on its own offices and too little on roads.</p>"
                ),
            ),
        ),
        source=DemoSource(
            outlet="Lantern Wire",
            headline=("Greens edge ahead in Sallow East assembly by-election poll"),
            url=("https://lanternwire.example.net/politics/sallow-east-by-election-poll"),
        ),
    ),
    DemoArticle(
        slug="herons-women-reach-westreach-cup-final",
        section="sport",
        headline="Brennock Town Women reach Westreach Cup final on penalties",
        standfirst=(
            "Goalkeeper Freya Lindholm saved twice in the shoot-out as "
            "Brennock Town Women beat Kirkholm to reach their first county cup "
            "final in eleven years."
        ),
        authors=("rafael-mendonca",),
        tags=("brennock town fc", "women's football"),
        days_ago=52.3,
        hero_caption=("Brennock Town Women celebrate after the decisive penalty at Kirkholm."),
        body=(
            (
                "paragraph",
                (
                    "<p>Brennock Town Women are through to the final of the Westreach "
                    "Cup for the first time in eleven years after beating Kirkholm 4-2 "
                    "on penalties following a 1-1 draw in their semi-final. Goalkeeper "
                    "Freya Lindholm saved Kirkholm's second and fourth spot-kicks "
                    "before captain Niamh Cordell stepped up to score the winning "
                    "penalty in front of around 800 travelling supporters.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Kirkholm, who play a division higher, took the lead shortly "
                    "before half-time through Jess Aldous, who lobbed Lindholm from 25 "
                    "yards. The Herons equalised with twenty minutes remaining when "
                    "substitute Chiara Bellini turned in Leah Morrow's cross at the "
                    "far post. Both sides had chances to win it in normal time, and "
                    "Kirkholm hit the post in the final minute.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We came here as underdogs and nobody gave us a chance. The girls "
                        "ran until they couldn't run any more. To do it in front of our "
                        "supporters, with that many people making the trip, is something "
                        "I'll never forget."
                    ),
                    "attribution": "Niamh Cordell, Brennock Town Women captain",
                },
            ),
            (
                "paragraph",
                (
                    "<p>Brennock will face the holders, Redwater United Women, in the "
                    "final, which will be played at the Riverside Ground, giving the "
                    "Herons home advantage. The club said tickets would go on sale to "
                    "season-ticket holders first, with any remaining released to the "
                    "public a week later.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The result caps a remarkable season for a side that was "
                    "fighting relegation from its own league this time last year. "
                    "Manager Sofia Brannigan, appointed in the summer, has rebuilt the "
                    "squad around players from the club's own academy, and five of the "
                    "starting eleven at Kirkholm were aged 21 or under. Lindholm, who "
                    "is 19, only became first-choice goalkeeper in the autumn after an "
                    "injury to the club's long-serving keeper.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Brannigan said she hoped the final would draw the biggest "
                    "crowd the women's team had ever played in front of at the "
                    "Riverside Ground. The club's previous best attendance for a "
                    "women's match was just over 1,900, for a league game three "
                    "seasons ago, and it is hoping to at least double that.</p>"
                ),
            ),
        ),
        source=DemoSource(
            outlet="Meridian Sports Wire",
            headline=("Lindholm the hero as Brennock edge Kirkholm in Westreach Cup semi-final"),
            url=("https://meridiansports.example.com/football/westreach-cup-kirkholm-brennock"),
        ),
    ),
    DemoArticle(
        slug="school-repairs-fund",
        section="city",
        headline="£3m fund to fix leaking roofs and broken boilers in city schools",
        standfirst=(
            "Brennock City Council will spend £3m on urgent repairs at 23 "
            "schools after a survey found failing roofs, unreliable heating "
            "and unsafe windows in the city's older buildings."
        ),
        authors=("yusuf-demir",),
        tags=("schools", "budget 2026"),
        days_ago=48.9,
        hero_caption=("Buckets catch water from a leaking roof at Marrowby Primary School."),
        body=(
            (
                "paragraph",
                (
                    "<p>Twenty-three schools in Brennock will share £3m for urgent "
                    "repairs after a council survey found that more than a third of "
                    "the city's school buildings needed significant work to their "
                    "roofs, heating systems or windows. The money, announced as part "
                    "of the council's draft budget, will be spent over the next "
                    "eighteen months, with the worst-affected buildings dealt with "
                    "first.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The survey, carried out by independent building inspectors "
                    "over the autumn, rated each school's condition from A to D. Nine "
                    "schools had at least one building rated D, meaning it was at "
                    "serious risk of failure. Most of them are Victorian or Edwardian "
                    "buildings in the older parts of the city, including Marrowby "
                    "Primary, where classrooms have been closed on wet days because of "
                    "leaks, and St Columba's in Lower Quay.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We've had children working in their coats because the boiler "
                        "broke, and a classroom we can't use whenever it rains. The staff "
                        "have been brilliant, but nobody should have to teach like that."
                    ),
                    "attribution": ("Hester Nkemelu, headteacher, Marrowby Primary School"),
                },
            ),
            (
                "paragraph",
                (
                    "<p>The inspectors' report sets out the work needed at each site, "
                    "and the council has grouped the most urgent jobs into four kinds "
                    "of repair. The largest single share of the money will go on "
                    "heating, after three schools had to close for a day or more last "
                    "winter when their boilers failed. The fund will pay "
                    "for:</p><ul><li>roof replacements at six schools;</li><li>new "
                    "boilers or heating systems at eight schools;</li><li>window "
                    "replacements at five schools;</li><li>fire safety and electrical "
                    "work at the remaining four.</li></ul><p>The council says the full "
                    "list of schools, and the work planned at each, will be published "
                    "once contracts have been agreed. Work will be done during the "
                    "school holidays wherever possible so that lessons are not "
                    "disrupted, and parents will be written to before any work starts "
                    "at their child's school.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The Westreach Teachers' Association said the fund was welcome "
                    "but would barely scratch the surface, estimating the total repair "
                    "backlog in the city's schools at more than £40m. It called on the "
                    "Westreach Regional Assembly to set up a dedicated fund for school "
                    "buildings across the region.</p>"
                ),
            ),
        ),
        source=DemoSource(
            outlet="Westreach News Service",
            headline=("Brennock to spend £3m on school repairs after condition survey"),
            url=("https://wns.example.org/education/brennock-school-repairs-fund"),
        ),
    ),
    DemoArticle(
        slug="housing-waiting-list-9000",
        section="politics",
        headline="Brennock housing waiting list passes 9,000 for the first time",
        standfirst=(
            "The number of households waiting for social housing in the city "
            "has risen by a quarter in three years, and families in temporary "
            "accommodation are staying there longer than ever."
        ),
        authors=("amara-okafor", "yusuf-demir"),
        tags=("housing", "city council"),
        days_ago=45.5,
        hero_caption=(
            "New council homes under construction in Northfield, one of only "
            "two schemes under way in the city."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>More than 9,000 households are now on Brennock City Council's "
                    "housing waiting list, the highest number since the current system "
                    "was introduced, according to figures presented to the council's "
                    "housing scrutiny committee. The list has grown by 26% in three "
                    "years, while the number of council and housing association homes "
                    "becoming available each year has fallen, because fewer tenants "
                    "are moving on.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The figures show that 412 households, including more than 600 "
                    "children, are living in temporary accommodation such as bed and "
                    "breakfasts, hostels and short-term flats. The average stay in "
                    "temporary accommodation has risen from 19 weeks to 31 weeks over "
                    "the same period, and the council spent £7.4m on temporary housing "
                    "last year, almost double what it spent three years earlier.</p>"
                ),
            ),
            (
                "fact_box",
                {
                    "title": "Housing in Brennock: the figures",
                    "body": (
                        "<ul><li><b>9,146</b> households on the waiting "
                        "list.</li><li><b>412</b> households in temporary "
                        "accommodation.</li><li><b>31 weeks:</b> the average stay in "
                        "temporary housing.</li><li><b>1,020</b> social homes let in the "
                        "past year, down from 1,350 three years ago.</li><li><b>£7.4m:</b> "
                        "spent on temporary accommodation last year.</li></ul>"
                    ),
                },
            ),
            ("subheading", "Why the list is growing"),
            (
                "paragraph",
                (
                    "<p>Officers told the committee that there was no single cause. "
                    "Instead, they said, several pressures had been pushing the "
                    "numbers up at the same time, and most of them were outside the "
                    "council's direct control, although the slow pace of new building "
                    "was not. The main factors were:</p><ul><li>private rents in the "
                    "city have risen by around 30% in three years, according to the "
                    "council's own survey;</li><li>a growing number of landlords are "
                    "selling up or switching to short-term holiday lets around the "
                    "harbour;</li><li>fewer social tenants are moving on, because "
                    "there is nowhere affordable for them to move to;</li><li>rising "
                    "building costs have delayed two council housing schemes.</li></ul>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Behind every one of these numbers is a family who can't plan, "
                        "can't put down roots and, in many cases, is raising children in a "
                        "single room. We are building, but we are not building fast enough."
                    ),
                    "attribution": ("Councillor Reuben Ashdown, cabinet member for housing"),
                },
            ),
            (
                "paragraph",
                (
                    "<p>The council says it has 460 new council homes planned or under "
                    "construction, including 140 in Northfield due for completion next "
                    "year. Opposition councillors on the committee asked for a report "
                    "on how many homes could be built on land the council already "
                    "owns, including surface car parks in the city centre. Councillor "
                    "Priyanka Solanki of the Valley Greens said the council had been "
                    "“far too slow to use what is already in its own hands.”</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The committee will receive a full review of the council's "
                    "housing allocation policy in the spring, including how priority "
                    "is given to key workers and to families living in overcrowded "
                    "homes. Residents can read the committee papers on the <a "
                    'href="https://council.example.org/committees/housing-scrutiny">council\'s '
                    "website</a>.</p>"
                ),
            ),
        ),
        corrections=(
            DemoCorrection(
                hours_after=4.0,
                text=(
                    "An earlier version of this article said 600 households were "
                    "living in temporary accommodation. The correct figure is 412 "
                    "households, which include more than 600 children."
                ),
            ),
            DemoCorrection(
                hours_after=26.0,
                text=(
                    "An earlier version of this article described Councillor Priyanka "
                    "Solanki as a member of the Harbour Independents. She represents "
                    "the Valley Greens."
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="research-ship-marram-arrives",
        section="city",
        headline="University's new research ship arrives in Brennock Harbour",
        standfirst=(
            "The RV Marram, a 38-metre vessel built to study the Sallow "
            "estuary and the coastal waters beyond, will be based at the "
            "harbour's west quay."
        ),
        authors=("priya-raman",),
        tags=("university", "harbour", "science"),
        days_ago=40.0,
        hero_caption=(
            "The RV Marram enters Brennock Harbour past the lighthouse on the south mole."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>The University of Brennock's new research vessel, the RV "
                    "Marram, sailed into Brennock Harbour for the first time "
                    "yesterday, greeted by a flotilla of small boats and a crowd of "
                    "several hundred people on the south mole. The 38-metre ship, "
                    "built at a yard on the northern coast over the past two years, "
                    "replaces the university's previous research boat, which had been "
                    "in service for more than four decades.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The £14m vessel can carry up to twelve scientists on voyages "
                    "of up to two weeks and is fitted with laboratories, a seabed "
                    "sampling system and an underwater drone. It will be used by "
                    "researchers studying the Sallow estuary, including the movement "
                    "of sediment and pollutants down the river, as well as seabirds, "
                    "fisheries and the effect of the offshore wind farms on marine "
                    "life.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "Students and staff watch from the west quay as the RV Marram "
                        "comes alongside."
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "The Sallow is one of the least studied estuaries on this coast, "
                        "which is remarkable when you think how many people live along it. "
                        "This ship lets us ask questions we simply couldn't answer before."
                    ),
                    "attribution": (
                        "Professor Lindiwe Mabaso, director of the Brennock Institute for "
                        "Coastal Science"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>The ship's name was chosen in a vote among local "
                    "schoolchildren and comes from the marram grass that holds "
                    "together the dunes north of the harbour mouth. It will be berthed "
                    "at the west quay, next to a new shore laboratory, and will be "
                    "open to the public for tours during the Harbour Festival in the "
                    "summer.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The university said the Marram's first voyage, next month, "
                    "would survey the estuary's shifting sandbanks, which have caused "
                    "problems for larger ships entering the port in recent years. The "
                    "data will be shared with the harbour master's office and "
                    "published on the <a "
                    'href="https://coastal.example.org/marram">institute\'s '
                    "website</a>. Later voyages will take students from the "
                    "university's marine biology course out to sea for week-long field "
                    "trips, something the old boat was too small to do. The Marram has "
                    "a permanent crew of eight, five of whom were recruited in "
                    "Brennock, and the university says it will offer two cadet places "
                    "a year to students from the city's further education college.</p>"
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="estuary-line-holm-fast-ferry",
        section="business",
        headline=("Ferry operator adds a fast route from Brennock to the island of Holm"),
        standfirst=(
            "Estuary Line will run a seasonal fast-ferry service between "
            "Brennock and the outer Skerran island of Holm from the spring, "
            "cutting the journey by almost two hours."
        ),
        authors=("tomasz-wierzbicki",),
        tags=("harbour", "transport", "tourism"),
        days_ago=37.7,
        hero_caption=("The Estuary Line ferry leaves the inner basin for the Skerran Isles."),
        body=(
            (
                "paragraph",
                (
                    "<p>Estuary Line, which runs the year-round ferry between Brennock "
                    "and the Skerran Isles, is to launch a second, seasonal route to "
                    "the outer island of Holm, the company has announced. The fast "
                    "ferry will sail daily from spring until early autumn and take "
                    "around 90 minutes, compared with more than three hours for the "
                    "current journey, which calls at Skerra, the main island, before "
                    "passengers change to a smaller boat for Holm.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The company has chartered a 40-metre catamaran for the "
                    "service, which will carry up to 280 passengers and their bicycles "
                    "but no cars. Fares will start at £24 for a single adult journey. "
                    "Islanders on Holm, where about 600 people live, will be eligible "
                    "for a residents' discount of 40%, and children under five will "
                    "travel free.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Holm has been an afterthought in the timetable for too long. A "
                        "direct boat means day trips become possible, and it means "
                        "islanders can get to a hospital appointment in Brennock and be "
                        "home for tea."
                    ),
                    "attribution": "Catriona Muir, managing director, Estuary Line",
                },
            ),
            (
                "paragraph",
                (
                    "<p>The Holm Community Council welcomed the service but warned "
                    "that the island's single road and small harbour could struggle "
                    "with large numbers of visitors in the peak summer months. Estuary "
                    "Line said it would cap numbers on each sailing and draw up a "
                    "visitor plan with islanders. The ferry will sail from the outer "
                    "berth at Brennock Harbour, where Sallow Port Holdings is building "
                    "a new passenger waiting room.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The existing service to Skerra will continue unchanged, "
                    "carrying cars, freight and passengers twice a day throughout the "
                    "year. Estuary Line said it had chosen a seasonal route to Holm "
                    "because visitor numbers in winter would not cover the cost of "
                    "running a second vessel, but that it would consider extending the "
                    "timetable if the first summer was a success. Bookings will open "
                    "next month, and the company says it expects the busiest sailings "
                    "in July and August to sell out quickly. Tickets will be available "
                    "through the <a "
                    'href="https://estuaryline.example.org/holm">company\'s '
                    "website</a>.</p>"
                ),
            ),
        ),
        source=DemoSource(
            outlet="Coastline Press Agency",
            headline=("Fast ferry to link Brennock and Holm directly for the first time"),
            url=("https://coastlinepress.example.org/transport/estuary-line-holm-fast-ferry"),
        ),
    ),
    DemoArticle(
        slug="harbour-regatta-returns",
        section="sport",
        headline="Harbour Regatta to return to the inner basin after six years",
        standfirst=(
            "Rowing races will be held in Brennock's inner harbour during this "
            "summer's festival for the first time in six years, after the port "
            "agreed to close the basin to shipping for a morning."
        ),
        authors=("rafael-mendonca",),
        tags=("harbour", "rowing", "harbour festival"),
        days_ago=33.0,
        hero_caption=("Crews from Tanner's Slip Boat Club training on the river below Marrowby."),
        body=(
            (
                "paragraph",
                (
                    "<p>The Brennock Harbour Regatta will return to the inner basin "
                    "this summer for the first time in six years, after Sallow Port "
                    "Holdings agreed to close the basin to commercial traffic for a "
                    "morning during the Harbour Festival. The regatta, first held in "
                    "1878, had been moved upriver to a stretch below Marrowby when the "
                    "port began using the inner basin for ferry services, and has "
                    "struggled to attract spectators there.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Organisers at Brennock Amateur Rowing Club expect more than 40 "
                    "crews from across Westreach, with junior, masters and adaptive "
                    "events alongside the senior races. The course will run 500 metres "
                    "from the old customs house to the harbour steps, giving "
                    "spectators on the quayside a view of almost the whole race, and "
                    "the finish will be right in front of the festival's food "
                    "stalls.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Rowing in Brennock began in this harbour. The dockers raced each "
                        "other here long before there were any clubs. Bringing the regatta "
                        "back to the basin feels like bringing it home."
                    ),
                    "attribution": (
                        "Hollie Grainger, regatta secretary, Brennock Amateur Rowing Club"
                    ),
                },
            ),
            (
                "fact_box",
                {
                    "title": "The regatta at a glance",
                    "body": (
                        "<ul><li><b>First held:</b> 1878.</li><li><b>Course:</b> 500 "
                        "metres, from the customs house to the harbour "
                        "steps.</li><li><b>Events:</b> junior, senior, masters and "
                        "adaptive sculling and sweep rowing.</li><li><b>Entries:</b> open "
                        "until six weeks before the festival, through <a "
                        'href="https://barc.example.org/regatta">the club\'s '
                        "website</a>.</li></ul>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Captain Ruth Ellingham, the harbour master, said the basin "
                    "would be closed from 7am to 1pm, with the Skerran Isles ferry "
                    "temporarily moved to the outer berth. Safety boats will be crewed "
                    "by the harbour's own launch teams and by volunteers from Tanner's "
                    "Slip Boat Club, which is also lending boats to novice crews from "
                    "local schools.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The club hopes the move will help recruit new members, "
                    "particularly young people from Lower Quay and Tanner's Slip, "
                    "where rowing was once as much a part of dock life as football. It "
                    "is running free taster sessions on the river every weekend until "
                    "the festival, and says it has already had more enquiries this "
                    "month than in the whole of last year.</p>"
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="westreach-jobless-rate-falls",
        section="business",
        headline="Westreach unemployment falls to its lowest level in a decade",
        standfirst=(
            "The region's jobless rate dropped to 4.3% in the latest quarter, "
            "but Lower Quay and the upper Sallow valley still lag well behind "
            "the rest, new figures show."
        ),
        authors=("tomasz-wierzbicki",),
        tags=("jobs", "economy"),
        days_ago=30.1,
        hero_caption="Job seekers at a recruitment fair in the Brennock Corn Exchange.",
        body=(
            (
                "paragraph",
                (
                    "<p>Unemployment in Westreach has fallen to 4.3%, its lowest level "
                    "for ten years, according to quarterly figures from the Regional "
                    "Statistics Office. The rate was down from 4.7% in the previous "
                    "quarter and 5.2% a year ago, with the biggest rises in employment "
                    "in construction, logistics, and health and social care.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The figures reveal wide differences within the region. "
                    "Brennock as a whole has an unemployment rate of 4.8%, but in the "
                    "Lower Quay ward it is 9.1%, almost twice the city average. The "
                    "upper Sallow valley, where many former mining communities have "
                    "struggled to attract new employers, also remains well above the "
                    "regional rate.</p>"
                ),
            ),
            (
                "fact_box",
                {
                    "title": "Unemployment rates, latest quarter",
                    "body": (
                        "<ul><li><b>Westreach region:</b> 4.3%</li><li><b>Brennock "
                        "city:</b> 4.8%</li><li><b>Lower Quay ward:</b> "
                        "9.1%</li><li><b>Upper Sallow valley:</b> 6.2%</li><li><b>Hollins "
                        "Hill ward:</b> 2.1%</li></ul>"
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "A regional average can hide a great deal. The jobs being created "
                        "are real, but they are clustered around the harbour, the "
                        "university and the hospital, and not everyone has an easy route "
                        "into them."
                    ),
                    "attribution": ("Dr Femi Adebayo, labour economist, University of Brennock"),
                },
            ),
            (
                "paragraph",
                (
                    "<p>The Westreach Chamber of Commerce said firms were still "
                    "struggling to fill skilled vacancies, particularly for engineers, "
                    "electricians and heavy goods vehicle drivers. Its quarterly "
                    "survey found that three in five members had tried to recruit in "
                    "the past three months, and that more than half of those had found "
                    "it difficult.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Unemployment among 16 to 24-year-olds in the region also fell, "
                    "to 10.8%, but remains more than twice the overall rate. The "
                    "Westreach Regional Assembly said it would extend its youth "
                    "employment scheme, which pays wages for six-month placements with "
                    "local employers, for another two years. About 1,400 young people "
                    "have taken part since it began, and the assembly says three in "
                    "four were still in work a year later.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Economists cautioned that a single quarter's figures should be "
                    "treated with care. The regional survey is based on a sample of "
                    "around 6,000 households, and the margin of error for individual "
                    "wards such as Lower Quay is considerably wider than for the "
                    "region as a whole.</p>"
                ),
            ),
        ),
        source=DemoSource(
            outlet="Lantern Wire",
            headline=("Regional jobless rate falls to 4.3% as construction and care hiring rises"),
            url=("https://lanternwire.example.net/economy/westreach-unemployment-quarterly"),
        ),
    ),
    DemoArticle(
        slug="bus-fare-cap-pilot",
        section="politics",
        headline="£1.50 bus fare cap to be trialled across Brennock",
        standfirst=(
            "Single bus fares anywhere within the city will be capped at £1.50 "
            "for six months under a pilot the council hopes will tempt "
            "passengers back onto buses."
        ),
        authors=("amara-okafor",),
        tags=("transport", "city council", "budget 2026"),
        days_ago=27.4,
        hero_caption="A number 7 bus on Ferry Street in the Old Town.",
        body=(
            (
                "paragraph",
                (
                    "<p>Single bus fares on every route within Brennock's boundaries "
                    "will be capped at £1.50 for six months from next month, under a "
                    "pilot agreed by the council's cabinet. At the moment a single "
                    "journey from Northfield to the city centre costs £2.80, and a "
                    "trip across the city from Marrowby to Eastwick can cost as much "
                    "as £3.40. The cap will apply to adult fares on services run by "
                    "both of the city's main bus operators.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The scheme will cost about £1.05m over six months, paid for "
                    "from a council transport fund and a grant from the Westreach "
                    "Regional Assembly. The council will pay the operators the "
                    "difference between the capped fare and the normal fare for each "
                    "journey. Officers expect passenger numbers to rise by between 10% "
                    "and 15%, based on the results of similar schemes in other "
                    "cities.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Buses are how most people in this city who don't drive get to "
                        "work, to the doctor and to school. If we want people out of their "
                        "cars, the bus has to be the cheap, easy option, and for too long "
                        "it hasn't been."
                    ),
                    "attribution": (
                        "Councillor Sunita Bhatt, cabinet member for environment and transport"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>The Harbour Independents welcomed the cap but said it did not "
                    "go far enough, pointing out that many of the people who most need "
                    "cheaper travel live in the valley villages outside the city "
                    "boundary, where fares can reach £6 for a single journey into "
                    "Brennock. They want the council to:</p><ul><li>extend the cap to "
                    "the valley routes serving Ardley Bridge and the upper "
                    "Sallow;</li><li>restore the evening services on routes 9 and 14 "
                    "that were withdrawn last year;</li><li>publish monthly passenger "
                    "figures so that the pilot can be judged fairly.</li></ul>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>A decision on whether to keep the cap beyond six months will "
                    "be taken when councillors set the budget. The cabinet said it "
                    "would publish passenger figures for the pilot every quarter, and "
                    "that operators had agreed not to cut any routes while it was "
                    "running.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Operators say buses in Brennock are carrying around 85% of the "
                    "passengers they did five years ago, with the sharpest falls on "
                    "evening and weekend services. The city's largest operator said it "
                    "supported the pilot and would add extra buses on the busiest "
                    "routes, including the 7 between Northfield and Eastwick, if "
                    "demand grew as quickly as the council expects.</p>"
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="sallow-port-holdings-results",
        section="business",
        headline="Sallow Port Holdings profits rise on wind turbine traffic",
        standfirst=(
            "The company that runs Brennock Harbour reported a 14% rise in "
            "operating profit, driven by offshore wind work, and said it would "
            "invest £35m in a new quay."
        ),
        authors=("tomasz-wierzbicki",),
        tags=("harbour", "jobs", "company results"),
        days_ago=25.0,
        hero_caption="Cranes on the heavy-lift quay at Brennock Harbour's east dock.",
        body=(
            (
                "paragraph",
                (
                    "<p>Sallow Port Holdings, which owns and operates Brennock "
                    "Harbour, has reported a 14% rise in annual operating profit to "
                    "£22.6m, helped by record volumes of offshore wind turbine "
                    "components passing through its east dock. Revenue rose 9% to "
                    "£118m. The company, which is privately owned by a consortium of "
                    "infrastructure investors, publishes its results once a year.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Wind work now accounts for almost 40% of revenue, up from a "
                    "quarter three years ago. Timber and container volumes were "
                    "broadly flat, while income from cruise calls rose by a fifth. The "
                    "company said it would spend £35m over the next three years on a "
                    "new quay capable of assembling floating wind turbines, a "
                    "technology expected to become more important as projects move "
                    "into deeper water further offshore.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Floating wind is the biggest opportunity this harbour has had "
                        "since coal. If we get the quay built in time, we can be the place "
                        "where these turbines are put together, not just the place they "
                        "pass through."
                    ),
                    "attribution": ("Marcus Threlfall, chief executive, Sallow Port Holdings"),
                },
            ),
            (
                "paragraph",
                (
                    "<p>The company said it expected to create around 150 jobs once "
                    "the new quay is operating, on top of the 640 people it employs "
                    "today. Unions at the port welcomed the investment but said they "
                    "would press for the new roles to be offered as direct jobs rather "
                    "than through contractors, and for a share to be ringfenced for "
                    "apprentices from the city.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The results also show that the company paid £9.5m in dividends "
                    "to its owners, up from £7m the year before, and reduced its "
                    "borrowing by £12m. The harbour's critics on the city council have "
                    "long argued that more of the port's profits should be reinvested "
                    "locally, and the Harbour Independents said the figures showed "
                    "there was room for the company to contribute towards repairs to "
                    "the Wharf Road barriers, which protect roads that its lorries use "
                    "every day.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Mr Threlfall said the company already paid for dredging the "
                    "estuary channel and maintaining the harbour walls, and that the "
                    "new quay would be one of the largest private investments in the "
                    "city for a generation. A planning application for the quay is "
                    "expected to be submitted to the council before the summer.</p>"
                ),
            ),
        ),
        source=DemoSource(
            outlet="Harbourline Business Wire",
            headline=("Sallow Port Holdings lifts profit as offshore wind volumes hit record"),
            url=("https://harbourline.example.com/ports/sallow-port-holdings-annual-results"),
        ),
    ),
    DemoArticle(
        slug="sallow-valley-sound-archive",
        section="culture",
        headline=("The voices in the basement: the race to save the Sallow Valley sound archive"),
        standfirst=(
            "Thousands of tapes recorded by a folklorist over four decades are "
            "slowly decaying beneath the University of Brennock's library. A "
            "small team is trying to copy them before they fall silent."
        ),
        authors=("eilidh-macrae",),
        tags=("university", "archives", "long read", "music"),
        days_ago=21.5,
        hero_caption=(
            "Reel-to-reel tapes from the Calloway collection waiting to be "
            "digitised in the university library."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>In a windowless room two floors beneath the University of "
                    "Brennock's main library, a woman who died forty years ago is "
                    "singing. Her voice is thin and a little sharp, and behind it you "
                    "can hear a kettle, a clock and, once, a dog barking outside. The "
                    "song is about a ferryman who drowned in the Sallow. Nobody in the "
                    "room had heard it until last week, when the tape it was recorded "
                    "on was played for the first time in more than half a "
                    "century.</p><p>The recording is one of roughly 4,300 tapes in the "
                    "Sallow Valley Sound Archive, the life's work of the folklorist Dr "
                    "Iris Calloway, who travelled the valley with a portable recorder "
                    "from 1958 until shortly before her death in 1996. She recorded "
                    "songs, stories, prayers, recipes, children's games, arguments in "
                    "pubs and the sound of the last steam trains on the valley line. "
                    "When she died, the tapes came to the university in more than 200 "
                    "cardboard boxes, and for most of the past three decades they have "
                    "sat on metal shelves, roughly catalogued and rarely "
                    "played.</p><p>Calloway was a schoolteacher in Ardley Bridge "
                    "before she was a folklorist, and she never entirely stopped being "
                    "one. She bought her first recorder with two years' savings, "
                    "carried it from village to village on the back of a motor "
                    "scooter, and wrote up every session in pencil in a series of "
                    "school exercise books. Her doctoral thesis, on the work songs of "
                    "the valley's barge crews, was finished when she was fifty-one. "
                    "Former pupils remember her playing recordings in class and asking "
                    "them to go home and find out whether their grandparents knew the "
                    "words.</p>"
                ),
            ),
            ("subheading", "A collection against the clock"),
            (
                "paragraph",
                (
                    "<p>The problem is chemistry. Magnetic tape is a layer of iron "
                    "oxide held onto a plastic base by a binder, and all three age. "
                    "Some of the earliest tapes in the collection are on acetate, "
                    "which gives off a smell of vinegar as it breaks down and "
                    "eventually becomes brittle. Many of the later tapes suffer from "
                    "what archivists call sticky-shed syndrome, in which the binder "
                    "absorbs moisture and begins to gum up the heads of any machine it "
                    "is played on. A tape that cannot be played cannot be "
                    "copied.</p><p>Dr Colm Feeney, who came to Brennock from a "
                    "national broadcasting archive three years ago, leads a team of "
                    "two full-time technicians and a rota of around fifteen "
                    "volunteers. With a £480,000 grant from the Westreach Heritage "
                    "Fund, they aim to digitise the whole collection within four "
                    "years. So far they have completed about 1,100 tapes. The work is "
                    "slow because each tape must be inspected, cleaned and, where "
                    "necessary, treated before anyone dares to press play.</p><p>Each "
                    "tape follows the same route through the studio, a converted "
                    "storeroom that still has the university's old boiler pipes "
                    "running across its ceiling. The process has been refined over the "
                    "first year of the project, largely by trial and error, and Dr "
                    "Feeney says the team has not lost a single tape since the second "
                    "month. Every tape goes through five stages:</p><ol><li>the box is "
                    "opened, photographed and checked for mould and for the tell-tale "
                    "smell of decaying acetate;</li><li>Calloway's handwritten notes, "
                    "often tucked inside the box, are scanned;</li><li>tapes showing "
                    "signs of sticky-shed are gently baked at a low temperature for up "
                    "to two days, which makes them playable for a short "
                    "time;</li><li>the tape is played once, on a restored machine, and "
                    "recorded at high resolution;</li><li>a volunteer listens to the "
                    "whole recording and writes a summary, noting names, places and "
                    "songs.</li></ol><p>Only after all that is the original returned "
                    "to cold storage. It is the fifth step that has turned the project "
                    "into something more than a technical exercise. The volunteers are "
                    "mostly retired, several of them born in the valley, and they "
                    "often recognise the voices on the tapes: a grandmother, a former "
                    "teacher, a publican whose pub closed in the 1980s. Margaret "
                    "Ellery, a volunteer from Marrowby, found her own father telling a "
                    "story about a flood on the river in 1947. “I'd heard him tell it "
                    "a hundred times,” she said. “But not since I was "
                    "twelve.”</p><p>There have been other surprises. One box, labelled "
                    "only “Ferry, last day”, turned out to contain a recording of the "
                    "final crossing of the old chain ferry at Tanner's Slip, made the "
                    "week before the Sallow Viaduct opened, complete with a speech by "
                    "the ferryman and a brass band that loses its way halfway through "
                    "the national anthem. Another holds forty minutes of a children's "
                    "skipping game from a Northfield playground, with rhymes that the "
                    "volunteers say are still being chanted, almost word for word, at "
                    "the same school today.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "Technician Beatriz Sousa threads a reel onto a restored tape "
                        "machine in the digitisation studio."
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "Every archive has a to-do list. Ours has a deadline. Some of "
                        "these tapes might have ten good years left in them; some might "
                        "have one. We simply don't know until we open the box."
                    ),
                    "attribution": ("Dr Colm Feeney, sound archivist, University of Brennock"),
                },
            ),
            ("subheading", "Who owns a voice?"),
            (
                "paragraph",
                (
                    "<p>The project has also raised awkward questions. Calloway was a "
                    "meticulous collector but a less careful keeper of permissions; "
                    "many recordings were made informally, in kitchens and pubs, with "
                    "no written consent. Some include personal stories, medical "
                    "details or unflattering gossip about neighbours whose "
                    "grandchildren still live in the valley. The university has "
                    "decided that, for now, only recordings of songs and formal "
                    "performances will be published online, while interviews will be "
                    "available to researchers in the library's reading "
                    "room.</p><p>“These are not our voices,” says Professor Adaeze "
                    "Nwankwo, the university's vice-chancellor. “They belong to the "
                    "families and to the valley. Our job is to keep them safe and make "
                    "them findable, and then to listen carefully when people tell us "
                    "how they want them used.”</p><p>That approach has its critics. "
                    "Rob Tennant, a folk singer who runs a monthly song session at the "
                    "Ferryman's Arms in Tanner's Slip, says the songs were always "
                    "meant to be sung, not locked away. He has been learning pieces "
                    "from the first batch of recordings released online and teaching "
                    "them to the session's regulars. “Half of these songs were dying "
                    "out when she recorded them,” he says. “If we leave them in a "
                    "database, they'll die out properly.”</p><p>The university plans a "
                    "series of listening evenings at venues across the valley next "
                    "spring, at which families will be invited to hear recordings and "
                    "add their own notes to the catalogue. The first will be held in "
                    "the upper room of the Ferryman's Arms, where Calloway made some "
                    "of her earliest recordings in the winter of 1958 and where, "
                    "according to her notebook, the landlord charged her for the beer "
                    "but not for the singing.</p><p>Back in the basement, Dr Feeney "
                    "plays the drowned ferryman's song again. There is a pause near "
                    "the end, where the singer seems to forget a line, and then a "
                    "man's voice, off-microphone, supplies it. Nobody knows who he "
                    "was. “That's the thing about this collection,” Dr Feeney says. "
                    "“Every time you think you've finished with a tape, somebody turns "
                    "up who knows something you don't.”</p>"
                ),
            ),
            (
                "fact_box",
                {
                    "title": "The Calloway collection",
                    "body": (
                        "<ul><li><b>4,300:</b> tapes, recorded between 1958 and "
                        "1995.</li><li><b>About 3,100 hours</b> of audio, including an "
                        "estimated 2,400 songs.</li><li><b>1,100:</b> tapes digitised so "
                        "far.</li><li><b>15:</b> regular volunteer "
                        "listeners.</li><li>Published recordings can be heard on the <a "
                        'href="https://archive.example.org/calloway">university archive\'s '
                        "website</a>.</li></ul>"
                    ),
                },
            ),
        ),
    ),
    DemoArticle(
        slug="gasworks-student-flats-approved",
        section="politics",
        headline=("Student flats on the old Eastwick gasworks approved despite objections"),
        standfirst=(
            "Councillors have approved 620 student bedrooms on the former "
            "gasworks site after the University of Brennock promised a new "
            "footbridge and a share of rooms at lower rents."
        ),
        authors=("amara-okafor",),
        tags=("university", "housing", "city council"),
        days_ago=18.2,
        hero_caption=(
            "The former gasworks site in Eastwick, empty since the gasholders were demolished."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>Plans for 620 student bedrooms on the former Eastwick gasworks "
                    "have been approved by Brennock City Council's planning committee, "
                    "despite more than 300 objections from residents who said the "
                    "development was too tall and would put pressure on local doctors' "
                    "surgeries and parking. The scheme, by the developer Halvard "
                    "Living in partnership with the University of Brennock, will "
                    "include three blocks of between six and eleven storeys on a site "
                    "that has been empty since the gasholders came down.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The committee voted seven to four in favour after a three-hour "
                    "debate. Supporters said purpose-built accommodation would free up "
                    "hundreds of family homes in Eastwick and Northfield that are "
                    "currently let to students as shared houses. The university "
                    "expects its student numbers to grow by around 1,500 over the next "
                    "five years, and says the city does not have enough beds for "
                    "them.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Every student living on that site is one fewer family house "
                        "turned into a six-bedroom let. That is how we take pressure off "
                        "the rest of the city's housing market."
                    ),
                    "attribution": ("Councillor Tobias Grieve, chair of the planning committee"),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Objectors, led by the Eastwick Residents' Association, argued "
                    "that an eleven-storey block would tower over the Victorian "
                    "terraces on Gasworks Lane. Ama Boateng, the association's "
                    "secretary, told the committee that residents were “not against "
                    "students, but against being treated as an afterthought.” The "
                    "association says it is taking advice on whether the decision can "
                    "be challenged.</p>"
                ),
            ),
            (
                "fact_box",
                {
                    "title": "What has been approved",
                    "body": (
                        "<ul><li>620 student bedrooms in three blocks of six, eight and "
                        "eleven storeys.</li><li>124 rooms, one in five, let at rents at "
                        "least 30% below the local market rate.</li><li>A new footbridge "
                        "for pedestrians and cyclists over the railway to the university "
                        "campus.</li><li>A £400,000 contribution towards GP services in "
                        "Eastwick.</li><li>Building work expected to begin later this "
                        "year, with the first students moving in two years later.</li></ul>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Planning officers had recommended approval, concluding that "
                    "the benefits of the scheme outweighed the harm to neighbouring "
                    "homes. A condition attached to the permission requires the "
                    "developer to clean up contamination left by more than a century "
                    "of gas production before any building work begins, and to publish "
                    "the results of its soil tests.</p>"
                ),
            ),
            ("related", "housing-waiting-list-9000"),
        ),
        corrections=(
            DemoCorrection(
                hours_after=6.0,
                text=(
                    "An earlier version of this article said 100 of the bedrooms would "
                    "be let at reduced rents. The correct figure is 124, one in five "
                    "of the total."
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="valley-line-evening-cuts",
        section="city",
        headline=("Valley line trains to run only hourly in the evenings under new timetable"),
        standfirst=(
            "Westreach Rail plans to halve evening and Sunday services between "
            "Brennock and the upper Sallow valley, blaming a shortage of "
            "drivers and lower passenger numbers."
        ),
        authors=("yusuf-demir",),
        tags=("transport", "rail"),
        days_ago=15.3,
        hero_caption=("A Westreach Rail train crosses the Sallow Viaduct on the valley line."),
        body=(
            (
                "paragraph",
                (
                    "<p>Passengers on the Sallow valley line face hourly trains in the "
                    "evenings and on Sundays under a new timetable published by "
                    "Westreach Rail, which will cut the number of services between "
                    "Brennock Central and the upper valley by almost a third. The "
                    "operator says it does not have enough drivers to run the current "
                    "timetable reliably, and that cancellations on the line have "
                    "averaged more than 9% over the past six months.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The changes, due to take effect at the spring timetable "
                    "change, will reduce the service between Brennock and Ardley "
                    "Bridge from two trains an hour to one after 7pm and throughout "
                    "Sundays. Weekday daytime services are largely unaffected. "
                    "Westreach Rail said evening passenger numbers on the line were "
                    "still a fifth lower than five years ago, and that it would rather "
                    "run a reduced timetable reliably than a full one with frequent "
                    "cancellations.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Hourly trains in the evening mean the valley is cut off from the "
                        "city after work. Students can't get to evening classes, nurses "
                        "can't get home after a late shift, and people will simply go back "
                        "to their cars."
                    ),
                    "attribution": ("Ruth Pemberton, chair of the Sallow Valley Rail Users' Group"),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Brennock City Council, which contributes towards some of the "
                    "line's running costs, said it was “deeply disappointed” and had "
                    "asked the operator to meet councillors before the timetable is "
                    "finalised. A public consultation is open until the end of next "
                    "month on the <a "
                    'href="https://westreachrail.example.org/timetable-consultation">operator\'s '
                    "website</a>, and the rail users' group is holding a public "
                    "meeting at Ardley Bridge village hall.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Westreach Rail said it had started a recruitment drive for 40 "
                    "new drivers, but warned that training takes up to eighteen "
                    "months. It said it would review the valley line timetable as soon "
                    "as enough of the new drivers had qualified, and that it hoped to "
                    "restore the half-hourly evening service within two years. In the "
                    "meantime, it has promised to hold the last train from Brennock "
                    "Central until 11.15pm on Friday and Saturday nights, rather than "
                    "bringing it forward as first proposed.</p>"
                ),
            ),
        ),
        source=DemoSource(
            outlet="Westreach News Service",
            headline=("Westreach Rail to reduce evening services on three regional lines"),
            url=("https://wns.example.org/transport/westreach-rail-evening-services"),
        ),
    ),
    DemoArticle(
        slug="herons-late-winner-redwater",
        section="sport",
        headline="Mensah-Clarke's late header ends Herons' losing run",
        standfirst=(
            "Brennock Town came from behind to beat Redwater United 2-1 at the "
            "Riverside Ground, with Kofi Mensah-Clarke heading the winner two "
            "minutes from time."
        ),
        authors=("rafael-mendonca",),
        tags=("brennock town fc", "match report"),
        days_ago=10.4,
        hero_caption=(
            "Kofi Mensah-Clarke celebrates his late winner in front of the "
            "Riverside Ground's north stand."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>Kofi Mensah-Clarke's header two minutes from time gave "
                    "Brennock Town a 2-1 win over Redwater United at a rain-soaked "
                    "Riverside Ground and ended a run of three successive league "
                    "defeats that had begun to test the patience of the home support. "
                    "The striker rose above two defenders to meet Danny Rourke's "
                    "corner at the near post, sending a crowd of just over 6,000 home "
                    "happy, if very wet.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>For an hour it had looked like another frustrating afternoon. "
                    "Redwater, who arrived second in the table, took the lead after 23 "
                    "minutes when Herons goalkeeper Callum Ward could only parry a low "
                    "shot from Marcus Lindgren into the path of Theo Baptiste, who "
                    "tapped in from close range. The visitors were the better side for "
                    "the rest of the half, and Ward made two sharp saves to keep the "
                    "deficit at a single goal.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "Danny Rourke, left, challenges Redwater's Theo Baptiste for the "
                        "ball in the first half."
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Lewis Harrowby made a change at half-time, bringing on Sami "
                    "Haddad on the left wing and switching to a back three, and the "
                    "effect was immediate. Haddad's pace troubled Redwater's "
                    "right-back, and it was his cross, eight minutes after the "
                    "restart, that Ellis Nwosu volleyed in at the far post for the "
                    "equaliser. The Herons pressed for a winner, and Mensah-Clarke had "
                    "already hit the bar before his decisive header.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "I told the lads at half-time that we'd been too polite. Redwater "
                        "are a very good side, but we let them play. In the second half we "
                        "were on the front foot, and the crowd were magnificent. They "
                        "pulled us through."
                    ),
                    "attribution": "Lewis Harrowby, Brennock Town manager",
                },
            ),
            (
                "paragraph",
                (
                    "<p>The win lifts the Herons to ninth, four points off the "
                    "play-off places. Haddad limped off in stoppage time with what the "
                    "club believes is a hamstring injury and will have a scan this "
                    "week. Brennock travel to Ellesby Town in midweek, when Harrowby "
                    "is expected to give a first start of the season to 19-year-old "
                    "midfielder Jordan Cole, who impressed again after coming off the "
                    "bench in the closing stages here.</p>"
                ),
            ),
            (
                "fact_box",
                {
                    "title": "Brennock Town 2 Redwater United 1",
                    "body": (
                        "<ul><li><b>Scorers:</b> Nwosu 53, Mensah-Clarke 88; Baptiste "
                        "23.</li><li><b>Attendance:</b> 6,112.</li><li><b>Brennock "
                        "Town:</b> Ward; Okonjo, Pryce, Hale, Marsh; Rourke, Lund, Nwosu; "
                        "Tait (Haddad 46), Mensah-Clarke, Bright (Cole 79).</li></ul>"
                    ),
                },
            ),
        ),
        corrections=(
            DemoCorrection(
                hours_after=2.0,
                text=(
                    "An earlier version of this report credited the Herons' equaliser "
                    "to Sami Haddad. It was scored by Ellis Nwosu from Haddad's cross."
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="sallow-flood-warning-issued",
        section="city",
        headline=("Flood warning issued for the Sallow as two days of heavy rain are forecast"),
        standfirst=(
            "Residents of Lower Quay and Tanner's Slip are being told to "
            "prepare sandbags and move valuables upstairs, with up to 90mm of "
            "rain expected on the upper valley."
        ),
        authors=("priya-raman",),
        tags=("sallow flood 2026", "river sallow", "weather"),
        days_ago=9.6,
        hero_caption=(
            "The River Sallow running high beneath the Old Ferry Bridge yesterday afternoon."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>The Westreach Rivers Authority has issued a flood warning for "
                    "the lower reaches of the River Sallow, the second-highest level "
                    "in its three-tier system, after forecasters predicted that up to "
                    "90mm of rain could fall on the upper valley over the next 48 "
                    "hours. The warning covers the riverside streets of Lower Quay, "
                    "the boatyards at Tanner's Slip and the low-lying allotments below "
                    "Marrowby, where the river already stood almost a metre above its "
                    "normal winter level last night.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Ground across the valley is saturated after the wettest winter "
                    "so far since records began at the Hollins Hill weather station in "
                    "1921, which means that much of the rain will run straight off the "
                    "hills and into the river rather than soaking away. The authority "
                    "said the greatest risk would come on the second night, when peak "
                    "flows from the upper valley are expected to coincide with a "
                    "spring high tide pushing up the estuary from Brennock Harbour.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "When the river is full and the tide is coming in, the water has "
                        "nowhere to go. We would much rather people prepared for a flood "
                        "that doesn't come than the other way round."
                    ),
                    "attribution": (
                        "Dana Whitcombe, duty flood manager, Westreach Rivers Authority"
                    ),
                },
            ),
            ("subheading", "What residents are being asked to do"),
            (
                "paragraph",
                (
                    "<p>Brennock City Council has opened a sandbag collection point at "
                    "the Lower Quay depot on Chandler Street, which will stay open "
                    "through the night while the warning is in force, and has "
                    "delivered bags to homes on Wharf Road whose owners are elderly or "
                    "disabled. Residents in the warning area are being asked "
                    "to:</p><ul><li>move valuables, documents and medicines to an "
                    "upper floor;</li><li>fit flood boards or sandbags to doors and "
                    "airbricks if they have them;</li><li>park cars on higher ground, "
                    "such as the Guildhall Square car park, which will be free of "
                    "charge while the warning lasts;</li><li>check on elderly or "
                    "vulnerable neighbours, and keep a torch and a charged phone "
                    "within reach.</li></ul>"
                ),
            ),
            (
                "fact_box",
                {
                    "title": "Flood warning levels",
                    "body": (
                        "<ul><li><b>Flood alert:</b> flooding is possible; be "
                        "prepared.</li><li><b>Flood warning:</b> flooding is expected; act "
                        "now.</li><li><b>Severe flood warning:</b> danger to life; follow "
                        "the instructions of the emergency services.</li></ul>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>The Rivers Authority said its temporary barriers along Wharf "
                    "Road would be assembled this morning, a job that takes a crew of "
                    "twelve around six hours. The barriers were last put up four years "
                    "ago, when the river came within 30cm of overtopping them. Updates "
                    "are published every three hours on the <a "
                    'href="https://rivers.example.org/sallow/levels">authority\'s river '
                    "levels page</a>, and the council's flood line will be staffed "
                    "around the clock until the warning is lifted.</p>"
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="sallow-bursts-banks-lower-quay",
        section="city",
        headline="Sallow bursts its banks in Lower Quay as 200 homes are evacuated",
        standfirst=(
            "Firefighters used boats to reach residents on Wharf Road "
            "overnight after the river overtopped temporary barriers, and a "
            "rest centre has opened for families who had to leave."
        ),
        authors=("priya-raman", "yusuf-demir"),
        tags=("sallow flood 2026", "river sallow", "lower quay"),
        days_ago=8.7,
        hero_caption=(
            "Firefighters guide a rescue boat along a flooded Wharf Road in "
            "Lower Quay in the early hours."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>The River Sallow burst its banks in Lower Quay shortly after "
                    "2am, flooding more than a dozen streets and forcing the "
                    "evacuation of around 200 homes as water rose to waist height "
                    "along Wharf Road. Crews from Westreach Fire and Rescue used four "
                    "boats to bring residents out of terraced houses and the flats "
                    "above the old warehouses, some of them still in their "
                    "nightclothes, while police closed the riverside from Chandler "
                    "Street to the Old Ferry Bridge.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The Rivers Authority said the river had reached 5.9 metres at "
                    "the Ferry Bridge gauge, 40cm higher than the temporary barriers "
                    "along Wharf Road were designed to hold. Water began spilling over "
                    "the barriers near the old customs house at about 1.40am and, "
                    "within half an hour, had found its way through the drains and "
                    "into the streets behind. The authority upgraded its alert to a "
                    "severe flood warning, meaning a danger to life, at 2.15am.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "Residents of Wharf Road carry belongings to a waiting bus after "
                        "being brought out of their homes by boat."
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "The water came up through the floorboards before it came under "
                        "the door. By the time we'd got the children dressed it was over "
                        "the bottom step. The firefighters were brilliant: calm, kind and "
                        "very quick."
                    ),
                    "attribution": "Lorna Effiong, Wharf Road resident",
                },
            ),
            (
                "paragraph",
                (
                    "<p>A rest centre has been opened at Brennock Leisure Centre in "
                    "Northfield, where council staff and volunteers from the Sallow "
                    "Valley Community Response Network served hot drinks and breakfast "
                    "to around 140 people this morning. Others are staying with "
                    "friends and family. The council said nobody had been seriously "
                    "hurt, although one man was treated by paramedics for mild "
                    "hypothermia after wading back into his ground-floor flat to "
                    "rescue his cat.</p>"
                ),
            ),
            ("subheading", "Tide and rain combine"),
            (
                "paragraph",
                (
                    "<p>Forecasters had warned that the greatest danger would come "
                    "when peak flows from the upper valley met a spring high tide in "
                    "the estuary, and that is what happened. High tide at Brennock "
                    "Harbour was at 1.52am. The Rivers Authority expects levels to "
                    "fall slowly during the day before rising again with the evening "
                    "tide, and said it could not rule out further flooding tonight if "
                    "rain over the hills does not ease as forecast.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Councillor Sunita Bhatt, the council's cabinet member for "
                    "environment and transport, said the priority was keeping people "
                    "safe. “There will be time for questions about the barriers, and "
                    "we will answer them,” she said. “Right now my message to anyone "
                    "in the warning area is simple: if you are asked to leave, please "
                    "leave, and take your medicines with you.”</p>"
                ),
            ),
            ("related", "sallow-flood-warning-issued"),
        ),
        corrections=(
            DemoCorrection(
                hours_after=3.5,
                text=(
                    "An earlier version of this article said around 300 homes had been "
                    "evacuated. The council has since confirmed that the figure is "
                    "around 200."
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="sallow-peaks-ferry-bridge-closed",
        section="city",
        headline="Sallow peaks at record level and the Old Ferry Bridge is closed",
        standfirst=(
            "The river reached 6.2 metres at the Ferry Bridge gauge, the "
            "highest since measurements began, and engineers have shut the "
            "140-year-old crossing while they check it for damage."
        ),
        authors=("priya-raman", "amara-okafor"),
        tags=("sallow flood 2026", "river sallow", "transport"),
        days_ago=7.8,
        hero_caption=(
            "Engineers inspect the piers of the Old Ferry Bridge from a council workboat."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>The River Sallow peaked at 6.2 metres at the Ferry Bridge "
                    "gauge at 2.30am, the highest level since measurements began in "
                    "1968 and 12cm above the previous record, set during the floods of "
                    "1994. A second night of flooding in Lower Quay was less dramatic "
                    "than the first, the Rivers Authority said, because most residents "
                    "had already left and the fire service had pumps in place, but "
                    "water again reached the ground floors of homes on Wharf Road, "
                    "Cooper's Row and Salt Lane.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Brennock City Council closed the Old Ferry Bridge to all "
                    "traffic, including pedestrians, at 5am after divers reported "
                    "debris, including part of a floating pontoon and at least one "
                    "shipping container, lodged against its central piers. The iron "
                    "bridge, which opened in 1886, carries around 18,000 vehicles a "
                    "day between the Old Town and Eastwick. Engineers say they will "
                    "not be able to assess the piers properly until the water "
                    "drops.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "A shipping container, swept from a yard upstream, lodged against "
                        "the central piers of the Old Ferry Bridge."
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "We are not saying the bridge is unsafe. We are saying we don't "
                        "yet know, and until we do, nobody is going across it."
                    ),
                    "attribution": ("Peter Oyelaran, head of highways, Brennock City Council"),
                },
            ),
            (
                "fact_box",
                {
                    "title": "Getting around while the bridge is closed",
                    "body": (
                        "<ul><li>Traffic between the Old Town and Eastwick is diverted via "
                        "the Ring Road and the Sallow Viaduct, adding 15 to 25 minutes at "
                        "peak times.</li><li>Bus routes 4, 7 and 12 are diverted; the 7 "
                        "will not serve Ferry Street.</li><li>A free shuttle bus runs "
                        "every 20 minutes between Guildhall Square and Eastwick "
                        "Library.</li><li>Westreach Rail is accepting bus tickets between "
                        "Brennock Central and Eastwick stations.</li></ul>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Traffic backed up across the city during the morning rush "
                    "hour, with queues of more than two miles on the Ring Road "
                    "approach to the Sallow Viaduct, the only other road crossing "
                    "within the city. Several schools in Eastwick reported lower "
                    "attendance, and the University of Brennock told staff living on "
                    "the far side of the river to work from home if they could. Some "
                    "parents walked children the long way round via the railway "
                    "footbridge at Eastwick station.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The Rivers Authority expects levels to fall steadily over the "
                    "next two days as the rain eases across the valley. The severe "
                    "flood warning for Lower Quay was downgraded to a flood warning at "
                    "midday. Around 90 people spent a second night at the rest centre "
                    "at Brennock Leisure Centre, and the council said it was arranging "
                    "hotel rooms for families with young children.</p>"
                ),
            ),
            ("related", "sallow-bursts-banks-lower-quay"),
        ),
    ),
    DemoArticle(
        slug="lower-quay-clean-up-begins",
        section="city",
        headline=("Water recedes from Lower Quay as the clean-up, and the questions, begin"),
        standfirst=(
            "Residents returned to mud-filled homes as the flood warning was "
            "lifted, while councillors asked why the Wharf Road barriers were "
            "overtopped for the first time since they were built."
        ),
        authors=("amara-okafor", "priya-raman"),
        tags=("sallow flood 2026", "river sallow", "lower quay", "city council"),
        days_ago=6.4,
        hero_caption=(
            "Neighbours on Cooper's Row pile ruined furniture outside their "
            "homes as the clean-up begins."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>By mid-morning the skips had arrived on Cooper's Row. "
                    "Neighbours who had spent three nights at the rest centre or on "
                    "friends' sofas stood in their doorways in wellington boots, "
                    "looking at carpets, sofas and fridges that had sat in brown river "
                    "water for the best part of two days. The Westreach Rivers "
                    "Authority lifted its flood warning for Lower Quay at 9am, and the "
                    "fire service pumped the last standing water from Salt Lane "
                    "shortly afterwards.</p><p>The council estimates that 214 homes "
                    "and 61 businesses in Lower Quay and Tanner's Slip were flooded, "
                    "most of them on the ground floor only. Its housing team has found "
                    "temporary accommodation for 37 households whose homes cannot be "
                    "lived in, and says it expects that number to rise as loss "
                    "adjusters and surveyors complete their inspections over the "
                    "coming week.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "Salt Lane, where the last standing water was pumped away this morning."
                    ),
                },
            ),
            (
                "quote",
                {
                    "text": (
                        "You think you're ready. We had the boards up, we'd moved "
                        "everything upstairs. But it came up through the floor and it just "
                        "kept coming. The smell is the worst part. Nobody tells you about "
                        "the smell."
                    ),
                    "attribution": "Amrit Sahota, owner of the Salt Lane Deli",
                },
            ),
            (
                "paragraph",
                (
                    "<p>The council has set out a package of immediate support for "
                    "flooded households and businesses, which it says will be paid for "
                    "from reserves while it works out the longer-term cost of the "
                    "flood with the Rivers Authority and the city's insurers. The "
                    "package includes:</p><ol><li>a one-off payment of £500 per "
                    "flooded household, paid within five working days of an "
                    "application;</li><li>a three-month council tax and business rates "
                    "holiday for flooded properties;</li><li>free bulky waste "
                    "collections from Lower Quay and Tanner's Slip until the end of "
                    "the month;</li><li>a drop-in advice centre at St Brigid's Hall on "
                    "Chandler Street, open daily from 9am to "
                    "7pm.</li></ol><p>Applications can be made through the <a "
                    'href="https://council.example.org/flood-support">council\'s flood '
                    "support page</a> or by phone, and staff at St Brigid's Hall can "
                    "help people fill in the forms. The council said the first "
                    "payments had already been made this afternoon, and urged anyone "
                    "who had not yet registered their property as flooded to do so.</p>"
                ),
            ),
            ("subheading", "Why did the barriers fail?"),
            (
                "paragraph",
                (
                    "<p>The temporary barriers on Wharf Road were installed in 2009 "
                    "and are designed to hold back a river level of 5.5 metres at the "
                    "Ferry Bridge gauge. The river reached 6.2 metres, a record. "
                    "Opposition councillors say the Rivers Authority and the council "
                    "were warned two years ago, in a consultant's report, that the "
                    "barriers would need to be raised by at least half a metre to cope "
                    "with the kind of flows now expected on the Sallow.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "That report has been sitting in a drawer. People on Wharf Road "
                        "deserve to know who read it and what they decided to do about it."
                    ),
                    "attribution": ("Councillor Idris Vane, leader of the Harbour Independents"),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Councillor Helena Marsh-Odili, the council leader, said she "
                    "had not seen the report before this week but would not shy away "
                    "from scrutiny, and promised a decision on an independent review "
                    "within days. The Old Ferry Bridge remains closed while engineers "
                    "inspect its piers, and the council said it would give an update "
                    "on the crossing once divers had completed a full survey of the "
                    "riverbed around it.</p>"
                ),
            ),
            ("related", "sallow-peaks-ferry-bridge-closed"),
        ),
    ),
    DemoArticle(
        slug="review-the-lamplighters-daughter",
        section="culture",
        headline="Review: The Lamplighter's Daughter, Corn Exchange Theatre",
        standfirst=(
            "Morwenna Tate's new play about a Victorian lamplighter and the "
            "daughter who secretly takes over his rounds is tender, funny and "
            "only occasionally too pleased with itself."
        ),
        authors=("eilidh-macrae",),
        tags=("theatre", "reviews"),
        days_ago=5.6,
        hero_caption=(
            "Grace Otieno as Nell in The Lamplighter's Daughter at the Corn Exchange Theatre."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>About twenty minutes into Morwenna Tate's new play, Nell, the "
                    "fifteen-year-old daughter of a Brennock lamplighter, climbs her "
                    "father's ladder for the first time. The stage is almost dark. She "
                    "strikes a match, reaches up into the glass, and the whole "
                    "auditorium seems to lean forward with her. When the lamp catches, "
                    "the light spills across a painted street of the Old Town, and "
                    "someone in the row behind me let out a small, involuntary "
                    "gasp.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>It is a simple effect, beautifully done, and it sums up what "
                    "is best about this co-production between the Corn Exchange "
                    "Theatre and the touring company Lodestar. Tate, who grew up in "
                    "Tanner's Slip, has written a story set in the winter of 1889, "
                    "when the lamplighter Tom Varley falls ill and his daughter takes "
                    "over his round in secret, pinning up her hair and wearing his "
                    "coat so that the gas company will not notice. It is a play about "
                    "work, about class and about the city at night.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Grace Otieno is superb as Nell, sharp-tongued and frightened "
                    "in equal measure, and she has a natural gift for the play's "
                    "comedy, especially in a running battle with a pompous gas company "
                    "inspector, played with delicious fussiness by Harold Benning. "
                    "Colin Ashgrove brings quiet dignity to the bedridden father, "
                    "although the script gives him too little to do in the second half "
                    "beyond coughing meaningfully.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Where the play stumbles is in its final twenty minutes, when "
                    "Tate cannot resist tying every thread into a neat bow. A subplot "
                    "about the coming of electric light, signalled heavily from the "
                    "start, arrives with a long speech about progress that feels "
                    "written for the programme notes rather than for the characters. "
                    "The director, Kwame Adjei-Brown, keeps things moving, but the "
                    "ending lacks the lightness of touch of the first act.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "The painted Old Town street designed by Inês Carvalho, lit by "
                        "working gas-effect lamps."
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Those reservations aside, this is a warm, well-made evening, "
                    "and Inês Carvalho's design, a cobbled street that seems to "
                    "stretch far beyond the back wall of the stage, deserves to be "
                    "seen. The Lamplighter's Daughter runs at the Corn Exchange until "
                    "the end of next month before setting off on a regional tour, and "
                    "tickets for the remaining weekend performances are already "
                    "scarce. Four stars.</p>"
                ),
            ),
        ),
        corrections=(
            DemoCorrection(
                hours_after=20.0,
                text=(
                    "An earlier version of this review said the play is set in 1898. "
                    "It is set in 1889."
                ),
            ),
        ),
    ),
    DemoArticle(
        slug="council-orders-flood-review",
        section="politics",
        headline="Council orders independent review of Lower Quay flood defences",
        standfirst=(
            "The inquiry, led by a retired hydrologist, will examine why the "
            "Wharf Road barriers were overtopped and what happened to a "
            "consultant's report warning that they were too low."
        ),
        authors=("amara-okafor",),
        tags=("city council", "river sallow", "lower quay"),
        days_ago=4.3,
        hero_caption=(
            "Councillors at a packed meeting of the full council in the Guildhall chamber."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>Brennock City Council has commissioned an independent review "
                    "of the city's flood defences after the River Sallow overtopped "
                    "temporary barriers in Lower Quay, flooding more than 200 homes. "
                    "The review was agreed unanimously at an emergency meeting of the "
                    "full council in the Guildhall last night, in front of a public "
                    "gallery filled with residents from Wharf Road, Cooper's Row and "
                    "Salt Lane, several of whom held up photographs of their flooded "
                    "living rooms.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The review will be led by Professor Emeritus Marian Holt, a "
                    "retired hydrologist who spent much of her career studying estuary "
                    "flooding and has no previous connection with the council or the "
                    "Westreach Rivers Authority. She will report within four months. "
                    "Her terms of reference, <a "
                    'href="https://council.example.org/flood-review">published on the '
                    "council's website</a>, ask her to examine the design and upkeep "
                    "of the barriers, the timing of warnings, and the handling of a "
                    "consultant's report that recommended raising the defences.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "I want residents to be able to read this report and recognise "
                        "what happened to them. If mistakes were made, by officers, by the "
                        "authority or by politicians, including me, they will be in it."
                    ),
                    "attribution": (
                        "Councillor Helena Marsh-Odili, leader of Brennock City Council"
                    ),
                },
            ),
            ("subheading", "Opposition wanted a wider inquiry"),
            (
                "paragraph",
                (
                    "<p>The Harbour Independents, who represent much of Lower Quay, "
                    "backed the review but failed in an attempt to widen it to cover "
                    "the council's planning decisions on new riverside flats in "
                    "Tanner's Slip. Councillor Idris Vane said it was “impossible to "
                    "talk about flood risk in this city without talking about where we "
                    "have allowed people to build.” The amendment was defeated by 36 "
                    "votes to 31, with three abstentions.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Councillors also agreed to release £1.2m from reserves to pay "
                    "for the immediate flood support package, including the one-off "
                    "payments to flooded households. Officers will bring a report on "
                    "the longer-term costs, including repairs to the Old Ferry Bridge "
                    "and any work on the Wharf Road barriers, to next month's budget "
                    "meeting. Residents who want to give evidence to the review can "
                    "register through the council's website or at the advice centre in "
                    "St Brigid's Hall.</p>"
                ),
            ),
            ("related", "lower-quay-clean-up-begins"),
        ),
    ),
    DemoArticle(
        slug="after-coal-brennock-harbour",
        section="business",
        headline=("After coal: how Brennock's harbour reinvented itself, and who it left behind"),
        standfirst=(
            "Thirty years after the last collier sailed, the port is busier "
            "than ever with turbine blades, timber and cruise passengers. But "
            "the jobs, and the people doing them, have changed almost beyond "
            "recognition."
        ),
        authors=("tomasz-wierzbicki",),
        tags=("harbour", "jobs", "long read"),
        days_ago=3.9,
        hero_caption=(
            "Turbine blades waiting on the east dock at Brennock Harbour, "
            "where coal was once stacked."
        ),
        body=(
            (
                "paragraph",
                (
                    "<p>At six in the morning, before the cranes start, you can still "
                    "hear the gulls over the east dock at Brennock Harbour. For more "
                    "than a century that sound was drowned out by coal: the clatter of "
                    "wagons on the high-level staithes, the roar of chutes emptying "
                    "into the holds of colliers bound for power stations along the "
                    "coast. The last coal ship left Brennock in 1996. Today the same "
                    "quay is lined with wind turbine blades, each longer than a "
                    "football pitch, waiting to be loaded onto specialist vessels for "
                    "the offshore wind farms beyond the Skerran Isles.</p><p>The "
                    "transformation is one of the region's quieter success stories. "
                    "Sallow Port Holdings, which has run the harbour since the old "
                    "harbour commission sold it, handled 4.1 million tonnes of cargo "
                    "last year, more than in any year since the 1970s. It employs 640 "
                    "people directly and says another 2,000 jobs in the Sallow valley "
                    "depend on the port. Yet talk to people who have worked on the "
                    "docks for any length of time and the story they tell is more "
                    "complicated than the headline numbers.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "Coal staithes on the east dock in an undated photograph from the "
                        "harbour archive."
                    ),
                },
            ),
            ("subheading", "A port built on one cargo"),
            (
                "paragraph",
                (
                    "<p>Brennock grew rich on coal. The pits of the upper Sallow "
                    "valley sent their output down the river by barge and, from the "
                    "1850s, by rail to the harbour, where it was loaded onto ships "
                    "bound for the rest of the country and beyond. At its peak, just "
                    "before the First World War, the port exported more than six "
                    "million tonnes a year, and one in four working men in the city "
                    "earned a living on or around the docks. The terraces of Lower "
                    "Quay and Tanner's Slip were built to house them and their "
                    "families.</p><p>The decline was long and uneven. The valley's "
                    "last deep mine closed in 1987, and for almost a decade afterwards "
                    "the port survived on imported coal passing through to the power "
                    "station at Marrowby. When that station switched to gas, the "
                    "colliers stopped coming. Employment at the harbour, which had "
                    "been above 3,000 in the 1960s, fell to fewer than 300. Whole "
                    "streets in Lower Quay lost their main source of work within a few "
                    "years, and many of the pubs, shops and chapels that served them "
                    "closed soon after.</p><p>Frank Hesketh started on the staithes in "
                    "1979, straight from school, as his father and grandfather had "
                    "done. “You could walk out of school on a Friday and be on the "
                    "dock on the Monday,” he says. “By the time I left, they were "
                    "letting men go every month. Nobody thought the port would come "
                    "back.” He spent the next twenty years driving delivery vans, and "
                    "says most of the men he worked with did something similar, or "
                    "nothing at all.</p><p>The revival started with timber. In the "
                    "early 2000s the port's new owners won a contract to handle "
                    "softwood for a chain of builders' merchants, and cleared the old "
                    "coal yards to make room for covered storage. A small container "
                    "terminal followed, then a roll-on, roll-off berth for the ferry "
                    "to the Skerran Isles. The real change came about a decade ago, "
                    "when the harbour was chosen as an assembly and marshalling base "
                    "for the offshore wind farms being built along the Westreach "
                    "coast.</p><p>The east dock, once a wasteland of coal dust and "
                    "rusting rails, was rebuilt with a heavy-lift quay able to take "
                    "the largest installation vessels. Blades, towers and nacelles now "
                    "arrive by sea and road, are stored and checked at Brennock, and "
                    "leave again on ships bound for the turbine sites. Last summer the "
                    "harbour also welcomed 31 cruise ships, bringing around 40,000 "
                    "passengers into the Old Town, most of them for a single day of "
                    "walking tours, cafes and the harbour museum.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "People still think of Brennock as a coal port that lost its coal. "
                        "The truth is that we are busier now than at any point in living "
                        "memory. The difference is that the work is more skilled, more "
                        "technical and much safer than it used to be."
                    ),
                    "attribution": ("Marcus Threlfall, chief executive, Sallow Port Holdings"),
                },
            ),
            (
                "fact_box",
                {
                    "title": "Brennock Harbour in numbers",
                    "body": (
                        "<ul><li><b>1852:</b> the first railway reaches the harbour's coal "
                        "staithes.</li><li><b>6.2 million tonnes:</b> coal exported in the "
                        "peak year, 1913.</li><li><b>1996:</b> the last coal ship leaves "
                        "the east dock.</li><li><b>4.1 million tonnes:</b> cargo handled "
                        "last year, mainly timber, containers and wind turbine "
                        "parts.</li><li><b>640:</b> people employed directly by Sallow "
                        "Port Holdings.</li><li><b>31:</b> cruise ship calls last "
                        "summer.</li></ul>"
                    ),
                },
            ),
            ("subheading", "The people in between"),
            (
                "paragraph",
                (
                    "<p>The new jobs are real, but they are not the old jobs. A crane "
                    "operator on the heavy-lift quay needs months of certified "
                    "training; the technicians who check turbine blades for damage are "
                    "often engineers with degrees. Many of them commute from the new "
                    "estates on the edge of the city, or from further afield. In Lower "
                    "Quay, the neighbourhood built for the dockers, unemployment is "
                    "still nearly twice the city average, according to the council's "
                    "most recent ward profiles.</p><p>Shanice Abbott runs the "
                    "employment programme at the Lower Quay Community Trust, a charity "
                    "based in a former seamen's mission on Chandler Street. Over the "
                    "past five years, she says, the trust has helped about 180 local "
                    "people into jobs at the port, most of them through a partnership "
                    "with the harbour's training centre. It is a number she is proud "
                    "of, and one she thinks should be far larger. “The port is a mile "
                    "away,” she says. “For a lot of young people round here it might "
                    "as well be on the moon.”</p><p>Part of the problem, she argues, "
                    "is that the jobs open to people without qualifications, such as "
                    "security, cleaning and some warehouse work, are increasingly "
                    "provided by contractors on short-term arrangements, while the "
                    "better-paid roles demand certificates that take time and money to "
                    "earn. The port says it pays for its apprentices' training in full "
                    "and has increased its intake from 12 to 30 a year. Its critics "
                    "say apprenticeships alone cannot make up for the thousands of "
                    "jobs that went with the coal.</p><p>Some of the trust's most "
                    "successful placements, Ms Abbott says, have been older workers "
                    "rather than school leavers: former lorry drivers who retrained as "
                    "crane operators, a one-time care worker who now runs safety "
                    "inductions for visiting ship crews. What they had in common was a "
                    "few months of financial breathing space while they trained. "
                    "“People can't live on enthusiasm,” she says. “If you want someone "
                    "to spend six months getting a ticket, you have to help them pay "
                    "the rent while they do it.”</p><p>There are new pressures, too. "
                    "The recent flooding in Lower Quay has raised questions about how "
                    "much more the riverside can take, and the harbour's own quays "
                    "were closed for two days while debris was cleared from the "
                    "channel. The offshore wind programme is expected to shift from "
                    "construction to maintenance within the next decade, which will "
                    "mean fewer, though longer-lasting, jobs. Sallow Port Holdings is "
                    "betting on the next generation of floating turbines, which are "
                    "assembled in port and towed out to sea, to keep the east dock "
                    "busy.</p><p>Captain Ruth Ellingham, the harbour master, has "
                    "watched the change from the control tower above the inner basin "
                    "for eleven years. “Harbours have always had to change with their "
                    "cargo,” she says. “What matters is whether the city changes with "
                    "them, and whether the people who live here get a share of what "
                    "comes next.”</p><p>Back on the east dock, Frank Hesketh, now 63 "
                    "and retired, sometimes walks his dog along the public path that "
                    "runs beside the new heavy-lift quay. He does not recognise much. "
                    "The staithes are gone, the rails have been lifted and the coal "
                    "yards are covered in neat rows of white blades. But he still "
                    "likes to watch the ships come in. “It's a working port,” he says. "
                    "“That's the main thing. For a while I thought we'd lose it "
                    "altogether.”</p>"
                ),
            ),
            ("related", "sallow-port-holdings-results"),
        ),
    ),
    DemoArticle(
        slug="herons-sign-loan-goalkeeper",
        section="sport",
        headline="Herons bring in loan goalkeeper after Ward breaks finger",
        standfirst=(
            "Brennock Town have signed goalkeeper Joel Ambrose on a month's "
            "emergency loan after first-choice keeper Callum Ward was injured "
            "in training."
        ),
        authors=("rafael-mendonca",),
        tags=("brennock town fc", "transfers"),
        days_ago=3.2,
        hero_caption=("Joel Ambrose at the Herons' training ground beside the Riverside Ground."),
        body=(
            (
                "paragraph",
                (
                    "<p>Brennock Town have signed goalkeeper Joel Ambrose on a "
                    "one-month emergency loan from Kelsington Rovers after "
                    "first-choice keeper Callum Ward broke a finger in training. Ward, "
                    "who has kept eight clean sheets this season, is expected to be "
                    "out for at least six weeks. The Herons' only other senior "
                    "goalkeeper, 18-year-old Tyler Osei, has yet to make a first-team "
                    "league appearance.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Ambrose, 27, has played more than 100 league games, mostly in "
                    "the division below, and will go straight into the squad for the "
                    "weekend's home game against Port Aldine. Manager Lewis Harrowby "
                    "said he wanted “experience and a calm voice at the back” while "
                    "Ward recovers. The deal can be extended by a further month if "
                    "both clubs agree.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "It's a great club and I know how big this game is for them. I'm "
                        "just here to keep the ball out of the net and make myself heard."
                    ),
                    "attribution": "Joel Ambrose, Brennock Town goalkeeper",
                },
            ),
            ("related", "herons-late-winner-redwater"),
        ),
    ),
    DemoArticle(
        slug="hallorans-bakery-third-shop",
        section="business",
        headline="Halloran's Bakery opens third shop in former bank on Market Street",
        standfirst=(
            "The family bakery, which began as a Saturday market stall in "
            "Tanner's Slip twelve years ago, is creating 14 jobs at its new "
            "branch in the Old Town."
        ),
        authors=("tomasz-wierzbicki",),
        tags=("high street", "small business"),
        days_ago=2.4,
        hero_caption="Loaves on the counter at Halloran's new Market Street shop.",
        body=(
            (
                "paragraph",
                (
                    "<p>Halloran's Bakery has opened its third shop, in the former "
                    "Westreach Savings Bank building on Market Street, creating 14 "
                    "jobs. The family business was started twelve years ago by Siobhan "
                    "and Kwabena Halloran as a Saturday stall in Tanner's Slip, and "
                    "now has shops in Lower Quay and Northfield as well as a wholesale "
                    "bakery supplying cafes across the city.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The Lower Quay shop, which was flooded last week, reopened "
                    "yesterday after repairs. Kwabena Halloran said the couple had "
                    "considered postponing the new opening but decided the city centre "
                    "“needed some good news”. The bank's original vault has been kept "
                    "and turned into a small seating area, and the first customers "
                    "through the door were the bank's last manager and two of her "
                    "former cashiers.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "Siobhan and Kwabena Halloran in the old bank vault, now a seating area."
                    ),
                },
            ),
            ("related", "sextant-jazz-club-reopens"),
        ),
    ),
    DemoArticle(
        slug="ring-road-night-closures",
        section="city",
        headline=("Ring Road to close overnight for resurfacing while bridge diversion continues"),
        standfirst=(
            "A stretch of the Ring Road between Northfield and the Sallow "
            "Viaduct will shut for four nights next week to repair damage "
            "caused by traffic diverted from the Old Ferry Bridge."
        ),
        authors=("priya-raman",),
        tags=("transport", "roadworks"),
        days_ago=1.1,
        hero_caption="Evening traffic on the Ring Road near the Northfield roundabout.",
        body=(
            (
                "paragraph",
                (
                    "<p>The Ring Road between the Northfield roundabout and the Sallow "
                    "Viaduct junction will close overnight for four nights next week "
                    "so that the council can resurface a section damaged by the heavy "
                    "traffic diverted from the Old Ferry Bridge. The closures will run "
                    "from 8pm to 6am, with a signed diversion through Northfield and "
                    "Hollins Hill adding around ten minutes to journeys.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Peter Oyelaran, the council's head of highways, said the work "
                    "could not wait until the bridge reopens because potholes had "
                    "appeared on both carriageways since the flood. He said the Old "
                    "Ferry Bridge could reopen to pedestrians within a fortnight if "
                    "the final diver survey confirms that its piers are undamaged, but "
                    "no date has yet been set for reopening it to traffic.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "Potholes on the eastbound carriageway of the Ring Road near the "
                        "Sallow Viaduct."
                    ),
                },
            ),
            ("related", "sallow-peaks-ferry-bridge-closed"),
        ),
    ),
    DemoArticle(
        slug="central-library-sunday-opening",
        section="culture",
        headline="Central Library restores Sunday opening after two years",
        standfirst=(
            "Brennock's Central Library will open on Sundays again from this "
            "weekend, paid for by a £90,000 allocation in the council's draft "
            "budget."
        ),
        authors=("eilidh-macrae",),
        tags=("libraries", "city council", "budget 2026"),
        days_ago=0.1,
        hero_caption="The reading room at Brennock Central Library on Guildhall Square.",
        body=(
            (
                "paragraph",
                (
                    "<p>Brennock's Central Library on Guildhall Square will open on "
                    "Sundays again from this weekend, two years after Sunday hours "
                    "were cut to save money. It will open from 11am to 4pm, with the "
                    "children's library, study spaces and public computers all "
                    "available. The council has set aside £90,000 in its draft budget "
                    "to make Sunday opening permanent, subject to a vote when "
                    "councillors set the budget later this week.</p>"
                ),
            ),
            (
                "image",
                {
                    "caption": (
                        "Children choose books in the Central Library's children's section."
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Librarians said Sunday had been the busiest day of the week "
                    "for families and students before the cut, and a petition calling "
                    "for the hours to be restored gathered more than 4,000 signatures "
                    "last year. The library will also host lantern-making workshops "
                    "for the Harbour Festival on Sunday afternoons in the spring.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Sunday is when families can actually come in together. We've missed them."
                    ),
                    "attribution": "Grace Adeyemi-Lowe, children's librarian",
                },
            ),
        ),
    ),
    DemoArticle(
        slug="herons-v-port-aldine-preview",
        section="sport",
        headline="Preview: Herons aim to climb into the top six against Port Aldine",
        standfirst=(
            "Brennock Town host Port Aldine at the Riverside Ground knowing "
            "that a win could lift them into the play-off places for the first "
            "time this season."
        ),
        authors=("rafael-mendonca",),
        tags=("brennock town fc", "match preview"),
        days_ago=-0.02,
        hero_caption="The Riverside Ground, home of Brennock Town since 1923.",
        body=(
            (
                "paragraph",
                (
                    "<p>Brennock Town can move into the play-off places for the first "
                    "time this season if they beat Port Aldine at the Riverside Ground "
                    "this afternoon and results elsewhere go their way. The Herons are "
                    "seventh, a point behind sixth-placed Ellesby Town, who travel to "
                    "league leaders Dunmore Athletic, and the mood around the club is "
                    "noticeably brighter than it was a fortnight ago.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Lewis Harrowby's side have won their last three league games, "
                    "starting with the 2-1 win over Redwater United that ended a run "
                    "of three successive defeats. Striker Kofi Mensah-Clarke has "
                    "scored in each of his last three home games, and the Herons have "
                    "not lost at the Riverside Ground since the opening weeks of the "
                    "season.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>Loan goalkeeper Joel Ambrose is expected to make his debut "
                    "after Callum Ward broke a finger in training. Captain Danny "
                    "Rourke returns from a one-match suspension, while winger Sami "
                    "Haddad remains out with a hamstring injury. Port Aldine, who sit "
                    "14th, have won only once on the road this season but beat the "
                    "Herons 3-0 when the sides met at the start of the campaign.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "Port Aldine embarrassed us at their place, and the lads haven't "
                        "forgotten it. But we don't need revenge, we need three points. If "
                        "we play the way we have for the last fortnight, we'll be fine."
                    ),
                    "attribution": "Lewis Harrowby, Brennock Town manager",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Match facts",
                    "body": (
                        "<ul><li><b>Kick-off:</b> 3pm, Riverside Ground.</li><li><b>Last "
                        "meeting:</b> Port Aldine 3 Brennock Town 0.</li><li><b>Form, last "
                        "five league games:</b> Brennock Town LLWWW; Port Aldine "
                        "LDLWL.</li><li><b>Tickets:</b> from the club shop until 2pm, or "
                        "<a "
                        'href="https://tickets.example.org/brennock-town">online</a>.</li></ul>'
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Supporters travelling from Eastwick are reminded that the Old "
                    "Ferry Bridge remains closed to traffic and should allow extra "
                    "time to get to the ground via the Sallow Viaduct. Extra shuttle "
                    "buses will run from Guildhall Square from 1.30pm, and the club is "
                    "asking fans to arrive early because of the reduced number of "
                    "turnstiles at the north stand while repairs are carried out. "
                    "Gates open at 1.45pm, and the club shop will be selling a limited "
                    "run of retro shirts based on the club's very first kit.</p>"
                ),
            ),
            ("related", "herons-sign-loan-goalkeeper"),
            ("related", "herons-late-winner-redwater"),
        ),
    ),
    DemoArticle(
        slug="budget-night-five-decisions",
        section="politics",
        headline="Budget night: five decisions facing Brennock's councillors",
        standfirst=(
            "Flood repairs, bus fares, libraries, school buildings and a 4.99% "
            "council tax rise are all on the table as the full council meets "
            "to set next year's budget."
        ),
        authors=("amara-okafor", "yusuf-demir"),
        tags=("city council", "budget 2026"),
        days_ago=-1.5,
        hero_caption=("The Guildhall, where councillors will meet to set the city's budget."),
        body=(
            (
                "paragraph",
                (
                    "<p>Brennock City Council will set its budget for the coming year "
                    "at a meeting of the full council in the Guildhall tonight. The "
                    "ruling Civic Union group holds 38 of the 70 seats and is expected "
                    "to get its plans through, but the flooding in Lower Quay has "
                    "changed the shape of the debate, and both opposition groups have "
                    "tabled amendments. These are the five decisions that matter "
                    "most.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<ol><li><b>Council tax.</b> The cabinet proposes a rise of 4.99%, "
                    "the most allowed without a local referendum, adding about £1.60 a "
                    "week to a typical band D bill.</li><li><b>Flood repairs.</b> "
                    "£6.8m is set aside for flood-related costs, including repairs to "
                    "the Old Ferry Bridge and raising the Wharf Road barriers, "
                    "although the final bill will depend on the independent "
                    "review.</li><li><b>The bus fare cap.</b> The £1.50 cap on single "
                    "fares, recently introduced as a six-month pilot, would be "
                    "extended for a full year at a cost of "
                    "£2.1m.</li><li><b>Libraries.</b> Sunday opening at the Central "
                    "Library, restored this month, would become permanent, while two "
                    "branch libraries would share a single "
                    "librarian.</li><li><b>School repairs.</b> The £3m fund for urgent "
                    "repairs to school buildings, announced earlier this year, would "
                    "be topped up by £750,000.</li></ol>"
                ),
            ),
            ("subheading", "Where the arguments will be"),
            (
                "paragraph",
                (
                    "<p>The Harbour Independents want to pay for faster flood works by "
                    "postponing a planned refurbishment of the Guildhall itself, which "
                    "they describe as “new carpets for councillors”. The Valley Greens "
                    "will propose extending the bus fare cap to routes serving the "
                    "wider Sallow valley, paid for by higher parking charges in the "
                    "city centre. Neither amendment is expected to pass, but both will "
                    "be put to a vote.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "This is the hardest budget I have had to bring to this chamber. "
                        "We are asking people to pay more at a time when many of them have "
                        "just lost everything on their ground floor. I'm not going to "
                        "pretend that is easy."
                    ),
                    "attribution": (
                        "Councillor Helena Marsh-Odili, leader of Brennock City Council"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>The meeting starts at 6pm and is open to the public. It will "
                    "also be streamed live on the <a "
                    'href="https://council.example.org/meetings/live">council\'s '
                    "website</a>. We will report the result as soon as the final vote "
                    "has been taken, and our data team will publish a breakdown of "
                    "where the money goes.</p>"
                ),
            ),
            ("related", "council-orders-flood-review"),
            ("related", "bus-fare-cap-pilot"),
        ),
    ),
    DemoArticle(
        slug="harbour-festival-line-up",
        section="culture",
        headline=("Tall ships and a floating stage: Harbour Festival reveals its line-up"),
        standfirst=(
            "Three tall ships, concerts on a moored barge and the return of "
            "the night-time lantern parade will headline this summer's "
            "Brennock Harbour Festival, organisers have announced."
        ),
        authors=("eilidh-macrae",),
        tags=("harbour", "harbour festival", "music"),
        days_ago=-2.8,
        hero_caption="Lanterns on the water at a previous Brennock Harbour Festival.",
        body=(
            (
                "paragraph",
                (
                    "<p>Three tall ships will moor alongside the east dock for this "
                    "year's Brennock Harbour Festival, which returns over three days "
                    "in early summer with a programme that organisers describe as the "
                    "most ambitious in its 22-year history. The festival, which draws "
                    "around 90,000 visitors to the waterfront, will also feature a "
                    "concert stage on a moored barge, food stalls along the old coal "
                    "quay and, for the first time in five years, the lantern parade "
                    "from the Old Town to the harbour mouth.</p>"
                ),
            ),
            (
                "paragraph",
                (
                    "<p>The floating stage, built on a former grain barge, will host "
                    "performances each evening, headlined by the Brennock-born "
                    "singer-songwriter Aoife Delaney-Marsh and the Sallow Valley Brass "
                    "Band. On the Saturday afternoon the stage will be given over to "
                    "songs from the Sallow Valley Sound Archive, performed by local "
                    "choirs and folk groups who have been learning material from the "
                    "university's newly digitised recordings.</p>"
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "The harbour has always been the city's front door. After the "
                        "winter Lower Quay has had, we wanted a festival that brings "
                        "people back down to the water and gives them something to "
                        "celebrate."
                    ),
                    "attribution": "Jonah Fairweather, festival director",
                },
            ),
            (
                "fact_box",
                {
                    "title": "Festival highlights",
                    "body": (
                        "<ul><li>Tall ships open to visitors on all three days, free of "
                        "charge.</li><li>Evening concerts on the floating stage from "
                        "7pm.</li><li>The lantern parade on the final night, leaving "
                        "Guildhall Square at 9pm.</li><li>Harbour Regatta races in the "
                        "inner basin on the Sunday morning.</li><li>Tours of the "
                        "university research ship RV Marram at the west quay.</li></ul>"
                    ),
                },
            ),
            (
                "paragraph",
                (
                    "<p>Organisers say the lantern parade, dropped after the council "
                    "cut the festival's grant, has been revived thanks to sponsorship "
                    "from Sallow Port Holdings and a crowdfunding appeal that raised "
                    "£18,000 in a fortnight. Full details, including accessibility "
                    "information and a map of the site, are on the <a "
                    'href="https://harbourfestival.example.org/programme">festival '
                    "website</a>. Most events are free, although some evening concerts "
                    "on the barge will be ticketed because of the limited space on the "
                    "quayside, and organisers are appealing for around 400 volunteers "
                    "to help with stewarding, information points and the parade.</p>"
                ),
            ),
            ("related", "sallow-valley-sound-archive"),
            ("related", "harbour-regatta-returns"),
        ),
    ),
)
