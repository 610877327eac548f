"""Italian phrasings of the offline responder: curated, reviewed, versioned as a whole.

Same shape and rules as ``en``: no promise of money, refunds or credits, no claim that the bot
changed an account, no URL, no markup; each line is one sentence, except the numbered-steps
blocks, which are sent as one unit. Italian-specific rules:

- ``{topic}`` is never used (topic extraction is English-only): lines refer to "questo",
  "la tua richiesta", "la situazione", so they fit any subject.
- The visitor is addressed with "tu" throughout, as is usual in Italian consumer support.
- Lines are gender-neutral for both the visitor and the bot: no agreeing adjectives or
  participles such as "sei pronto/a", "sono contento/a", "ti sei accorto/a".
- Only the ``celebrate`` slot may sound cheerful ("che bello", "felice", "complimenti").
"""

from __future__ import annotations

from empathy.replies.phrasings import en

VERSION = "it-2026.12.1"

# The crisis path: fixed, reviewed text. Never generated, never varied by topic.
SAFETY_FIRST = (
    "Mi dispiace davvero che tu stia passando un momento così, e ti ringrazio per avermelo detto.",
    "Non devi affrontare tutto questo senza aiuto: ti sto mettendo in contatto adesso con una "
    "persona del nostro team.",
    "Se sei in pericolo immediato, chiama subito il numero di emergenza locale o una linea di "
    "ascolto per le situazioni di crisi nella tua zona.",
)

# The same strategies and slots as English, in the same order.
SLOTS = en.SLOTS

# Emotion groups: "default" lines suit every feeling and are used alongside the group's own.
# Each slot and group holds at least as many lines as ``en``, so a long conversation of one
# strategy stays fresh without ever repeating a sentence.
LIBRARY: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "validate_then_solve": {
        "acknowledge": {
            "anger": (
                "Capisco quanto tutto questo sia stato frustrante.",
                "Capisco benissimo perché questa situazione ti abbia fatto arrabbiare.",
                "Hai tutte le ragioni di questo mondo per lamentarti.",
                "Capisco la tua rabbia, e mi dispiace davvero.",
                "Dev'essere stato esasperante, e mi dispiace che sia successo.",
                "Mi dispiace, non è certo l'esperienza che avresti dovuto avere.",
                "Si sente quanto tu ne abbia abbastanza, e non ti do torto.",
                "È davvero irritante quando le cose non funzionano come dovrebbero.",
                "Al tuo posto mi arrabbierei anch'io.",
                "Capisco quanto questa cosa ti abbia fatto innervosire.",
                "La tua irritazione è più che comprensibile.",
            ),
            "sadness": (
                "Mi dispiace, dev'essere stata una bella delusione.",
                "Mi dispiace che le cose non siano andate come speravi.",
                "Capisco l'amarezza, e mi dispiace che sia andata così.",
                "Immagino quanto tutto questo sia stato scoraggiante.",
                "Mi dispiace sentirlo, non è così che sarebbe dovuta andare.",
                "Mi dispiace che questa esperienza sia stata una delusione per te.",
                "Dev'essere stato un brutto colpo, e mi dispiace.",
                "Sento quanto questa situazione ti pesi, e mi dispiace.",
                "Mi dispiace, capisco che speravi in un esito ben diverso.",
            ),
            "fear": (
                "Capisco che questa cosa ti preoccupi, ed è del tutto comprensibile.",
                "È normale sentirsi in ansia in una situazione così.",
                "Sembra una situazione stressante, e mi dispiace che tu la stia vivendo.",
                "Non sapere cosa sta succedendo mette a disagio, lo so bene.",
                "Sento quanta ansia ti stia dando tutto questo.",
                "È naturale sentirsi sulle spine quando succede qualcosa del genere.",
                "Capisco la tua preoccupazione, e vediamo di fare chiarezza.",
            ),
            "default": (
                "Mi dispiace che tu stia vivendo questa situazione.",
                "Grazie per avermi raccontato come l'hai vissuta.",
                "Mi dispiace per i problemi che hai avuto.",
                "Sembra davvero pesante, e mi dispiace.",
                "Mi dispiace che tu abbia dovuto affrontare tutto questo.",
                "Mi dispiace davvero per come sono andate le cose.",
                "Grazie per avermi spiegato con chiarezza cosa non ha funzionato.",
                "Mi dispiace che questa faccenda ti abbia dato così tanti pensieri.",
                "Capisco perché questa situazione ti stia pesando.",
                "È davvero tanto da gestire, e mi dispiace.",
                "Mi dispiace che questa cosa ti abbia portato via così tanto tempo.",
                "Ti ascolto, e mi dispiace che si sia arrivati a questo punto.",
                "Mi dispiace, nessuno dovrebbe trovarsi in una situazione del genere.",
                "Grazie per la pazienza in una situazione che non sarebbe mai dovuta capitare.",
                "Mi dispiace per tutto questo disagio.",
                "Apprezzo che tu mi abbia detto chiaramente come ti senti.",
                "Mi dispiace che tutto questo ti abbia tolto così tante energie.",
                "Mi dispiace che le cose siano state così complicate.",
                "Non va bene, e mi dispiace che sia capitato proprio a te.",
                "Capisco quanto questa cosa sia importante per te.",
                "Mi dispiace che sia stato tutto così stressante.",
                "Hai fatto bene a contattarci.",
                "Grazie per avermene parlato.",
                "Mi dispiace che questa storia ti abbia causato tanti grattacapi.",
                "Capisco che sia stata un'esperienza difficile.",
                "Mi dispiace che questa situazione ti abbia stravolto la giornata.",
                "Mi dispiace che tu abbia dovuto gestire tutto questo senza aiuto.",
                "Ti ringrazio per avermi dato tutti questi dettagli.",
            ),
        },
        "validate": {
            "default": (
                "Chiunque al tuo posto si sentirebbe allo stesso modo.",
                "Il tuo tempo è prezioso, e non sarebbe dovuto essere così complicato.",
                "È più che giusto aspettarsi che funzioni e basta.",
                "Non avresti dovuto trovarti in questa situazione.",
                "Non c'è niente di esagerato in quello che provi.",
                "È comprensibile che tutto questo abbia messo alla prova la tua pazienza.",
                "Quello che provi è del tutto comprensibile.",
                "Avevi tutto il diritto di aspettarti di meglio.",
                "La maggior parte delle persone si arrabbierebbe se qualcosa andasse storto così.",
                "È ragionevole volere una soluzione senza doverla conquistare a fatica.",
                "La tua reazione ha perfettamente senso.",
                "Aspettarsi che le cose funzionino al primo colpo non è chiedere troppo.",
                "Chiunque ci facesse affidamento ci resterebbe male in questo momento.",
                "La rabbia per quello che è successo è una reazione legittima.",
                "Hai avuto più pazienza di quanta ne avrebbe avuta la maggior parte delle persone.",
                "È giusto pensare che tutto questo abbia richiesto fin troppo impegno.",
                "Volere una risposta chiara è del tutto ragionevole.",
                "Fai bene a farti sentire.",
                "Va bene sentirsi così, perché è una cosa che conta.",
                "Meritavi un'esperienza molto più semplice di questa.",
                "Nessuno dovrebbe sopportare un'esperienza del genere.",
                "È naturale perdere la pazienza dopo una cosa così.",
                "Non stai esagerando: darebbe fastidio a chiunque.",
                "La tua frustrazione è legittima, e la prendo sul serio.",
                "È comprensibile restarci male quando qualcosa su cui conti non funziona.",
                "A nessuno piace restare in stallo, ed è giusto dirlo.",
                "Non dovrebbe toccare a te rincorrere qualcuno per far funzionare le cose.",
                "È più che giusto volere che la questione venga gestita con attenzione.",
                "Hai ragione a pretendere che le cose vengano fatte bene.",
            ),
        },
        "progress": {
            "default": (
                "Bene, stiamo facendo passi avanti.",
                "Grazie per continuare a lavorarci insieme a me.",
                "Sembra che le cose stiano iniziando a migliorare un po', e mi fa piacere.",
                "È un sollievo vedere che la situazione va nella direzione giusta.",
                "Grazie per la pazienza finora: sta dando i suoi frutti.",
                "Le cose sembrano finalmente prendere una piega migliore.",
                "Mi fa piacere che adesso vada un po' meglio.",
                "Siamo su una strada migliore, e il merito è anche tuo.",
                "Piano piano ci stiamo arrivando.",
            ),
        },
        "next": {
            "default": (
                "Affrontiamo la cosa un passo alla volta, insieme.",
                "Sono qui, e ce ne occupiamo insieme.",
                "Quando te la senti, raccontami cos'è successo di recente e ripartiamo da lì.",
                "Mi diresti, con parole tue, di cosa hai più bisogno in questo momento?",
                "Cosa ti aiuterebbe di più adesso?",
                "Quando vuoi, mi piacerebbe sapere cosa è successo.",
                "Prenditi il tuo tempo e dimmi a che punto sono le cose.",
                "Non c'è fretta: raccontami cosa ti ha messo più in difficoltà.",
                "Vorrei capire cosa hai dovuto passare, quando te la senti.",
                "Qual è l'aspetto che ti pesa di più in questo momento?",
                "Dimmi quale risultato speri di ottenere.",
                "Qual è la cosa più importante che vorresti ottenere da questa conversazione?",
                "Ti ascolto, quindi raccontami quello che ti sembra più importante.",
                "Possiamo andare al ritmo che preferisci.",
                "Dimmi cosa vorresti che succedesse adesso, e partiamo da lì.",
                "Se ti è più facile, parti dalla cosa che ti dà più fastidio.",
                "Sono qui quando vuoi continuare.",
                "Cosa renderebbe la giornata di oggi un po' più leggera?",
                "C'è qualcos'altro che hai in mente e di cui non abbiamo ancora parlato?",
                "Partiamo da ciò che per te è più urgente.",
                "Puoi raccontarmi quanto vuoi, anche solo l'essenziale.",
                "Vorrei capire che conseguenze ha avuto tutto questo per te.",
                "Qual è stata la parte più difficile di tutta questa storia?",
                "Dimmi come sarebbe, per te, una buona soluzione.",
                "Come ti senti adesso rispetto a tutta la situazione?",
                "Di cosa hai bisogno da me in questo momento?",
                "Condividi quello che puoi, io ti seguo.",
                "Raccontami come si sono svolti i fatti, nell'ordine che preferisci.",
                "Cominciamo da quanto questa situazione ti sta pesando oggi.",
                "Dimmi pure da dove preferisci cominciare.",
            ),
        },
    },
    "own_and_expedite": {
        "own": {
            "default": (
                "Mi dispiace che tu abbia dovuto segnalarlo più di una volta.",
                "Non avresti dovuto chiedere più volte la stessa cosa, e mi dispiace.",
                "Mi dispiace che la questione non sia ancora risolta.",
                "È una responsabilità nostra, e mi dispiace che tu abbia dovuto ripeterti.",
                "Capisco che la situazione si sia trascinata fin troppo a lungo.",
                "Mi dispiace che il problema vada ancora avanti.",
                "Ti capisco, e mi dispiace che ci siano voluti così tanti messaggi.",
                "Doverci ricontattare per la stessa cosa non va bene, e mi dispiace.",
                "Mi dispiace che questa storia vada avanti da così tanto tempo.",
                "So che hai già spiegato tutto, e mi dispiace che tu debba farlo di nuovo.",
                "È chiaro che tutto questo ti ha portato via molto più tempo del dovuto.",
                "Mi dispiace che questo problema continui a ripresentarsi.",
                "Nessuno dovrebbe dover sollecitare così tante volte.",
                "Mi dispiace che sia diventata una strada così lunga.",
                "Vedo che si è girato a vuoto, e non è giusto nei tuoi confronti.",
                "Mi dispiace che non siamo ancora riusciti a risolvere la situazione.",
                "Hai avuto pazienza molto più a lungo di quanto avresti dovuto.",
                "Mi dispiace che questa faccenda ti sia costata così tanto tempo.",
                "Capisco quanto sia stancante dover continuare a sollecitare.",
                "Grazie per aver insistito, e mi dispiace che sia stato necessario.",
                "Questa cosa avrebbe dovuto essere risolta molto prima.",
                "Mi dispiace sapere che la questione è ancora aperta.",
                "Sento quanto tutto questo ti stia logorando, e mi dispiace.",
                "Capisco che la tua pazienza stia finendo, ed è comprensibile.",
                "Mi dispiace che tu sia ancora in attesa di una risposta.",
                "Dover tornare sulla stessa questione è frustrante, e mi dispiace.",
                "Mi dispiace che finora le risposte ricevute non siano state coerenti.",
                "Ci sono voluti troppi passaggi, e me ne scuso.",
            ),
        },
        "progress": {
            "default": (
                "Grazie per la pazienza mentre facciamo muovere le cose.",
                "Apprezzo che tu continui a seguire la cosa con me.",
                "Finalmente le cose si stanno muovendo.",
                "Grazie per la costanza: ci stiamo avvicinando.",
                "Le cose stanno procedendo più spedite.",
                "La tua insistenza sta aiutando a far avanzare le cose.",
                "Siamo messi meglio rispetto a qualche messaggio fa.",
                "Grazie per restare sulla questione insieme a me.",
                "Un passo alla volta, stiamo arrivando al punto.",
            ),
        },
        "expedite": {
            "default": (
                "Concentriamoci sul modo più rapido per andare avanti.",
                "Tutto quello che mi hai scritto resta in questa conversazione, quindi non dovrai "
                "ricominciare da capo.",
                "Una persona del nostro team può portare avanti la richiesta e vedrà tutto quello "
                "che hai scritto qui.",
                "La via più veloce è raccogliere i dettagli principali in un unico posto, quindi "
                "facciamolo adesso.",
                "Vorrei che la tua richiesta arrivasse a qualcuno che può intervenire.",
                "Saltiamo i soliti botta e risposta e andiamo al sodo.",
                "Raccogliamo qui, in un colpo solo, tutto quello che serve.",
                "Non dovrai rispiegare tutto dall'inizio.",
                "Tutta la cronologia resta qui, a disposizione di chi prenderà in carico la "
                "richiesta.",
                "Facciamo andare avanti la richiesta invece di ripartire da zero.",
                "Prima i dettagli sono tutti in un posto, prima qualcuno può intervenire.",
                "Usiamo questa conversazione per mettere insieme tutte le informazioni.",
                "Andiamo dritti al punto, così niente rallenta le cose.",
                "Invece di chiederti di ripetere, partiamo da quello che hai già detto.",
                "Facciamo in modo che questa conversazione serva davvero.",
                "Un riepilogo chiaro qui ti eviterà un altro giro di domande.",
                "Parliamoci chiaro e concentriamoci su ciò che può sbloccare la situazione.",
                "I tuoi messaggi precedenti sono tutti qui, quindi non si perde nulla.",
                "Capiamo esattamente cosa manca e colmiamo quel vuoto.",
                "Chi se ne occuperà dopo avrà davanti tutta la storia.",
                "Puntiamo a meno messaggi e più risultati.",
                "Mettiamo nero su bianco l'essenziale, così qualcuno può prenderlo in carico "
                "subito.",
                "Ti farò solo domande brevi, così non perdiamo altro tempo.",
                "Possiamo concentrarci sull'unica cosa ancora in sospeso.",
                "Assicuriamoci che questa conversazione contenga tutto il necessario per "
                "intervenire.",
                "Un quadro chiaro adesso significa che nessuno dovrà chiederti di nuovo le stesse "
                "cose.",
                "Mettiamo ordine nei fatti, così la richiesta può procedere senza intoppi.",
            ),
        },
        "ask": {
            "default": (
                "Qual è l'unica cosa che, per te, rimetterebbe le cose a posto?",
                "Puoi condividere l'ultimo riferimento o messaggio che hai ricevuto?",
                "Qual è l'ultima notizia che hai avuto in merito?",
                "Se hai un numero d'ordine o di ticket, scriverlo qui farà risparmiare tempo.",
                "Cosa è già stato provato, così evitiamo di ripeterlo?",
                "Quando è iniziato tutto, per quanto ti ricordi?",
                "Quale parte della questione è ancora in sospeso?",
                "Con chi hai parlato l'ultima volta, se te lo ricordi?",
                "Cosa ti era stato detto che sarebbe successo?",
                "È cambiato qualcosa dall'ultima volta che ci hai contattato?",
                "C'è un messaggio di errore o un avviso che puoi condividere?",
                "Più o meno quante volte ci hai già contattato per questo?",
                "Qual è la prima cosa che dovrebbe succedere per farti sentire che siamo sulla "
                "buona strada?",
                "Riesci a riassumere in una frase a che punto sono le cose?",
                "C'è una scadenza da tenere presente?",
                "Qual è il risultato migliore che speri di ottenere?",
                "Quale nostra risposta finora ti è stata meno utile, così evitiamo di ripeterla?",
                "C'è qualcosa che ti era stato promesso e che non è ancora successo?",
                "Qual è l'ultima data in cui hai ricevuto una risposta?",
                "Hai screenshot o email che aiutino a mostrare cosa è successo?",
                "C'è qualcosa che sta diventando più urgente?",
                "Come sarebbe, dal tuo punto di vista, un buon passo successivo?",
                "C'è qualcosa in particolare che vorresti far controllare a una persona del "
                "nostro team?",
                "Quale dettaglio pensi che sia stato trascurato finora?",
                "Qual è stata la cosa più frustrante di tutto questo avanti e indietro?",
                "C'è qualcos'altro coinvolto in questa situazione che dovremmo sapere?",
                "Da quanto tempo aspetti una risposta definitiva?",
            ),
        },
    },
    "reassure_and_clarify": {
        "reassure": {
            "fear": (
                "Sei nel posto giusto, e lo affrontiamo un passo alla volta.",
                "È comprensibile essere in dubbio: andiamo piano.",
                "Fare domande va benissimo, e non hai sbagliato niente.",
                "Fai un bel respiro: lo guardiamo insieme.",
                "Qui non devi preoccuparti di sbagliare.",
                "Non sei nei guai, e niente di tutto questo è irrimediabile.",
                "Ci sono io con te, e vediamo tutto con calma.",
            ),
            "confusion": (
                "È una domanda legittima, e la cosa può confondere.",
                "Facciamo chiarezza insieme.",
                "Non sei l'unica persona a trovarlo poco chiaro.",
                "Buona domanda: è un punto su cui in tanti si confondono.",
                "È facile perdersi in questi passaggi.",
                "Quel punto non è affatto intuitivo, quindi hai fatto bene a chiedere.",
                "Mettiamo un po' d'ordine, così tutto diventa più chiaro.",
            ),
            "default": (
                "Vediamolo insieme passo dopo passo.",
                "Nessun problema, procediamo con ordine.",
                "Possiamo affrontarlo con calma, un pezzo alla volta.",
                "Sono in tanti ad avere domande su questo, quindi sei in buona compagnia.",
                "Sciogliamo insieme questo nodo.",
                "Non esistono domande sciocche su questo argomento.",
                "Rallentiamo un attimo e guardiamo le cose una per volta.",
                "È normale avere dei dubbi: sono qui apposta.",
                "Mettiamo tutto in chiaro, senza nessuna fretta.",
                "Non serve nessuna competenza tecnica per risolvere la questione.",
                "Cerchiamo di capirci qualcosa insieme.",
                "Possiamo procedere al tuo ritmo.",
                "Fai benissimo a chiedere.",
                "Va bene non avere ancora tutte le risposte.",
                "Abbiamo tutto il tempo che ci serve, quindi niente ansia.",
                "Ne veniamo a capo insieme.",
                "Stai facendo proprio le domande giuste.",
                "Niente di quello che descrivi sembra insolito, quindi cerca di non preoccuparti.",
                "È una situazione più comune di quanto possa sembrare adesso.",
                "Manteniamo le cose semplici.",
                "Sono qui per aiutarti a capire meglio.",
                "Non devi risolverlo senza aiuto: ci sono io.",
                "Possiamo ripassare qualsiasi cosa tutte le volte che ti serve.",
                "Chiariamo tutto un poco alla volta.",
                "È del tutto normale avere bisogno di una mano con questo.",
                "Andiamo per gradi, senza saltare nulla.",
            ),
        },
        "steps": {
            "default": (
                "Ecco un modo semplice per iniziare:\n"
                "1. Dimmi cosa stavi cercando di fare.\n"
                "2. Dimmi cosa è successo invece, ad esempio un messaggio di errore.\n"
                "3. Da lì capiamo insieme il passo successivo.",
                "Ecco come possiamo procedere:\n"
                "1. Dimmi qual è l'ultimo passaggio che hai completato.\n"
                "2. Dimmi cosa succede quando provi ad andare avanti.\n"
                "3. Decidiamo insieme il passo successivo.",
                "Tre cose veloci mi sarebbero utili:\n"
                "1. Cosa ti aspettavi che succedesse.\n"
                "2. Cosa è successo davvero.\n"
                "3. Quando è iniziato.",
                "Facciamola semplice:\n"
                "1. Descrivimi cosa vedi sullo schermo.\n"
                "2. Dimmi cosa hai già provato.\n"
                "3. Ti suggerisco io cosa provare dopo.",
                "Per sbloccare la situazione:\n"
                "1. Dimmi l'ultima cosa che ha funzionato.\n"
                "2. Dimmi in che punto ha smesso di funzionare.\n"
                "3. Ripartiamo esattamente da lì.",
                "Un modo tranquillo per cominciare:\n"
                "1. Dimmi cosa vorresti ottenere alla fine.\n"
                "2. Dimmi a che punto sei adesso.\n"
                "3. Colmiamo insieme la distanza.",
                "Restringiamo il campo:\n"
                "1. Succede sul telefono o sul computer?\n"
                "2. Prima funzionava?\n"
                "3. Da allora è cambiato qualcosa?",
                "Due piccoli passi:\n"
                "1. Scrivimi le parole esatte di eventuali messaggi che vedi.\n"
                "2. Dimmi cosa hai cliccato o toccato subito prima.",
                "Ecco una breve lista di controllo:\n"
                "1. Annota cosa stavi facendo quando è successo.\n"
                "2. Annota qualsiasi cosa ti sia sembrata diversa dal solito.\n"
                "3. Scrivimi entrambe le cose qui e partiamo da lì.",
                "Per capirci bene:\n"
                "1. Dimmi cosa hai capito finora.\n"
                "2. Dimmi quale parte non ti torna.\n"
                "3. Ti spiego quella parte con parole semplici.",
                "Una cosa alla volta:\n"
                "1. Dimmi qual è stato il primissimo passo che hai fatto.\n"
                "2. Dimmi cosa è successo subito dopo.",
                "Per rendere tutto più facile da seguire:\n"
                "1. Dimmi la parte che ti è chiara.\n"
                "2. Dimmi quella che non lo è.\n"
                "3. Affrontiamo insieme la seconda.",
                "Proviamo in quest'ordine:\n"
                "1. Interrompi quello che stai facendo e prenditi un momento.\n"
                "2. Dimmi cosa speravi di riuscire a fare.\n"
                "3. Ti guido io con calma, passo dopo passo.",
                "Un modo rapido per orientarci:\n"
                "1. Dimmi più o meno quando è successo la prima volta.\n"
                "2. Dimmi se succede ogni volta o solo ogni tanto.",
                "Ecco cosa mi sarebbe più utile:\n"
                "1. Una breve descrizione del problema, con parole tue.\n"
                "2. Tutto quello che hai già provato, anche se non ha funzionato.",
                "Dividiamo il problema in piccoli pezzi:\n"
                "1. Dimmi da dove hai cominciato.\n"
                "2. Dimmi in che punto le cose si sono bloccate.\n"
                "3. Affrontiamo insieme il pezzo successivo.",
                "Per controllare che stiamo guardando la stessa cosa:\n"
                "1. Dimmi in quale pagina o schermata ti trovi.\n"
                "2. Dimmi cosa vedi nella parte in alto.",
                "Ecco un punto di partenza facile:\n"
                "1. Dimmi se è la prima volta che succede.\n"
                "2. Se non lo è, dimmi cosa ti aveva aiutato l'ultima volta.",
                "Andiamo con calma:\n"
                "1. Dimmi la cosa che ti preoccupa di più.\n"
                "2. Partiamo da quella, prima di tutto il resto.",
                "Due dettagli aiutano molto:\n"
                "1. La data in cui è iniziato.\n"
                "2. Eventuali messaggi o avvisi che hai ricevuto in proposito.",
                "Procediamo così:\n"
                "1. Dimmi cosa hai fatto finora.\n"
                "2. Dimmi su cosa hai dei dubbi.\n"
                "3. Chiariamo prima i dubbi.",
                "Un piano semplice:\n"
                "1. Descrivimi la situazione come se la raccontassi a una persona di famiglia.\n"
                "2. Ti farò una o due domande brevi.\n"
                "3. Ci mettiamo d'accordo sul prossimo passo.",
                "Per risparmiarti un po' di scrittura:\n"
                "1. Dimmi in poche parole cosa non è andato.\n"
                "2. Dimmi se nel frattempo riesci comunque ad andare avanti.",
                "Ripercorriamo i tuoi passi:\n"
                "1. Dimmi da quale schermata hai cominciato.\n"
                "2. Raccontami l'ultimo passaggio prima che qualcosa andasse storto.",
                "Ecco un modo tranquillo per venirne fuori:\n"
                "1. Dimmi quale risultato ti serve.\n"
                "2. Dimmi cosa ti sta ostacolando.\n"
                "3. Superiamo gli ostacoli uno alla volta.",
                "Se ti è più comodo, rispondi solo a queste due domande:\n"
                "1. Cosa ti aspettavi di vedere?\n"
                "2. Cosa hai visto invece?",
                "Facciamo un po' d'ordine:\n"
                "1. Indicami il dispositivo e l'app o il browser che stai usando.\n"
                "2. Descrivimi cosa succede quando ripeti l'operazione.",
            ),
        },
        "check": {
            "default": (
                "Fin qui ti torna?",
                "È chiaro, o preferisci che ti spieghi qualche parte in un altro modo?",
                "Fammi sapere se qualcosa non è chiaro.",
                "Ti sembra che vada bene?",
                "Ti aiuterebbe se lo rivedessimo più lentamente?",
                "C'è ancora qualcosa che non ti è chiaro?",
                "Corrisponde a quello che vedi tu?",
                "C'è una parte che vorresti che ripassassimo?",
                "Ti ha aiutato a fare un po' più di chiarezza?",
                "Che ne dici?",
                "Finora ti trovi a tuo agio con questi passaggi?",
                "Passiamo al prossimo passo o ci fermiamo un attimo qui?",
                "Fermami pure se qualcosa non ti torna.",
                "Ti sarebbe utile un esempio?",
                "Così è più facile da seguire?",
                "Dimmi se ho capito male qualcosa.",
                "Era questo che cercavi?",
                "Te la senti di provare?",
                "C'è qualcosa che vorresti che ti spiegassi in modo più semplice?",
                "Risponde alla tua domanda, o manca ancora qualcosa?",
                "Vuoi che te lo dica in un altro modo?",
                "Fammi sapere come va.",
                "Come ti senti ora al riguardo?",
                "Adesso è un po' più chiaro?",
                "Dimmi da quale parte preferisci cominciare.",
                "Hai altre domande prima di andare avanti?",
                "Ho spiegato in modo abbastanza chiaro?",
            ),
        },
    },
    "celebrate": {
        "celebrate": {
            "gratitude": (
                "Figurati, e grazie a te per le belle parole!",
                "Grazie, fa davvero piacere sentirlo.",
                "Mi fa davvero piacere averti dato una mano.",
                "È stato un piacere aiutarti.",
                "Grazie mille per avercelo detto!",
                "Sei davvero gentile, grazie.",
                "Mi fa molto piacere che sia andato tutto a buon fine.",
                "Grazie a te, è un piacere ricevere messaggi così!",
            ),
            "joy": (
                "Che notizia meravigliosa!",
                "Che bello sentirlo!",
                "Fantastico, sono davvero felice per te!",
                "Mi hai migliorato la giornata, grazie per avercelo raccontato!",
                "Che piacere leggerlo!",
                "È una splendida notizia!",
                "Adoro ricevere notizie così!",
                "Evviva, che soddisfazione!",
            ),
            "default": (
                "Mi fa davvero piacere saperlo!",
                "Mi fa piacere che le cose stiano andando meglio.",
                "È bello sapere che è andato tutto bene.",
                "Che gioia sapere che è andata a buon fine!",
                "È fantastico che sia tutto sistemato.",
                "Che piacere sapere che tutto si è risolto per il meglio!",
                "Che sollievo sentirlo!",
                "Le buone notizie sono sempre benvenute.",
                "Grazie per averci raccontato com'è andata.",
                "Sembra proprio che sia andato tutto come doveva.",
                "Sono sinceramente felice per te.",
                "È sempre bello ricevere buone notizie.",
                "Felice di sapere che ora funziona tutto.",
                "È proprio una bella notizia.",
                "Sono proprio felice per come è andata.",
                "Eccellente!",
                "Meraviglioso, grazie per avermelo detto!",
                "Che bello che abbia funzionato!",
                "Non c'è notizia migliore di questa.",
                "Che bel risultato!",
                "Che piacere, grazie per avermelo fatto sapere!",
                "È proprio un bell'aggiornamento da ricevere.",
                "Mi riempie di gioia sentirlo.",
                "Ottima notizia, e grazie per averla condivisa.",
                "Sembra proprio un bel successo.",
                "Complimenti, te lo sei proprio meritato!",
            ),
        },
        "share": {
            "default": (
                "Grazie per avercelo fatto sapere.",
                "Fa sempre piacere sapere quando le cose vanno bene.",
                "Momenti come questo rendono migliore anche la nostra giornata.",
                "Mi fa piacere che alla fine tutto sia andato al suo posto.",
                "Significa molto che tu abbia trovato il tempo di scriverci.",
                "Le tue belle parole arriveranno dritte al team.",
                "Storie come la tua ci danno la carica.",
                "È bello chiudere in bellezza.",
                "Ci piace tantissimo sapere quando le cose si risolvono.",
                "Grazie per aver condiviso la bella notizia con noi.",
                "Messaggi come questo illuminano la giornata.",
                "Questa cosa mi farà sorridere per un bel po'.",
                "Sentire questo ripaga di tutto il lavoro.",
                "È bello sapere che tutto funziona senza intoppi.",
                "È proprio così che dovrebbe andare.",
                "Sapere com'è andata ci è davvero utile.",
                "Sapere che si è risolto tutto è una gioia.",
                "È bello sapere che ha fatto esattamente quello che ti serviva.",
                "È un vero piacere ricevere un aggiornamento così.",
                "Grazie per aver dedicato un momento a raccontarcelo.",
                "Mi fa piacere che tu abbia condiviso com'è andata.",
                "Ci hai migliorato la giornata con questo messaggio.",
                "È il tipo di messaggio che speriamo sempre di ricevere.",
                "Apprezziamo davvero che tu ce l'abbia fatto sapere.",
                "Notizie così meritano di essere condivise.",
                "Grazie per il bellissimo aggiornamento.",
                "È bello sapere che ti ha semplificato le cose.",
                "Il tuo messaggio metterà di buon umore tutto il team.",
                "Il tuo riscontro è prezioso per noi.",
            ),
        },
        "offer": {
            "default": (
                "C'è altro in cui posso aiutarti?",
                "Se dovesse servirti altro, sono qui.",
                "Fammi sapere se posso fare qualcos'altro per te.",
                "Hai in mente qualcos'altro per oggi?",
                "Se hai altre domande, chiedi pure.",
                "C'è qualcos'altro che vorresti sistemare già che ci sei?",
                "Torna pure quando vuoi, se ti serve una mano.",
                "Posso aiutarti con qualcos'altro oggi?",
                "Se salta fuori qualcos'altro, sai dove trovarci.",
                "C'è altro che vorresti sapere?",
                "Sono qui se ti serve qualsiasi altra cosa.",
                "Basta un messaggio se posso aiutarti ancora.",
                "Ti do volentieri una mano anche con altro.",
                "C'è qualcos'altro che potremmo guardare insieme?",
                "Non esitare a scriverci di nuovo.",
                "Buona continuazione, e scrivimi pure se ti serve qualcosa.",
                "Fammi sapere se c'è altro che richiede attenzione.",
                "Se più avanti ti viene qualche dubbio, non farti problemi a chiedere.",
                "Se qualcosa dovesse cambiare, sono qui per aiutarti.",
                "C'è qualcos'altro che vuoi verificare?",
                "Se vuoi qualche consiglio per sfruttarlo al meglio, sono qui.",
                "Se più avanti qualcosa non dovesse andare, torna pure da noi.",
                "Posso aiutarti con qualcos'altro oltre a questo?",
                "C'è altro che posso fare per semplificarti la giornata?",
                "Resto qui se ti viene in mente qualcos'altro.",
                "Stammi bene, e contattaci ogni volta che ne hai bisogno.",
                "Buona giornata, e alla prossima!",
            ),
        },
    },
    "inform": {
        "acknowledge": {
            "neutral": (
                "Grazie per averci contattato.",
                "Grazie per il messaggio.",
                "Ti aiuto volentieri.",
                "Certo, diamo un'occhiata.",
                "Grazie per averci scritto.",
                "Certo, volentieri.",
                "Ciao, dimmi pure.",
            ),
            "anger": (
                "Mi dispiace per il disagio.",
                "Scusa per il fastidio.",
                "Mi dispiace che non funzioni come dovrebbe.",
                "Mi dispiace che questa cosa ti stia dando problemi.",
                "Che seccatura, mi dispiace.",
                "Capisco il fastidio, vediamo cosa si può fare.",
            ),
            "sadness": (
                "Mi dispiace che le cose non siano andate come previsto.",
                "Che peccato, mi dispiace.",
                "Mi dispiace che il risultato non sia stato quello che volevi.",
                "Mi dispiace che sia stata una delusione.",
                "Capisco, è un peccato che sia andata così.",
            ),
            "confusion": (
                "Buona domanda.",
                "Provo volentieri a fare un po' di chiarezza.",
                "È una domanda più che legittima.",
                "Vediamo insieme di chiarire il punto.",
                "Capisco il dubbio, vediamolo insieme.",
            ),
            "default": (
                "Grazie per avermi scritto.",
                "Grazie per i dettagli.",
                "Ricevuto, grazie.",
                "Grazie per la domanda.",
                "Diamo un'occhiata insieme.",
                "Hai fatto bene a chiedere.",
                "Grazie per avermelo segnalato.",
                "Certo, posso aiutarti con le tue domande.",
                "Grazie per le informazioni in più.",
                "Vediamo di venirne a capo.",
                "Grazie per aver chiesto notizie.",
                "Buono a sapersi, grazie.",
                "Grazie, mi è utile.",
                "Grazie per la spiegazione.",
                "Capito, grazie.",
                "Grazie per averci ricontattato.",
                "Apprezzo la precisione.",
                "Va bene, vediamo cosa si può fare.",
                "Grazie per avermelo fatto sapere.",
                "Preso nota, grazie.",
                "D'accordo, vediamo subito.",
                "Grazie per l'aggiornamento.",
                "Certamente.",
                "Grazie per avermelo fatto notare.",
                "Ok, questo mi aiuta.",
                "Chiaro, grazie.",
            ),
        },
        "progress": {
            "default": (
                "Bene, stiamo andando avanti.",
                "Ci stiamo arrivando.",
                "Così le cose procedono bene.",
                "Bene, questo restringe il campo.",
                "Grazie, è un passo avanti.",
                "Siamo sulla strada giusta.",
                "Un tassello in più al suo posto.",
            ),
        },
        "inform": {
            "default": (
                "Posso aiutarti a capire a che punto sono le cose.",
                "Posso spiegarti come funziona.",
                "Mi servono un paio di dettagli per verificare come si deve.",
                "Per indirizzarti nella direzione giusta mi serve solo qualche dettaglio in più.",
                "Vediamo di darti le informazioni che ti servono.",
                "Di solito dietro domande di questo tipo ci sono alcune cause comuni.",
                "Domande come questa di solito dipendono da un paio di dettagli.",
                "Con un po' più di contesto la risposta diventa molto più chiara.",
                "Posso spiegarti i passaggi che si seguono di solito.",
                "Qualche dettaglio in più ci dirà su quale aspetto concentrarci.",
                "I dettagli che mi hai dato sono già utili.",
                "Cerchiamo di capire esattamente a quale aspetto ti riferisci.",
                "Una volta chiarite le basi, il resto di solito viene da sé.",
                "Di solito c'è una spiegazione semplice.",
                "Un po' di contesto mi aiuterà a darti la risposta giusta.",
                "La risposta dipende un po' dalla tua situazione, quindi un paio di dettagli mi "
                "saranno utili.",
                "Assicuriamoci che tu abbia il quadro completo.",
                "Conviene partire dalle basi e costruire da lì.",
                "Ci sono un paio di strade possibili, quindi troviamo quella adatta a te.",
                "Vorrei che la risposta si adattasse esattamente al tuo caso.",
                "Qualche dettaglio in più ti farà risparmiare tempo dopo.",
                "Guardiamo i dettagli, così non ci sfugge niente.",
                "Qualche informazione in più mi permetterà di darti una risposta precisa.",
                "Capiamo esattamente cosa vale nel tuo caso.",
                "A domanda chiara, risposta chiara: mettiamola a fuoco.",
                "Con uno o due dettagli dovremmo chiarire in fretta.",
                "Ti spiego volentieri tutto quello che serve sapere.",
            ),
        },
        "ask": {
            "anger": (
                "Cosa hai provato finora?",
                "Quando è successo per la prima volta?",
                "Cosa succede quando riprovi?",
                "Qual è la cosa che ti dà più fastidio in questo momento?",
                "Da quanto tempo va avanti così?",
            ),
            "sadness": (
                "Cos'è successo, per quello che hai potuto vedere?",
                "Quando hai notato il problema per la prima volta?",
                "Cosa speravi che succedesse?",
                "C'è qualcosa che ti preoccupa in particolare?",
            ),
            "default": (
                "Puoi dirmi qualcosa in più su ciò che ti serve?",
                "Cosa vorresti sapere esattamente?",
                "Puoi condividere un numero di riferimento o altri dettagli?",
                "Come vorresti procedere?",
                "Da quale aspetto vuoi che partiamo?",
                "Quando hai controllato l'ultima volta?",
                "Cosa hai notato finora?",
                "La richiesta riguarda te o un'altra persona?",
                "Cosa ti ha spinto a chiedere oggi?",
                "C'è una data specifica legata alla tua richiesta?",
                "Cosa ti aspettavi che succedesse?",
                "C'è qualcosa di diverso dal solito?",
                "Puoi descrivermi cosa vedi sullo schermo?",
                "Hai già provato qualcosa?",
                "È la prima volta che chiedi informazioni su questo?",
                "Quale risposta ti sarebbe più utile?",
                "C'è un messaggio di errore che puoi condividere?",
                "Stai usando un telefono o un computer?",
                "Più o meno quando è iniziato?",
                "C'è qualcos'altro collegato a questa domanda?",
                "Qual è la cosa principale che vorresti scoprire?",
                "Hai una scadenza da rispettare?",
                "Preferisci una spiegazione breve o una guida passo passo?",
                "Puoi dirmi cosa hai già letto in proposito?",
                "Verso quale opzione ti stai orientando?",
                "C'è qualcosa che hai già escluso?",
                "In quale sezione o pagina ti trovi adesso?",
            ),
        },
    },
    # A crisis `concern` (hopelessness, a hedged statement): the person first, no product talk.
    # Safe-messaging rules: warm, no judgement, no promises, an open door to a person.
    "check_in": {
        "acknowledge": {
            "default": (
                "Mi dispiace davvero che tu ti senta così.",
                "Grazie per avermi detto come ti senti.",
                "Sembra un peso davvero grande da portare.",
                "Mi dispiace che in questo momento tutto sembri così difficile.",
                "Sembra che tu stia attraversando un periodo molto duro.",
                "È importante che tu abbia detto come ti senti.",
                "Sembra estenuante, e mi dispiace.",
                "Ti ascolto, e quello che provi conta.",
                "Sembra che ultimamente le cose siano state davvero dure.",
                "Mi dispiace che adesso tu la viva così.",
                "Sentirsi così è difficile, e non devi fingere che non lo sia.",
                "Grazie per la fiducia che mi stai dando.",
                "Sembra davvero tanto da affrontare.",
                "Mi dispiace che tu ti senta così giù.",
                "È comprensibile sentirsi senza forze.",
                "Sento quanto sia stato difficile per te.",
                "Mi dispiace, sembra davvero doloroso.",
                "Ci vuole coraggio a dire come ci si sente.",
                "Sembra che tu ti stia portando dietro tanto.",
                "Mi dispiace che questo ti stia pesando così tanto.",
                "Apprezzo davvero che tu me ne abbia parlato apertamente.",
                "Sembra una situazione in cui ci si sente molto soli, e mi dispiace.",
                "Va bene anche non stare bene.",
                "Mi dispiace che per te sia un momento così faticoso.",
                "Quello che provi è legittimo, e grazie per averlo condiviso.",
                "Mi dispiace che oggi sia stata una giornata così.",
                "Non c'è niente di sbagliato nel sentirsi così.",
            ),
        },
        "support": {
            "default": (
                "Non devi affrontare tutto questo senza nessuno accanto.",
                "Se vuoi parlare con una persona del nostro team, dimmelo e la coinvolgo subito.",
                "Ci sono persone a cui importa di te e che vogliono aiutarti, compreso il nostro "
                "team.",
                "Può aiutare parlare di come ti senti con qualcuno di cui ti fidi.",
                "Possiamo andare avanti un piccolo passo alla volta.",
                "Qualunque cosa ti serva adesso, sono qui per ascoltarti.",
                "Qui non c'è nessuna fretta: prenditi tutto il tempo che ti serve.",
                "Se ti senti in pericolo, chiama subito il numero di emergenza della tua zona.",
                "Tu sei importante, e quello che provi è importante.",
                "Aprirsi, come hai appena fatto, è un passo importante.",
                "Una persona del nostro team può unirsi a questa chat quando vuoi.",
                "Non stai disturbando nessuno dicendo queste cose.",
                "Va bene chiedere sostegno quando le cose si fanno pesanti.",
                "Sono qui, e ti sto ascoltando.",
                "Dirlo ad alta voce può essere un primo passo, e tu l'hai già fatto.",
                "Parlare con una persona cara, un familiare o un medico può aiutare davvero.",
                "Non dobbiamo risolvere tutto adesso.",
                "Come stai conta molto di più per me di qualsiasi questione sull'account.",
                "Meriti sostegno mentre attraversi tutto questo.",
                "Se preferisci parlare con una persona in carne e ossa, posso passare subito la "
                "conversazione a qualcuno del team.",
                "Niente di quello che hai detto è troppo da condividere qui.",
                "Va bene mettere da parte tutto il resto per un momento.",
                "Le persone riescono a superare momenti come questo, soprattutto con qualcuno "
                "accanto.",
                "Puoi raccontarmi tanto o poco, come preferisci.",
                "Trattarti con un po' di gentilezza, adesso, è più che sufficiente.",
                "Hai scelto di parlarne, e questo conta molto.",
                "Non c'è un modo giusto o sbagliato di sentirsi in questo momento.",
            ),
        },
        "ask": {
            "default": (
                "Come stai in questo momento?",
                "Ti va di raccontarmi un po' di più di quello che sta succedendo?",
                "C'è qualcuno con te, o qualcuno che potresti contattare oggi?",
                "Ti aiuterebbe parlare con una persona del nostro team?",
                "Cosa ti sarebbe più d'aiuto adesso?",
                "Da quanto tempo ti senti così?",
                "Sei al sicuro in questo momento?",
                "C'è qualcosa che ha reso la giornata di oggi particolarmente difficile?",
                "Vuoi che faccia intervenire qualcuno del nostro team?",
                "Cosa ti passa per la testa più spesso in questi giorni?",
                "C'è qualcosa che posso fare per rendere le cose un po' più leggere adesso?",
                "C'è una persona di cui ti fidi con cui potresti parlare?",
                "Ultimamente riesci a riposare e a prenderti cura di te?",
                "Preferisci continuare a parlare o andare piano?",
                "C'è altro che vorresti condividere con me?",
                "Cosa di solito ti aiuta, anche solo un po', quando ti senti così?",
                "Vuoi che resti qui con te ancora un po'?",
                "Come ti senti mentre ne parliamo?",
                "C'è qualcosa in particolare che ti sta pesando?",
                "Ti sentiresti meglio a parlare con una persona invece che con me?",
                "C'è qualcosa che sta aumentando lo stress e su cui posso darti una mano?",
                "Cosa vorresti che succedesse adesso?",
                "Hai potuto parlarne con qualcuno?",
                "È un buon momento per parlare, o preferisci più tardi?",
                "Come posso starti vicino nel modo migliore adesso?",
                "Ti aiuterebbe ripercorrere insieme quello che è successo?",
                "Ti senti al sicuro dove ti trovi adesso?",
            ),
        },
    },
}

# When a long conversation has used every line of a slot, replies are composed from these two
# halves instead, so a sentence is still never sent twice (len(BRIDGE_A) * len(BRIDGE_B) more).
BRIDGE_A = (
    "Grazie per la pazienza",
    "Apprezzo molto la tua pazienza",
    "Grazie per i dettagli in più",
    "Sono ancora qui con te",
    "Grazie per essere ancora qui",
    "Grazie per avermelo spiegato",
    "Grazie per avermi spiegato i passaggi",
    "Ti sto seguendo",
)
BRIDGE_B = (
    "c'è altro che dovrei sapere?",
    "vuoi aggiungere qualcosa?",
    "cosa ti sarebbe più utile adesso?",
    "cos'altro hai in mente?",
    "mi è sfuggito qualche dettaglio?",
    "da cosa vuoi ripartire?",
    "come vanno le cose da te?",
    "su cosa ci concentriamo ora?",
)
