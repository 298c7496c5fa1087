"""The demo's developing story and live blog: the Sallow floods in Brennock. Pure data.

Written for the Broadsheet project, like :mod:`broadsheet.demo.content`, whose five flood
articles the story gathers. Times are relative: the blog's coverage starts ``days_ago``
before "now", and each entry is ``minutes`` after that start. Entry bodies use the article
body's blocks as ``(block_type, value)`` pairs, as in ``content``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class DemoStory:
    slug: str
    title: str
    explainer: str
    articles: tuple[tuple[str, str], ...]  # (article slug, its one line of "what's new")


@dataclass(frozen=True)
class DemoEntry:
    minutes: int  # after the coverage starts
    body: tuple[tuple[str, object], ...]
    title: str = ""
    authors: tuple[str, ...] = ("priya-raman",)
    key_event: bool = False
    pinned: bool = False
    # A corrected entry: posted with ``body``, then changed to ``corrected_body`` with this
    # note ``correction_minutes`` after it was posted.
    correction: str = ""
    corrected_body: tuple[tuple[str, object], ...] = ()
    correction_minutes: int = 0


@dataclass(frozen=True)
class DemoLiveBlog:
    slug: str
    section: str
    headline: str
    standfirst: str
    authors: tuple[str, ...]
    days_ago: float  # when the coverage started
    minutes: int  # how long it lasted
    key_points: str  # HTML: a short list
    hero_caption: str
    story_note: str
    entries: tuple[DemoEntry, ...]


def _p(*paragraphs: str) -> tuple[tuple[str, object], ...]:
    return tuple(("paragraph", f"<p>{text}</p>") for text in paragraphs)


STORY = DemoStory(
    slug="sallow-floods",
    title="The Sallow floods",
    explainer=(
        "Two days of heavy rain on saturated hills met a spring tide, and the River Sallow rose "
        "to the highest level ever measured in Brennock. It came over the temporary barriers on "
        "Wharf Road, flooded more than 200 homes in Lower Quay and closed the Old Ferry Bridge. "
        "Now the city is asking why defences it was told were too low were never raised."
    ),
    articles=(
        (
            "sallow-flood-warning-issued",
            "The Rivers Authority warns of flooding as up to 90mm of rain heads for the valley.",
        ),
        (
            "sallow-bursts-banks-lower-quay",
            "The river comes over the Wharf Road barriers; about 200 homes are evacuated by boat.",
        ),
        (
            "sallow-peaks-ferry-bridge-closed",
            "A record 6.2 metres on the second night, and the Old Ferry Bridge is shut.",
        ),
        (
            "lower-quay-clean-up-begins",
            "The warning is lifted, 214 homes are found flooded and a shelved report surfaces.",
        ),
        (
            "council-orders-flood-review",
            "An independent review of the defences is ordered; it reports within four months.",
        ),
    ),
)

LIVE_BLOG = DemoLiveBlog(
    slug="sallow-flood-night-live",
    section="city",
    headline="Sallow flood night: the river rises in Lower Quay, as it happened",
    standfirst=(
        "Through the night of the spring tide, our reporters followed the river gauge, the "
        "barriers on Wharf Road and the families who had to leave their homes."
    ),
    authors=("priya-raman", "yusuf-demir"),
    days_ago=8.85,
    minutes=330,
    key_points=(
        "<ul><li>The Sallow came over the temporary barriers on Wharf Road near the old "
        "customs house, flooding streets across Lower Quay.</li>"
        "<li>The Rivers Authority raised its warning to severe, meaning a danger to life.</li>"
        "<li>Firefighters used boats to help about 200 households leave; nobody was seriously "
        "hurt.</li>"
        "<li>A rest centre opened at Brennock Leisure Centre in Northfield.</li>"
        "<li>The river steadied after high tide but further flooding was possible on the next "
        "tide.</li></ul>"
    ),
    hero_caption="Floodwater along Wharf Road, lit by the lamps of a fire service boat.",
    story_note="Live: the night the river came over the barriers, hour by hour.",
    entries=(
        DemoEntry(
            minutes=0,
            title="Good evening from Lower Quay",
            authors=("yusuf-demir",),
            body=_p(
                "We are following the River Sallow through the night. A flood warning is in "
                "force for Lower Quay, Tanner's Slip and the allotments below Marrowby, and the "
                "spring high tide is due in the small hours, when the Rivers Authority says the "
                "risk will be greatest.",
                "Priya Raman is on Wharf Road; I am on the news desk with the gauge readings, "
                "the council's updates and anything you send us.",
            ),
        ),
        DemoEntry(
            minutes=6,
            title="If you live in the warning area",
            authors=("yusuf-demir",),
            pinned=True,
            body=(
                (
                    "paragraph",
                    "<ul><li>Move medicines, documents and anything precious upstairs.</li>"
                    "<li>Fit flood boards or sandbags to doors and airbricks.</li>"
                    "<li>Parking in the Guildhall Square car park is free tonight.</li>"
                    "<li>If the emergency services ask you to leave, leave.</li></ul>",
                ),
                (
                    "paragraph",
                    "<p>The council's flood line is staffed all night, and the sandbag depot on "
                    "Chandler Street stays open until the warning is lifted.</p>",
                ),
            ),
        ),
        DemoEntry(
            minutes=14,
            body=_p(
                "The gauge at the Old Ferry Bridge reads 5.2 metres and is climbing by roughly "
                "ten centimetres an hour. The Wharf Road barriers are built to hold back 5.5 "
                "metres.",
            ),
            authors=("yusuf-demir",),
        ),
        DemoEntry(
            minutes=27,
            body=_p(
                "A line of cars stretches back from the sandbag depot on Chandler Street. Staff "
                "say about 3,000 bags have gone out since the morning and another lorryload is "
                "on its way from the Eastwick yard.",
            ),
        ),
        DemoEntry(
            minutes=41,
            body=_p(
                "Westreach Buses has taken routes 4 and 7 off Wharf Road for the rest of the "
                "night. Both now run along Ferry Street instead.",
            ),
            authors=("yusuf-demir",),
        ),
        DemoEntry(
            minutes=55,
            body=(
                (
                    "paragraph",
                    "<p>On Cooper's Row, neighbours are passing armchairs and boxes of "
                    "photographs up narrow staircases.</p>",
                ),
                (
                    "quote",
                    {
                        "text": (
                            "We did this four years ago and the water stopped at the kerb. "
                            "Tonight it feels different. The river sounds different."
                        ),
                        "attribution": "Gideon Farrow, who has lived on Cooper's Row since 1988",
                    },
                ),
            ),
        ),
        DemoEntry(
            minutes=68,
            title="Peak may top the barriers, authority says",
            key_event=True,
            authors=("yusuf-demir",),
            body=_p(
                "The Westreach Rivers Authority now expects the river to reach about 5.8 metres "
                "at high tide, higher than the temporary barriers on Wharf Road are designed to "
                "hold. Its duty manager says crews are ready to add sandbags along the top of "
                "the barriers where they can.",
            ),
        ),
        DemoEntry(
            minutes=83,
            body=_p(
                "Four Westreach Fire and Rescue boats have been brought to the slipway at "
                "Tanner's Slip, with crews waiting beside them in dry suits.",
            ),
        ),
        DemoEntry(
            minutes=97,
            body=_p(
                "The rain has eased in the city, but the weather station on Hollins Hill is "
                "still recording heavy showers, and everything that falls on the upper valley "
                "will reach Brennock in the next few hours.",
            ),
            authors=("yusuf-demir",),
        ),
        DemoEntry(
            minutes=112,
            title="Rest centre opens in Northfield",
            key_event=True,
            authors=("yusuf-demir",),
            body=_p(
                "The council has opened a rest centre at Brennock Leisure Centre for anyone who "
                "needs to leave home tonight. It has camp beds, hot food and space for pets in "
                "carriers. The council asks people to bring their medicines and a phone "
                "charger.",
            ),
        ),
        DemoEntry(
            minutes=126,
            body=_p(
                "Police have closed the Old Ferry Bridge to traffic as water laps at the "
                "roadway on the Lower Quay side.",
            ),
            correction=(
                "An earlier version of this entry said police had closed the Old Ferry Bridge. "
                "They closed Wharf Road between Chandler Street and the bridge; the bridge "
                "itself stayed open until the morning."
            ),
            corrected_body=_p(
                "Police have closed Wharf Road between Chandler Street and the Old Ferry Bridge "
                "as water laps at the roadway on the Lower Quay side.",
            ),
            correction_minutes=22,
        ),
        DemoEntry(
            minutes=139,
            title="Water comes over the barriers",
            key_event=True,
            body=_p(
                "The river is spilling over the barriers near the old customs house. From where "
                "I am standing, at the corner of Salt Lane, brown water is running down the "
                "street towards the terraces behind Wharf Road.",
            ),
        ),
        DemoEntry(
            minutes=151,
            title="Severe flood warning: danger to life",
            key_event=True,
            authors=("yusuf-demir",),
            body=_p(
                "The Rivers Authority has raised its warning for Lower Quay to a severe flood "
                "warning, the highest of its three levels. Anyone in the area should follow "
                "the instructions of the emergency services.",
            ),
        ),
        DemoEntry(
            minutes=160,
            title="Boats on Wharf Road",
            key_event=True,
            body=_p(
                "Firefighters are taking the boats along Wharf Road door to door. Residents are "
                "being helped down into them from front steps and first-floor windows, and "
                "taken to a bus waiting at the top of Chandler Street.",
            ),
        ),
        DemoEntry(
            minutes=174,
            body=(
                (
                    "quote",
                    {
                        "text": (
                            "I had my slippers on and my budgie in a shoebox. That is "
                            "everything I managed to bring."
                        ),
                        "attribution": "Maureen Achterberg, 81, brought out from Salt Lane",
                    },
                ),
            ),
        ),
        DemoEntry(
            minutes=188,
            body=_p(
                "The gauge at the Old Ferry Bridge has reached 5.9 metres, the highest reading "
                "of the night so far and 40 centimetres above what the barriers were built for.",
            ),
            authors=("yusuf-demir",),
        ),
        DemoEntry(
            minutes=203,
            body=_p(
                "The council says about 200 homes have now been evacuated. Paramedics treated "
                "one man for the cold after he waded back into his flat for his cat; both are "
                "fine.",
            ),
            authors=("yusuf-demir",),
        ),
        DemoEntry(
            minutes=219,
            title="High tide passes and the river steadies",
            key_event=True,
            authors=("yusuf-demir",),
            body=_p(
                "The tide has turned in the estuary and the gauge has stopped rising. The Rivers "
                "Authority warns that levels will fall only slowly and could climb again with "
                "the evening tide if the rain on the hills does not ease.",
            ),
        ),
        DemoEntry(
            minutes=238,
            body=_p(
                "At the rest centre, volunteers from the Sallow Valley Community Response "
                "Network are handing out tea, blankets and dry socks to about 140 people. "
                "Children are asleep on camp beds at the back of the sports hall.",
            ),
        ),
        DemoEntry(
            minutes=262,
            authors=("yusuf-demir",),
            body=(
                (
                    "quote",
                    {
                        "text": (
                            "There will be time for questions about the barriers. Tonight the "
                            "only thing that matters is that people are safe."
                        ),
                        "attribution": (
                            "Councillor Sunita Bhatt, cabinet member for environment and transport"
                        ),
                    },
                ),
            ),
        ),
        DemoEntry(
            minutes=291,
            body=_p(
                "First light over Lower Quay. The water on Wharf Road is still knee deep, and "
                "the fire service has begun pumping the lowest streets into the river.",
            ),
        ),
        DemoEntry(
            minutes=318,
            title="Our live coverage ends here",
            authors=("yusuf-demir",),
            body=_p(
                "We are closing this live blog. Our full report on the night, with what "
                "residents and the council told us, is on the City page, and we will follow "
                "the clean-up, and the questions about the barriers, in the days to come. "
                "Thank you for following us through the night.",
            ),
        ),
    ),
)
