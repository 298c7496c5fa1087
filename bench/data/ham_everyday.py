"""Legitimate reader comments, part two: events, talk between readers, memories, rudeness,
other languages and health services. Written for this corpus; see ham_families.py.
"""

from bench.data.family import families

EVERYDAY_FAMILIES = families(
    {
        "events/fairs": """
The summer fair at {place} is on {day}, free entry and a tombola.
The scouts are selling raffle tickets outside the market hall, first prize is a hamper.
The library quiz night is back, win a family ticket to the panto.
The bonfire at Kelder Park was the best yet.
The craft market on {day} raised {pounds} for the hospice.

Tickets are {pounds} and all the money goes to the lifeboat.
There is a special offer on the bouncy castle if you book before {month}.
The volunteers were up at six setting out the stalls.
-

Details on the organisers' page: {link}
Come along and bring the kids.
-
""",
        "events/links": """
For anyone who wants the source, the full report is here: {link}
The minutes of the meeting are online: {link}
If you click through to {link} you can see the original plans.
There is a good explainer on this: {link}

It is long but worth reading.
Page 12 has the actual figures.
-

Draw your own conclusions.
-
""",
        "memory/anecdotes": """
I remember the old market hall before the fire, my grandmother sold eggs there.
My dad worked at the brewery until it closed in {year}.
We used to skate on the canal when it froze, you wouldn't get away with it now.
I was at school with the man who ran the chip shop on {street}.
When I was a boy the harbour was full of fishing boats.

Those were the days, though we didn't think so at the time.
Everyone knew everyone.
It has changed so much since then.
Happy memories.

-
Thanks for bringing it all back.
Does anyone else remember the Whit walks?
""",
        "memory/photos": """
There are some lovely old photos of the quay on the history society's site: {link}
My uncle took photographs of the floods in {year}, I will see if we still have them.
The history society has a whole archive of pictures from {place}.
Found a postcard of Sallow Bridge from about {year} in a drawer.

You can see the old tram lines on {street} in one of them.
The shop fronts have hardly changed.
-

Well worth a look.
-
""",
        "memory/pubs": """
The Ferryman's Arms was the best pub in town until it became flats.
We had our wedding do at the Crown on {street} back in {year}.
There used to be fourteen pubs between the station and the harbour.
Friday nights at the Sallow Inn, live music and a pint for under a pound.

Most of the landlords were characters in their own right.
Now it is all chains and coffee shops.
-

Cheers to the old days.
-
""",
        "rude/council": """
What a total shambles.
Absolute clowns running this council.
Useless, the lot of them.
This council couldn't organise a raffle in a pub.
Bloody ridiculous.

{councillor} should resign, frankly.
They've wasted millions and they'll waste millions more.
Nobody asked for this and nobody wanted it.
Same old incompetence.

-
I won't be voting for any of them.
Rant over.
""",
        "rude/commenters": """
Oh do give it a rest, {name}.
{name}, you post the same moan under every single article.
Utter nonsense, as usual.
Did you even read the article before commenting?
What a load of rubbish.

Some of us actually live here.
The facts are right there in the piece.
Get out of your armchair and come to a meeting.
-

Honestly.
Unbelievable.
-
""",
        "languages/polish": """
Dziękuję za artykuł, w końcu ktoś o tym napisał.
Polska szkoła sobotnia w Brennock szuka nowych nauczycieli.
Festyn na {place} był wspaniały, dzieci były zachwycone.
Czy ktoś wie, kiedy otworzą z powrotem most?

Mieszkamy tu od dziesięciu lat i bardzo lubimy to miasto.
Autobusy znowu się spóźniają.
-

Pozdrawiam wszystkich sąsiadów.
-
""",
        "languages/spanish": """
Gracias por el artículo, muy interesante.
La feria de {place} fue preciosa este año.
¿Alguien sabe si la biblioteca abre el {day}?
Mi hija estudia en {school} y está muy contenta.

Llevamos cinco años viviendo en Brennock.
Los autobuses siguen llegando tarde.
-

Un saludo a todos.
-
""",
        "health/surgery": """
Tried ringing the surgery at eight every morning this week and still no appointment.
The GP practice on {street} is merging with the one in Northfield.
The new walk-in centre is a good idea if they can find the staff.
Waited three weeks to see a doctor about my knee.

The receptionists get all the abuse and none of the blame.
The online booking system crashes every Monday.
Our practice nurse is a saint.

-
Something has to give.
Hope the new partners help.
""",
        "health/pharmacy": """
The pharmacy on {street} closing will hit older residents hardest.
The chemist at {place} has been out of my prescription for two weeks.
Our local pharmacist does more than most doctors these days.
Repeat prescriptions take ten days now, it used to be two.

The nearest pharmacy after this closes is a bus ride away.
The free flu jabs at the pharmacy were quick and painless.
-

Please keep the petition going.
-
""",
        "health/hospital": """
Westreach Hospital staff were brilliant when my mum was admitted in {month}.
Parking at the hospital cost me {pounds} for one visit.
The A&E wait on {day} was seven hours.
The maternity unit closing would mean a forty-minute drive in labour.

The nurses are run off their feet.
Nobody in the car park had change for the machine.
-

Thank you to everyone on ward 4.
Keep fighting for it.
""",
    }
)
