"""Legitimate reader comments on Brennock local news, as families of sentence parts.

Part one, civic news (ham_everyday.py has the rest); written for this corpus. Some are rude,
some carry a link, some use words spam also uses (free, win, prize, loan, bitcoin, casino,
pharmacy, work from home), because real readers do.
"""

from bench.data.family import families
from bench.data.ham_everyday import EVERYDAY_FAMILIES

_CIVIC = families(
    {
        "council/potholes": """
The potholes on {street} are getting worse by the week.
{street} is more crater than road at this point.
Somebody will come off their bike on {street} before long.
Drove down {street} last night and nearly lost a wheel.
The state of the road surface near {place} is a disgrace.

I reported two of them on the council website in {month} and heard nothing back.
The council patched one hole and left the three next to it.
Apparently it is not 'a priority' according to the reply I got.
They sprayed white paint round them in {month}, and that was that.
-

Who do we actually vote for to get this fixed?
Maybe spend some of the regeneration money on roads people actually use.
I will believe the resurfacing when I see the tarmac lorry.
-
""",
        "council/budget": """
Interesting to see where the {pounds} per household actually goes.
So the council tax goes up again and the bins go fortnightly.
The budget papers are worth reading if you have an hour to spare.
Nobody likes cuts, but somebody has to pay for adult social care.

I would rather they kept the libraries open than repainted the town hall.
To be fair to {councillor}, the grant from the Westreach Regional Assembly was cut by a third.
Three consultants' reports in two years must have cost a fortune.
The opposition had no costed alternative either, so I am not sure what they expect.

-
Full marks for explaining it clearly.
It would be good to see a follow-up once the cabinet votes.
Roll on the elections.
""",
        "council/meetings": """
I sat through the whole planning meeting on {day} and this is a fair summary.
Went to the public meeting at {place} last night.
Watched the council livestream so you don't have to.
The scrutiny committee asked better questions than I expected.

{councillor} clearly had not read the report.
Only {num} members of the public turned up, which says something.
They ran out of chairs after the first half hour.
The officer answered every question with 'we will come back to you on that'.

-
Might be worth asking why the vote was moved to a closed session.
Credit where it's due, they did listen in the end.
Same time next month, I suppose.
""",
        "transport/buses": """
The number 7 to {place} was forty minutes late again this morning.
The bus fare cap has made a real difference for my daughter getting to college.
Since they cut the evening service I have had to get taxis home from {place}.
The new timetable looks fine on paper.

Half the stops on {street} still show the old times.
The app said the bus was due, then it just vanished from the map.
A {pounds} single is a lot when you only go four stops.
The drivers do their best, it is the scheduling that is the problem.

-
Timetables are here if anyone needs them: {link}
Would be nice if someone from Westreach Buses read these comments.
Fingers crossed the pilot is extended.
""",
        "transport/roadworks": """
Three sets of temporary lights on {street} at the same time is madness.
The roadworks at {place} were meant to finish in {month}.
Whoever planned the diversion has never driven a van round Castle Hill.
The gas main work has closed {street} for the third time this year.

Took me {num} minutes to get from the roundabout to the bridge.
The signs say 'business as usual' but nobody can get to the shops.
I counted one man working and four watching.

-
Is there a date for when it reopens?
Surely they could do the work at night.
At least it is being done, I suppose.
""",
        "transport/parking": """
Parking near {place} on a {day} is impossible now.
The new residents' permits cost {pounds} and there are still no spaces.
People park on the pavement on {street} and push chairs have to go in the road.
The pay machines at the car park only take the app now, which is no good for my mum.

Enforcement only seems to happen when it suits them.
The hospital staff have nowhere to park either, which is the real scandal.
-

Park and ride from Northfield would solve half of this.
Just walk, it is a small town.
A free hour in the afternoon would bring shoppers back.
""",
        "river/flooding": """
The River Sallow was right up to the wall at {place} on {day} night.
We were flooded in {year} and the insurance has never been the same since.
The flood barrier at Bridge End did its job this time, thank goodness.
Sandbags ran out at the depot by eight o'clock.

The gauge readings are online if you want to keep an eye on it: {link}
The drains on {street} back up every time it rains for more than an hour.
Upstream they keep building on the flood plain and wonder why we get wet.
The volunteers who went door to door deserve a medal.

-
Stay safe everyone.
Let's hope the new defences are finished before winter.
Anyone needing help clearing out, the community hall has mops and dehumidifiers.
""",
        "river/wildlife": """
Saw an otter under Sallow Bridge on {day} morning, first time in years.
The kingfishers are back on the stretch below the weir.
Good to see the river trust getting some funding for once.
The water quality figures are grim reading.

Sewage overflows after heavy rain are the real problem, not dog walkers.
The trust's volunteers have pulled {num} shopping trolleys out since {month}.
My grandson caught his first brown trout near {place} last summer.

-
More of this kind of story please.
If anyone wants to help, the clean-up is the first Saturday of the month.
""",
        "river/regatta": """
Best regatta in years, the weather held and the harbour was packed.
The junior crews were fantastic on {day}.
Shame the fireworks were cancelled but the wind was too strong.
The regatta committee do all this unpaid, worth remembering.

The beer tent ran dry by four, which must be a record.
Parking was chaos but the shuttle bus helped.
My lad won a prize in the raffle and has not stopped talking about it.

-
See you all next year.
Could the results be printed in full next time?
""",
        "sport/football": """
Cracking match on {day}, {team} deserved all three points.
The referee had a shocker but we still should have won.
{team} look a different side since the new manager came in.
Another home defeat, and the season is slipping away.

That second goal was worth the ticket price on its own.
We cannot defend a set piece to save our lives.
The young keeper kept us in it for the first hour.
Attendance was up again, which is good to see.

-
Up the Town!
Win on Tuesday and we are back in the play-off places.
Long way to go yet.
""",
        "sport/corrections": """
Small point, but the goal was scored by the number 9, not the captain.
The report says the final score was 2-1, it was 3-1 after extra time.
The match was at Kelder Park, not the Town ground.
I think you have the under-fourteens and under-twelves mixed up in the photo caption.

Otherwise a good write-up.
Happy to send the team sheet if it helps.
-

Thanks for covering grassroots football at all.
-
""",
        "sport/leisure": """
The pool at the leisure centre has been closed for repairs since {month}.
The new gym equipment is great but the changing rooms are falling apart.
Swimming lessons have a waiting list of {num} weeks now.
The parkrun in Kelder Park gets bigger every week.

The council says it cannot afford to heat the pool, but found money for the new signs.
Volunteers marshal every single Saturday, rain or shine.
My kids learned to swim there, it would be a huge loss.

-
Use it or lose it, as they say.
Hope the petition makes a difference.
""",
        "schools/places": """
We did not get any of our three choices for {school}.
The new estate at Northfield has four hundred homes and no new primary school.
Appeals for {school} are already booked up until {month}.
Siblings are being split between schools now, which is ridiculous.

My neighbour's son has to get two buses to his allocated school.
The admissions office was helpful, in fairness.
Catchment areas have not been redrawn since {year}.

-
Worth getting your appeal in early, people.
Hope the council reads this.
""",
        "schools/parents": """
Well done to everyone at {school} on the nativity, it was lovely.
The crossing patrol on {street} retired and has not been replaced.
Uniform costs at {school} are getting silly, {pounds} for a blazer.
The breakfast club has been a lifesaver for working parents.

The second-hand uniform sale is on {day} in the school hall.
Parents parking on the zigzags are going to cause an accident.
The teachers are doing an amazing job with no money.

-
Thanks to the PTA for all their hard work.
Please slow down outside schools.
""",
        "schools/results": """
Congratulations to the students at Brennock Academy on their results.
Good to see {school} getting the recognition it deserves.
League tables never tell the whole story.

My daughter got into her first-choice university, we are so proud.
The teachers stayed late all year running extra revision sessions.
Results are up, but so is the number of children missing school.

-
Well done all.
Onwards and upwards.
""",
        "business/closing": """
Sad to see the bakery on {street} close after {num} years.
Another empty unit on the high street.
The hardware shop was the only place in town you could buy a single screw.
I have been going to that café since I was at school.

Business rates and online shopping have killed the town centre.
The landlord put the rent up by a third, what did they expect?
We all say we support local shops and then order from the internet.

-
Best of luck to the owners, whatever they do next.
Use your local shops while you still have them.
""",
        "business/openings": """
Tried the new café at {place} on {day}, the scones are excellent.
Good to see a new bookshop opening on {street}.
The Saturday market has more stalls than it has had for years.
The bike repair shop by the station is a brilliant idea.

Prices are fair and the staff were friendly.
They have a special offer on for opening week, worth popping in.
Free coffee with every cake until the end of {month}, apparently.

-
Give them a try.
Hope they do well.
""",
        "business/casino_plan": """
I object to the planning application for an adult gaming centre on Quay Street.
Another betting shop on {street} is the last thing this town needs.
The casino plans for the old brewery site are being discussed on {day}.
Interesting that the gambling company has promised {num} jobs and a community fund.

Anyone with a gambling problem knows how easy it is to walk into these places.
I worked in a bookies for years, the money comes from the people who can least afford it.
The objections can be sent in by email until the end of {month}.
In fairness the building has been empty for a decade.

The planning portal has all the documents: {link}
-
Let's see what the committee decides.
""",
        "money/tax": """
Council tax is now more than my gas bill.
My water bill went up by {pounds} a month this year.
The energy support scheme at the community hall helped us a lot last winter.
Pensioners on fixed incomes are really struggling.

You can apply for a discount if you live alone, plenty of people don't know that.
The council's hardship fund is worth checking, it is not just for people on benefits.
-

The Citizens Advice drop-in at the library is on Thursday mornings.
Don't be too proud to ask for help.
-
""",
        "money/scam_warning": """
My dad nearly lost £2,000 to a bitcoin scam last month, so please warn your parents.
Someone rang my mum pretending to be from her bank and asked her to move her savings.
Beware of texts saying you have won a prize, my neighbour clicked the link and lost money.
A man knocked on doors on {street} claiming to be from the water board.

The police said it happens every day and the money is almost never recovered.
Never give your card details over the phone, whoever they say they are.
If an investment promises to double your money, it is a scam, full stop.
Real banks never ask you to download an app to 'protect' your account.

-
Report it to Action Fraud and to the bank straight away.
Please share this with older relatives.
""",
        "money/jobs": """
The jobs fair at the leisure centre on {day} had over {num} employers.
Good to see the factory at Harrowby taking on apprentices again.
Plenty of people in town would love to work from home if the broadband was any good.
The warehouse jobs are mostly agency shifts with no guaranteed hours.

The credit union on {street} offers small loans at sensible rates, much better than payday lenders.
If you are looking for work, the library runs free CV sessions.
I got my first job through that scheme back in {year}.

-
Good luck to everyone looking.
Hope it brings some decent jobs to the area.
""",
        "talk/questions": """
Does anyone know if the footbridge will be closed during the works?
Could the reporter find out how much the consultants were paid?
Is the market still on this {day} with the road closed?
What time does the consultation close?
Where exactly is the new crossing going to be?
Has anyone heard whether the surgery is taking new patients?

Thanks in advance.
-
I could not find it on the council website.
Asking for my elderly neighbour who is not online.
""",
        "talk/corrections": """
Small correction: the library reopens on the 14th, not the 12th.
The photo is of Abbey Walk, not Tanner's Row.
I think you mean {councillor}, not the mayor.
The bridge was built in 1887, not 1878.
The meeting is on {day}, not the day the article says.

Otherwise a very good piece.
-
Easy mistake to make.
Could you update the article?
""",
        "talk/replies": """
@{name} I think you'll find the bins were always fortnightly on our side of town.
{name}, with respect, you were not at the meeting.
Agree with {name} on this one.
{name} has a point, but it is not the whole story.
Replying to {name}: the figures are in the second half of the article.

We have had this argument every year since {year}.
Both things can be true at once.
-
The council will do what it wants either way.
Let's wait and see what the report says.
""",
        "talk/short": """
Well said.
Spot on.
Couldn't agree more.
Great piece, thank you.
This is exactly right.
Good news at last.
What a shame.
Typical.
Brilliant, thank you for writing this.
About time!

-
-
Thanks for the update.
Keep up the good work.
More of this please.
""",
    }
)

HAM_FAMILIES = {**_CIVIC, **EVERYDAY_FAMILIES}
