"""Reader comments for the demo newsroom: fictional readers of Brennock talking under articles.

Pure data, written for Broadsheet. Each thread belongs to an article slug from
:mod:`broadsheet.demo.content`. ``reply_to`` names the ``key`` of the comment answered;
``state`` is "approved" unless the comment is still waiting for a moderator ("pending");
``reports`` are reasons other readers flagged it for.
"""

from dataclasses import dataclass

DEMO_EMAIL_DOMAIN = "readers.brennock.example"


@dataclass(frozen=True)
class DemoComment:
    key: str
    name: str
    text: str
    hours_after: float  # after the article was published
    reply_to: str | None = None
    state: str = "approved"
    likes: int = 0
    featured: bool = False
    reports: tuple[tuple[str, str], ...] = ()

    @property
    def email(self) -> str:
        local = self.name.lower().replace(" ", ".").replace("'", "")
        return f"{local}@{DEMO_EMAIL_DOMAIN}"


THREADS: dict[str, tuple[DemoComment, ...]] = {
    "council-orders-flood-review": (
        DemoComment(
            "fr1",
            "Maeve Dunstan",
            "Good. But an independent review only matters if someone outside the council picks "
            "the reviewer. Who chose them?\n\nWe were told in 2019 the Lower Quay wall was "
            '"good for fifty years".',
            2.0,
            likes=41,
            featured=True,
        ),
        DemoComment(
            "fr2",
            "Colm Ashby",
            "The article says the terms of reference go to the scrutiny committee on Thursday. "
            "That meeting is open to the public, anyone can go.",
            3.5,
            reply_to="fr1",
            likes=12,
        ),
        DemoComment(
            "fr3",
            "Maeve Dunstan",
            "Thanks Colm, I didn't know that. I'll be there with half of Tanner's Row, I expect.",
            4.1,
            reply_to="fr2",
            likes=6,
        ),
        DemoComment(
            "fr4",
            "Harriet Odell",
            "Our ground floor is still drying out. Three weeks of dehumidifiers so far. Whatever "
            "the review finds, please publish the whole thing, not a summary.",
            6.0,
            likes=33,
        ),
        DemoComment(
            "fr5",
            "Piers Langton",
            "Maybe people shouldn't buy houses next to a river and then act surprised.",
            7.2,
            likes=2,
            reports=(("abuse", "Mocking flood victims"), ("off-topic", "")),
        ),
        DemoComment(
            "fr6",
            "Harriet Odell",
            "My grandparents bought it in 1958, Piers. The river was behind a wall then too.",
            7.9,
            reply_to="fr5",
            likes=27,
        ),
        DemoComment(
            "fr7",
            "Devi Sandhu",
            "For anyone who missed it, the Environment Office flood map is at "
            "https://maps.westreach.example/flood and shows the 2024 extent.",
            9.0,
            likes=9,
        ),
        DemoComment(
            "fr8",
            "Bertram Quill",
            "Flood-proof doors at trade prices, visit www.quickdoors.example today, free fitting!",
            9.5,
            state="pending",
        ),
    ),
    "after-coal-brennock-harbour": (
        DemoComment(
            "ac1",
            "Agnes Morrow",
            "My father loaded colliers on the east wharf for thirty-one years. This is the first "
            "piece I've read that mentions the men who lost their pensions in the 1987 sell-off. "
            "Thank you.",
            5.0,
            likes=58,
            featured=True,
        ),
        DemoComment(
            "ac2",
            "Tobias Wren",
            "Same for my uncle. The reading room at the Seamen's Institute has a list of names "
            "if anyone wants to look.",
            8.0,
            reply_to="ac1",
            likes=14,
        ),
        DemoComment(
            "ac3",
            "Lena Castell",
            'The flats are lovely but nobody I grew up with can afford one. "Reinvented" for whom?',
            11.0,
            likes=22,
        ),
        DemoComment(
            "ac4",
            "Osric Penhale",
            "Fair point, though the wind port has put 400 jobs where there were none for twenty "
            "years. Both things are true.",
            12.5,
            reply_to="ac3",
            likes=19,
        ),
        DemoComment(
            "ac5",
            "Lena Castell",
            "Agreed, both are true. I just want the second half of the headline to get as much "
            "attention as the first.",
            13.0,
            reply_to="ac4",
            likes=11,
        ),
        DemoComment(
            "ac6",
            "Wilf Garrow",
            "Lovely long read. More of these, please.",
            20.0,
            state="pending",
        ),
    ),
    "herons-sign-loan-goalkeeper": (
        DemoComment(
            "hg1",
            "Jory Pellow",
            "Nineteen years old and straight into a relegation scrap. Hope the back four look "
            "after him.",
            1.0,
            likes=15,
        ),
        DemoComment(
            "hg2",
            "Sian Aldous",
            "Saw him play for Port Aldine reserves last spring. Great with his feet, a bit shy on "
            "crosses. He'll learn.",
            2.5,
            reply_to="hg1",
            likes=9,
        ),
        DemoComment(
            "hg3",
            "Kenny Voss",
            "Get well soon Wardy. That finger looked horrible.",
            3.0,
            likes=21,
        ),
        DemoComment(
            "hg4",
            "Free Tickets",
            "FREE match tickets for every Herons fan, claim at herons-free-tix.example now",
            3.3,
            likes=0,
            reports=(("spam", ""),),
        ),
    ),
    "hallorans-bakery-third-shop": (
        DemoComment(
            "hb1",
            "Rosa Kettley",
            "The old bank had the most beautiful ceiling. So glad someone is keeping it.",
            1.5,
            likes=12,
        ),
        DemoComment(
            "hb2",
            "Dermot Fane",
            "Will they do the cardamom buns at the new shop too? Asking for my whole office.",
            2.0,
            likes=18,
        ),
        DemoComment(
            "hb3",
            "Niamh Halloran",
            "They will! From the first day. (Yes, I'm the daughter. Yes, I'm biased.)",
            4.0,
            reply_to="hb2",
            likes=30,
            featured=True,
        ),
        DemoComment(
            "hb4",
            "Glen Arbery",
            "Meanwhile the Market Street rents have pushed out two independents this year. "
            "Happy for Halloran's, worried about everyone else.",
            6.0,
            state="pending",
        ),
    ),
    "central-library-sunday-opening": (
        DemoComment(
            "cl1",
            "Imogen Tully",
            "Sunday afternoons in the reading room got me through my exams. Brilliant news.",
            0.5,
            likes=7,
        ),
        DemoComment(
            "cl2",
            "Ravi Menon",
            "Is the children's floor open on Sundays as well, or only the ground floor?",
            0.8,
        ),
        DemoComment(
            "cl3",
            "Imogen Tully",
            "The article says all floors, 12 until 5.",
            1.0,
            reply_to="cl2",
            likes=3,
        ),
    ),
}
