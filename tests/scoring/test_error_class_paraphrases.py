"""More texts per error class of issue 16, each in words of its own: the tuning side's check
that a rule holds for a class, not for one phrasing. None of these is in the held-out set."""

import json
from pathlib import Path

import pytest

from scoring import rate


def rated(text, **record):
    return rate({"name": "Testapp", "description": text, "languages": ["nl"], **record})

@pytest.mark.parametrize("text, expected", [
    ("Deze app is bedoeld voor volwassenen; onder de 18? Praat dan met je mentor of de jongerenlijn.", ["algemeen"]),
    ("Minimumleeftijd 18 jaar.", ["algemeen"]),
    ("Ben je zwanger of geef je borstvoeding, neem dan contact op met je verloskundige voordat je deze app gebruikt.", ["algemeen"]),
    ("Niet voor zwangere vrouwen.", ["algemeen"]),
    ("Voor jongeren hebben we een aparte app: Rookvrije Jeugd.", ["algemeen"]),
    ("Intended for adults over 18. If you are under 18, please visit our teen site.", ["algemeen"]),
    ("Mensen met hart- en vaatziekten kunnen beter eerst hun cardioloog raadplegen.", ["algemeen"]),
    ("This app is not a medical device and is not designed for pregnant women.", ["algemeen"]),
    ("Leeftijd: 18+. Jongeren onder de 18 kunnen terecht bij de Jongerenlijn.", ["algemeen"]),
    ("Alleen voor volwassenen vanaf 18 jaar; tieners vinden hulp op een andere plek.", ["algemeen"]),
    ("Zwanger? Deze app past dan niet bij jou: vraag je verloskundige om begeleiding.", ["algemeen"]),
    ("Na tien jaar rookvrij is je risico op longkanker gehalveerd en daalt de kans op COPD.", ["algemeen"]),
    ("Lees alles over roken en diabetes in onze kennisbank.", ["algemeen"]),
    ("Quitting lowers your risk of heart disease, stroke and diabetes.", ["algemeen"]),
    ("Roken is slecht voor je hart, je longen en je bloedvaten.", ["algemeen"]),
    ("Ontdek hoe roken astma verergert.", ["algemeen"]),
    ("Rokers hebben vaker COPD en hart- en vaatziekten; stoppen helpt.", ["algemeen"]),
    ("Smoking causes COPD, so quitting is the best thing you can do for your lungs.", ["algemeen"]),
    ("Lijd je aan COPD en wil je stoppen? Deze app helpt je.", ["chronisch"]),
    ("Speciaal ontwikkeld voor rokers met een longziekte.", ["chronisch"]),
    ("For people who have type 2 diabetes and want to quit.", ["chronisch"]),
    ("Voor iedereen die het niet breed heeft.", ["lage_sep"]),
    ("Leef je van een bijstandsuitkering? Stoppen bespaart je honderden euro's.", ["lage_sep"]),
    ("Met pictogrammen en ingesproken uitleg.", ["laaggeletterd"]),
    ("Voor mensen die niet zo goed kunnen lezen en schrijven.", ["laaggeletterd"]),
    ("Voor scholieren van 12 tot 18 jaar.", ["jongeren"]),
    ("Voor jongeren tussen 14 en 18 jaar.", ["jongeren"]),
    ("Designed for young people aged 16-24.", ["jongeren", "jongvolwassenen"]),
    ("Veel uitleg met plaatjes en weinig woorden.", ["laaggeletterd"]),
    ("Voor aanstaande ouders die samen willen stoppen.", ["zwanger"]),
    ("Voor rokers die binnenkort geopereerd worden.", ["operatie"]),
    ("Voor mensen met een smalle beurs.", ["lage_sep"]),
    ("Weinig te besteden? Deze app is helemaal gratis.", ["lage_sep"]),
    ("Hou je niet van lezen? Alles wordt voorgelezen.", ["laaggeletterd"]),
    ("Voor jongeren tot 18 jaar.", ["jongeren"]),
    ("For teens up to 18.", ["jongeren"]),
    ("Lees over de kans op een ongeplande zwangerschap.", ["algemeen"]),
    ("Roken tijdens de zwangerschap schaadt het ongeboren kind; stoppen loont voor iedereen.", ["algemeen"]),
    ("Rookvrij tijdens je zwangerschap: deze app helpt je.", ["zwanger"]),
    ("Stoppen met roken tijdens de zwangerschap? Wij helpen je.", ["zwanger"]),
    ("Wat gebeurt er bij een operatie aan je longen? Lees het in de bibliotheek.", ["algemeen"]),
    ("Stop met roken voor je operatie: dan herstel je sneller.", ["operatie"]),
    ("Voor mensen die een hartaanval hebben gehad en willen stoppen.", ["chronisch"]),
    ("Twee derde van de studenten in ons onderzoek stopte.", ["algemeen"]),
    ("Speciaal voor studenten die willen stoppen.", ["jongvolwassenen"]),
    ("This app is for adults: if you are under 18, ask your school nurse about a programme for your age.", ["algemeen"]),
    ("A quit programme for students aged 14 to 18.", ["jongeren"]),
    ("Dit programma is voor volwassen rokers; bent u zwanger, dan kunt u beter een programma kiezen dat daarvoor gemaakt is.", ["algemeen"]),
    ("Kies een doel, bijvoorbeeld: ik wil zwanger worden, of ik wil beter kunnen sporten.", ["algemeen"]),
    ("Wil je zwanger worden? Stop dan nu met roken, wij helpen je.", ["zwanger"]),
    ("Gebruik je bloedverdunners, overleg dan eerst met je huisarts; de app is niet ontworpen voor hartpatiënten.", ["algemeen"]),
    ("Voor iedereen tussen de 17 en 24 die wil stoppen.", ["jongeren", "jongvolwassenen"]),
    ("Rook je tussen de 10 en 20 sigaretten per dag? Deze app helpt.", ["algemeen"]),
    ("Voor ouders van kinderen van 0 tot 12 jaar die willen stoppen.", ["algemeen"]),
    ("Heeft u hartklachten, overleg dan eerst met uw arts voordat u nicotinepleisters gebruikt.", ["algemeen"]),
    ("Planning a pregnancy? This programme wasn't made for expectant mothers; ask your midwife.", ["algemeen"]),
    ("Bestaande cursussen zijn niet toegesneden op mensen met een smalle beurs; Stapvrij is voor iedereen.", ["algemeen"]),
    ("Zit je nog op school? Vraag dan je mentor naar het jongerenprogramma.", ["algemeen"]),
    ("Gemaakt voor zwangere vrouwen, maar iedereen die wil stoppen is welkom.", ["algemeen", "zwanger"]),
    ("Voor iedereen van 16 jaar en ouder.", ["algemeen", "jongeren"]),
    ("Open to anyone 18+.", ["algemeen"]),
    ("Vanaf 1 januari is onze kliniek helemaal rookvrij.", ["algemeen"]),
    ("Lees waarom rokers na een operatie trager herstellen.", ["algemeen"]),
    ("Voor mensen met longklachten die willen stoppen.", ["chronisch"]),
    ("Made for 14 to 17 year olds. If you are 18 or older, use our adult app instead.", ["jongeren"]),
    ("Zwanger? Je verloskundige is de beste plek om te beginnen; deze app is daar niet op ingericht.", ["algemeen"]),
    ("Heb je astma? Gebruik deze app dan liever niet, maar praat met je longarts.", ["algemeen"]),
    ("Jaarlijks roken ongeveer 30.000 vrouwen en tieners tijdens de zwangerschap. Deze lijn helpt zwangere rokers.", ["zwanger"]),
    ("Voor jongeren van 15 tot en met 17 jaar.", ["jongeren"]),
    ("For youths who want to quit vaping.", ["jongeren"]),
    ("Voor rokers met een sociaal-economische achterstand.", ["lage_sep"]),
    ("Zwangere vrouwen hebben recht op maximaal 8 terugbetaalde sessies.", ["algemeen"]),
    ("Doelgroep: studenten van de hogeschool die dagelijks roken.", ["jongvolwassenen"]),
    ("Students who smoke can join the campus challenge.", ["jongvolwassenen"]),
    ("Open to everyone who wants to join, whatever their age.", ["algemeen"]),
    ("Young adults (18-24) and adults (25+) each get their own track.", ["algemeen", "jongvolwassenen"]),
])
def test_target_group_paraphrases(text, expected):
    assert sorted(rated(text)["target_groups"]["value"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("Elke ochtend ontvang je een pushmelding met een tip.", True),
    ("Je krijgt wekelijks een e-mail van je coach.", True),
    ("De app stuurt je nooit berichten; jij bepaalt wanneer je hem opent.", False),
    ("We sturen je een sms als je een mijlpaal bereikt.", True),
    ("Je telefoon geeft een seintje op momenten dat je normaal rookt.", True),
    ("No push notifications, ever.", False),
    ("Receive a nudge when it's time to check in.", True),
    ("Deze app werkt zonder notificaties.", False),
    ("De app herinnert je eraan om water te drinken.", True),
    ("Dagelijks een motiverend berichtje op je lockscreen.", True),
    ("Meldingen staan uit en kun je ook niet aanzetten.", False),
    ("Gives you daily hints and tips to manage cravings.", True),
    ("You'll get a text from your coach every week.", True),
    ("Wij mailen je elke maandag een nieuwe opdracht.", True),
    ("De app laat je met rust: geen piepjes, geen pop-ups.", False),
    ("Je buddy kan je vanuit de app een sms sturen.", True),
    ("Zet een wekker voor je stopmoment.", True),
    ("Een notificatie waarschuwt je als je bijna een week rookvrij bent.", True),
    ("De app stuurt geen meldingen.", False),
    ("Je ontvangt geen enkele notificatie.", False),
    ("Met een stopwatch die je rookvrije tijd bijhoudt.", None),
    ("Ontvang motivatie op de momenten dat je het nodig hebt.", True),
    ("We houden je op de hoogte van je voortgang met wekelijkse updates.", True),
    ("Get a weekly progress report in your inbox.", True),
    ("Je telefoon trilt zachtjes als het tijd is voor je ademhalingsoefening.", True),
    ("Stel herinneringen in voor je medicatie.", True),
    ("Krijg elke dag een nieuwe uitdaging.", True),
    ("The app checks in with you every evening.", True),
    ("Elke week een mail met nieuwe tips.", True),
    ("Smart notifications at your high-risk moments.", True),
    ("Met push-berichten die je aanmoedigen.", True),
    ("Je kunt een herinnering instellen.", True),
    ("Helemaal zonder pushberichten of e-mails.", False),
    ("We will never spam you with notifications.", False),
    ("Geen meldingen, geen reclame, geen gedoe.", False),
    ("Houd bij hoeveel je rookt.", None),
    ("Met een overzicht van je rookvrije dagen.", None),
    ("Elke zondag herinnert de app je aan je doel.", True),
    ("You'll never get a reminder or alert from us.", False),
    ("Je ontvangt een felicitatie bij elke mijlpaal.", True),
    ("Stay motivated with daily quotes on your lock screen.", True),
    ("We'll send you a quick check-in after your first smoke-free day.", True),
    ("Onze coach-bot appt je als je een moeilijk moment hebt aangegeven.", True),
    ("Ontvang wekelijks een samenvatting van je voortgang.", True),
    ("Widgets op je beginscherm tonen je rookvrije tijd.", None),
    ("Volledig offline, zonder account en zonder meldingen.", False),
    ("Turn on reminders to log your cravings.", True),
    ("The app buzzes when it's time for your breathing exercise.", True),
    ("Schakel pushmeldingen in om niets te missen.", True),
    ("De app stuurt nooit uit zichzelf een bericht.", False),
    ("Rond je risicomomenten laat je telefoon je even trillen.", True),
    ("Deelnemers krijgen via de app dagelijks steun bij hun poging.", True),
    ("Your nurse writes the plan with you and the app sends you her messages in between.", True),
    ("Elke ochtend ontvang je een korte tip.", True),
    ("Je krijgt elke avond een bericht met je voortgang.", True),
    ("Elke ochtend vraagt de app hoe je je voelt.", True),
    ("Motiverende feedback via de app houdt je op koers.", True),
    ("Geen reclame, abonnementen of meldingen: je opent de app wanneer jij wilt.", False),
    ("Geen reclame, dagelijkse herinneringen en een teller.", True),
    ("De app stuurt je elke ochtend een vraag over je slaap.", True),
    ("Met dagelijkse opdrachten en een teller.", None),
    ("Souffle ne vous envoie aucune notification.", False),
    ("Elke dag ontvang je een korte opdracht.", True),
    ("Je kiest zelf de datum en noteert wanneer je rookt.", None),
    ("Je krijgt een korte tip elke avond voor het slapengaan.", True),
    ("Elke ochtend een check-in van één minuut: hoe voel je je?", True),
    ("Appen varsler deg med daglige påminnelser.", True),
    ("Das Programm begleitet dich jeden Tag mit neuen Aufgaben.", True),
])
def test_notification_paraphrases(text, expected):
    assert rated(text)["notifications"]["value"]["has"] is expected


@pytest.mark.parametrize("text, expected", [
    ("Gratis te downloaden. Voor €4,99 per maand krijg je toegang tot alle programma's.", ("free_with_paid_extras", None)),
    ("Download gratis; extra oefeningen koop je los in de app.", ("free_with_paid_extras", None)),
    ("Bevat advertenties. Met Premium zijn ze weg.", ("free_with_paid_extras", True)),
    ("De app is gratis en wordt betaald uit reclame.", ("free", True)),
    ("Eenmalig €2,99, geen abonnement.", ("paid", None)),
    ("Probeer 7 dagen gratis, daarna €39,99 per jaar.", ("paid", None)),
    ("Gratis, zonder reclame en zonder verborgen kosten.", ("free", False)),
    ("Free with optional in-app purchases.", ("free_with_paid_extras", None)),
    ("Contains ads.", ("unknown", True)),
    ("Upgrade naar Plus voor €1,99 en krijg extra thema's.", ("free_with_paid_extras", None)),
    ("Sommige functies vereisen een betaald lidmaatschap.", ("free_with_paid_extras", None)),
    ("Je ziet af en toe een advertentie onderaan het scherm.", ("unknown", True)),
    ("Gratis app. Advertenties helpen ons de app gratis te houden.", ("free", True)),
    ("Kost €3,49.", ("paid", None)),
    ("Na de proefweek betaal je 3,99 euro per maand.", ("paid", None)),
    ("De basisversie is gratis; de volledige cursus kost 9,99 euro.", ("free_with_paid_extras", None)),
    ("Free coaching over the phone, and nicotine patches cost $3 a week at the pharmacy.", ("free", None)),
    ("Gratis coaching; nicotinepleisters kosten je maar € 5 per maand.", ("free", None)),
    ("Met nicotinepleisters en coaching, kost de app € 4,99 per maand.", ("paid", None)),
    ("Banners van adverteerders onderin; de versie zonder banners kost eenmalig € 1,99.", ("free_with_paid_extras", True)),
    ("The app provides advertising; a purchase removes the banners.", ("free_with_paid_extras", True)),
    ("Deze versie zonder reclame is helemaal gratis.", ("free", False)),
])
def test_cost_and_ads_paraphrases(text, expected):
    value = rated(text)["blended_care"]["value"]
    assert (value["cost"], value["ads"]) == expected


@pytest.mark.parametrize("text, promoted", [
    ("Onze kruidenthee helpt je door de eerste rookvrije weken.", True),
    ("Met homeopathische druppels tegen de trek.", True),
    ("Stap over op een e-sigaret en bouw de nicotine langzaam af.", True),
    ("Kies voor verhitte tabak: minder schadelijk dan roken.", True),
    ("Eén sessie hypnotherapie en je bent voorgoed van de sigaret af.", True),
    ("Ontgift je lichaam met onze 7-daagse detoxkuur en stop met roken.", True),
    ("Draag de magnetische oorclip en je trek verdwijnt.", True),
    ("Bioresonantie spoort je verslaving op en neutraliseert die.", True),
    ("Laserbehandeling bij onze partnerklinieken: stoppen in één uur.", True),
    ("Acupressuur op je oor helpt tegen de trek.", True),
    ("Stoppen zonder moeite: met onze methode heb je geen last van ontwenning.", True),
    ("Vapen is de beste manier om van de sigaret af te komen.", True),
    ("Switch to a heated tobacco device and leave smoke behind.", True),
    ("Our natural quit-smoking supplement curbs cravings.", True),
    ("Gebruik nicotinezakjes als overstap naar een rookvrij leven.", True),
    ("With our e-liquid starter pack, quitting gets easy.", True),
    ("Stoppen met roken met behulp van zelfhypnose-audio's.", True),
    ("Onze vape-kit helpt je van de sigaret af.", True),
    ("Bestel je eerste IQOS via de app en rook nooit meer een sigaret.", True),
    ("You are offered a nicotine vape alongside patches.", True),
    ("Probeer onze plantaardige tabletten: 100% natuurlijk en zonder bijwerkingen.", True),
    ("Luister naar de hypnose-sessie voor het slapengaan.", True),
    ("E-sigaretten zijn geen goed hulpmiddel om te stoppen, zegt het Trimbos-instituut.", False),
    ("Hypnose, laser of acupunctuur? Daar is geen bewijs voor. Wij helpen je met een coach.", False),
    ("Wij adviseren geen kruidenmiddelen: de werking is niet aangetoond.", False),
    ("Homeopathie werkt niet tegen nicotineverslaving.", False),
    ("Beware of miracle cures like laser or hypnosis: they don't work.", False),
    ("Let op: verhitte tabak is net zo schadelijk als gewone sigaretten.", False),
    ("Vapen is niet gezond en geen stopmethode.", False),
    ("Helps you quit vaping, smoking or both.", False),
    ("Voor wie wil stoppen met de e-sigaret.", False),
    ("Trap niet in beloftes over laser of hypnose.", False),
    ("Stoppen met snus of nicotinezakjes? Ook daarbij helpt deze app.", False),
    ("We steer clear of gimmicks such as hypnosis and e-cigarettes.", False),
    ("Sommige mensen proberen hypnose of een laserkuur. Dat raden wij niet aan.", False),
    ("Magnets and detox patches are not backed by evidence.", False),
    ("Many people ask about acupuncture. It has not been proven to help, so we do not offer it.", False),
    ("Veel mensen vragen naar hypnose. In deze app leggen we uit waarom we dat niet aanraden.", False),
    ("We look at acupuncture and laser, and explain why the evidence does not support them.", False),
    ("Artsen denken niet aan hypnose, maar met hypnose ben je er in twee sessies vanaf.", True),
    ("Stoppen wordt heel makkelijk met onze methode.", True),
    ("Stap in zes weken over op een verhit tabaksapparaat.", True),
    ("Sommige mensen proberen een laser. Onderzoek laat zien dat die geen enkel effect heeft.", False),
    ("You won't find hypnosis or e-cigarettes in this app.", False),
    ("Track your smoking type: cigarettes, vape or cigars.", False),
    ("Voor jongeren die van de sigaret of de vape af willen.", False),
    ("Stoppen met de e-sigaret? Ruil eerst je sigaretten in voor een vape, dat is de makkelijkste route.", True),
    ("VapeVrij helpt je van het vapen af, met een stopdatum en een teller.", False),
    ("Pouches zijn volgens sommige winkels een uitweg. Wij zijn het daar niet mee eens: ze houden je verslaafd.", False),
    ("Be wary of quick fixes: detox kits and laser sessions have not been shown to work.", False),
    ("Log your cigarette/cigar/vape use and see your trends.", False),
    ("Methoden die onvoldoende bewezen zijn, vergoedt de verzekeraar niet. Het gaat dan om hypnose en lasertherapie.", False),
    ("Wij verkopen nooit kruidenpillen, magneetarmbanden of een 'makkelijke manier'.", False),
    ("No detox kits, magnets or hypnosis here, just a plan.", False),
    ("Lukt het niet met pleisters, dan stap je over op verhitte tabak uit onze webshop.", True),
    ("Gaat minderen niet, dan raden we nicotinezakjes aan als tussenstap.", True),
    ("Denk aan hypnose of acupunctuur. Er is echter geen bewijs dat deze methoden werken.", False),
    ("Beloftes als 'stoppen zonder wilskracht' kloppen niet.", False),
    ("Ni l'hypnose ni le laser n'ont prouvé leur efficacité.", False),
    ("Helps teens quit using vapes, one day at a time.", False),
    ("We do not have confidence in e-cigarettes as a way to stop and recommend patches.", False),
    ("Jongeren gaan steeds meer vapen, wat vaak een opstapje is naar de sigaret.", False),
    ("Hjelp til å slutte med røyk og snus.", False),
    ("Para quem quer largar o cigarro, o vape e o tabaco.", False),
])
def test_unproven_method_paraphrases(text, promoted):
    assert ("unproven_method" in rated(text)["flags"]["value"]) is promoted


@pytest.mark.parametrize("text, expected", [
    ("Uit onderzoek blijkt dat gebruikers twee keer zo vaak stoppen.", "claimed"),
    ("Backed by science.", "claimed"),
    ("87% van onze gebruikers is na drie maanden nog rookvrij.", "claimed"),
    ("Wetenschappelijk onderbouwd programma.", "claimed"),
    ("Our clinical study found users were 3x more likely to quit.", "claimed"),
    ("Effectiviteit aangetoond in een gerandomiseerde studie.", "claimed"),
    ("Proven method used by millions.", "claimed"),
    ("Bewezen effectief volgens onderzoek van de Universiteit Maastricht.", "claimed"),
    ("Volgens ons onderzoek stopt 1 op de 3 gebruikers binnen een maand.", "claimed"),
    ("Onze gebruikers stoppen vaker dan rokers zonder app, zo bleek uit ons eigen onderzoek.", "claimed"),
    ("Evidence-informed and built on behaviour change science.", "claimed"),
    ("Samen met de universiteit getest bij 500 rokers.", "claimed"),
    ("Met een slagingspercentage van 70%.", "claimed"),
    ("Al meer dan tienduizend tevreden gebruikers gingen je voor.", "claimed"),
    ("Vorig jaar stopte zeventig procent van de deelnemers.", "claimed"),
    ("Our approach is backed by peer-reviewed research.", "claimed"),
    ("Uit onze eigen peiling blijkt dat 70 procent na een maand niet meer rookt.", "claimed"),
    ("Built on proven quit-smoking strategies.", "claimed"),
    ("Vraag je apotheker naar pleisters of kauwgom: die zijn bewezen effectief.", "unknown"),
    ("Uit een enquête onder 2.400 van onze deelnemers blijkt dat ze vaker stoppen.", "claimed"),
    ("Zeven op de tien deelnemers zijn na een half jaar nog rookvrij.", "claimed"),
    ("De resultaten van onze pilot laten zien dat meer mensen stoppen.", "claimed"),
    ("Métodos basados en estudios científicos.", "claimed"),
    ("Wissenschaftlich belegt: unser Programm hilft.", "claimed"),
    ("De meest succesvolle methode om te stoppen.", "claimed"),
    ("Ontwikkeld samen met de Universiteit Utrecht.", "claimed"),
    ("Based on acceptance and commitment therapy.", "claimed"),
    ("De gezondheidsrisico's van roken zijn wetenschappelijk bewezen.", "unknown"),
    ("Het programma moet bewezen effectief zijn om vergoed te worden.", "unknown"),
    ("Uit onderzoek blijkt dat rokers die voor een operatie stoppen minder kans op complicaties hebben.", "unknown"),
    ("Onderzoek laat niet zien dat laser helpt.", "unknown"),
    ("Elaborada por expertos en tabaquismo.", "claimed"),
    ("Results of our pilot study with forty smokers were positive.", "claimed"),
    ("One in four of our registered users had stopped smoking after six weeks.", "claimed"),
    ("Na een jaar rookt 40 procent van onze cursisten nog steeds niet.", "claimed"),
    ("Eén op de vijf Nederlanders rookt.", "unknown"),
])
def test_claim_paraphrases(text, expected):
    assert rated(text)["evidence"]["value"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Plan een afspraak met je praktijkondersteuner via de app.", True),
    ("Bel gratis met een coach van de Stoplijn.", True),
    ("Chat met een ervaren stoppen-met-rokenbegeleider.", True),
    ("Talk to a trained advisor at the NHS Smokefree helpline.", True),
    ("Samen met een leefstijlcoach werk je aan je stopplan.", True),
    ("Maak een afspraak bij de huisarts.", True),
    ("Deze app vervangt geen arts.", False),
    ("Onze AI-coach staat dag en nacht voor je klaar.", False),
    ("Ontwikkeld door verpleegkundigen en artsen.", False),
    ("Not a substitute for professional medical advice.", False),
    ("De cursus bestaat uit zes groepsbijeenkomsten onder leiding van een ervaren trainer.", True),
    ("Wil je liever persoonlijke hulp? Een stopcoach van de GGD belt je terug.", True),
    ("Via de app kun je direct een videogesprek plannen met een stoppen-met-rokencoach.", True),
    ("Je huisarts of praktijkondersteuner kan je verder helpen met medicijnen.", True),
    ("Need more help? Call the Stoplijn on 0800-1995.", True),
    ("Neem gerust contact op met de apotheker voor advies over nicotinepleisters.", True),
    ("Met een chatbot die 24/7 je vragen beantwoordt.", False),
    ("Deze app is geen vervanging voor een behandeling door je huisarts.", False),
    ("Je verpleegkundige belt je elke week.", True),
    ("Je werkt samen met een stopcoach van de GGD.", True),
    ("Met De Stopcoach-app stop je in vijf stappen; je virtuele coach helpt je.", False),
    ("Zwanger? Gebruik deze app dan niet; je verloskundige helpt je verder.", False),
    ("In week 2 belt een verpleegkundige van de poli je op.", True),
    ("Chat one-to-one with your stop smoking advisor.", True),
    # A rubric phrase that ends in a space ("zwanger of ") matched nothing before 2026.12.7.
    ("Zwanger of geef je borstvoeding? Dan is deze app niet geschikt; bespreek het met je verloskundige.", False),
    ("Smoke Free is your personal health coach in your pocket.", False),
    ("Je gezondheidscoach belt je in de eerste week twee keer.", True),
])
def test_referral_paraphrases(text, expected):
    assert rated(text)["blended_care"]["value"]["refers_to_professional"] is expected


@pytest.mark.parametrize("text, expected", [
    ("Gebruik je nicotinepleisters? Houd in de app bij wanneer je ze plakt.", True),
    ("Vraag je huisarts naar varenicline of cytisine.", True),
    ("Combineer de app met nicotinekauwgom voor de beste kans.", True),
    ("Nicotine gum and lozenges double your chances.", True),
    ("Zonder pleisters of pillen: alleen jij en je wilskracht.", False),
    ("Stoppen zonder medicijnen.", False),
    ("Gebruik je ook nicotinevervangers? Dan verdubbel je je kans.", True),
    ("Bespreek met je huisarts of medicatie zoals varenicline iets voor jou is.", True),
    ("Je kunt je aanmelden voor een gratis telefonische coachingstraject.", True),
    ("Niet nodig: pleisters, kauwgom of pillen.", False),
    ("Je krijgt tips van een verpleegkundige via de chat.", True),
    ("Meld je aan voor de stoppen-met-rokencursus van de GGD.", True),
    ("Gaat het minder goed, dan neemt je praktijkondersteuner contact met je op.", True),
    ("Stop-ondersteuning door je verloskundige hoort bij de zorg.", True),
    ("We verwijzen je naar een stoppen-met-rokentraject bij jou in de buurt.", True),
    ("Your practice nurse from the local clinic will call you when you need a hand.", True),
    ("Je krijgt persoonlijke begeleiding bij het stoppen.", True),
    ("With this method, patches become unnecessary.", False),
    ("Via de app krijg je dagelijks begeleiding en steun.", False),
    ("Your health coach messages you in the app whenever you need support.", True),
    ("De verloskundige kijkt in de app mee en neemt bij een moeilijke week contact met je op.", True),
    ("Deelnemers die al nicotinepleisters gebruikten, werden uitgesloten van het onderzoek.", False),
])
def test_guideline_aid_paraphrases(text, expected):
    assert rated(text)["blended_care"]["value"]["advises_aids"] is expected


@pytest.mark.parametrize("text, expected", [
    ("Kies je stopdag en maak een plan.", ["stopplan"]),
    ("Wat doe je als je toch een sigaret rookt? De app helpt je weer op weg.", ["terugvalpreventie"]),
    ("Leer omgaan met ontwenningsverschijnselen zoals prikkelbaarheid.", ["voorbereiding"]),
    ("Beantwoord eerst een paar vragen over je rookgedrag.", ["intake"]),
    ("Na je stopdag bellen we je na een week, een maand en drie maanden.", ["stopplan", "vervolgafspraak"]),
    ("Een uitglijder betekent niet dat je hebt gefaald.", ["terugvalpreventie"]),
    ("Houd je trekaanvallen bij in het logboek.", ["moeilijke_momenten"]),
    ("Je coach belt je zes weken lang elke week.", ["vervolgafspraak"]),
    ("De verpleegkundige bespreekt je stopverloop bij de volgende controle.", ["vervolgafspraak"]),
    ("Zie wat stoppen je per maand oplevert.", ["voor_nadelen"]),
    ("Na vijf jaar rookvrij is de kans op een beroerte flink gedaald.", ["voor_nadelen"]),
    ("Rokers die voor hun ingreep stoppen, genezen sneller.", ["voor_nadelen"]),
    ("Je maakt een afbouwschema dat bij je past.", ["stopplan"]),
    ("Daarna volgen vier gesprekken met je coach.", ["vervolgafspraak"]),
    ("Begrijp je verslaving en de lichamelijke afhankelijkheid.", ["voorbereiding"]),
    ("Wanneer u wilt stoppen met roken, kunt u een cursus volgen.", []),
    ("Users first complete a short assessment about their smoking.", ["intake"]),
    ("Learn your smoking patterns with the daily log.", ["functie_roken"]),
    ("Houd bij hoeveel je rookt en op welke momenten.", ["functie_roken"]),
    ("De app laat je telefoon trillen op de tijden dat je meestal rookt.", ["functie_roken", "moeilijke_momenten"]),
    ("Volg een 6-week schedule that lowers your nicotine step by step.", ["stopplan"]),
    ("Je stelt een persoonlijk stopschema op.", ["stopplan"]),
    ("Noteer je redenen om te stoppen.", ["voor_nadelen"]),
    ("Smoking raises your blood pressure.", ["voor_nadelen"]),
    ("Consejos para las ganas de fumar.", ["moeilijke_momenten"]),
    ("Sie erfahren, wie der Nikotinentzug abläuft.", ["voorbereiding"]),
])
def test_checklist_paraphrases(text, expected):
    assert sorted(rated(text)["components"]["value"]["checklist"]) == expected


@pytest.mark.parametrize("text, expected", [
    ("Alle functies zijn gratis, voor altijd.", "free"),
    ("Een abonnement kost 4,99 per maand, de eerste week is gratis.", "paid"),
    ("Free to download. Optional Pro upgrade unlocks extra programs.", "free_with_paid_extras"),
    ("Gratis. Wil je de app steunen, dan kun je een kleine donatie doen.", "free"),
    ("Download gratis; na een proefweek ontgrendel je de cursus met een abonnement van € 2,99 per maand.", "free_with_paid_extras"),
    ("Download zonder te betalen; extra oefeningen koop je eenmalig voor € 2,49 in de app.", "free_with_paid_extras"),
    ("Try all features for 14 days at no charge; then it is $4.99 a month.", "paid"),
    ("Bel gratis met de Stoplijn als je er even doorheen zit.", "unknown"),
    ("Free core features; Pro unlocks unlimited coaching.", "free_with_paid_extras"),
    ("Voor de begeleiding betaal je een eigen bijdrage per consult.", "paid"),
    ("We record in-app activity to show your streak.", "unknown"),
    ("Rook je een pakje per dag van € 9, dan bespaar je zo € 270 per maand.", "unknown"),
    ("Probeer de app tien dagen kosteloos; daarna kost een abonnement € 5,99 per maand.", "paid"),
    ("Track your days on this smoke-free app.", "unknown"),
    ("De begeleiding kost u niets.", "free"),
    ("Volledig vergoed vanuit de basisverzekering; het eigen risico geldt hier niet.", "free"),
    ("De consulten gaan van je eigen risico af.", "paid"),
    ("Het programma valt niet meer onder het eigen risico.", "free"),
    ("Het programma wordt volledig vergoed door je zorgverzekeraar.", "free"),
    ("Vergoed door je verzekeraar, maar je betaalt een eigen bijdrage van € 20.", "paid"),
    ("Die ersten 14 Tage sind kostenlos, danach 4,99 € im Monat.", "paid"),
    ("Probeer alles een week zonder te betalen; daarna € 3,99 per maand.", "paid"),
    ("Gratis met reclame; voor € 1,99 haal je de reclame weg.", "free_with_paid_extras"),
    ("The Smoke Free app tracks your days.", "unknown"),
    ("Our text service is a free 6-week program.", "free"),
    ("De in-app-aankoop van € 4,99 ontgrendelt alles; installeren is gratis.", "free_with_paid_extras"),
    ("De eerste week van de app is gratis, daarna € 2,99 per maand.", "paid"),
    ("De hulpmiddelen vallen onder uw verplichte eigen risico.", "paid"),
])
def test_cost_paraphrases(text, expected):
    assert rated(text)["blended_care"]["value"]["cost"] == expected


@pytest.mark.parametrize("text, expected", [
    ("Geen advertenties, geen tracking.", False),
    ("The free version is supported by ads.", True),
    ("Deze gratis app toont soms reclame van partners.", True),
    ("Om de app gratis te houden zie je onderaan het scherm soms een advertentie.", True),
    ("The app is free and never shows ads.", False),
    ("Reclame kom je in deze app niet tegen.", False),
    ("In de gratis versie zie je soms reclame; met Premium krijg je extra oefeningen en geen reclame meer.", True),
    ("You won't see a single ad in this app.", False),
    ("Keine Werbung, keine Kosten.", False),
    ("An ad supported service.", True),
    ("Wie niet betaalt, ziet onderin een reclamebanner.", True),
])
def test_ads_paraphrases(text, expected):
    assert rated(text)["blended_care"]["value"]["ads"] is expected


def _ggd_texts():
    """Real GGD AppStore descriptions (2024) of health apps on every topic."""
    path = Path(__file__).parents[1] / "fixtures" / "topic" / "ggdappstore-2024.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        app = json.loads(line)
        yield app["name"], f"{app.get('short') or ''}\n{app.get('long') or ''}"


def test_real_ggd_texts_get_no_group_from_a_topic():
    """Contraception and cycle apps speak of pregnancy as a topic; an app for people with
    diabetes is for them."""
    groups = {name: rated(text)["target_groups"]["value"] for name, text in _ggd_texts()}
    for name in ("Anticonceptie pil herinnering", "Lady Pill Reminder", "anticonceptievoorjou.nl",
                 "Period tracker Period calendar"):
        assert "zwanger" not in groups[name], name
    assert groups["One Drop: Better Health Today"] == ["chronisch"]


@pytest.mark.parametrize("text, expected", [
    ("Je verpleegkundige ziet je notities in haar eigen scherm.", True),
    ("Je coach reageert elke week op wat je in je logboek schrijft.", True),
    ("Houd een rookdagboek bij dat je longverpleegkundige kan inzien.", True),
    ("Votre sage-femme peut consulter vos progrès dans l'application.", True),
    ("Je ziet zelf je voortgang in een grafiek.", False),
    ("Je verloskundige ziet in de app hoe het gaat.", True),
])
def test_professional_view_paraphrases(text, expected):
    assert rated(text)["blended_care"]["value"]["professional_can_view"] is expected


@pytest.mark.parametrize("text, expected", [
    ("Elke maandag mailt je coach je een terugblik.", ["coach_message"]),
    ("Je krijgt één sms per dag.", ["daily_checkin"]),
    ("Text CRAVE and we send help right away.", ["craving_help"]),
    ("Je telefoon zoemt zodra je een mijlpaal haalt.", ["milestone"]),
    ("De app begint je dag met een korte check-in.", ["daily_checkin"]),
    ("Je telefoon trilt elke dag om acht uur.", ["daily_checkin"]),
    ("Je krijgt een sms als je drie maanden rookvrij bent.", ["milestone"]),
    ("Motivasjonsmeldinger når du trenger dem.", ["motivation"]),
])
def test_notification_kind_paraphrases(text, expected):
    assert rated(text)["notifications"]["value"]["kinds"] == expected
