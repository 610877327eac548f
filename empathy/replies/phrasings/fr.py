"""French phrasings of the offline responder: curated, reviewed, versioned as a whole.

Rules every line follows, as in ``en``: no promise of money, refunds or credits, no claim that
the bot changed an account, no URL, no markup; each line is one sentence, except the
numbered-steps blocks, which are sent as one unit. French-specific rules:

- No line uses ``{topic}``: topic extraction is English-only, so every line reads on its own
  ("cela", "votre demande") whatever the subject.
- The visitor is always "vous"; "on" and "nous" stand for the visitor and the bot together.
- Lines stay gender-neutral for both the bot and the visitor: no agreeing adjective or
  participle about either ("désolé", "seul", "prêt", "inquiet" are avoided; "je regrette",
  "en solitaire", "quand vous le souhaitez", "cela vous inquiète" are used instead).
- Usual French typography with a plain space before "?", "!", ":" and ";" (line breaking never
  separates those marks from the word before them).
"""

from __future__ import annotations

from empathy.replies.phrasings import en

VERSION = "fr-2026.12.1"

# The crisis path: fixed, reviewed text. Never generated, never varied by topic.
SAFETY_FIRST = (
    "Je suis de tout cœur avec vous face à ce que vous traversez, et merci de me l'avoir confié.",
    "Vous n'avez pas à affronter cela en solitaire : je fais venir une personne de notre équipe "
    "dès maintenant.",
    "Si vous êtes en danger immédiat, appelez s'il vous plaît le numéro d'urgence de votre pays "
    "ou une ligne d'écoute de votre région.",
)

# The same strategies and slots as English, in the same order.
SLOTS = en.SLOTS

# Emotion groups: "default" lines suit every feeling and are used alongside the group's own.
# Each slot and group holds at least as many lines as ``en``, all different, so a long
# conversation of one strategy stays fresh without ever repeating a sentence.
LIBRARY: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "validate_then_solve": {
        "acknowledge": {
            "anger": (
                "Je comprends à quel point c'est frustrant.",
                "Je comprends tout à fait que cela vous mette en colère.",
                "Il y a vraiment de quoi s'agacer, je le comprends.",
                "Je comprends que cela vous mette hors de vous, et je le regrette sincèrement.",
                "C'est vraiment exaspérant, et je regrette que ce soit arrivé.",
                "Ce n'est clairement pas l'expérience que vous étiez en droit d'attendre, "
                "toutes mes excuses.",
                "Je sens bien que vous en avez assez, et je vous comprends.",
                "C'est rageant quand les choses ne fonctionnent pas comme elles le devraient.",
                "À votre place, cela m'agacerait tout autant.",
                "Je mesure toute la colère que cela provoque chez vous.",
                "Votre exaspération est compréhensible, et je vous présente mes excuses.",
            ),
            "sadness": (
                "C'est vraiment décevant, et je le regrette.",
                "Je regrette que les choses ne se soient pas passées comme vous l'espériez.",
                "C'est une vraie déception, et cela me peine que ce soit arrivé.",
                "Je comprends que ce soit décourageant.",
                "Ce n'est pas du tout comme cela aurait dû se passer, et je le regrette.",
                "Je comprends votre déception, et cela me peine sincèrement.",
                "Ce doit être un vrai coup au moral, et je le regrette.",
                "Je vois bien à quel point cela vous pèse.",
                "C'est vraiment dommage, et je comprends que cela vous attriste.",
            ),
            "fear": (
                "Je sens que cela vous inquiète, et c'est bien normal.",
                "Il est compréhensible de se sentir mal à l'aise face à cela.",
                "C'est une situation stressante, et je regrette que vous ayez à la vivre.",
                "Ne pas savoir ce qui se passe est déstabilisant, je le sais bien.",
                "Je mesure à quel point cela vous angoisse.",
                "C'est normal d'être sur les nerfs quand ce genre de chose arrive.",
                "Votre inquiétude est tout à fait compréhensible.",
            ),
            "default": (
                "Je regrette sincèrement que vous traversiez cela.",
                "Merci de m'avoir expliqué comment vous avez vécu la situation.",
                "Toutes mes excuses pour ces difficultés.",
                "Cela semble vraiment difficile, et je le regrette.",
                "Je regrette que vous ayez dû faire face à cela.",
                "Je regrette vraiment la tournure qu'ont prise les choses.",
                "Merci d'avoir expliqué aussi clairement ce qui n'a pas fonctionné.",
                "Je regrette que cela vous ait causé autant de tracas.",
                "Je comprends que cette situation vous pèse.",
                "Cela fait beaucoup à gérer, et je le regrette.",
                "Je regrette que cela ait accaparé une bonne partie de votre journée.",
                "Je vous entends, et je regrette que les choses en soient arrivées là.",
                "Personne ne devrait avoir à vivre ça, toutes mes excuses.",
                "Merci de votre patience dans une situation qui n'aurait jamais dû se produire.",
                "Je vous présente mes excuses pour tout ce dérangement.",
                "Merci de me dire franchement ce que vous ressentez.",
                "Je comprends que tout cela soit épuisant.",
                "Je regrette que les choses aient été aussi compliquées.",
                "Ce n'est pas normal, et je regrette que cela vous soit arrivé.",
                "Je vois bien à quel point cela compte pour vous.",
                "Cette situation est source de stress, je le comprends bien.",
                "Merci d'avoir pris contact avec nous à ce sujet.",
                "Merci de m'en avoir parlé.",
                "Je regrette que cela soit devenu un tel casse-tête.",
                "Je comprends que cette expérience ait été pénible.",
                "Je regrette que cela ait chamboulé votre journée.",
                "Je regrette que vous ayez dû gérer cela sans aide jusqu'ici.",
                "Merci de prendre le temps de tout m'expliquer.",
                "Vous avez bien fait de nous écrire.",
            ),
        },
        "validate": {
            "default": (
                "N'importe qui ressentirait la même chose à votre place.",
                "Votre temps compte, et cela n'aurait pas dû être aussi compliqué.",
                "Il est tout à fait normal d'attendre que cela fonctionne, tout simplement.",
                "Vous n'auriez pas dû avoir à gérer cela.",
                "Ce que vous ressentez n'a rien d'excessif.",
                "Je comprends que votre patience soit mise à rude épreuve.",
                "Votre réaction est parfaitement compréhensible.",
                "Vous étiez en droit d'attendre mieux.",
                "La plupart des gens seraient contrariés si les choses tournaient ainsi.",
                "Il est légitime de vouloir régler cela sans avoir à batailler.",
                "Votre ressenti est tout à fait justifié.",
                "Attendre que cela fonctionne du premier coup, ce n'est pas trop demander.",
                "Toute personne dans votre situation se sentirait lésée en ce moment.",
                "Réagir ainsi est normal après ce qui s'est passé.",
                "Vous avez fait preuve de plus de patience que beaucoup.",
                "C'est normal d'avoir l'impression que cela vous a demandé beaucoup trop "
                "d'efforts.",
                "Vouloir une réponse claire est tout à fait raisonnable.",
                "Vous avez raison de le signaler.",
                "C'est normal que cela vous contrarie : c'est important.",
                "Vous méritiez une expérience bien plus simple que celle-ci.",
                "Personne ne devrait avoir à subir ce genre de situation.",
                "Il est naturel de perdre patience après une chose pareille.",
                "Vous n'exagérez pas : cela contrarierait n'importe qui.",
                "Votre frustration est légitime, et je l'entends.",
                "La déception est normale quand quelque chose sur quoi vous comptez ne "
                "fonctionne pas.",
                "Personne n'aime rester dans l'impasse, et vous avez raison de le dire.",
                "Vous ne devriez pas avoir à relancer qui que ce soit pour que les choses "
                "fonctionnent.",
                "Il est tout à fait légitime de vouloir que cela soit traité avec soin.",
                "Votre demande est tout à fait raisonnable.",
            ),
        },
        "progress": {
            "default": (
                "On avance, et c'est bon signe.",
                "Merci de rester avec moi sur ce point.",
                "On dirait que les choses commencent à s'apaiser un peu.",
                "Cela semble aller dans la bonne direction.",
                "Merci pour votre patience jusqu'ici, elle porte ses fruits.",
                "On sent que la situation commence à se débloquer.",
                "J'ai l'impression que cela va un peu mieux maintenant.",
                "Nous sommes sur une meilleure voie, et c'est grâce à votre aide.",
                "Pas à pas, la situation s'améliore.",
            ),
        },
        "next": {
            "default": (
                "Avançons une étape à la fois, ensemble.",
                "Je suis là, et nous allons regarder cela ensemble.",
                "Quand vous le souhaitez, racontez-moi ce qui s'est passé en dernier, et nous "
                "partirons de là.",
                "Pourriez-vous me dire, avec vos mots, ce dont vous avez le plus besoin en ce "
                "moment ?",
                "Qu'est-ce qui vous aiderait le plus, là, maintenant ?",
                "Dès que vous le voulez, j'aimerais savoir ce qui s'est passé.",
                "Prenez votre temps, et dites-moi où en sont les choses.",
                "Rien ne presse : dites-moi ce qui a été le plus difficile pour vous.",
                "J'aimerais comprendre ce que cette situation vous a fait vivre, quand vous le "
                "souhaitez.",
                "Qu'est-ce qui vous préoccupe le plus en ce moment ?",
                "Dites-moi quel résultat vous espérez.",
                "Qu'est-ce qui compte le plus pour vous dans cette situation ?",
                "Je vous écoute : dites-moi ce qui vous semble le plus important.",
                "Nous pouvons avancer au rythme qui vous convient.",
                "Dites-moi ce que vous aimeriez voir se passer ensuite, et nous commencerons "
                "par là.",
                "Si cela peut aider, commencez par ce qui vous dérange le plus.",
                "Je reste là dès que vous voulez poursuivre.",
                "Qu'est-ce qui rendrait votre journée un peu plus facile ?",
                "Y a-t-il autre chose qui vous préoccupe et dont nous n'avons pas encore parlé ?",
                "Commençons par ce qui vous semble le plus urgent.",
                "Vous pouvez m'en dire autant ou aussi peu que vous le souhaitez.",
                "J'aimerais savoir en quoi cela a pesé sur votre quotidien.",
                "Qu'est-ce qui a été le plus pénible dans tout cela ?",
                "Dites-moi à quoi ressemblerait une bonne issue pour vous.",
                "Comment vous sentez-vous par rapport à tout cela en ce moment ?",
                "De quoi avez-vous besoin de ma part, là, tout de suite ?",
                "Partagez ce que vous pouvez, je suis avec vous.",
                "Racontez-moi, dans l'ordre qui vous convient, comment les choses se sont "
                "enchaînées.",
                "Commençons par la façon dont cela vous affecte aujourd'hui.",
            ),
        },
    },
    "own_and_expedite": {
        "own": {
            "default": (
                "Je regrette que vous ayez dû nous relancer plusieurs fois.",
                "Vous ne devriez pas avoir à redemander sans cesse, et je le regrette.",
                "Je regrette que ce ne soit toujours pas réglé.",
                "C'est notre responsabilité, et je regrette que vous ayez dû vous répéter.",
                "Je comprends que cela dure depuis bien trop longtemps.",
                "Je regrette que le problème soit toujours d'actualité.",
                "Je vous entends, et je regrette qu'il ait fallu autant de messages.",
                "Devoir revenir vers nous encore une fois n'est pas acceptable, et je vous "
                "présente mes excuses.",
                "Je regrette que cette affaire traîne depuis si longtemps.",
                "Je sais que vous avez déjà tout expliqué, et je regrette que vous deviez le "
                "refaire.",
                "Il est clair que cela vous a pris bien plus de temps que nécessaire.",
                "Je regrette que ce problème ne cesse de ressurgir.",
                "Personne ne devrait avoir à relancer autant de fois.",
                "Je regrette que cela soit devenu un si long parcours.",
                "Je vois bien que l'on tourne en rond, et ce n'est pas juste pour vous.",
                "Je regrette que nous n'ayons pas encore trouvé la bonne réponse.",
                "Vous avez fait preuve de patience bien plus longtemps que vous n'auriez dû.",
                "Je regrette que cela vous ait fait perdre autant de temps.",
                "Je comprends à quel point il est épuisant de devoir courir après une réponse.",
                "Merci de votre persévérance, même si vous n'auriez jamais dû en avoir besoin.",
                "Cela aurait dû être réglé depuis longtemps.",
                "Je regrette que votre demande soit toujours en suspens.",
                "Je sens à quel point tout cela vous use, et je le regrette.",
                "Je comprends que vous soyez à bout de patience, et c'est légitime.",
                "Je regrette que vous attendiez encore une réponse.",
                "Revenir une fois de plus sur le même sujet est frustrant, toutes mes excuses.",
                "Je regrette que les réponses reçues jusqu'ici n'aient pas été cohérentes.",
                "Je reconnais que nous aurions dû faire mieux.",
            ),
        },
        "progress": {
            "default": (
                "Merci de votre patience pendant que nous faisons avancer les choses.",
                "Je vous remercie de poursuivre avec moi.",
                "Ça bouge enfin, et c'est une bonne chose.",
                "Merci de tenir le coup, nous nous rapprochons du but.",
                "Les choses prennent de la vitesse.",
                "Votre persévérance aide à faire avancer le dossier.",
                "Nous sommes plus avancés qu'il y a quelques messages.",
                "Merci de votre ténacité, elle paie.",
                "Le dossier progresse dans le bon sens.",
            ),
        },
        "expedite": {
            "default": (
                "Concentrons-nous sur le moyen le plus rapide de faire avancer les choses.",
                "Tout ce que vous m'avez dit est conservé dans cette conversation, inutile de "
                "tout recommencer.",
                "Une personne de notre équipe peut prendre le relais, et elle verra tout ce que "
                "vous avez écrit ici.",
                "Le plus rapide est de réunir les informations clés au même endroit, alors "
                "faisons-le maintenant.",
                "Je tiens à ce que votre demande arrive entre les mains de quelqu'un qui peut "
                "agir.",
                "Passons les allers-retours habituels et allons à l'essentiel.",
                "Rassemblons ici, en une seule fois, tout ce qu'il faut pour votre demande.",
                "Vous n'aurez pas à raconter à nouveau toute l'histoire.",
                "Tout l'historique de votre demande est conservé ici pour la personne qui la "
                "reprendra.",
                "Faisons avancer votre demande plutôt que de repartir de zéro.",
                "Plus vite les détails seront réunis, plus vite quelqu'un pourra agir.",
                "Servons-nous de cette conversation pour centraliser tout ce qui concerne votre "
                "demande.",
                "Allons droit au but pour que rien ne bloque.",
                "Plutôt que de vous faire tout répéter, appuyons-nous sur ce que vous avez déjà "
                "dit.",
                "Faisons en sorte que cette conversation compte.",
                "Un récapitulatif clair ici vous évitera une nouvelle série de questions.",
                "Concentrons-nous sans détour sur ce qui fera vraiment bouger les choses.",
                "Vos messages précédents sont tous là, rien ne se perd.",
                "Voyons précisément ce qui manque encore, et complétons-le.",
                "La personne qui prendra la suite aura toute l'histoire sous les yeux.",
                "Visons moins d'échanges et plus d'avancées.",
                "Notons l'essentiel pour que la demande puisse être reprise immédiatement.",
                "Mes questions seront brèves, pour ne pas vous faire perdre plus de temps.",
                "Nous pouvons nous concentrer sur le seul point encore en suspens.",
                "Assurons-nous que cette conversation contienne tout ce qu'il faut pour agir.",
                "Avec une vision claire dès maintenant, personne n'aura à vous reposer les "
                "mêmes questions.",
                "Ne perdons plus de temps : voyons ce qui bloque encore.",
            ),
        },
        "ask": {
            "default": (
                "Quelle est la chose qui, pour vous, réglerait la situation ?",
                "Pourriez-vous me transmettre la dernière référence ou le dernier message que "
                "vous avez reçu ?",
                "Quelles sont les dernières nouvelles que vous avez eues ?",
                "Si vous avez un numéro de commande ou de ticket, le partager ici nous fera "
                "gagner du temps.",
                "Qu'avez-vous déjà essayé, pour que nous ne le refassions pas ?",
                "Quand cela a-t-il commencé, d'après vos souvenirs ?",
                "Quelle partie de votre demande reste sans réponse ?",
                "Vous souvenez-vous de la dernière personne à qui vous en avez parlé ?",
                "Que vous avait-on dit qu'il se passerait ?",
                "Quelque chose a-t-il changé depuis votre dernier contact avec nous ?",
                "Avez-vous reçu un message d'erreur ou une notification que vous pourriez "
                "partager ?",
                "Combien de fois environ nous avez-vous contactés à ce sujet ?",
                "De quoi avez-vous besoin en priorité pour sentir que les choses sont sur la "
                "bonne voie ?",
                "Pourriez-vous résumer en une phrase où en sont les choses ?",
                "Y a-t-il une échéance à garder en tête ?",
                "Quelle issue espérez-vous idéalement ?",
                "Laquelle de nos réponses a été la moins utile, pour que nous évitions de la "
                "répéter ?",
                "Vous avait-on annoncé quelque chose qui ne s'est pas produit ?",
                "À quelle date avez-vous eu des nouvelles pour la dernière fois ?",
                "Avez-vous des captures d'écran ou des e-mails qui montreraient ce qui s'est "
                "passé ?",
                "Y a-t-il quelque chose qui devient plus urgent ?",
                "À quoi ressemblerait une bonne prochaine étape, de votre point de vue ?",
                "Y a-t-il un point précis que vous aimeriez voir examiné par une personne de "
                "notre équipe ?",
                "Quel détail a, selon vous, été négligé jusqu'ici ?",
                "Qu'est-ce qui a été le plus frustrant dans tous ces allers-retours ?",
                "Cela a-t-il des conséquences sur autre chose que nous devrions connaître ?",
                "Depuis quand attendez-vous une réponse ?",
            ),
        },
    },
    "reassure_and_clarify": {
        "reassure": {
            "fear": (
                "Vous êtes au bon endroit, et nous allons voir cela étape par étape.",
                "C'est normal d'avoir des doutes ; nous allons y aller doucement.",
                "Vous avez tout à fait raison de demander, et vous n'avez rien fait de mal.",
                "Prenez une grande inspiration, nous allons regarder cela ensemble.",
                "Ici, vous ne risquez rien à vous tromper.",
                "Vous n'avez rien à vous reprocher, et rien de tout cela n'est irréparable.",
                "Votre inquiétude est légitime, et nous allons avancer calmement.",
            ),
            "confusion": (
                "C'est une question tout à fait légitime, et le sujet peut prêter à confusion.",
                "Clarifions cela ensemble.",
                "Vous n'êtes pas la seule personne à trouver cela déroutant.",
                "Bonne question, ce point en embrouille plus d'un.",
                "On s'y perd facilement, c'est normal.",
                "Ce point n'est pas évident, vous avez bien fait de demander.",
                "Je vais vous expliquer cela simplement.",
            ),
            "default": (
                "Voyons cela étape par étape.",
                "Aucun souci, réglons cela une étape à la fois.",
                "Nous pouvons avancer calmement, point par point.",
                "Beaucoup de gens se posent les mêmes questions, vous êtes en bonne compagnie.",
                "Nous allons démêler cela ensemble.",
                "Il n'y a pas de question bête.",
                "Prenons le temps de regarder cela morceau par morceau.",
                "Avoir des doutes est bien normal, c'est justement pour cela que je suis là.",
                "Nous allons tirer cela au clair, sans précipitation.",
                "Pas besoin de connaissances techniques pour régler cela.",
                "Essayons d'y voir plus clair ensemble.",
                "Nous pouvons avancer à votre rythme.",
                "Vous faites bien de poser la question.",
                "C'est normal de ne pas avoir toutes les réponses pour l'instant.",
                "Nous avons tout le temps, allons-y en douceur.",
                "Nous allons chercher la solution ensemble.",
                "Vous posez exactement les bonnes questions.",
                "Rien de ce que vous décrivez n'est inhabituel, alors essayez de ne pas trop "
                "vous inquiéter.",
                "C'est plus courant qu'il n'y paraît.",
                "Gardons les choses simples.",
                "Je suis là pour vous aider à comprendre.",
                "Vous n'avez pas à vous débrouiller avec cela par vous-même.",
                "Nous pouvons revoir chaque point autant de fois que nécessaire.",
                "Éclaircissons cela petit à petit.",
                "C'est tout à fait normal d'avoir besoin d'un coup de main pour cela.",
                "Une chose après l'autre, et tout deviendra plus clair.",
            ),
        },
        "steps": {
            "default": (
                "Voici une façon simple de commencer :\n"
                "1. Dites-moi ce que vous essayiez de faire.\n"
                "2. Dites-moi ce qui s'est affiché à la place, par exemple un message d'erreur.\n"
                "3. Nous verrons la suite à partir de là.",
                "Voici comment nous pouvons procéder :\n"
                "1. Indiquez-moi où vous en êtes.\n"
                "2. Dites-moi ce qui se passe quand vous essayez.\n"
                "3. Nous déciderons ensemble de l'étape suivante.",
                "Trois petites choses m'aideront :\n"
                "1. Ce que vous vous attendiez à voir se produire.\n"
                "2. Ce qui s'est réellement passé.\n"
                "3. Depuis quand cela dure.",
                "Allons au plus simple :\n"
                "1. Décrivez ce que vous voyez à l'écran.\n"
                "2. Dites-moi ce que vous avez déjà essayé.\n"
                "3. Je vous proposerai la prochaine chose à tester.",
                "Pour vous débloquer :\n"
                "1. Dites-moi ce qui a fonctionné en dernier.\n"
                "2. Dites-moi à quel moment cela a cessé de fonctionner.\n"
                "3. Nous reprendrons exactement à partir de là.",
                "Pour commencer en douceur :\n"
                "1. Dites-moi ce que vous aimeriez obtenir au final.\n"
                "2. Décrivez-moi la situation actuelle.\n"
                "3. Nous comblerons l'écart ensemble.",
                "Affinons un peu :\n"
                "1. Cela se produit-il sur un téléphone ou sur un ordinateur ?\n"
                "2. Est-ce que cela fonctionnait avant ?\n"
                "3. Qu'est-ce qui a changé depuis, le cas échéant ?",
                "Deux petites étapes :\n"
                "1. Recopiez-moi le texte exact du message qui s'affiche.\n"
                "2. Dites-moi sur quoi vous avez cliqué ou appuyé juste avant.",
                "Voici une petite liste de contrôle :\n"
                "1. Notez ce que vous faisiez au moment où c'est arrivé.\n"
                "2. Notez tout ce qui vous a paru inhabituel.\n"
                "3. Partagez les deux ici, et nous verrons la suite.",
                "Pour que nous soyons sur la même longueur d'onde :\n"
                "1. Dites-moi ce que vous avez compris jusqu'ici.\n"
                "2. Dites-moi quelle partie ne colle pas.\n"
                "3. Je vous expliquerai ce point avec des mots simples.",
                "Une chose à la fois :\n"
                "1. Dites-moi la toute première chose que vous avez faite.\n"
                "2. Dites-moi ce qui s'est passé juste après.",
                "Pour rendre tout cela plus facile à suivre :\n"
                "1. Dites-moi ce qui est clair pour vous.\n"
                "2. Dites-moi ce qui ne l'est pas.\n"
                "3. Nous nous occuperons ensemble de ce deuxième point.",
                "Essayons dans cet ordre :\n"
                "1. Mettez de côté ce que vous faites et prenez un instant.\n"
                "2. Dites-moi ce que vous espériez accomplir.\n"
                "3. Je vous guiderai pas à pas, tranquillement.",
                "Pour faire rapidement le point :\n"
                "1. Dites-moi à peu près quand vous l'avez remarqué pour la première fois.\n"
                "2. Dites-moi si cela arrive à chaque fois ou seulement de temps en temps.",
                "Voici ce qui m'aiderait le plus :\n"
                "1. Une courte description du problème, avec vos propres mots.\n"
                "2. Ce que vous avez déjà essayé, même si cela n'a pas marché.",
                "Découpons cela en petites étapes :\n"
                "1. Dites-moi par où vous avez commencé.\n"
                "2. Dites-moi où cela a coincé.\n"
                "3. Nous aborderons l'étape suivante ensemble.",
                "Pour vérifier que nous regardons la même chose :\n"
                "1. Dites-moi sur quelle page ou quel écran vous êtes.\n"
                "2. Dites-moi ce qui s'affiche tout en haut.",
                "Un point de départ facile :\n"
                "1. Dites-moi si c'est la première fois que cela arrive.\n"
                "2. Si ce n'est pas le cas, dites-moi ce qui avait aidé la dernière fois.",
                "Allons-y doucement :\n"
                "1. Dites-moi ce qui vous inquiète le plus.\n"
                "2. Nous regarderons cela avant tout le reste.",
                "Deux informations aident beaucoup :\n"
                "1. La date à laquelle cela a commencé.\n"
                "2. Tout message ou avis que vous avez reçu à ce sujet.",
                "Procédons ainsi :\n"
                "1. Dites-moi ce que vous avez fait jusqu'ici.\n"
                "2. Dites-moi ce sur quoi vous avez un doute.\n"
                "3. Nous éclaircirons d'abord ce point.",
                "Un plan simple :\n"
                "1. Décrivez la situation comme si vous la racontiez à un proche.\n"
                "2. Je vous poserai une ou deux questions courtes.\n"
                "3. Nous conviendrons ensemble de la prochaine étape.",
                "Pour vous éviter de trop écrire :\n"
                "1. Dites-moi en quelques mots ce qui n'a pas fonctionné.\n"
                "2. Dites-moi si vous pouvez quand même continuer en attendant.",
                "Reprenons le fil de vos actions :\n"
                "1. Dites-moi quel a été votre point de départ.\n"
                "2. Dites-moi la dernière étape avant que les choses se gâtent.",
                "Voici une façon sereine d'avancer :\n"
                "1. Dites-moi le résultat dont vous avez besoin.\n"
                "2. Dites-moi ce qui vous en empêche.\n"
                "3. Nous lèverons les obstacles un par un.",
                "Si cela vous aide, répondez simplement à ces deux questions :\n"
                "1. Que vous attendiez-vous à voir ?\n"
                "2. Qu'avez-vous vu à la place ?",
            ),
        },
        "check": {
            "default": (
                "Est-ce que c'est clair jusqu'ici ?",
                "Est-ce clair, ou voulez-vous que j'explique un point autrement ?",
                "N'hésitez pas à me dire si quelque chose n'est pas clair.",
                "Cela vous convient-il ?",
                "Voulez-vous que je reprenne plus lentement ?",
                "Reste-t-il un point qui vous paraît flou ?",
                "Est-ce que cela correspond à ce que vous voyez de votre côté ?",
                "Y a-t-il un passage que vous aimeriez revoir ?",
                "Est-ce un peu plus clair maintenant ?",
                "Qu'en pensez-vous ?",
                "Vous vous sentez à l'aise avec cela pour l'instant ?",
                "Passons-nous à l'étape suivante, ou préférez-vous marquer une pause ?",
                "N'hésitez pas à m'arrêter si quelque chose vous semble incohérent.",
                "Un exemple vous aiderait-il ?",
                "Est-ce plus facile à suivre ainsi ?",
                "Dites-moi si j'ai mal compris quelque chose.",
                "Est-ce bien ce que vous cherchiez ?",
                "Vous sentez-vous en mesure d'essayer ?",
                "Voulez-vous que je le dise plus simplement ?",
                "Cela répond-il à votre question, ou manque-t-il encore quelque chose ?",
                "Voulez-vous que je formule cela autrement ?",
                "Tenez-moi au courant de ce que cela donne.",
                "Comment le vivez-vous maintenant ?",
                "Est-ce que tout cela vous paraît plus limpide ?",
                "Dites-moi par quelle partie vous souhaitez commencer.",
                "Avez-vous d'autres questions avant que nous continuions ?",
                "Est-ce que je vais trop vite ?",
            ),
        },
    },
    "celebrate": {
        "celebrate": {
            "gratitude": (
                "Avec plaisir, et merci pour vos gentils mots !",
                "Merci, cela fait vraiment plaisir à lire.",
                "Cela m'a fait plaisir de vous aider.",
                "C'était un vrai plaisir.",
                "Merci infiniment pour ce message !",
                "C'est très gentil de votre part, merci.",
                "Tant mieux si tout s'est arrangé !",
                "Je vous en prie, c'est tout naturel !",
            ),
            "joy": (
                "Quelle excellente nouvelle !",
                "Génial, ça fait vraiment plaisir à entendre !",
                "Formidable, je me réjouis pour vous !",
                "Ça illumine ma journée, merci de me l'avoir dit !",
                "Quel bonheur de lire cela !",
                "Super nouvelle !",
                "J'adore ce genre de nouvelles !",
                "Bravo, c'est une belle réussite !",
            ),
            "default": (
                "Voilà qui fait plaisir !",
                "Les choses s'améliorent, et c'est tant mieux.",
                "C'est super que tout se soit bien passé.",
                "Je me réjouis que tout ait fonctionné pour vous.",
                "C'est une excellente chose que ce soit réglé.",
                "Quelle bonne nouvelle que tout se soit si bien terminé !",
                "Quel soulagement d'apprendre cela !",
                "Une bonne nouvelle est toujours la bienvenue.",
                "Merci de m'avoir raconté comment ça s'est passé.",
                "On dirait que tout s'est passé exactement comme prévu.",
                "Cela me réjouit sincèrement.",
                "C'est un plaisir d'avoir de bonnes nouvelles.",
                "Tant mieux si tout fonctionne pour vous maintenant.",
                "C'est vraiment bon à entendre.",
                "Ça, c'est une belle nouvelle !",
                "Excellent !",
                "Formidable, merci de me le dire !",
                "Quelle joie que tout se soit arrangé !",
                "C'est la meilleure nouvelle qui soit.",
                "Quel beau résultat !",
                "Comme c'est agréable, merci de me tenir au courant !",
                "Voilà une nouvelle très agréable à recevoir.",
                "Génial, vraiment !",
                "Bonne nouvelle, et merci de l'avoir partagée.",
                "On dirait une vraie victoire !",
                "Tout est rentré dans l'ordre, c'est parfait !",
            ),
        },
        "share": {
            "default": (
                "Merci de nous avoir tenus au courant.",
                "Ça fait toujours du bien d'apprendre que les choses se passent bien.",
                "Ce genre de moment illumine aussi notre journée.",
                "Tout s'est bien goupillé, et c'est l'essentiel.",
                "Cela compte beaucoup pour nous que vous ayez pris le temps de nous écrire.",
                "Je transmettrai vos gentils mots à l'équipe.",
                "Ce sont des retours comme le vôtre qui nous motivent.",
                "C'est agréable de finir sur une note positive.",
                "Nous adorons apprendre que les choses se sont arrangées.",
                "Merci de partager cette bonne nouvelle avec nous.",
                "Un retour comme celui-ci égaie vraiment la journée.",
                "Ce message va me faire sourire un moment.",
                "C'est ce genre de nouvelle qui donne du sens à notre travail.",
                "C'est rassurant de savoir que tout fonctionne bien.",
                "C'est exactement comme cela que ça devrait se passer.",
                "Savoir comment cela s'est passé nous aide beaucoup.",
                "Apprendre que tout s'est bien terminé, c'est toujours un plaisir.",
                "C'est bon de savoir que cela a répondu à vos besoins.",
                "C'est un vrai plaisir d'avoir de vos nouvelles.",
                "Merci d'avoir pris un moment pour nous raconter tout cela.",
                "Votre retour est précieux pour nous.",
                "Votre message nous a fait très plaisir.",
                "C'est le genre de message que l'on espère recevoir.",
                "Nous apprécions vraiment ce retour.",
                "Une bonne nouvelle comme celle-ci mérite d'être partagée.",
                "Merci pour ce joli retour.",
                "Cela fait plaisir de savoir que cela vous a simplifié la vie.",
                "Votre message va faire sourire toute l'équipe.",
            ),
        },
        "offer": {
            "default": (
                "Puis-je vous aider pour autre chose ?",
                "Si autre chose se présente, je suis là.",
                "Dites-moi s'il y a autre chose que je peux faire pour vous.",
                "Avez-vous autre chose en tête aujourd'hui ?",
                "Si vous avez d'autres questions, n'hésitez pas.",
                "Y a-t-il autre chose que vous aimeriez régler pendant que vous êtes là ?",
                "Revenez quand vous voulez si vous avez besoin d'un coup de main.",
                "Reste-t-il quelque chose à voir ensemble aujourd'hui ?",
                "Si un autre souci se présente, vous savez où nous trouver.",
                "Aimeriez-vous savoir autre chose ?",
                "Je reste à votre disposition si besoin.",
                "Un mot suffit si je peux faire autre chose pour vous.",
                "Je peux aussi vous aider pour tout autre sujet.",
                "Voulez-vous que nous regardions autre chose ensemble ?",
                "N'hésitez pas à nous recontacter.",
                "Bonne continuation, et faites-moi signe en cas de besoin.",
                "Dites-moi si un autre point mérite notre attention.",
                "Si d'autres questions vous viennent plus tard, demandez simplement.",
                "Si quelque chose change, je peux volontiers vous aider.",
                "Y a-t-il autre chose que vous souhaitez vérifier ?",
                "Si vous voulez quelques astuces pour en tirer le meilleur parti, demandez-moi.",
                "Si quelque chose ne va pas plus tard, revenez directement vers nous.",
                "Y a-t-il un autre sujet sur lequel je peux vous aider ?",
                "Puis-je faire autre chose pour vous faciliter la journée ?",
                "Je suis dans les parages si autre chose vous vient à l'esprit.",
                "Prenez soin de vous, et écrivez-nous quand vous en avez besoin.",
            ),
        },
    },
    "inform": {
        "acknowledge": {
            "neutral": (
                "Merci de nous avoir écrit.",
                "Merci pour votre message.",
                "Je vous aide avec plaisir.",
                "Bien sûr, regardons cela.",
                "Merci de votre prise de contact.",
                "Bien sûr, avec plaisir.",
                "Merci de revenir vers nous.",
                "Je suis là pour vous aider.",
            ),
            "anger": (
                "Toutes mes excuses pour ce problème.",
                "Toutes nos excuses pour le désagrément.",
                "Je regrette que cela ne fonctionne pas comme prévu.",
                "C'est agaçant, je vous comprends.",
                "Je comprends que cela vous complique la vie.",
                "Mes excuses pour ce contretemps.",
            ),
            "sadness": (
                "Dommage que cela ne se soit pas déroulé comme prévu.",
                "C'est décevant, je le comprends.",
                "Je regrette que le résultat ne soit pas celui que vous attendiez.",
                "Je comprends que ce soit une déception.",
                "Je comprends votre déconvenue.",
            ),
            "confusion": (
                "Bonne question.",
                "Je vous éclaire volontiers.",
                "C'est une question tout à fait pertinente.",
                "Démêlons cela ensemble.",
                "Voyons cela de plus près.",
            ),
            "default": (
                "Merci pour votre message à ce sujet.",
                "Merci pour ces précisions.",
                "C'est noté, merci.",
                "Merci pour votre question.",
                "Regardons cela ensemble.",
                "Bonne idée de nous poser la question.",
                "Merci de nous avoir transmis votre demande.",
                "Bien sûr, je peux répondre à vos questions à ce sujet.",
                "Merci pour ces informations complémentaires.",
                "Voyons comment arranger cela.",
                "Merci de faire le point avec nous.",
                "Bon à savoir, merci.",
                "Merci, c'est très utile.",
                "Merci pour vos explications.",
                "Compris, merci.",
                "Merci pour votre relance.",
                "Merci pour tous ces détails.",
                "D'accord, voyons ce que nous pouvons faire.",
                "Merci de me le signaler.",
                "Bien noté, merci à vous.",
                "Très bien, jetons un œil à cela.",
                "Merci pour ce point d'étape.",
                "Entendu.",
                "Merci d'avoir attiré mon attention là-dessus.",
                "D'accord, cela m'aide.",
                "Très bien, merci.",
            ),
        },
        "progress": {
            "default": (
                "Bien, nous progressons.",
                "Nous y arrivons petit à petit.",
                "Voilà qui fait avancer les choses.",
                "Bien, cela permet d'affiner.",
                "Merci, c'est un pas en avant.",
                "Nous sommes sur la bonne piste.",
                "Cela nous rapproche de la réponse.",
            ),
        },
        "inform": {
            "default": (
                "Je peux vous aider à faire le point sur votre situation.",
                "Je peux vous expliquer comment cela fonctionne.",
                "J'ai besoin de quelques détails pour examiner cela correctement.",
                "Pour vous orienter au mieux, il me faut juste un peu plus de précisions.",
                "Voyons ensemble les informations dont vous avez besoin.",
                "Ce genre de question s'explique souvent par quelques causes courantes.",
                "Tout se joue souvent sur quelques détails.",
                "Avec un peu plus de contexte, la réponse sera bien plus claire.",
                "Je peux vous présenter les étapes habituelles.",
                "Quelques précisions nous diront quelle partie examiner.",
                "Les détails que vous avez déjà donnés m'aident beaucoup.",
                "Précisons exactement de quel aspect il s'agit.",
                "Une fois les bases posées, le reste suit généralement.",
                "Il y a généralement une explication simple à cela.",
                "Un mot de contexte m'aidera à vous répondre juste.",
                "La réponse dépend un peu de votre situation, donc un ou deux détails seront "
                "utiles.",
                "Assurons-nous que vous ayez une vue d'ensemble.",
                "Il est utile de partir des bases et d'avancer progressivement.",
                "Plusieurs cas de figure sont possibles, alors trouvons celui qui vous correspond.",
                "Je tiens à ce que la réponse corresponde exactement à votre cas.",
                "Quelques détails de plus vous feront gagner du temps par la suite.",
                "Regardons les détails pour ne rien laisser passer.",
                "En savoir un peu plus me permettra de vous répondre avec précision.",
                "Voyons exactement ce qui s'applique à votre situation.",
                "Une question claire appelle une réponse claire, alors précisons-la.",
                "Avec deux ou trois précisions, cela devrait s'éclaircir vite.",
            ),
        },
        "ask": {
            "anger": (
                "Qu'avez-vous déjà essayé ?",
                "Depuis quand remarquez-vous ce problème ?",
                "Que se passe-t-il quand vous réessayez ?",
                "Qu'est-ce qui vous gêne le plus en ce moment ?",
                "Est-ce que le problème revient à chaque fois ?",
            ),
            "sadness": (
                "Que s'est-il passé, d'après ce que vous avez pu voir ?",
                "À quel moment vous en êtes-vous rendu compte ?",
                "Qu'espériez-vous qu'il se passe ?",
            ),
            "default": (
                "Pourriez-vous m'en dire un peu plus sur ce dont vous avez besoin ?",
                "Que souhaitez-vous savoir exactement ?",
                "Pourriez-vous me communiquer un numéro de référence ou des détails liés à "
                "votre demande ?",
                "Que souhaitez-vous faire ensuite ?",
                "Par quelle partie voulez-vous que nous commencions ?",
                "Quand avez-vous vérifié pour la dernière fois ?",
                "Qu'avez-vous constaté jusqu'ici ?",
                "Est-ce pour vous ou pour quelqu'un d'autre ?",
                "Qu'est-ce qui vous amène à poser la question aujourd'hui ?",
                "Y a-t-il une date précise en lien avec votre demande ?",
                "À quoi vous attendiez-vous ?",
                "Quelque chose sort-il de l'ordinaire cette fois-ci ?",
                "Pourriez-vous décrire ce que vous voyez à l'écran ?",
                "Avez-vous déjà essayé quelque chose ?",
                "Est-ce la première fois que vous posez cette question ?",
                "Quelle réponse vous serait la plus utile ?",
                "Avez-vous un message d'erreur à me transmettre ?",
                "Utilisez-vous un téléphone ou un ordinateur ?",
                "À peu près quand cela a-t-il commencé ?",
                "Y a-t-il autre chose en lien avec cette question ?",
                "Quelle est la principale chose que vous aimeriez savoir ?",
                "Avez-vous une échéance à respecter ?",
                "Préférez-vous une explication rapide ou un guide pas à pas ?",
                "Qu'avez-vous déjà lu à ce sujet ?",
                "Vers quelle option penchez-vous ?",
                "Y a-t-il des pistes que vous avez déjà écartées ?",
            ),
        },
    },
    # A crisis `concern` (hopelessness, a hedged statement): the person first, no product talk.
    # Safe-messaging rules: warm, no judgement, no promises, an open door to a person.
    "check_in": {
        "acknowledge": {
            "default": (
                "Je regrette sincèrement que vous vous sentiez ainsi.",
                "Merci de m'avoir dit ce que vous ressentez.",
                "Cela semble vraiment lourd à porter.",
                "Je regrette que les choses vous paraissent si difficiles en ce moment.",
                "On dirait que vous traversez beaucoup de choses en ce moment.",
                "Vous avez bien fait de parler de ce que vous ressentez.",
                "Ça a l'air épuisant, et je l'entends.",
                "Je vous entends, et ce que vous ressentez compte.",
                "On dirait que ces derniers temps ont été vraiment durs.",
                "Je regrette que ce soit si pesant en ce moment.",
                "C'est difficile de se sentir comme ça, et vous n'avez pas à faire semblant.",
                "Merci de me faire confiance pour en parler.",
                "Ça fait beaucoup de choses à gérer.",
                "Cela me peine que vous ayez le moral aussi bas.",
                "Je comprends que vous vous sentiez à bout.",
                "Je mesure à quel point cela a été dur pour vous.",
                "Cela semble vraiment douloureux.",
                "Il faut du courage pour dire ce que l'on ressent.",
                "On dirait que vous portez beaucoup de choses depuis un moment.",
                "Je regrette que cela vous pèse autant.",
                "Je vous remercie sincèrement de vous confier ainsi.",
                "La solitude, dans ces moments-là, peut être très lourde.",
                "Vous avez le droit de ne pas aller bien.",
                "Je regrette que vous passiez un moment si difficile.",
                "Ce que vous ressentez est légitime, et merci de l'avoir partagé.",
                "Je regrette que cette journée soit si dure pour vous.",
            ),
        },
        "support": {
            "default": (
                "Vous n'avez pas à porter cela sans personne à vos côtés.",
                "Si vous souhaitez parler à une personne de notre équipe, dites-le-moi et je la "
                "fais venir.",
                "Des personnes sont là pour vous écouter et vous aider, y compris notre équipe.",
                "Parler de ce que vous ressentez à quelqu'un de confiance peut aider.",
                "Nous pouvons avancer tout doucement, un petit pas à la fois.",
                "Quoi que vous ressentiez en ce moment, je suis là pour vous écouter.",
                "Rien ne presse ici, prenez tout le temps dont vous avez besoin.",
                "Si vous vous sentez en danger, appelez sans attendre le numéro d'urgence de "
                "votre pays.",
                "Vous comptez, et ce que vous ressentez compte aussi.",
                "Avoir pris la parole, comme vous venez de le faire, c'est important.",
                "Une personne de notre équipe peut rejoindre cette conversation quand vous le "
                "souhaitez.",
                "Vous ne dérangez pas du tout en disant cela.",
                "C'est normal de demander du soutien quand les choses deviennent lourdes.",
                "Je suis là, et je vous écoute.",
                "Mettre des mots sur ce que l'on ressent peut être un premier pas, et vous "
                "l'avez fait.",
                "Parler à un ami, à un proche ou à un médecin peut vraiment aider.",
                "Nous n'avons pas besoin de tout régler maintenant.",
                "Votre bien-être passe avant toute question de service.",
                "Vous méritez du soutien dans ce que vous traversez.",
                "Si vous préférez échanger avec une vraie personne, je peux transmettre la "
                "conversation à notre équipe tout de suite.",
                "Rien de ce que vous avez dit n'est de trop ici.",
                "Vous avez tout à fait le droit de mettre le reste de côté un moment.",
                "Avec du soutien, on peut traverser des moments comme celui-ci.",
                "Partagez seulement ce que vous avez envie de partager.",
                "Vous accorder un peu de douceur en ce moment, c'est déjà beaucoup.",
                "Vous avez tendu la main, et cela compte énormément.",
            ),
        },
        "ask": {
            "default": (
                "Comment allez-vous en ce moment ?",
                "Voulez-vous m'en dire un peu plus sur ce qui se passe ?",
                "Y a-t-il quelqu'un avec vous, ou quelqu'un que vous pourriez contacter "
                "aujourd'hui ?",
                "Est-ce que cela vous aiderait de parler à une personne de notre équipe ?",
                "Qu'est-ce qui vous ferait le plus de bien, là, maintenant ?",
                "Depuis combien de temps vous sentez-vous ainsi ?",
                "Êtes-vous en sécurité en ce moment ?",
                "Y a-t-il quelque chose qui a rendu cette journée particulièrement difficile ?",
                "Souhaitez-vous que je fasse venir quelqu'un de notre équipe ?",
                "Qu'est-ce qui vous occupe le plus l'esprit ?",
                "Y a-t-il quelque chose que je peux faire pour rendre les choses un peu plus "
                "légères en ce moment ?",
                "Avez-vous quelqu'un de confiance à qui vous pourriez parler ?",
                "Avez-vous pu vous reposer et prendre soin de vous ces derniers temps ?",
                "Voulez-vous continuer à parler, ou préférez-vous y aller doucement ?",
                "Y a-t-il autre chose que vous aimeriez me confier ?",
                "Qu'est-ce qui vous aide habituellement, même un peu, quand vous vous sentez "
                "comme ça ?",
                "Voulez-vous que je reste avec vous ici un moment ?",
                "Comment vous sentez-vous pendant que nous parlons ?",
                "Y a-t-il quelque chose de précis qui vous pèse ?",
                "Parler à une personne vous ferait-il plus de bien que de parler avec moi ?",
                "Y a-t-il quelque chose qui ajoute à votre stress et sur lequel je pourrais "
                "vous aider ?",
                "Qu'aimeriez-vous qu'il se passe maintenant ?",
                "Avez-vous pu en parler à quelqu'un ?",
                "Est-ce un bon moment pour parler, ou préférez-vous plus tard ?",
                "Comment puis-je vous soutenir au mieux en ce moment ?",
                "Cela vous aiderait-il de mettre des mots sur ce qui se passe ?",
                "Vous sentez-vous en sécurité là où vous êtes ?",
            ),
        },
    },
}

# When a long conversation has used every line of a slot, replies are composed from these two
# halves instead, so a sentence is still never sent twice (len(BRIDGE_A) * len(BRIDGE_B) more).
BRIDGE_A = (
    "Merci de votre patience",
    "Merci pour ces précisions",
    "Je suis toujours là avec vous",
    "Merci de poursuivre avec moi",
    "Merci de m'avoir expliqué tout cela",
    "Merci de m'avoir décrit la situation",
    "Je vous suis bien",
    "Merci de prendre le temps",
)
BRIDGE_B = (
    "que devrais-je savoir d'autre ?",
    "souhaitez-vous ajouter quelque chose ?",
    "qu'est-ce qui vous aiderait le plus maintenant ?",
    "qu'avez-vous d'autre en tête ?",
    "y a-t-il un détail qui m'aurait échappé ?",
    "par quoi voulez-vous continuer ?",
    "où en êtes-vous de votre côté ?",
    "que regardons-nous maintenant ?",
)
