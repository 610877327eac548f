"""German phrasings of the offline responder: curated, reviewed, versioned as a whole.

Same structure, strategies, slots and emotion groups as ``en``. Rules every line follows: no
promise of money, refunds or credits, no claim that the bot changed an account, no URL, no
markup; the visitor is addressed as "Sie" throughout, in a neutral company voice. Topic
extraction is English-only, so no line uses ``{topic}``: each one reads naturally for any
subject ("das", "Ihr Anliegen"). Each line is one sentence, except the numbered-steps blocks,
which are sent as one unit. Only lines in the "celebrate" strategy may sound cheerful.
"""

from __future__ import annotations

from empathy.replies.phrasings import en

VERSION = "de-2026.12.1"

# The crisis path: fixed, reviewed text. Never generated, never varied by topic.
SAFETY_FIRST = (
    "Es tut mir wirklich leid, dass Sie das gerade durchmachen, und ich bin froh, dass Sie es mir "
    "gesagt haben.",
    "Sie müssen das nicht allein durchstehen: Ich hole jetzt sofort eine Person aus unserem Team "
    "dazu.",
    "Wenn Sie in unmittelbarer Gefahr sind, rufen Sie bitte den örtlichen Notruf oder ein "
    "Krisentelefon in Ihrer Nähe an.",
)

# The same strategies and slots as English, in the same order.
SLOTS = en.SLOTS

# Emotion groups: "default" lines suit every feeling and are used alongside the group's own.
# Each mandatory slot holds at least as many lines as its English counterpart (25+ with the
# defaults), so a long conversation of one strategy stays fresh without ever repeating.
LIBRARY: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "validate_then_solve": {
        "acknowledge": {
            "anger": (
                "Ich kann gut nachvollziehen, wie frustrierend das für Sie war.",
                "Ich verstehe, dass Sie sich darüber ärgern.",
                "Sie haben allen Grund, verärgert zu sein.",
                "Ich verstehe, warum Sie das wütend macht, und es tut mir leid.",
                "Das klingt wirklich ärgerlich, und es tut mir leid, dass es passiert ist.",
                "Es tut mir leid, so hätte es für Sie auf keinen Fall laufen dürfen.",
                "Ich merke, dass Sie die Nase voll haben, und das kann ich Ihnen nicht verübeln.",
                "Es ist äußerst lästig, wenn etwas nicht so funktioniert, wie es sollte.",
                "Mich würde das an Ihrer Stelle auch frustrieren.",
                "Ich merke deutlich, wie sehr Sie das aufgebracht hat.",
                "Ihr Ärger ist absolut verständlich, und es tut mir leid.",
            ),
            "sadness": (
                "Das tut mir leid, das ist wirklich enttäuschend.",
                "Es tut mir leid, dass es nicht so gelaufen ist, wie Sie gehofft hatten.",
                "Das ist eine echte Enttäuschung, und es tut mir leid.",
                "Ich kann mir vorstellen, wie entmutigend das für Sie ist.",
                "Es tut mir leid, das zu hören, so hätte es nicht laufen sollen.",
                "Es tut mir leid, dass Sie enttäuscht wurden.",
                "Das muss ein ziemlich bedrückendes Gefühl gewesen sein, und es tut mir leid.",
                "Ich merke, wie sehr Sie das mitgenommen hat.",
                "Es ist verständlich, dass Sie das traurig stimmt.",
            ),
            "fear": (
                "Ich merke, dass Sie das beunruhigt, und das ist verständlich.",
                "Es ist nachvollziehbar, dass Sie sich dabei unwohl fühlen.",
                "Das klingt belastend, und es tut mir leid, dass Sie sich damit befassen müssen.",
                "Nicht zu wissen, was gerade vor sich geht, ist verunsichernd, das verstehe ich.",
                "Ich merke, wie viel Sorge Ihnen das bereitet.",
                "Es ist ganz natürlich, angespannt zu sein, wenn so etwas passiert.",
                "Ihre Sorge ist verständlich, und Sie sind damit hier richtig.",
            ),
            "default": (
                "Es tut mir leid, dass Sie das gerade erleben.",
                "Danke, dass Sie mir erzählen, wie es Ihnen damit ergangen ist.",
                "Es tut mir leid, dass es damit Schwierigkeiten gibt.",
                "Das klingt wirklich schwierig, das tut mir leid.",
                "Es tut mir leid, dass Sie sich damit herumschlagen mussten.",
                "Es tut mir sehr leid, wie die Sache bisher gelaufen ist.",
                "Danke, dass Sie so klar schildern, was schiefgelaufen ist.",
                "Es tut mir leid, dass Ihnen das so viel Ärger bereitet hat.",
                "Ich verstehe, warum Sie das so sehr beschäftigt.",
                "Das ist eine Menge auf einmal, und es tut mir leid.",
                "Es tut mir leid, dass Sie so viel von Ihrem Tag damit verbringen mussten.",
                "Ich verstehe Sie, und es tut mir leid, dass es so weit gekommen ist.",
                "Es tut mir leid, so etwas sollte niemand erleben müssen.",
                "Danke für Ihre Geduld in einer Situation, die so nicht hätte entstehen dürfen.",
                "Es tut mir leid, dass das so umständlich war.",
                "Danke, dass Sie mir offen sagen, wie es Ihnen damit geht.",
                "Es tut mir leid, dass Sie das so viel Kraft gekostet hat.",
                "Es tut mir leid, dass es so schwierig war.",
                "Das ist nicht in Ordnung, und es tut mir leid, dass Ihnen das passiert ist.",
                "Ich merke, wie wichtig Ihnen das ist.",
                "Es tut mir leid, dass das so belastend für Sie war.",
                "Gut, dass Sie sich damit an uns gewandt haben.",
                "Danke, dass Sie mir Ihr Anliegen schildern.",
                "Es tut mir leid, dass Ihnen das solches Kopfzerbrechen bereitet hat.",
                "Ich verstehe, dass das eine unangenehme Erfahrung war.",
                "Es tut mir leid, dass Ihnen das den Tag durcheinandergebracht hat.",
                "Es tut mir leid, dass Sie damit bisher allein gelassen wurden.",
                "Ich nehme Ihr Anliegen ernst, und es tut mir leid, dass es so gekommen ist.",
            ),
        },
        "validate": {
            "default": (
                "An Ihrer Stelle würde es wohl jedem so gehen.",
                "Ihre Zeit ist wertvoll, und das hätte nicht so mühsam sein dürfen.",
                "Es ist völlig berechtigt zu erwarten, dass das einfach funktioniert.",
                "Damit hätten Sie sich gar nicht erst befassen müssen.",
                "Nichts an Ihrer Reaktion ist unangemessen.",
                "Es ist verständlich, dass Ihre Geduld langsam am Ende ist.",
                "Dass Sie so empfinden, ist absolut nachvollziehbar.",
                "Sie durften zu Recht mehr erwarten.",
                "Die meisten Menschen wären verärgert, wenn so etwas schiefgeht.",
                "Es ist nur fair, dass Sie eine Lösung ohne langes Hin und Her möchten.",
                "Ihre Reaktion ist vollkommen verständlich.",
                "Dass es beim ersten Mal funktioniert, ist wirklich nicht zu viel verlangt.",
                "Wer sich darauf verlässt, wäre jetzt genauso enttäuscht.",
                "Ihr Unmut ist eine angemessene Reaktion auf das, was passiert ist.",
                "Sie waren geduldiger, als es die meisten gewesen wären.",
                "Es ist verständlich, dass Ihnen das viel zu viel Aufwand war.",
                "Eine klare Antwort zu wollen, ist völlig berechtigt.",
                "Es ist richtig, dass Sie das ansprechen.",
                "Es ist in Ordnung, verärgert zu sein, denn die Sache ist Ihnen wichtig.",
                "Sie hätten einen reibungsloseren Ablauf verdient.",
                "So etwas sollte niemand hinnehmen müssen.",
                "Nach so einer Erfahrung ist es ganz normal, die Geduld zu verlieren.",
                "Sie übertreiben nicht, das würde jeden stören.",
                "Ihr Frust ist berechtigt, und ich nehme ihn ernst.",
                "Es ist verständlich, enttäuscht zu sein, wenn etwas nicht klappt, auf das man "
                "sich verlässt.",
                "Niemand steckt gern fest, und es ist völlig in Ordnung, das zu sagen.",
                "Sie sollten niemandem hinterherlaufen müssen, damit etwas funktioniert.",
                "Es ist nur verständlich, dass Sie sich einen sorgfältigen Umgang mit Ihrem "
                "Anliegen wünschen.",
                "Ihre Erwartungen sind absolut angemessen.",
            ),
        },
        "progress": {
            "default": (
                "Gut, dass wir vorankommen.",
                "Danke, dass Sie dabei mit mir dranbleiben.",
                "Es klingt, als würde sich die Lage langsam etwas entspannen.",
                "Ich bin erleichtert, dass es in die richtige Richtung geht.",
                "Danke für Ihre bisherige Geduld, sie zahlt sich aus.",
                "Es fühlt sich an, als hätten wir die schwierigste Stelle hinter uns.",
                "Es klingt, als ginge es Ihnen damit jetzt etwas besser.",
                "Wir sind auf einem besseren Weg, und das verdanken wir auch Ihrer Hilfe.",
                "Schritt für Schritt wird es besser.",
            ),
        },
        "next": {
            "default": (
                "Gehen wir das gemeinsam Schritt für Schritt an.",
                "Ich bin für Sie da, und wir arbeiten das zusammen durch.",
                "Wenn Sie so weit sind, erzählen Sie mir, was zuletzt passiert ist, und wir "
                "machen von dort aus weiter.",
                "Können Sie mir mit Ihren eigenen Worten sagen, was Sie gerade am dringendsten "
                "brauchen?",
                "Was würde Ihnen in diesem Moment am meisten helfen?",
                "Wann immer Sie bereit sind, würde ich gern hören, was passiert ist.",
                "Nehmen Sie sich Zeit und erzählen Sie mir, wie der aktuelle Stand ist.",
                "Es eilt nicht, erzählen Sie mir, was daran für Sie am schwierigsten war.",
                "Ich möchte verstehen, was Sie deswegen durchgemacht haben, wann immer Sie bereit "
                "sind.",
                "Welcher Teil davon stört Sie gerade am meisten?",
                "Erzählen Sie mir, welches Ergebnis Sie sich erhoffen.",
                "Was ist für Sie das Wichtigste, das dabei herauskommen soll?",
                "Ich höre Ihnen zu, erzählen Sie einfach, was Ihnen am wichtigsten ist.",
                "Wir können in genau dem Tempo vorgehen, das Ihnen passt.",
                "Sagen Sie mir, wie es aus Ihrer Sicht weitergehen soll, dann fangen wir dort an.",
                "Wenn es hilft, beginnen Sie mit dem Teil, der Sie am meisten beschäftigt.",
                "Ich bin hier, sobald Sie weitermachen möchten.",
                "Was würde Ihnen den heutigen Tag etwas leichter machen?",
                "Gibt es noch etwas, das Sie beschäftigt und über das wir noch nicht gesprochen "
                "haben?",
                "Fangen wir mit dem an, was Ihnen am dringendsten erscheint.",
                "Sie können so viel oder so wenig erzählen, wie Sie möchten.",
                "Ich würde gern hören, wie sich das auf Sie ausgewirkt hat.",
                "Was war an der ganzen Sache am schwierigsten für Sie?",
                "Erzählen Sie mir, wie ein gutes Ergebnis für Sie aussehen würde.",
                "Wie geht es Ihnen gerade mit der Situation?",
                "Was brauchen Sie jetzt gerade von mir?",
                "Schreiben Sie mir einfach, was Sie können, ich behalte den Überblick.",
                "Erzählen Sie mir in der Reihenfolge, die Ihnen passt, wie sich das Ganze "
                "entwickelt hat.",
                "Beginnen wir damit, wie sich das heute auf Sie auswirkt.",
                "Was sollte ich als Erstes wissen, damit ich Sie richtig verstehe?",
            ),
        },
    },
    "own_and_expedite": {
        "own": {
            "default": (
                "Es tut mir leid, dass Sie das mehr als einmal ansprechen mussten.",
                "Sie sollten nicht immer wieder nachfragen müssen, und es tut mir leid, dass es "
                "so war.",
                "Es tut mir leid, dass das immer noch nicht geklärt ist.",
                "Das liegt an uns, und es tut mir leid, dass Sie sich wiederholen mussten.",
                "Ich verstehe, dass sich das schon viel zu lange hinzieht.",
                "Es tut mir leid, dass das Problem immer noch besteht.",
                "Ich verstehe Sie, und es tut mir leid, dass es so viele Nachrichten gebraucht "
                "hat.",
                "Dass Sie sich erneut melden müssen, ist nicht gut genug, und das tut mir leid.",
                "Es tut mir leid, dass sich die Sache so lange hingezogen hat.",
                "Ich weiß, dass Sie das bereits erklärt haben, und es tut mir leid, dass Sie es "
                "noch einmal tun mussten.",
                "Die Sache hat Sie eindeutig viel mehr Zeit gekostet, als nötig gewesen wäre.",
                "Es tut mir leid, dass Ihnen das immer wieder Probleme bereitet.",
                "Niemand sollte so oft nachhaken müssen.",
                "Es tut mir leid, dass daraus ein so langer Weg geworden ist.",
                "Ich sehe, dass sich das im Kreis dreht, und das ist Ihnen gegenüber nicht fair.",
                "Es tut mir leid, dass wir es bisher nicht richtig hinbekommen haben.",
                "Sie waren viel länger geduldig, als Sie es hätten sein müssen.",
                "Es tut mir leid, dass Sie das so viel Zeit gekostet hat.",
                "Ich verstehe, wie ermüdend es ist, ständig hinterherzulaufen.",
                "Danke, dass Sie nicht aufgegeben haben, und es tut mir leid, dass es so weit "
                "kommen musste.",
                "Das hätte längst geklärt sein sollen.",
                "Es tut mir leid zu hören, dass das noch immer nicht gelöst ist.",
                "Ich merke, wie zermürbt Sie davon sind, und es tut mir leid.",
                "Ich verstehe, dass Ihre Geduld zur Neige geht, und das ist nur verständlich.",
                "Es tut mir leid, dass Sie so lange warten mussten.",
                "Sich erneut damit melden zu müssen, ist frustrierend, und das tut mir leid.",
                "Es tut mir leid, dass die bisherigen Antworten nicht zusammengepasst haben.",
                "Wir hätten das von Anfang an besser machen müssen.",
            ),
        },
        "progress": {
            "default": (
                "Danke für Ihre Geduld, während wir das in Gang bringen.",
                "Ich weiß es zu schätzen, dass Sie dranbleiben.",
                "Gut zu sehen, dass sich endlich etwas bewegt.",
                "Danke fürs Durchhalten, wir kommen der Sache näher.",
                "Gut, dass das jetzt Fahrt aufnimmt.",
                "Ihre Beharrlichkeit hilft, die Sache voranzubringen.",
                "Wir sind schon deutlich weiter als noch vor ein paar Nachrichten.",
                "Danke, dass Sie gemeinsam mit mir am Ball bleiben.",
                "Es geht voran, und das liegt auch an Ihren genauen Angaben.",
            ),
        },
        "expedite": {
            "default": (
                "Konzentrieren wir uns auf den schnellsten Weg, das voranzubringen.",
                "Alles, was Sie mir geschrieben haben, bleibt in diesem Gespräch erhalten, Sie "
                "müssen also nicht von vorn anfangen.",
                "Eine Person aus unserem Team kann das weiterverfolgen und sieht dabei alles, was "
                "Sie hier geschrieben haben.",
                "Am schnellsten geht es, wenn die wichtigsten Angaben an einer Stelle stehen, "
                "also sammeln wir sie jetzt.",
                "Ich möchte, dass Ihr Anliegen bei jemandem landet, der sich darum kümmern kann.",
                "Lassen wir das übliche Hin und Her weg und kommen wir zum Wesentlichen.",
                "Tragen wir hier in einem Zug alles zusammen, was dafür nötig ist.",
                "Sie müssen Ihr Anliegen nicht noch einmal von Anfang an erklären.",
                "Der gesamte Verlauf bleibt hier für die Person erhalten, die das übernimmt.",
                "Bringen wir die Sache weiter voran, statt bei null anzufangen.",
                "Je früher alle Details an einem Ort sind, desto eher kann jemand tätig werden.",
                "Nutzen wir dieses Gespräch, um alles zu Ihrem Anliegen an einer Stelle zu "
                "bündeln.",
                "Kommen wir direkt zur Sache, damit nichts weiter aufgehalten wird.",
                "Statt Sie alles wiederholen zu lassen, bauen wir auf dem auf, was Sie schon "
                "geschrieben haben.",
                "Machen wir das Beste aus diesem Gespräch, damit es wirklich etwas bringt.",
                "Eine klare Zusammenfassung hier erspart Ihnen eine weitere Runde Rückfragen.",
                "Bleiben wir konkret und konzentrieren wir uns auf das, was die Sache wirklich "
                "voranbringt.",
                "Ihre bisherigen Nachrichten sind alle hier, es geht also nichts verloren.",
                "Finden wir genau heraus, was noch fehlt, und schließen wir diese Lücke.",
                "Wer das als Nächstes übernimmt, hat die ganze Vorgeschichte vor sich.",
                "Unser Ziel sind weniger Nachrichten und mehr Fortschritt.",
                "Halten wir das Wesentliche fest, damit es sofort weiterbearbeitet werden kann.",
                "Ich halte meine Fragen kurz, damit wir keine Zeit mehr verlieren.",
                "Wir können uns ganz auf den einen Punkt konzentrieren, der noch offen ist.",
                "Sorgen wir dafür, dass dieses Gespräch alles enthält, was für die weitere "
                "Bearbeitung nötig ist.",
                "Wenn jetzt alles klar festgehalten ist, muss Sie niemand noch einmal fragen.",
                "Je genauer wir es jetzt festhalten, desto weniger müssen Sie später nachreichen.",
            ),
        },
        "ask": {
            "default": (
                "Was wäre das Wichtigste, damit die Sache für Sie wieder in Ordnung ist?",
                "Können Sie mir die letzte Referenznummer oder Nachricht nennen, die Sie dazu "
                "erhalten haben?",
                "Was ist der letzte Stand, den Sie dazu gehört haben?",
                "Falls Sie eine Bestell- oder Ticketnummer haben, spart es Zeit, wenn Sie sie "
                "hier angeben.",
                "Was wurde bereits versucht, damit wir es nicht wiederholen?",
                "Wann hat das ungefähr angefangen, soweit Sie sich erinnern?",
                "Welcher Teil ist noch ungelöst?",
                "Mit wem haben Sie zuletzt darüber gesprochen, falls Sie sich erinnern?",
                "Was wurde Ihnen gesagt, wie es weitergehen würde?",
                "Hat sich seit Ihrer letzten Kontaktaufnahme etwas verändert?",
                "Gibt es eine Fehlermeldung oder einen Hinweis, den Sie teilen können?",
                "Wie oft haben Sie sich ungefähr schon bei uns gemeldet?",
                "Was müsste als Erstes passieren, damit Sie das Gefühl haben, dass es wieder "
                "vorangeht?",
                "Können Sie in einem Satz zusammenfassen, wo die Sache gerade steht?",
                "Gibt es eine Frist, die wir im Blick behalten sollten?",
                "Was wäre für Sie das bestmögliche Ergebnis?",
                "Welche unserer bisherigen Antworten hat am wenigsten geholfen, damit wir sie "
                "nicht wiederholen?",
                "Wurde Ihnen früher etwas zugesagt, das bisher nicht eingetreten ist?",
                "Wann haben Sie zuletzt eine Rückmeldung erhalten?",
                "Gibt es Screenshots oder E-Mails, die zeigen, was passiert ist?",
                "Wird die Sache an irgendeiner Stelle dringender?",
                "Wie sähe aus Ihrer Sicht ein guter nächster Schritt aus?",
                "Gibt es etwas Bestimmtes, das sich eine Person aus unserem Team ansehen sollte?",
                "Welches Detail wurde Ihrer Meinung nach bisher übersehen?",
                "Was war am frustrierendsten an dem ganzen Hin und Her?",
                "Ist noch etwas anderes davon betroffen, das wir wissen sollten?",
                "Auf welchem Weg haben Sie uns bisher kontaktiert, per Chat, E-Mail oder Telefon?",
            ),
        },
    },
    "reassure_and_clarify": {
        "reassure": {
            "fear": (
                "Sie sind hier genau richtig, und wir gehen das Schritt für Schritt durch.",
                "Es ist in Ordnung, sich unsicher zu fühlen, wir gehen das in Ruhe an.",
                "Fragen ist völlig in Ordnung, und Sie haben nichts falsch gemacht.",
                "Atmen Sie kurz durch, wir schauen uns das gemeinsam an.",
                "Sie müssen keine Angst haben, hier etwas falsch zu machen.",
                "Sie haben nichts zu befürchten, und für so etwas gibt es in aller Regel eine "
                "Lösung.",
                "Ihre Sorge ist verständlich, und wir nehmen uns die Zeit, die es braucht.",
            ),
            "confusion": (
                "Das ist eine berechtigte Frage, und das kann tatsächlich verwirrend sein.",
                "Bringen wir gemeinsam Licht ins Dunkel.",
                "Damit sind Sie nicht allein, das finden viele verwirrend.",
                "Gute Frage, an dieser Stelle geraten viele ins Stocken.",
                "Dabei kann man leicht den Überblick verlieren.",
                "Dieser Teil ist nicht offensichtlich, gut, dass Sie nachfragen.",
                "Wir klären das so lange, bis alles verständlich ist.",
            ),
            "default": (
                "Gehen wir das Schritt für Schritt durch.",
                "Kein Problem, wir klären das Schritt für Schritt.",
                "Wir können das in aller Ruhe und Stück für Stück angehen.",
                "Viele Menschen haben dazu Fragen, Sie sind damit also in guter Gesellschaft.",
                "Wir entwirren das gemeinsam.",
                "Es gibt dazu keine dummen Fragen.",
                "Nehmen wir uns Zeit und schauen wir uns das Punkt für Punkt an.",
                "Es ist völlig in Ordnung, unsicher zu sein, genau dafür bin ich da.",
                "Wir bringen Klarheit hinein, ganz ohne Eile.",
                "Sie brauchen dafür keinerlei technisches Vorwissen.",
                "Gemeinsam bringen wir Ordnung in die Sache.",
                "Wir gehen ganz in Ihrem Tempo vor.",
                "Es ist genau richtig, dass Sie nachfragen.",
                "Es ist in Ordnung, noch nicht alle Antworten zu haben.",
                "Wir haben genug Zeit, also gehen wir es behutsam an.",
                "Wir finden das gemeinsam heraus.",
                "Sie stellen genau die richtigen Fragen.",
                "Nichts von dem, was Sie beschreiben, klingt ungewöhnlich, machen Sie sich also "
                "nicht zu viele Sorgen.",
                "Das kommt häufiger vor, als es sich gerade vielleicht anfühlt.",
                "Halten wir es einfach.",
                "Ich helfe Ihnen gern, das zu durchschauen.",
                "Sie müssen das nicht allein herausfinden.",
                "Wir können alles so oft durchgehen, wie Sie möchten.",
                "Klären wir das nach und nach.",
                "Es ist völlig normal, dabei etwas Unterstützung zu brauchen.",
                "Eins nach dem anderen, dann wird es übersichtlich.",
            ),
        },
        "steps": {
            "default": (
                "So können wir am einfachsten anfangen:\n"
                "1. Sagen Sie mir, was Sie vorhatten.\n"
                "2. Beschreiben Sie, was stattdessen passiert ist, etwa eine Fehlermeldung.\n"
                "3. Von dort aus überlegen wir den nächsten Schritt.",
                "So können wir vorgehen:\n"
                "1. Sagen Sie mir, bis zu welchem Schritt Sie gekommen sind.\n"
                "2. Beschreiben Sie, was passiert, wenn Sie es versuchen.\n"
                "3. Wir entscheiden gemeinsam, wie es weitergeht.",
                "Drei kurze Angaben helfen weiter:\n"
                "1. Was Sie erwartet haben.\n"
                "2. Was tatsächlich passiert ist.\n"
                "3. Seit wann es so ist.",
                "Halten wir es übersichtlich:\n"
                "1. Beschreiben Sie, was Sie auf dem Bildschirm sehen.\n"
                "2. Schreiben Sie mir, was Sie bereits versucht haben.\n"
                "3. Ich schlage Ihnen vor, was Sie als Nächstes versuchen können.",
                "Damit es wieder weitergeht:\n"
                "1. Sagen Sie mir, was zuletzt noch funktioniert hat.\n"
                "2. Sagen Sie mir, an welcher Stelle es nicht mehr ging.\n"
                "3. Wir machen genau an diesem Punkt weiter.",
                "Ein ruhiger Einstieg:\n"
                "1. Sagen Sie mir, was Sie am Ende erreichen möchten.\n"
                "2. Sagen Sie mir, wo Sie gerade stehen.\n"
                "3. Die Lücke dazwischen schließen wir gemeinsam.",
                "Grenzen wir es ein:\n"
                "1. Passiert das auf einem Smartphone oder einem Computer?\n"
                "2. Hat es vorher funktioniert?\n"
                "3. Was hat sich seitdem geändert, falls überhaupt etwas?",
                "Zwei kleine Schritte:\n"
                "1. Nennen Sie mir den genauen Wortlaut der Meldung, die Sie sehen.\n"
                "2. Sagen Sie mir, was Sie unmittelbar davor angeklickt oder angetippt haben.",
                "Eine kurze Checkliste:\n"
                "1. Notieren Sie, was Sie gerade gemacht haben, als es passiert ist.\n"
                "2. Notieren Sie, was anders aussah als sonst.\n"
                "3. Schicken Sie mir beides hier, dann machen wir von dort aus weiter.",
                "Damit wir dasselbe meinen:\n"
                "1. Sagen Sie mir, was Sie bisher verstanden haben.\n"
                "2. Sagen Sie mir, welcher Teil für Sie nicht zusammenpasst.\n"
                "3. Ich erkläre Ihnen diesen Teil in einfachen Worten.",
                "Eins nach dem anderen:\n"
                "1. Sagen Sie mir, was Sie als Allererstes getan haben.\n"
                "2. Sagen Sie mir, was direkt danach passiert ist.",
                "Damit es leichter nachvollziehbar wird:\n"
                "1. Sagen Sie mir, welcher Teil für Sie klar ist.\n"
                "2. Sagen Sie mir, welcher Teil es nicht ist.\n"
                "3. Den zweiten Teil gehen wir gemeinsam an.",
                "Versuchen wir es in dieser Reihenfolge:\n"
                "1. Legen Sie kurz alles beiseite und atmen Sie durch.\n"
                "2. Sagen Sie mir, was Sie erledigen wollten.\n"
                "3. Ich führe Sie in Ruhe durch die einzelnen Schritte.",
                "So verschaffen wir uns schnell einen Überblick:\n"
                "1. Sagen Sie mir, wann Sie es ungefähr zum ersten Mal bemerkt haben.\n"
                "2. Sagen Sie mir, ob es jedes Mal oder nur manchmal passiert.",
                "Das würde am meisten helfen:\n"
                "1. Eine kurze Beschreibung des Problems in Ihren eigenen Worten.\n"
                "2. Alles, was Sie bereits versucht haben, auch wenn es nicht geklappt hat.",
                "Teilen wir es in kleine Schritte auf:\n"
                "1. Sagen Sie mir, wo Sie angefangen haben.\n"
                "2. Sagen Sie mir, wo Sie nicht weitergekommen sind.\n"
                "3. Den nächsten Schritt gehen wir gemeinsam.",
                "Damit wir sicher dasselbe vor Augen haben:\n"
                "1. Sagen Sie mir, auf welcher Seite oder in welcher Ansicht Sie sich befinden.\n"
                "2. Sagen Sie mir, was ganz oben darauf steht.",
                "Ein einfacher Ausgangspunkt:\n"
                "1. Sagen Sie mir, ob das zum ersten Mal passiert.\n"
                "2. Falls nicht, sagen Sie mir, was beim letzten Mal geholfen hat.",
                "Gehen wir es behutsam an:\n"
                "1. Sagen Sie mir, was Ihnen die größte Sorge bereitet.\n"
                "2. Das schauen wir uns als Erstes an.",
                "Zwei Angaben helfen schon sehr:\n"
                "1. Das Datum, an dem es angefangen hat.\n"
                "2. Jede Nachricht oder Benachrichtigung, die Sie dazu erhalten haben.",
                "Gehen wir es so an:\n"
                "1. Schreiben Sie mir, was Sie bisher unternommen haben.\n"
                "2. Schreiben Sie mir, wobei Sie unsicher sind.\n"
                "3. Wir klären zuerst den unsicheren Teil.",
                "Ein einfacher Plan:\n"
                "1. Beschreiben Sie es so, als würden Sie es jemandem aus Ihrem Bekanntenkreis "
                "erzählen.\n"
                "2. Ich stelle Ihnen ein, zwei kurze Rückfragen.\n"
                "3. Wir einigen uns gemeinsam auf den nächsten Schritt.",
                "Damit Sie nicht viel tippen müssen:\n"
                "1. Sagen Sie mir in wenigen Worten, was schiefgelaufen ist.\n"
                "2. Sagen Sie mir, ob Sie in der Zwischenzeit trotzdem weitermachen können.",
                "Gehen wir Ihre Schritte noch einmal durch:\n"
                "1. Sagen Sie mir, wo Sie begonnen haben.\n"
                "2. Sagen Sie mir, was der letzte Schritt war, bevor es schiefging.",
                "Ein ruhiger Weg durch die Sache:\n"
                "1. Sagen Sie mir, welches Ergebnis Sie brauchen.\n"
                "2. Sagen Sie mir, was dem im Weg steht.\n"
                "3. Wir räumen die Hindernisse eins nach dem anderen aus dem Weg.",
                "Wenn es hilft, beantworten Sie nur diese beiden Fragen:\n"
                "1. Was hatten Sie erwartet zu sehen?\n"
                "2. Was haben Sie stattdessen gesehen?",
                "Ein kurzer Anfang:\n"
                "1. Nennen Sie mir das Gerät und die App oder den Browser, die Sie verwenden.\n"
                "2. Beschreiben Sie, was genau nicht wie erwartet funktioniert.\n"
                "3. Danach gehen wir gemeinsam die nächsten Schritte durch.",
            ),
        },
        "check": {
            "default": (
                "Ist das so weit verständlich?",
                "Ist das klar, oder soll ich einen Teil anders erklären?",
                "Sagen Sie mir gern, wenn etwas davon unklar ist.",
                "Passt das so für Sie?",
                "Wäre es hilfreich, wenn ich es langsamer durchgehe?",
                "Ist daran noch etwas unklar?",
                "Entspricht das dem, was Sie bei sich sehen?",
                "Gibt es einen Teil, den ich noch einmal erklären soll?",
                "Ist es dadurch etwas klarer geworden?",
                "Wie klingt das für Sie?",
                "Kommen Sie damit bisher gut zurecht?",
                "Sollen wir den nächsten Schritt angehen, oder möchten Sie hier kurz innehalten?",
                "Unterbrechen Sie mich gern, wenn etwas nicht schlüssig ist.",
                "Würde ein Beispiel helfen?",
                "Ist das leichter nachzuvollziehen?",
                "Sagen Sie mir bitte, falls ich etwas falsch verstanden habe.",
                "Ist es das, wonach Sie gesucht haben?",
                "Fühlen Sie sich bereit, das auszuprobieren?",
                "Soll ich etwas davon einfacher formulieren?",
                "Beantwortet das Ihre Frage, oder fehlt noch etwas?",
                "Soll ich es anders ausdrücken?",
                "Geben Sie mir gern Bescheid, wie es damit geklappt hat.",
                "Wie fühlen Sie sich jetzt damit?",
                "Ist es jetzt etwas klarer?",
                "Sagen Sie mir, mit welchem Teil Sie anfangen möchten.",
                "Haben Sie noch weitere Fragen, bevor wir weitermachen?",
                "Konnte ich Ihnen das verständlich erklären?",
            ),
        },
    },
    "celebrate": {
        "celebrate": {
            "gratitude": (
                "Sehr gern, und danke für die freundlichen Worte!",
                "Vielen Dank, das ist wirklich schön zu hören.",
                "Es freut mich, dass ich helfen konnte.",
                "Es war mir eine Freude, Ihnen zu helfen.",
                "Vielen herzlichen Dank, dass Sie das sagen!",
                "Das ist sehr freundlich von Ihnen, danke.",
                "Wie schön, dass sich alles geklärt hat.",
                "Gern geschehen, dafür sind wir da!",
            ),
            "joy": (
                "Das sind ja wunderbare Neuigkeiten!",
                "Wie schön, das zu hören!",
                "Fantastisch, ich freue mich wirklich für Sie!",
                "Das hat mir den Tag versüßt, danke, dass Sie es erzählen!",
                "Wie herrlich, das zu lesen!",
                "Das sind großartige Nachrichten!",
                "So etwas höre ich sehr gern!",
                "Das ist ja toll!",
            ),
            "default": (
                "Das ist schön zu hören!",
                "Schön, dass es aufwärtsgeht.",
                "Toll, dass alles gut geklappt hat.",
                "Ich freue mich sehr, dass es für Sie geklappt hat.",
                "Großartig, dass das erledigt ist.",
                "Wie schön, dass alles gut ausgegangen ist.",
                "Was für eine Erleichterung!",
                "Gute Nachrichten hört man immer gern.",
                "Danke, dass Sie erzählen, wie es gelaufen ist.",
                "Klingt, als wäre alles genau so gelaufen, wie es sollte.",
                "Ich freue mich wirklich für Sie.",
                "Es ist schön, so gute Nachrichten zu bekommen.",
                "Schön, dass es jetzt für Sie funktioniert.",
                "Das ist wirklich gut zu hören.",
                "Das freut mich sehr für Sie.",
                "Ausgezeichnet!",
                "Wunderbar, danke für die Rückmeldung!",
                "Ich bin richtig froh, dass es geklappt hat.",
                "Solche Nachrichten lese ich am liebsten.",
                "Das ist ein tolles Ergebnis!",
                "Wie nett, danke, dass Sie Bescheid geben!",
                "Was für eine schöne Neuigkeit.",
                "Das freut mich riesig.",
                "Super Neuigkeiten, und danke, dass Sie sie teilen.",
                "Das klingt nach einem echten Erfolg.",
                "Herrlich, genau so soll es sein!",
            ),
        },
        "share": {
            "default": (
                "Danke, dass Sie uns Bescheid geben.",
                "Es ist immer schön zu hören, wenn etwas gut läuft.",
                "Solche Momente machen auch uns den Tag schöner.",
                "Schön, dass am Ende alles zusammengepasst hat.",
                "Es bedeutet uns viel, dass Sie sich die Zeit nehmen, uns das zu schreiben.",
                "Ihre freundlichen Worte gebe ich gern an das Team weiter.",
                "Rückmeldungen wie Ihre motivieren uns sehr.",
                "Es ist schön, mit einer guten Nachricht abzuschließen.",
                "Wir hören gern, wenn etwas gut ausgeht.",
                "Danke, dass Sie die gute Nachricht mit uns teilen.",
                "So eine Rückmeldung macht den Tag gleich heller.",
                "Darüber werde ich noch eine Weile lächeln.",
                "Genau dafür machen wir diese Arbeit.",
                "Gut zu wissen, dass alles reibungslos läuft.",
                "Genau so sollte es sein.",
                "Zu erfahren, wie es gelaufen ist, hilft uns wirklich weiter.",
                "Es ist schön zu wissen, dass alles geklappt hat.",
                "Gut zu wissen, dass es genau das getan hat, was Sie brauchten.",
                "Es ist eine echte Freude, so eine Rückmeldung zu bekommen.",
                "Danke, dass Sie sich kurz die Zeit nehmen, uns davon zu erzählen.",
                "Schön, dass Sie uns erzählen, wie es ausgegangen ist.",
                "Damit haben Sie uns den Tag versüßt.",
                "Genau solche Nachrichten wünschen wir uns.",
                "Wir wissen es sehr zu schätzen, dass Sie sich melden.",
                "So eine Nachricht teilt man gern.",
                "Danke für die nette Rückmeldung.",
                "Schön zu hören, dass Ihnen das die Sache erleichtert hat.",
                "Ihre Nachricht wird das ganze Team aufmuntern.",
                "Das zeigt uns, dass wir auf dem richtigen Weg sind.",
            ),
        },
        "offer": {
            "default": (
                "Kann ich Ihnen sonst noch weiterhelfen?",
                "Falls noch etwas sein sollte, bin ich gern für Sie da.",
                "Sagen Sie mir gern, wenn ich noch etwas für Sie tun kann.",
                "Gibt es heute noch etwas, das Sie beschäftigt?",
                "Wenn Sie weitere Fragen haben, fragen Sie einfach.",
                "Gibt es noch etwas, das Sie gleich mit klären möchten, solange Sie hier sind?",
                "Melden Sie sich jederzeit wieder, wenn Sie Unterstützung brauchen.",
                "Kann ich heute sonst noch etwas für Sie tun?",
                "Wenn noch etwas anderes auftaucht, wissen Sie ja, wo Sie uns finden.",
                "Gibt es noch etwas, das Sie wissen möchten?",
                "Ich bin da, falls Sie noch etwas brauchen.",
                "Ein kurzes Wort genügt, wenn ich noch bei etwas helfen kann.",
                "Ich helfe Ihnen gern auch bei anderen Fragen.",
                "Gibt es noch etwas, das wir uns gemeinsam ansehen könnten?",
                "Zögern Sie nicht, sich wieder bei uns zu melden.",
                "Einen schönen Tag noch, und melden Sie sich gern, wenn Sie etwas brauchen.",
                "Sagen Sie mir Bescheid, falls noch etwas Ihre Aufmerksamkeit braucht.",
                "Falls später noch Fragen dazu aufkommen, melden Sie sich einfach.",
                "Falls sich daran etwas ändert, helfe ich Ihnen gern weiter.",
                "Möchten Sie dazu noch etwas anderes klären?",
                "Wenn Sie Tipps möchten, wie Sie das Beste daraus machen, fragen Sie gern.",
                "Sollte später doch etwas nicht funktionieren, kommen Sie einfach direkt wieder "
                "auf uns zu.",
                "Gibt es außer diesem Anliegen noch etwas, bei dem ich helfen kann?",
                "Kann ich noch etwas tun, um Ihnen den Tag leichter zu machen?",
                "Ich bin hier, falls Ihnen noch etwas einfällt.",
                "Alles Gute, und melden Sie sich, wann immer Sie uns brauchen.",
                "Haben Sie noch eine Frage, bevor wir das Gespräch beenden?",
            ),
        },
    },
    "inform": {
        "acknowledge": {
            "neutral": (
                "Danke, dass Sie sich mit Ihrem Anliegen an uns wenden.",
                "Danke für Ihre Nachricht.",
                "Gern helfe ich Ihnen dabei.",
                "Klar, schauen wir uns das an.",
                "Danke, dass Sie sich melden.",
                "Selbstverständlich, ich helfe gern.",
                "Ich kümmere mich gern um Ihre Frage.",
                "Vielen Dank, ich sehe mir das gern an.",
            ),
            "anger": (
                "Entschuldigen Sie die Umstände.",
                "Tut mir leid, dass das so viel Aufwand macht.",
                "Es tut mir leid, dass das nicht wie erwartet funktioniert.",
                "Es tut mir leid, dass Ihnen das Ärger bereitet.",
                "Das ist ärgerlich, das tut mir leid.",
                "Verständlich, dass Sie das stört.",
            ),
            "sadness": (
                "Es tut mir leid, dass es nicht wie geplant gelaufen ist.",
                "Das ist enttäuschend, es tut mir leid.",
                "Es tut mir leid, dass es nicht so geworden ist, wie Sie es sich gewünscht haben.",
                "Es tut mir leid, dass Sie das enttäuscht hat.",
                "Das ist bedauerlich, und ich verstehe Ihre Enttäuschung.",
            ),
            "confusion": (
                "Gute Frage.",
                "Ich bringe gern etwas Licht in die Sache.",
                "Das ist eine völlig berechtigte Frage.",
                "Lassen Sie uns das gemeinsam klären.",
                "Da kann man leicht durcheinanderkommen.",
            ),
            "default": (
                "Danke für Ihre Nachricht zu diesem Thema.",
                "Danke für die Details.",
                "Verstanden, danke.",
                "Danke für Ihre Frage.",
                "Schauen wir uns das einmal an.",
                "Gut, dass Sie nachfragen.",
                "Danke, dass Sie sich damit an mich wenden.",
                "Klar, bei Fragen dazu helfe ich gern.",
                "Danke für die zusätzlichen Informationen.",
                "Kümmern wir uns darum.",
                "Danke, dass Sie sich dazu noch einmal melden.",
                "Gut zu wissen, danke.",
                "Danke, das hilft mir weiter.",
                "Danke für die Erklärung.",
                "Alles klar, danke.",
                "Danke für Ihre Rückmeldung.",
                "Danke für die genauen Angaben.",
                "Okay, schauen wir, was sich tun lässt.",
                "Danke für den Hinweis.",
                "Notiert, vielen Dank.",
                "Gut, sehen wir uns das an.",
                "Danke für den aktuellen Stand.",
                "Sehr gern.",
                "Danke, dass Sie darauf aufmerksam machen.",
                "Okay, das hilft.",
                "In Ordnung, dem gehen wir nach.",
            ),
        },
        "progress": {
            "default": (
                "Gut, wir machen Fortschritte.",
                "Wir kommen der Sache näher.",
                "Das bringt uns ein gutes Stück weiter.",
                "Gut, das grenzt es schon ein.",
                "Danke, das ist ein Schritt nach vorn.",
                "Wir sind auf dem richtigen Weg.",
                "Das hilft, die Ursache einzukreisen.",
            ),
        },
        "inform": {
            "default": (
                "Ich helfe Ihnen gern, den aktuellen Stand einzuordnen.",
                "Ich kann Ihnen erklären, wie das funktioniert.",
                "Ich brauche ein paar Angaben, um der Sache richtig nachzugehen.",
                "Damit ich Ihnen die richtige Richtung zeigen kann, brauche ich noch ein paar "
                "Details.",
                "Sorgen wir dafür, dass Sie die Informationen bekommen, die Sie brauchen.",
                "Für Fragen dieser Art gibt es meist ein paar typische Gründe.",
                "Solche Fragen hängen meist an ein, zwei Details.",
                "Mit etwas mehr Kontext wird die Antwort deutlich klarer.",
                "Ich kann Ihnen die üblichen Schritte dafür erklären.",
                "Ein paar Einzelheiten zeigen uns, welchen Teil wir uns ansehen sollten.",
                "Die Angaben, die Sie schon gemacht haben, helfen bereits weiter.",
                "Lassen Sie uns genau festhalten, welchen Teil Sie meinen.",
                "Wenn die Grundlagen klar sind, ergibt sich der Rest meist von selbst.",
                "Dafür gibt es meist eine einfache Erklärung.",
                "Ein wenig Kontext hilft mir, Ihnen die richtige Antwort zu geben.",
                "Die Antwort hängt ein wenig von Ihrer Situation ab, daher helfen ein oder zwei "
                "Details.",
                "Sorgen wir dafür, dass Sie das vollständige Bild haben.",
                "Am besten fangen wir mit den Grundlagen an und bauen darauf auf.",
                "Es gibt mehrere Möglichkeiten, also finden wir die, die zu Ihnen passt.",
                "Ich möchte sichergehen, dass die Antwort genau auf Ihren Fall passt.",
                "Ein paar Details mehr sparen Ihnen später Zeit.",
                "Schauen wir uns die Einzelheiten an, damit nichts übersehen wird.",
                "Mit etwas mehr Informationen kann ich genauer antworten.",
                "Finden wir heraus, was in Ihrem Fall genau gilt.",
                "Auf eine klare Frage gibt es eine klare Antwort, also grenzen wir sie genau ein.",
                "Mit ein, zwei Angaben sollte sich das schnell klären lassen.",
                "Oft lässt sich so etwas mit wenigen Informationen gut einordnen.",
            ),
        },
        "ask": {
            "anger": (
                "Was haben Sie bisher versucht?",
                "Wann ist Ihnen das zum ersten Mal aufgefallen?",
                "Was passiert, wenn Sie es noch einmal versuchen?",
                "Was ist daran gerade am ärgerlichsten für Sie?",
                "Seit wann besteht das Problem ungefähr?",
            ),
            "sadness": (
                "Was ist passiert, soweit Sie es sagen können?",
                "Wann haben Sie es zum ersten Mal bemerkt?",
                "Was hatten Sie sich erhofft?",
                "Was wäre jetzt für Sie am hilfreichsten?",
            ),
            "default": (
                "Können Sie mir etwas genauer sagen, was Sie brauchen?",
                "Was genau möchten Sie dazu wissen?",
                "Können Sie mir eine Referenznummer oder weitere Angaben dazu nennen?",
                "Wie möchten Sie als Nächstes vorgehen?",
                "Mit welchem Teil sollen wir anfangen?",
                "Wann haben Sie zuletzt nachgesehen, wie der Stand ist?",
                "Was haben Sie dazu bisher gesehen?",
                "Geht es um Ihr eigenes Anliegen oder um das einer anderen Person?",
                "Was hat Sie dazu gebracht, heute danach zu fragen?",
                "Gibt es ein bestimmtes Datum, das damit zusammenhängt?",
                "Was hätte Ihrer Erwartung nach passieren sollen?",
                "Ist irgendetwas anders als sonst?",
                "Können Sie beschreiben, was Sie auf Ihrem Bildschirm sehen?",
                "Haben Sie schon etwas ausprobiert?",
                "Fragen Sie zum ersten Mal danach?",
                "Welche Antwort wäre für Sie am hilfreichsten?",
                "Gibt es eine Fehlermeldung, die Sie mir nennen können?",
                "Nutzen Sie ein Smartphone oder einen Computer?",
                "Seit wann ungefähr ist das so?",
                "Gibt es noch etwas anderes, das mit dieser Frage zusammenhängt?",
                "Was möchten Sie vor allem herausfinden?",
                "Gibt es eine Frist, die Sie einhalten müssen?",
                "Wäre Ihnen eine kurze Erklärung oder eine Schritt-für-Schritt-Anleitung lieber?",
                "Können Sie mir sagen, was Sie dazu bisher gelesen haben?",
                "Zu welcher Option tendieren Sie?",
                "Gibt es etwas, das Sie bereits ausschließen konnten?",
                "Um welches Produkt oder welchen Dienst geht es genau?",
            ),
        },
    },
    # A crisis `concern` (hopelessness, a hedged statement): the person first, no product talk.
    # Safe-messaging rules: warm, no judgement, no promises, an open door to a person.
    "check_in": {
        "acknowledge": {
            "default": (
                "Es tut mir wirklich leid, dass es Ihnen so geht.",
                "Danke, dass Sie mir sagen, wie es Ihnen geht.",
                "Das klingt nach einer schweren Last.",
                "Es tut mir leid, dass gerade alles so schwer ist.",
                "Es klingt, als hätten Sie im Moment sehr viel zu tragen.",
                "Es ist gut, dass Sie angesprochen haben, wie es Ihnen geht.",
                "Das klingt erschöpfend, und es tut mir leid.",
                "Ich nehme Sie ernst, und was Sie fühlen, zählt.",
                "Es klingt, als wäre die letzte Zeit wirklich hart gewesen.",
                "Es tut mir leid, dass es sich gerade so anfühlt.",
                "Sich so zu fühlen ist schwer, und Sie müssen nicht so tun, als wäre es anders.",
                "Danke, dass Sie mir das anvertrauen.",
                "Das klingt nach sehr viel, was Sie gerade bewältigen müssen.",
                "Es tut mir leid, dass Sie sich so niedergeschlagen fühlen.",
                "Es ist verständlich, dass Sie sich ausgelaugt fühlen.",
                "Ich merke, wie schwer das für Sie war.",
                "Das tut mir leid, das klingt wirklich schmerzhaft.",
                "Es braucht Mut, auszusprechen, wie es einem geht.",
                "Es klingt, als hätten Sie schon lange viel mit sich herumgetragen.",
                "Es tut mir leid, dass Sie das so belastet.",
                "Ich schätze es sehr, dass Sie so offen darüber sprechen.",
                "Das klingt einsam, und es tut mir leid.",
                "Es ist in Ordnung, wenn es Ihnen gerade nicht gut geht.",
                "Es tut mir leid, dass Sie gerade eine so schwere Zeit haben.",
                "Ihre Gefühle sind berechtigt, und es ist gut, dass Sie sie geteilt haben.",
                "Es tut mir leid, dass sich der heutige Tag so anfühlt.",
                "Sie dürfen hier einfach sagen, wie es Ihnen wirklich geht.",
            ),
        },
        "support": {
            "default": (
                "Sie müssen da nicht allein durch.",
                "Wenn Sie mit einer Person aus unserem Team sprechen möchten, sagen Sie es "
                "einfach, dann hole ich jemanden dazu.",
                "Es gibt Menschen, die Ihnen helfen möchten, auch hier in unserem Team.",
                "Es kann helfen, mit jemandem, dem Sie vertrauen, darüber zu sprechen, wie es "
                "Ihnen geht.",
                "Wir können alles in kleinen Schritten angehen.",
                "Was auch immer Sie gerade brauchen, ich höre Ihnen zu.",
                "Hier drängt nichts, nehmen Sie sich alle Zeit, die Sie brauchen.",
                "Wenn Sie sich irgendwann in Gefahr fühlen, rufen Sie bitte sofort den örtlichen "
                "Notruf an.",
                "Sie sind wichtig, und Ihre Gefühle sind es auch.",
                "Sich zu melden, so wie Sie es gerade getan haben, ist ein guter Schritt.",
                "Eine Person aus unserem Team kann jederzeit zu diesem Chat dazukommen, wenn Sie "
                "möchten.",
                "Sie fallen niemandem zur Last, wenn Sie das aussprechen.",
                "Es ist in Ordnung, um Unterstützung zu bitten, wenn alles schwer wird.",
                "Ich bin hier und höre Ihnen zu.",
                "Es auszusprechen kann ein erster Schritt sein, und den haben Sie gemacht.",
                "Ein Gespräch mit Freunden, Familie oder Ihrer Hausarztpraxis kann wirklich "
                "helfen.",
                "Wir müssen jetzt nicht alles auf einmal klären.",
                "Wie es Ihnen geht, ist mir wichtiger als jede Frage zu Ihrem Kundenkonto.",
                "Sie verdienen Unterstützung in dieser Zeit.",
                "Wenn Sie lieber mit einem Menschen sprechen möchten, übergebe ich dieses "
                "Gespräch sofort.",
                "Nichts von dem, was Sie gesagt haben, ist zu viel für dieses Gespräch.",
                "Es ist in Ordnung, alles andere für einen Moment beiseitezulegen.",
                "Viele Menschen finden durch solche Zeiten hindurch, wenn sie Unterstützung an "
                "ihrer Seite haben.",
                "Erzählen Sie nur so viel, wie sich für Sie richtig anfühlt.",
                "Im Moment reicht es völlig, behutsam mit sich selbst umzugehen.",
                "Sie haben sich gemeldet, und das zählt viel.",
                "Sie dürfen hier ganz offen sein, ohne dass jemand urteilt.",
            ),
        },
        "ask": {
            "default": (
                "Wie geht es Ihnen gerade?",
                "Möchten Sie mir etwas mehr darüber erzählen, was los ist?",
                "Ist jemand bei Ihnen, oder gibt es jemanden, den Sie heute erreichen können?",
                "Würde es Ihnen helfen, mit einer Person aus unserem Team zu sprechen?",
                "Was könnte Ihnen jetzt gerade guttun?",
                "Wie lange fühlen Sie sich schon so?",
                "Sind Sie gerade in Sicherheit?",
                "Gibt es etwas, das den heutigen Tag besonders schwer gemacht hat?",
                "Soll ich jemanden aus unserem Team dazuholen?",
                "Was beschäftigt Sie am meisten?",
                "Gibt es etwas, womit ich Ihnen die Situation gerade ein wenig leichter machen "
                "kann?",
                "Gibt es jemanden, dem Sie vertrauen und mit dem Sie sprechen könnten?",
                "Konnten Sie sich in letzter Zeit ausruhen und ein wenig auf sich achten?",
                "Möchten Sie weiterreden, oder lieber alles langsam angehen?",
                "Gibt es noch etwas, das Sie mir erzählen möchten?",
                "Was hilft Ihnen sonst, wenn auch nur ein bisschen, wenn es Ihnen so geht?",
                "Möchten Sie, dass ich noch eine Weile hier bei Ihnen bleibe?",
                "Wie fühlen Sie sich, während wir miteinander schreiben?",
                "Gibt es etwas Bestimmtes, das Sie besonders belastet?",
                "Wäre es für Sie angenehmer, mit einem Menschen statt mit mir zu sprechen?",
                "Gibt es etwas, das Sie zusätzlich belastet und bei dem ich helfen könnte?",
                "Was wünschen Sie sich, wie es jetzt weitergeht?",
                "Konnten Sie schon mit jemandem darüber sprechen?",
                "Passt es Ihnen gerade, darüber zu sprechen, oder wäre später besser?",
                "Wie kann ich Sie jetzt am besten unterstützen?",
                "Würde es helfen, gemeinsam durchzugehen, was passiert ist?",
                "Fühlen Sie sich im Moment sicher?",
            ),
        },
    },
}

# When a long conversation has used every line of a slot, replies are composed from these two
# halves instead, so a sentence is still never sent twice (len(BRIDGE_A) * len(BRIDGE_B) more).
BRIDGE_A = (
    "Danke, dass Sie so geduldig sind",
    "Ich weiß Ihre Geduld zu schätzen",
    "Danke für die zusätzlichen Details",
    "Ich bin weiterhin für Sie da",
    "Danke, dass Sie dranbleiben",
    "Danke für Ihre Erklärung",
    "Danke, dass Sie mir alles so genau schildern",
    "Ich lese aufmerksam mit",
)
BRIDGE_B = (
    "was sollte ich noch wissen?",
    "möchten Sie noch etwas ergänzen?",
    "was würde Ihnen jetzt am meisten helfen?",
    "was beschäftigt Sie als Nächstes?",
    "habe ich vielleicht ein Detail übersehen?",
    "was möchten Sie als Nächstes angehen?",
    "wie sieht es gerade bei Ihnen aus?",
    "was sollen wir uns jetzt ansehen?",
)
