"""Spam of the kinds that reach news-site comment forms, as families of sentence parts.

Written for this corpus. ``{site}`` becomes a made-up domain that fits the topic, and
``comment_corpus`` disguises some of these comments the way spammers disguise theirs.
"""

from bench.data.family import families

SPAM_FAMILIES = families(
    {
        "seo/praise": """
Great article, very informative and well written.
Thanks for sharing this useful information.
I really like your blog, keep posting such content.
Nice post! I bookmarked your site.
Wonderful information, I learned a lot from this post.

Check my website too: {site}
Please visit my page for more: {site}
I also write about similar topics at {site}
For the best tips visit {site}

-
Regards.
Thanks admin.
""",
        "seo/bland": """
Thanks for the info.
Hello, nice to meet you.
I agree with your post.
Very good job, admin.
Interesting, thanks.
This is helpful.

{site}
More at {site}
My blog: {site}
""",
        "seo/warmup": """
I have been browsing online more than {hours} today, yet I never found any article like yours.
Hello there, I found your blog by chance and I am impressed with the quality of the content.
Excellent post. I was checking continuously this blog and I am impressed!
Hi, just wanted to say I love your website and the design is awesome.

Extremely helpful info particularly the last part.
I care for such information a lot.
Which theme are you using?
It is pretty worth enough for me.

Thanks and best of luck.
I will be back to read more.
-
""",
        "seo/services": """
Want your website on the first page of Google?
Our SEO experts will boost your ranking in 30 days.
We build high quality backlinks for any niche.
Is your business invisible online?

Guaranteed top 3 results or your money back.
Cheap packages starting from $49.
100% white hat, manual outreach, fast results.

Contact us at {site}
Get a free audit today: {site}
Order now {site}
""",
        "seo/trades": """
Looking for the best roofing company near you?
Emergency plumber available 24/7 at the lowest price.
Top rated locksmith service, fast response.
Affordable tree cutting and garden services.

Call now or book online at {site}
Best prices guaranteed, visit {site}
Free quote: {site}
""",
        "crypto/testimony": """
I was broke until I started investing with {spamname}.
My life changed when I met {spamname}, who helped me trade bitcoin.
I invested $500 and received {money} in just 7 days thanks to {spamname}.
All thanks to {spamname}, I paid off my mortgage with crypto profits.

Her strategy is real and withdrawals are fast.
I was sceptical at first but now I earn every week.
God bless you {spamname}!

Contact on {contact}
Reach out on {contact} and thank me later.
""",
        "crypto/bot": """
This AI trading bot made me {money} last month.
Stop working for nothing, let the bitcoin robot trade for you.
Our crypto signals group has 95% accuracy.
New token presale, 100x guaranteed before listing.

Minimum deposit only $250, start earning today.
Passive income from crypto while you sleep.
Limited spots left in the VIP group.

Join now: {site}
Sign up at {site}
""",
        "crypto/recovery": """
Did you lose money to a fake investment or bitcoin scam?
I lost {money} to a fake broker and thought it was gone forever.
Scammed by a crypto platform? Your funds can be recovered.

A hacker called {spamname} recovered all my funds in 48 hours.
Recovery experts trace stolen coins and get them back.
They helped me get back every penny without upfront fees.

Write to {contact}
Contact them now: {contact}
""",
        "casino/bonus": """
Best online casino bonus, 200% on your first deposit!
Get 100 free spins today, no deposit required.
Exclusive casino welcome offer for new players.
Play the hottest slots and win real money.

Instant withdrawals, licensed and safe.
Jackpot over {money} waiting for you.
Mega bonus every weekend.

Claim now at {site}
Play here {site}
""",
        "casino/betting": """
Sure betting tips with 98% win rate.
Fixed matches available this weekend, guaranteed profit.
Join our VIP tipsters and never lose a bet again.
Football odds boosted, bet {money} and win big.

Last week we won 14 of 15 tips.
Pay only after you win.

Telegram {contact}
Subscribe at {site}
""",
        "casino/slots": """
Slot online gacor hari ini, gampang menang!
Situs slot terpercaya dengan bonus new member 100%.
Daftar sekarang dan dapatkan free spin setiap hari.
Link alternatif slot maxwin anti rungkad.

Deposit pulsa tanpa potongan.
Jackpot pasti cair.

{site}
Daftar di {site}
""",
        "pharma/pills": """
Buy viagra and cialis online without prescription.
Cheap generic pills, lowest prices guaranteed.
Order tramadol and other meds with discreet delivery.
Men's health pills, 80% off this week only.

No prescription needed, worldwide shipping.
Secure payment, fast discreet delivery.

Order here: {site}
Best online pharmacy {site}
""",
        "pharma/slimming": """
Lose 15 kg in 30 days with these keto gummies!
Doctors hate this simple trick to burn belly fat.
New diet pill melts fat while you sleep.
Celebrities are using this to lose weight fast.

No exercise, no diet, 100% natural.
Limited stock, order before it is sold out.

Get yours at {site}
Official site {site}
""",
        "pharma/cbd": """
Premium CBD oil cures anxiety, pain and insomnia.
Hair loss? This miracle serum regrows hair in weeks.
Natural supplement to boost testosterone and energy.

Try it risk free, buy one get one free.
Thousands of happy customers.

Order now {site}
More info {site}
""",
        "loans/payday": """
Need cash fast? Instant payday loans approved in minutes.
Bad credit? No problem, get up to {money} today.
Quick loans with no credit check, same day payout.
Emergency loan approved in 5 minutes.

Apply online 24/7, money in your account tonight.
No paperwork, no guarantor.

Apply now at {site}
Click here {site}
""",
        "loans/lender": """
Are you in need of a loan? We offer loans at 2% interest rate.
I am a private lender giving loans to individuals and companies.
Get a personal or business loan of any amount, fast approval.

Contact {spamname} today for your loan.
Email us with the amount you need.

Contact: {contact}
Write to {contact}
""",
        "loans/debt": """
Crush your debt in 90 days with our debt relief program.
Credit repair service, remove negative items from your report.
Consolidate all your loans into one low payment.

Free consultation, results guaranteed.
Raise your credit score by 100 points.

Visit {site}
Call or apply {site}
""",
        "wfh/testimony": """
My neighbour earns {money} a month working from home on her laptop.
I get paid $85 per hour working online from home.
I made {money} last month working only {hours} a day.
Last month my paycheck was {money} doing this easy online job.

Everybody can do this job, no experience required.
I could not believe how easy it was.
Even a student can earn this.

Copy this site to start: {site}
Go to this site for details {site}
""",
        "wfh/jobs": """
Hiring now! Data entry jobs from home, no experience needed.
Urgent: online assistants needed, earn $300 per day.
Simple typing jobs, work from your phone.

Flexible hours, weekly payments.
Only a few positions left.

Apply: {site}
Register free at {site}
""",
        "wfh/course": """
Learn how I make passive income with dropshipping.
My free webinar shows the secret to 6 figures online.
Quit your 9 to 5 with this proven system.

Thousands of students already earning.
Offer ends tonight.

Watch now at {site}
Join free {site}
""",
        "giveaway/prize": """
Congratulations! You have been selected to win a new iPhone!
You are today's lucky visitor, claim your $1000 gift card.
Free Amazon voucher for the first 100 people.
We are giving away 50 PlayStation consoles this week.

Just complete a short survey to claim your reward.
Hurry, offer expires in 10 minutes.
-

Claim here: {site}
Click to collect your prize {site}
""",
        "giveaway/lottery": """
Your email has won {money} in the international online lottery.
You are the winner of our annual customer reward draw.
Dear winner, your prize of {money} is waiting to be claimed.

Send your full name and address to receive your payment.
Contact our claims agent {spamname} immediately.

Email {contact}
Reply to {contact}
""",
        "giveaway/survey": """
Get paid for surveys, earn $50 per survey completed.
Answer 3 questions and get free gift cards.
Test new products at home and keep them for free.

Sign up in 60 seconds, start earning today.
Members earn up to {money} monthly.

Start here {site}
Join now {site}
""",
        "shop/replica": """
High quality replica watches at the best prices.
Designer bags and shoes up to 90% off.
Luxury brand outlet, cheap and fast shipping.

Best deals online, free shipping worldwide.
Limited time sale, buy now.

Shop now {site}
Visit our store {site}
""",
        "shop/sneakers": """
Cheap jordans and sneakers for sale, factory price.
Wholesale fashion clothing, lowest price online.
Sunglasses sale, all brands 80% off.

Fast delivery, 100% satisfaction.
-

Order {site}
Buy at {site}
""",
        "social/followers": """
Buy Instagram followers cheap, 10000 followers in 24 hours.
Get real TikTok likes and views instantly.
Grow your YouTube channel fast with real subscribers.

Safe, fast and cheap, no password needed.
Go viral today.

Order at {site}
Visit {site}
""",
        "social/dating": """
Hot singles in your area are waiting to chat.
Lonely? Meet beautiful women near you tonight.
I am looking for a serious man, see my photos.

Free registration, chat now.
Click my profile to see more.

{site}
Meet me here {site}
""",
        "foreign/spanish": """
Gana dinero desde casa con bitcoin, {money} al mes.
Préstamos rápidos sin aval, aprobación inmediata.
Casino en línea con bono de bienvenida del 200%.

Regístrate gratis y empieza hoy.
Oferta limitada.

Visita {site}
Más información en {site}
""",
        "foreign/german": """
Online Casino mit 100 Freispielen ohne Einzahlung!
Verdienen Sie {money} pro Monat von zu Hause aus.
Günstige Kredite ohne Schufa, sofort ausgezahlt.

Jetzt anmelden und gewinnen.
Nur heute gültig.

Hier klicken {site}
Mehr unter {site}
""",
        "foreign/french": """
Achetez du viagra sans ordonnance au meilleur prix.
Gagnez de l'argent facilement depuis chez vous.
Prêt rapide entre particuliers, réponse en 24 heures.

Livraison discrète et rapide.
Offre exclusive aujourd'hui.

Commandez sur {site}
Contactez {contact}
""",
        "foreign/russian": """
Продвижение сайтов в топ Google, быстро и недорого.
Заработок в интернете от {money} в месяц без вложений.
Лучшее онлайн казино, бонус 200% на первый депозит.

Пишите нам прямо сейчас.
Гарантия результата.

Подробнее {site}
Сайт {site}
""",
        "foreign/portuguese": """
Ganhe dinheiro em casa trabalhando apenas {hours} por dia.
Empréstimo rápido sem consulta ao SPC, aprovado na hora.
Cassino online com bônus de boas-vindas.

Cadastre-se grátis agora.
Vagas limitadas.

Acesse {site}
Saiba mais {site}
""",
    }
)
