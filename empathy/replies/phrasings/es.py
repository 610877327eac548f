"""Spanish phrasings of the offline responder: curated, reviewed, versioned as a whole.

Same structure, strategies, slots and emotion groups as ``en``; written natively in Spanish (tú,
neutral register), not translated word for word. Rules every line follows: no promise of money,
refunds or credits, no claim that the bot changed an account, no URL, no markup; no ``{topic}``
placeholder (topic extraction is English-only), so every line works for any subject ("esto",
"tu solicitud"); no gendered adjective about the visitor; each line is one sentence, except the
numbered-steps blocks, which are sent as one unit. Only the ``celebrate`` slot may sound cheerful.
"""

from __future__ import annotations

from empathy.replies.phrasings import en

VERSION = "es-2026.12.1"

# The crisis path: fixed, reviewed text. Never generated, never varied by topic.
SAFETY_FIRST = (
    "Siento muchísimo que estés pasando por esto, y gracias por contármelo.",
    "No tienes que afrontar esto por tu cuenta: ahora mismo estoy llamando a una persona de "
    "nuestro equipo para que te acompañe.",
    "Si corres peligro inmediato, por favor llama al número de emergencias de tu zona o a una "
    "línea de atención en crisis.",
)

# The same strategies and slots as English, in the same order.
SLOTS = en.SLOTS

# Emotion groups: "default" lines suit every feeling and are used alongside the group's own.
# Each group holds at least as many lines as its English counterpart, so a long conversation of
# one strategy stays fresh without ever repeating a sentence.
LIBRARY: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "validate_then_solve": {
        "acknowledge": {
            "anger": (
                "Entiendo lo frustrante que ha sido todo esto.",
                "Entiendo perfectamente que esto te haya molestado.",
                "Tienes toda la razón en que esto te moleste.",
                "Comprendo que esto te haya hecho enfadar, y lo siento.",
                "Suena indignante, y siento mucho que haya pasado.",
                "Lo siento, esta no es en absoluto la experiencia que deberías haber tenido.",
                "Noto que ya no puedes más con esto, y no te culpo.",
                "Es desesperante que esto no funcione como debería.",
                "A mí también me frustraría que me pasara algo así.",
                "Entiendo el enfado que te ha provocado esto.",
                "Siento mucho que esto te haya sacado de quicio.",
            ),
            "sadness": (
                "Lo siento, suena realmente decepcionante.",
                "Siento que esto no haya salido como esperabas.",
                "Es un chasco, y lamento de verdad que haya pasado.",
                "Entiendo que esto te haya desanimado.",
                "Siento mucho lo ocurrido; no debería haber ido así.",
                "Lamento que esto te haya defraudado.",
                "Imagino el bajón que habrá supuesto, y lo siento.",
                "Se nota que esto te ha dejado mal sabor de boca, y lo siento.",
                "Siento que las cosas no hayan estado a la altura de lo que esperabas.",
            ),
            "fear": (
                "Noto que esto te preocupa, y es normal.",
                "Es comprensible que esto te inquiete.",
                "Suena estresante, y siento que estés pasando por ello.",
                "Sé que no saber qué está pasando genera mucha incertidumbre.",
                "Entiendo la inquietud que te ha provocado esto.",
                "Es natural estar en vilo cuando ocurre algo así.",
                "Tiene sentido que esto te quite la tranquilidad.",
            ),
            "default": (
                "Siento mucho que estés pasando por esto.",
                "Gracias por contarme cómo lo has vivido.",
                "Siento los problemas que te ha dado esto.",
                "Suena muy duro, y lo siento.",
                "Siento que hayas tenido que lidiar con esto.",
                "Lamento mucho cómo han ido las cosas.",
                "Gracias por explicar con tanta claridad lo que ha fallado.",
                "Siento que esto te haya causado tantos disgustos.",
                "Entiendo que esto te esté pesando.",
                "Es mucho con lo que lidiar, y lo siento.",
                "Siento que esto te haya quitado tanto tiempo hoy.",
                "Te escucho, y siento que hayamos llegado a este punto.",
                "Lo siento, nadie debería tener que pasar por algo así.",
                "Gracias por tu paciencia en una situación que no debería haber ocurrido.",
                "Siento que esto haya sido tan engorroso.",
                "Te agradezco que me digas sin rodeos cómo te sientes.",
                "Siento que esto te haya dejado sin energía.",
                "Siento que las cosas se hayan puesto tan difíciles.",
                "Esto no está bien, y siento que te haya pasado.",
                "Veo lo mucho que te importa esto.",
                "Siento que esto te haya generado tanto estrés.",
                "Gracias por escribirnos para contárnoslo.",
                "Gracias por plantearme esto.",
                "Siento que esto se haya convertido en un dolor de cabeza.",
                "Entiendo que ha sido una experiencia complicada.",
                "Siento que esto te haya trastocado el día.",
                "Siento que hayas tenido que enfrentarte a esto por tu cuenta.",
                "Gracias por tomarte el tiempo de explicármelo.",
            ),
        },
        "validate": {
            "default": (
                "Cualquiera se sentiría igual en tu lugar.",
                "Tu tiempo importa, y esto no debería haber sido tan complicado.",
                "Es totalmente razonable esperar que esto simplemente funcione.",
                "No deberías haber tenido que pasar por esto.",
                "No hay nada de exagerado en cómo te sientes.",
                "Es lógico que esto haya agotado tu paciencia.",
                "Lo que sientes ahora mismo es completamente comprensible.",
                "Tenías todo el derecho a esperar algo mejor.",
                "A la mayoría de la gente le molestaría que algo fallara así.",
                "Es razonable querer que esto se resuelva sin tener que pelear por ello.",
                "Tu reacción tiene todo el sentido.",
                "Esperar que algo funcione a la primera no es pedir demasiado.",
                "Cualquiera que dependiera de esto sentiría la misma decepción.",
                "Que te moleste lo ocurrido es una reacción justa.",
                "Has tenido más paciencia de la que tendría la mayoría.",
                "Es lógico sentir que esto te ha costado demasiado esfuerzo.",
                "Querer una respuesta clara es totalmente razonable.",
                "Haces bien en decirlo.",
                "Está bien que esto te afecte; es algo importante.",
                "Merecías una experiencia mucho más sencilla que esta.",
                "Nadie debería tener que aguantar una experiencia así.",
                "Es normal perder la paciencia después de algo así.",
                "No estás exagerando; esto le molestaría a cualquiera.",
                "Tu frustración es legítima, y la tengo muy en cuenta.",
                "Tiene sentido sentir decepción cuando falla algo con lo que cuentas.",
                "A nadie le gusta quedarse en un punto muerto, y es justo decirlo.",
                "No deberías tener que perseguir a nadie para que las cosas funcionen.",
                "Es completamente lógico querer que esto se trate con cuidado.",
                "Pedir que esto funcione como debe no es ningún capricho.",
            ),
        },
        "progress": {
            "default": (
                "Parece que vamos avanzando.",
                "Gracias por acompañarme en todo esto.",
                "Parece que las cosas empiezan a calmarse un poco.",
                "Es un alivio ver que esto va por buen camino.",
                "Gracias por tu paciencia hasta ahora; está dando resultado.",
                "Se nota que las cosas empiezan a mejorar.",
                "Parece que esto ya pinta un poco mejor.",
                "Vamos por mejor camino, y es gracias a tu ayuda.",
                "Poco a poco, esto se va encauzando.",
            ),
        },
        "next": {
            "default": (
                "Vamos paso a paso, juntos.",
                "Estoy aquí, y vamos a trabajar en esto juntos.",
                "Cuando quieras, cuéntame qué pasó la última vez y partimos de ahí.",
                "¿Podrías contarme, con tus propias palabras, qué es lo que más necesitas ahora "
                "mismo?",
                "¿Qué te ayudaría más en este momento?",
                "Cuando te venga bien, me gustaría saber qué ha pasado exactamente.",
                "Tómate tu tiempo y cuéntame cómo está la situación ahora.",
                "No hay prisa; cuéntame qué es lo que más te está costando.",
                "Cuando te sientas con ánimo, me gustaría entender por lo que has pasado.",
                "¿Qué parte de esto te preocupa más ahora mismo?",
                "Cuéntame qué solución te gustaría encontrar.",
                "¿Qué es lo más importante para ti en todo esto?",
                "Te escucho, así que cuéntame lo que te parezca más importante.",
                "Podemos ir al ritmo que mejor te venga.",
                "Dime qué te gustaría que pasara ahora y empezamos por ahí.",
                "Si te ayuda, empieza por lo que más te molesta.",
                "Sigo aquí para cuando quieras continuar.",
                "¿Qué haría que el día de hoy fuera un poco más llevadero?",
                "¿Hay algo que te preocupe y de lo que aún no hayamos hablado?",
                "Empecemos por lo que te resulte más urgente.",
                "Puedes compartir todo lo que quieras, o solo lo imprescindible.",
                "Me gustaría saber cómo te ha afectado todo esto.",
                "¿Qué ha sido lo más duro de todo esto?",
                "Cuéntame cómo sería un buen resultado para ti.",
                "¿Cómo te sientes con todo esto ahora mismo?",
                "¿Qué necesitas de mí en este momento?",
                "Cuéntame lo que puedas, que yo te sigo.",
                "Cuéntame cómo se fue desarrollando todo, en el orden que te resulte más cómodo.",
                "Empecemos por cómo te está afectando esto hoy.",
                "Aquí tienes todo el espacio que necesites para contármelo.",
            ),
        },
    },
    "own_and_expedite": {
        "own": {
            "default": (
                "Siento que hayas tenido que plantear esto más de una vez.",
                "No deberías tener que seguir preguntando por esto, y siento que haya sido así.",
                "Siento que esto siga sin resolverse.",
                "Es responsabilidad nuestra, y siento que hayas tenido que repetir las cosas.",
                "Entiendo que esto se ha alargado demasiado.",
                "Siento que el problema continúe.",
                "Te entiendo, y siento que hayan hecho falta tantos mensajes.",
                "Tener que volver a escribir por lo mismo no es aceptable, y lo siento.",
                "Siento que esto se haya prolongado tanto.",
                "Sé que ya lo has explicado, y siento que tengas que hacerlo otra vez.",
                "Está claro que esto te ha quitado mucho más tiempo del que debería.",
                "Siento que esto vuelva a darte problemas una y otra vez.",
                "Nadie debería tener que insistir tantas veces.",
                "Siento que esto se haya convertido en un camino tan largo.",
                "Veo que esto ha dado muchas vueltas, y no es justo para ti.",
                "Siento que todavía no lo hayamos hecho bien.",
                "Llevas esperando con paciencia mucho más de lo razonable.",
                "Siento que esto te haya costado tanto tiempo.",
                "Entiendo lo agotador que es tener que estar detrás de esto.",
                "Gracias por no tirar la toalla, y siento que haya llegado a este punto.",
                "Esto debería haberse resuelto hace tiempo.",
                "Lamento saber que esto sigue pendiente.",
                "Noto el desgaste que te está suponiendo, y lo siento.",
                "Entiendo que se te esté acabando la paciencia, y es normal.",
                "Siento que te hayamos tenido esperando.",
                "Volver otra vez sobre lo mismo es frustrante, y lo siento.",
                "Siento que las respuestas que has recibido hasta ahora no cuadren.",
                "Te pido disculpas: esto no ha ido como debía.",
            ),
        },
        "progress": {
            "default": (
                "Gracias por tu paciencia mientras ponemos esto en marcha.",
                "Te agradezco que sigas al pie del cañón con esto.",
                "Por fin parece que esto empieza a moverse.",
                "Gracias por aguantar; cada vez estamos más cerca.",
                "Esto empieza a tomar ritmo.",
                "Tu constancia está ayudando a que esto avance.",
                "Estamos mejor que hace unos cuantos mensajes.",
                "Gracias por seguir insistiendo conmigo.",
                "Cada paso que damos nos acerca un poco más.",
            ),
        },
        "expedite": {
            "default": (
                "Centrémonos en la forma más rápida de sacar esto adelante.",
                "Todo lo que me has contado queda en esta conversación, así que no tendrás que "
                "empezar de cero.",
                "Una persona de nuestro equipo puede encargarse de llevar esto adelante, y verá "
                "todo lo que has escrito aquí.",
                "Lo más rápido es reunir los datos clave en un solo sitio, así que hagámoslo "
                "ahora.",
                "Quiero que esto llegue a alguien que pueda tomar medidas.",
                "Saltémonos las idas y venidas de siempre y vayamos a lo importante.",
                "Reunamos aquí mismo, de una vez, todo lo necesario.",
                "No tendrás que volver a explicarlo desde el principio.",
                "El historial completo queda aquí para quien se encargue después.",
                "Sigamos avanzando con esto en lugar de empezar de nuevo.",
                "Cuanto antes estén todos los detalles en un mismo sitio, antes podrá actuar "
                "alguien.",
                "Usemos esta conversación para dejarlo todo por escrito en un solo lugar.",
                "Vayamos directamente al grano para que nada lo retrase.",
                "En vez de pedirte que repitas nada, partamos de lo que ya me has contado.",
                "Saquemos el máximo partido a esta conversación.",
                "Un resumen claro aquí te ahorrará otra ronda de preguntas.",
                "Seamos directos y centrémonos en lo que de verdad hará avanzar esto.",
                "Tus mensajes anteriores están todos aquí, así que no se pierde nada.",
                "Veamos exactamente qué falta y completémoslo.",
                "Quien lo recoja después tendrá toda la historia delante.",
                "Busquemos menos mensajes y más avances.",
                "Dejemos anotado lo esencial para que se pueda retomar enseguida.",
                "Haré preguntas breves para no perder más tiempo.",
                "Podemos centrarnos solo en lo que sigue sin resolverse.",
                "Asegurémonos de que esta conversación tenga todo lo necesario para actuar.",
                "Si dejamos el panorama claro ahora, nadie tendrá que volver a preguntarte.",
                "Vamos a lo concreto para no alargar esto más.",
            ),
        },
        "ask": {
            "default": (
                "¿Qué necesitarías, por encima de todo, para que esto quede bien resuelto?",
                "¿Podrías compartir la última referencia o el último mensaje que recibiste sobre "
                "esto?",
                "¿Qué es lo último que te han dicho al respecto?",
                "Si tienes un número de pedido o de incidencia, compartirlo aquí nos ahorrará "
                "tiempo.",
                "¿Qué se ha intentado ya, para no repetirlo?",
                "¿Cuándo empezó esto, más o menos, que tú recuerdes?",
                "¿Qué parte sigue sin resolverse?",
                "¿Recuerdas con quién hablaste la última vez sobre esto?",
                "¿Qué te dijeron que iba a pasar?",
                "¿Ha cambiado algo desde la última vez que nos escribiste?",
                "¿Hay algún mensaje de error o aviso que puedas compartir?",
                "¿Cuántas veces, más o menos, te has puesto en contacto con nosotros por esto?",
                "¿Qué tendría que pasar primero para que sientas que esto va por buen camino?",
                "¿Podrías resumir en una frase cómo está la situación ahora?",
                "¿Hay alguna fecha límite que debamos tener en cuenta?",
                "¿Cuál sería el mejor resultado para ti?",
                "¿Qué respuesta nuestra te ha resultado menos útil hasta ahora, para no repetirla?",
                "¿Hay algo que se te dijera antes y que no se haya cumplido?",
                "¿Cuándo fue la última vez que recibiste alguna respuesta?",
                "¿Tienes capturas de pantalla o correos que ayuden a mostrar lo que pasó?",
                "¿Hay algo en esto que se esté volviendo más urgente?",
                "¿Cómo sería para ti un buen siguiente paso?",
                "¿Hay algo concreto que te gustaría que revisara una persona de nuestro equipo?",
                "¿Qué detalle crees que se ha pasado por alto hasta ahora?",
                "¿Qué ha sido lo más frustrante de tanto ir y venir?",
                "¿Hay algo más afectado por esto que debamos saber?",
                "¿Qué datos tienes a mano ahora mismo que puedan ayudar?",
            ),
        },
    },
    "reassure_and_clarify": {
        "reassure": {
            "fear": (
                "Estás en el lugar adecuado, y vamos a verlo paso a paso.",
                "Es comprensible que esto te genere inseguridad; iremos con calma.",
                "Preguntar está perfectamente bien, y no has hecho nada mal.",
                "Respira hondo; lo vemos juntos.",
                "Aquí no tienes que preocuparte por equivocarte.",
                "No te has metido en ningún lío, y nada de esto es imposible de arreglar.",
                "Es normal sentir nervios con algo así, y no hay ninguna prisa.",
            ),
            "confusion": (
                "Es una pregunta muy razonable, y puede resultar confuso.",
                "Vamos a aclararlo juntos.",
                "No eres la única persona a la que esto le resulta confuso.",
                "Buena pregunta; esta parte confunde a mucha gente.",
                "Es fácil perderse con esto.",
                "Esa parte no es nada evidente, así que has hecho bien en preguntar.",
                "Tiene sentido que te surjan dudas con esto.",
            ),
            "default": (
                "Vamos a ir por partes.",
                "Sin problema, lo resolvemos poco a poco.",
                "Podemos ir viéndolo con calma, pieza a pieza.",
                "Mucha gente tiene dudas con esto, así que estás en buena compañía.",
                "Vamos a desenredarlo juntos.",
                "No existen preguntas tontas sobre esto.",
                "Vayamos despacio y miremos cada detalle por separado.",
                "Es normal tener dudas; para eso estoy aquí.",
                "Lo dejaremos claro, sin ninguna prisa.",
                "No necesitas conocimientos técnicos para resolver esto.",
                "Entre los dos le daremos sentido a esto.",
                "Podemos ir a tu ritmo.",
                "Haces bien en preguntar.",
                "Está bien no tener todas las respuestas todavía.",
                "Hay tiempo de sobra, así que vamos con calma.",
                "Lo averiguaremos juntos.",
                "Estás haciendo justo las preguntas adecuadas.",
                "Nada de lo que describes suena raro, así que intenta no preocuparte.",
                "Esto es más habitual de lo que puede parecer ahora mismo.",
                "Vamos a mantenerlo sencillo.",
                "Estoy aquí para ayudarte a entenderlo.",
                "No tienes que resolver esto por tu cuenta.",
                "Podemos repasar cualquier cosa tantas veces como necesites.",
                "Lo iremos aclarando punto por punto.",
                "Es completamente normal necesitar una mano con esto.",
                "Aquí nadie te va a meter prisa.",
            ),
        },
        "steps": {
            "default": (
                "Una forma sencilla de empezar:\n"
                "1. Cuéntame qué intentabas hacer.\n"
                "2. Dime qué apareció en su lugar, por ejemplo un mensaje de error.\n"
                "3. A partir de ahí vemos el siguiente paso.",
                "Podemos hacerlo así:\n"
                "1. Dime hasta qué paso has llegado.\n"
                "2. Cuéntame qué ocurre cuando lo intentas.\n"
                "3. Decidimos juntos el siguiente paso.",
                "Tres cosas rápidas que ayudan mucho:\n"
                "1. Qué esperabas que pasara.\n"
                "2. Qué pasó en realidad.\n"
                "3. Cuándo empezó.",
                "Vamos a lo sencillo:\n"
                "1. Describe lo que ves en la pantalla.\n"
                "2. Cuéntame qué has probado ya.\n"
                "3. Te propongo qué probar después.",
                "Para desatascar esto:\n"
                "1. Dime qué fue lo último que funcionó.\n"
                "2. Dime en qué momento dejó de funcionar.\n"
                "3. Retomamos justo desde ese punto.",
                "Una forma tranquila de empezar:\n"
                "1. Cuéntame adónde te gustaría llegar.\n"
                "2. Dime en qué punto estás ahora.\n"
                "3. Entre los dos cubrimos lo que falta.",
                "Vamos a acotarlo:\n"
                "1. ¿Te pasa en el móvil o en el ordenador?\n"
                "2. ¿Funcionaba antes?\n"
                "3. ¿Ha cambiado algo desde entonces?",
                "Dos pasos pequeños:\n"
                "1. Copia las palabras exactas de cualquier mensaje que veas.\n"
                "2. Cuéntame qué pulsaste justo antes.",
                "Una lista breve:\n"
                "1. Anota qué estabas haciendo cuando pasó.\n"
                "2. Anota cualquier cosa que se viera distinta de lo habitual.\n"
                "3. Compártelo aquí y seguimos desde ahí.",
                "Para asegurarnos de que hablamos de lo mismo:\n"
                "1. Cuéntame lo que has entendido hasta ahora.\n"
                "2. Dime qué parte no te cuadra.\n"
                "3. Te explico esa parte con palabras sencillas.",
                "Una cosa cada vez:\n"
                "1. Cuéntame cuál fue el primer paso que diste.\n"
                "2. Dime qué pasó justo después.",
                "Para que sea más fácil de seguir:\n"
                "1. Dime qué parte tiene sentido para ti.\n"
                "2. Dime qué parte no.\n"
                "3. Abordamos juntos la segunda.",
                "Probemos en este orden:\n"
                "1. Deja lo que estás haciendo y tómate un momento.\n"
                "2. Cuéntame qué querías conseguir.\n"
                "3. Te lo explico paso a paso, sin prisas.",
                "Una forma rápida de situarnos:\n"
                "1. Dime más o menos cuándo lo notaste por primera vez.\n"
                "2. Dime si pasa siempre o solo a veces.",
                "Esto es lo que más ayudaría:\n"
                "1. Una breve descripción del problema, con tus propias palabras.\n"
                "2. Lo que ya hayas probado, aunque no funcionara.",
                "Vamos a dividirlo en partes pequeñas:\n"
                "1. Cuéntame por dónde empezaste.\n"
                "2. Dime dónde te atascaste.\n"
                "3. Damos juntos el siguiente paso.",
                "Para comprobar que miramos lo mismo:\n"
                "1. Dime en qué página o pantalla estás.\n"
                "2. Dime qué ves en la parte de arriba.",
                "Un punto de partida fácil:\n"
                "1. Dime si es la primera vez que pasa.\n"
                "2. Si no lo es, cuéntame qué ayudó la última vez.",
                "Vamos con calma:\n"
                "1. Cuéntame qué es lo que más te preocupa.\n"
                "2. Lo miramos antes que cualquier otra cosa.",
                "Dos datos ayudan mucho:\n"
                "1. La fecha en que empezó.\n"
                "2. Cualquier mensaje o aviso que hayas recibido al respecto.",
                "Hagámoslo así:\n"
                "1. Cuéntame qué has hecho hasta ahora.\n"
                "2. Dime qué es lo que no tienes claro.\n"
                "3. Aclaramos primero esa parte.",
                "Un plan sencillo:\n"
                "1. Cuéntamelo como se lo contarías a alguien de confianza.\n"
                "2. Te haré una o dos preguntas breves.\n"
                "3. Acordamos juntos el siguiente paso.",
                "Para ahorrarte escribir:\n"
                "1. Dime en pocas palabras qué ha fallado.\n"
                "2. Dime si mientras tanto puedes seguir con lo que hacías.",
                "Repasemos lo que hiciste:\n"
                "1. Dime desde dónde arrancaste.\n"
                "2. Dime cuál fue el último paso antes de que algo fallara.",
                "Una manera tranquila de abordarlo:\n"
                "1. Dime qué resultado necesitas.\n"
                "2. Cuéntame qué te lo está impidiendo.\n"
                "3. Vamos con los obstáculos uno a uno.",
                "Si te resulta más fácil, responde solo a esto:\n"
                "1. ¿Qué esperabas ver?\n"
                "2. ¿Qué viste en su lugar?",
                "Para empezar con buen pie:\n"
                "1. Dime qué querías hacer.\n"
                "2. Dime en qué paso aparece el problema.\n"
                "3. Lo vemos juntos desde ese punto.",
            ),
        },
        "check": {
            "default": (
                "¿Hasta aquí tiene sentido?",
                "¿Queda claro, o prefieres que te explique alguna parte de otra manera?",
                "Avísame si algo no queda claro.",
                "¿Te parece bien?",
                "¿Te ayudaría que lo repasara más despacio?",
                "¿Hay algo que todavía no te quede claro?",
                "¿Coincide con lo que estás viendo?",
                "¿Hay alguna parte que quieras que repase otra vez?",
                "¿Te ha quedado un poco más claro?",
                "¿Qué te parece como punto de partida?",
                "¿Vas bien hasta aquí?",
                "¿Pasamos al siguiente paso, o prefieres parar aquí un momento?",
                "Si algo no te cuadra, dímelo sin problema.",
                "¿Te ayudaría un ejemplo?",
                "¿Así es más fácil de seguir?",
                "Dime si he entendido mal algo.",
                "¿Es esto lo que buscabas?",
                "¿Te ves con ánimo de probarlo?",
                "¿Hay algo que quieras que te diga de forma más sencilla?",
                "¿Responde esto a tu pregunta, o falta algo todavía?",
                "¿Quieres que lo explique con otras palabras?",
                "Cuéntame qué tal te va con eso.",
                "¿Cómo te sientes con esto ahora?",
                "¿Se entiende mejor ahora?",
                "Dime por qué parte te gustaría empezar.",
                "¿Tienes alguna otra pregunta antes de seguir?",
                "¿Te sirve así, o lo vemos con más detalle?",
            ),
        },
    },
    "celebrate": {
        "celebrate": {
            "gratitude": (
                "¡De nada, y gracias por tus palabras tan amables!",
                "Gracias, da gusto leer algo así.",
                "Me alegra mucho haber podido ayudarte.",
                "Ha sido un placer ayudarte.",
                "¡Muchísimas gracias por decírmelo!",
                "Qué amable, muchas gracias.",
                "Me alegra de verdad que todo haya salido bien.",
                "¡Gracias a ti por tu paciencia y tu amabilidad!",
            ),
            "joy": (
                "¡Qué noticia tan buena!",
                "¡Me alegro muchísimo!",
                "¡Fantástico, me alegro mucho por ti!",
                "¡Me has alegrado el día, gracias por contarlo!",
                "¡Qué bien leer eso!",
                "¡Estupendas noticias!",
                "¡Me encanta leer algo así!",
                "¡Genial, qué alegría!",
            ),
            "default": (
                "¡Qué bien saberlo!",
                "Me alegra que las cosas vayan mejor.",
                "Me alegra que todo haya ido bien.",
                "Qué alegría que haya salido bien.",
                "Es genial que ya esté resuelto.",
                "Me alegra mucho que haya terminado tan bien.",
                "¡Qué alivio saberlo!",
                "Las buenas noticias siempre son bienvenidas.",
                "Gracias por contarme cómo ha ido.",
                "Parece que todo ha salido justo como debía.",
                "Me alegro mucho por ti.",
                "Da gusto recibir buenas noticias.",
                "Me alegra saber que todo te está funcionando.",
                "Es una muy buena noticia.",
                "¡Me alegro un montón!",
                "¡Excelente!",
                "¡Estupendo, gracias por contármelo!",
                "Me alegra mucho que se haya solucionado.",
                "No hay mejor noticia que esa.",
                "¡Qué buen resultado!",
                "¡Qué bien, gracias por avisarme!",
                "Qué gusto recibir un mensaje así.",
                "¡Me hace muchísima ilusión leerlo!",
                "Muy buenas noticias, y gracias por compartirlas.",
                "Eso suena a todo un logro.",
                "¡Cuánto me alegro!",
            ),
        },
        "share": {
            "default": (
                "Gracias por hacérnoslo saber.",
                "Siempre da gusto saber que las cosas han ido bien.",
                "Momentos así también nos hacen el día a nosotros.",
                "Al final todo encajó, y eso es lo que cuenta.",
                "Significa mucho que te hayas tomado el tiempo de contárnoslo.",
                "Tus amables palabras llegarán al equipo.",
                "Historias como la tuya son las que nos motivan.",
                "Es bonito terminar con buen sabor de boca.",
                "Nos encanta saber que las cosas salen bien.",
                "Gracias por compartir la buena noticia con nosotros.",
                "Comentarios como este nos alegran la jornada.",
                "Me voy a quedar con una sonrisa un buen rato.",
                "Saber esto hace que el trabajo merezca la pena.",
                "Es una tranquilidad saber que todo funciona sin problemas.",
                "Así es exactamente como debería ser.",
                "Nos ayuda mucho saber cómo ha ido.",
                "Saber que todo se ha resuelto es una buena noticia para nosotros.",
                "Es bueno saber que esto hizo justo lo que necesitabas.",
                "Siempre es un placer recibir noticias tuyas.",
                "Gracias por dedicar un momento a contarnos cómo fue.",
                "Te agradezco que compartieras cómo ha ido todo.",
                "Con mensajes así, el día se hace mucho más ligero.",
                "Es justo el tipo de mensaje que esperamos recibir.",
                "De verdad agradecemos que nos lo cuentes.",
                "Las noticias así merecen compartirse.",
                "Gracias por una actualización tan bonita.",
                "Da gusto saber que esto te ha facilitado las cosas.",
                "Tu mensaje le va a sacar una sonrisa al equipo.",
                "Nos quedamos con lo que nos cuentas para seguir mejorando.",
            ),
        },
        "offer": {
            "default": (
                "¿Hay algo más en lo que pueda ayudarte?",
                "Si surge cualquier otra cosa, aquí estoy.",
                "Dime si hay algo más que pueda hacer por ti.",
                "¿Tienes algo más en mente hoy?",
                "Si tienes cualquier otra pregunta, no dudes en escribirme.",
                "¿Hay algo más que quieras resolver ahora que estás por aquí?",
                "Vuelve cuando quieras si necesitas una mano.",
                "¿Te puedo ayudar con algo más hoy?",
                "Si te surge otra cosa, ya sabes dónde encontrarnos.",
                "¿Hay algo más que te gustaría saber?",
                "Aquí me tienes si necesitas algo más.",
                "Solo tienes que decírmelo si hay algo más en lo que pueda echarte una mano.",
                "Con gusto te ayudo con cualquier otra cosa.",
                "¿Hay algo más que podamos mirar juntos?",
                "Puedes volver a escribirnos siempre que lo necesites.",
                "Que tengas un buen resto del día, y avísame si necesitas algo.",
                "Avísame si hay algo más que necesite atención.",
                "Si más adelante te surge alguna duda, pregúntame sin problema.",
                "Si algo cambia, aquí estaré para ayudarte.",
                "¿Hay algo más que quieras comprobar?",
                "Si quieres algunos consejos para sacarle más partido, solo tienes que pedirlo.",
                "Si algo falla más adelante, vuelve directamente aquí.",
                "¿Hay alguna otra cosa, aparte de esto, en la que pueda ayudarte?",
                "¿Hay algo más que pueda hacer para ponerte el día más fácil?",
                "Sigo por aquí por si se te ocurre algo más.",
                "Cuídate, y escríbenos siempre que nos necesites.",
                "Si te queda alguna duda, aquí estoy para resolverla.",
            ),
        },
    },
    "inform": {
        "acknowledge": {
            "neutral": (
                "Gracias por escribirnos.",
                "Gracias por tu mensaje.",
                "Con gusto te ayudo con esto.",
                "Claro, vamos a verlo.",
                "Gracias por ponerte en contacto.",
                "Por supuesto, será un placer ayudarte.",
                "Hola, cuéntame en qué te puedo ayudar.",
                "Perfecto, vamos a ello.",
            ),
            "anger": (
                "Siento las molestias.",
                "Perdona el lío que te ha causado esto.",
                "Siento que esto no funcione como debería.",
                "Siento que esto te esté dando tantos problemas.",
                "Es un fastidio, lo siento.",
                "Lamento el contratiempo.",
            ),
            "sadness": (
                "Siento que las cosas no hayan salido como tenías previsto.",
                "Es una decepción, lo siento.",
                "Lamento que el resultado no fuera el que querías.",
                "Siento que esto te haya decepcionado.",
                "Vaya, lo siento mucho.",
            ),
            "confusion": (
                "Buena pregunta.",
                "Con gusto te lo aclaro.",
                "Es algo muy razonable de preguntar.",
                "Vamos a ver juntos cómo funciona esto.",
                "Entiendo la duda, vamos a despejarla.",
            ),
            "default": (
                "Gracias por tu mensaje sobre esto.",
                "Gracias por los detalles.",
                "Entendido, gracias.",
                "Gracias por preguntar.",
                "Vamos a echarle un vistazo.",
                "Es buena idea consultarlo.",
                "Gracias por traerme esta consulta.",
                "Claro, puedo ayudarte con tus preguntas.",
                "Gracias por la información adicional.",
                "Vamos a ponernos con ello.",
                "Gracias por consultarlo.",
                "Es bueno saberlo, gracias.",
                "Gracias, eso me ayuda.",
                "Gracias por explicármelo.",
                "De acuerdo, lo tengo.",
                "Gracias por el seguimiento.",
                "Te agradezco el detalle.",
                "Muy bien, veamos qué podemos hacer.",
                "Gracias por avisarme.",
                "Tomo nota, gracias.",
                "De acuerdo, vamos a revisarlo.",
                "Gracias por la actualización.",
                "Claro que sí.",
                "Gracias por señalarlo.",
                "Eso me sirve, gracias.",
                "Gracias por contármelo con tanto detalle.",
            ),
        },
        "progress": {
            "default": (
                "Bien, vamos avanzando.",
                "Perfecto, ya casi estamos.",
                "Eso hace avanzar bastante las cosas.",
                "Bien, eso acota bastante el problema.",
                "Gracias, es un paso adelante.",
                "Bien, vamos por buen camino.",
                "Con esto ya tenemos más claro por dónde ir.",
            ),
        },
        "inform": {
            "default": (
                "Puedo ayudarte a entender en qué punto está esto.",
                "Puedo explicarte cómo funciona.",
                "Necesitaré un par de datos para revisarlo bien.",
                "Para orientarte bien, solo necesito algo más de detalle.",
                "Vamos a conseguirte la información que necesitas.",
                "Suele haber unas cuantas razones habituales detrás de este tipo de dudas.",
                "Este tipo de preguntas suele depender de un par de detalles.",
                "Con un poco más de contexto, la respuesta queda mucho más clara.",
                "Puedo explicarte los pasos habituales.",
                "Un par de datos concretos nos dirán qué parte hay que mirar.",
                "Los detalles que has compartido ya ayudan.",
                "Concretemos exactamente a qué parte te refieres.",
                "Una vez claro lo básico, lo demás suele venir solo.",
                "Normalmente hay una explicación sencilla para esto.",
                "Un poco de contexto me ayudará a darte la respuesta correcta.",
                "La respuesta depende un poco de tu caso, así que un par de detalles ayudarán.",
                "Asegurémonos de que tienes toda la información.",
                "Conviene empezar por lo básico e ir construyendo a partir de ahí.",
                "Esto puede ir por un par de caminos, así que veamos cuál encaja con tu caso.",
                "Quiero asegurarme de que la respuesta se ajuste exactamente a lo que necesitas.",
                "Un poco más de detalle te ahorrará tiempo después.",
                "Veamos los detalles concretos para que no se nos escape nada.",
                "Saber un poco más me ayudará a responderte con precisión.",
                "Veamos exactamente qué se aplica en tu caso.",
                "Una pregunta clara tiene una respuesta clara, así que vamos a concretarla.",
                "Con uno o dos detalles, esto debería aclararse rápido.",
                "Te explico lo que suele pasar en estos casos, y luego vemos el tuyo.",
            ),
        },
        "ask": {
            "anger": (
                "¿Qué has probado hasta ahora?",
                "¿Cuándo lo notaste por primera vez?",
                "¿Qué pasa cuando vuelves a intentarlo?",
                "¿Qué es lo que más te está molestando ahora mismo?",
                "¿Te ha pasado más de una vez?",
            ),
            "sadness": (
                "¿Qué ha pasado, por lo que has podido ver?",
                "¿Desde cuándo ocurre?",
                "¿Qué te habría gustado que pasara?",
                "¿Cómo te ha afectado esto?",
            ),
            "default": (
                "¿Podrías contarme un poco más sobre lo que necesitas?",
                "¿Qué te gustaría saber exactamente?",
                "¿Podrías compartir algún número de referencia o detalle relacionado?",
                "¿Qué te gustaría hacer a continuación?",
                "¿Por qué parte quieres que empecemos?",
                "¿Cuándo lo revisaste por última vez?",
                "¿Qué has visto hasta ahora?",
                "¿Es para ti o para otra persona?",
                "¿Qué te ha llevado a preguntar por esto hoy?",
                "¿Hay alguna fecha concreta relacionada con esto?",
                "¿Qué esperabas que ocurriera?",
                "¿Notas algo distinto de lo habitual?",
                "¿Podrías describirme lo que ves en la pantalla?",
                "¿Has probado ya algo?",
                "¿Es la primera vez que preguntas por esto?",
                "¿Qué respuesta te resultaría más útil?",
                "¿Te aparece algún mensaje de error que puedas copiarme?",
                "¿Lo estás usando desde el móvil o desde el ordenador?",
                "¿Más o menos cuándo empezó?",
                "¿Hay algo más relacionado con esta pregunta?",
                "¿Qué es lo principal que te gustaría averiguar?",
                "¿Tienes algún plazo que cumplir?",
                "¿Prefieres una explicación breve o una guía paso a paso?",
                "¿Podrías contarme qué has leído al respecto hasta ahora?",
                "¿Hacia qué opción te inclinas?",
                "¿Hay algo que ya hayas descartado?",
                "¿Con qué frecuencia te ocurre?",
            ),
        },
    },
    # A crisis `concern` (hopelessness, a hedged statement): the person first, no product talk.
    # Safe-messaging rules: warm, no judgement, no promises, an open door to a person.
    "check_in": {
        "acknowledge": {
            "default": (
                "Lamento mucho que te sientas así.",
                "Gracias por contarme cómo te sientes.",
                "Suena a una carga muy pesada de llevar.",
                "Siento que las cosas se te hagan tan cuesta arriba ahora mismo.",
                "Parece que estás pasando por muchas cosas en este momento.",
                "Has hecho bien en contarme cómo te sientes.",
                "Suena agotador, y lo siento.",
                "Te escucho, y lo que sientes importa.",
                "Parece que estos últimos tiempos han sido muy duros.",
                "Siento que el momento sea tan difícil.",
                "Sentirse así es duro, y no tienes que fingir lo contrario.",
                "Gracias por confiarme esto.",
                "Suena a mucho con lo que lidiar.",
                "Siento que estés con el ánimo tan bajo.",
                "Tiene sentido que te sientas sin fuerzas.",
                "Me doy cuenta de lo difícil que ha sido esto para ti.",
                "Lo siento; suena muy doloroso.",
                "Hace falta valor para decir cómo te sientes.",
                "Parece que llevas mucho peso encima.",
                "Siento que esto te esté pesando tanto.",
                "Te agradezco de verdad que me lo cuentes con tanta sinceridad.",
                "Suena a algo muy solitario, y lo siento.",
                "Está bien no estar bien.",
                "Siento que lo estés pasando tan mal.",
                "Lo que sientes es válido, y gracias por compartirlo.",
                "Siento que hoy haya sido un día así.",
                "No hace falta que tengas las palabras perfectas para contarlo.",
            ),
        },
        "support": {
            "default": (
                "No tienes que pasar por esto a solas.",
                "Si quieres hablar con una persona de nuestro equipo, solo dímelo y la aviso.",
                "Hay personas que se preocupan por ti y quieren ayudarte, también aquí en "
                "nuestro equipo.",
                "Puede ayudar hablar con alguien de confianza sobre cómo te sientes.",
                "Podemos ir dando pasos pequeños, de uno en uno.",
                "Lo que necesites ahora mismo, aquí estoy para escucharte.",
                "Aquí no hay ninguna prisa; tómate todo el tiempo que necesites.",
                "Si en algún momento no te sientes a salvo, llama enseguida al número de "
                "emergencias de tu zona.",
                "Tú importas, y lo que sientes también.",
                "Pedir ayuda, como acabas de hacer, está muy bien.",
                "Una persona de nuestro equipo puede unirse a este chat cuando quieras.",
                "No molestas en absoluto por contarme esto.",
                "Está bien pedir apoyo cuando las cosas pesan.",
                "Estoy aquí, y te escucho.",
                "Decirlo en voz alta puede ser un primer paso, y ya lo has dado.",
                "Hablar con alguien cercano, un familiar o un profesional de la salud puede "
                "ayudar mucho.",
                "No hace falta resolverlo todo ahora mismo.",
                "Ahora mismo me importa más cómo estás que cualquier gestión.",
                "Mereces apoyo mientras pasas por esto.",
                "Si prefieres hablar con una persona, puedo pasar esta conversación a alguien "
                "del equipo ahora mismo.",
                "Nada de lo que has dicho es demasiado para compartirlo aquí.",
                "Está bien dejar todo lo demás a un lado por un momento.",
                "Con apoyo, la gente sale adelante de momentos como este.",
                "Puedes contarme tanto o tan poco como quieras.",
                "Ahora mismo basta con que te trates con cariño.",
                "Has dado el paso de escribir, y eso cuenta mucho.",
                "No tienes que tener nada resuelto para hablar conmigo.",
            ),
        },
        "ask": {
            "default": (
                "¿Cómo estás ahora mismo?",
                "¿Te gustaría contarme un poco más sobre lo que está pasando?",
                "¿Hay alguien contigo, o alguien con quien puedas contactar hoy?",
                "¿Te ayudaría hablar con una persona de nuestro equipo?",
                "¿Qué sería lo que más te ayudaría ahora mismo?",
                "¿Cuánto tiempo llevas sintiéndote así?",
                "¿Estás a salvo ahora mismo?",
                "¿Ha pasado algo que haya hecho que hoy sea especialmente difícil?",
                "¿Quieres que avise a alguien de nuestro equipo?",
                "¿Qué es lo que más te ronda la cabeza?",
                "¿Hay algo que pueda hacer para que las cosas sean un poco más fáciles ahora?",
                "¿Tienes a alguien de confianza con quien puedas hablar?",
                "¿Has podido descansar y cuidarte estos días?",
                "¿Quieres que sigamos hablando, o prefieres ir con calma?",
                "¿Hay algo más que quieras compartir conmigo?",
                "¿Qué te suele ayudar, aunque sea un poco, cuando te sientes así?",
                "¿Quieres que me quede aquí contigo un rato?",
                "¿Cómo te vas sintiendo mientras hablamos?",
                "¿Hay algo en concreto que te esté pesando?",
                "¿Te sentirías mejor hablando con una persona en lugar de conmigo?",
                "¿Hay algo que esté sumando estrés y con lo que yo pueda ayudarte?",
                "¿Qué te gustaría que pasara ahora?",
                "¿Has podido hablar de esto con alguien?",
                "¿Es buen momento para hablar, o prefieres hacerlo más tarde?",
                "¿Cómo puedo acompañarte mejor ahora mismo?",
                "¿Te ayudaría hablar de lo que ha estado pasando?",
                "¿Te encuentras en un lugar seguro en este momento?",
            ),
        },
    },
}

# When a long conversation has used every line of a slot, replies are composed from these two
# halves instead, so a sentence is still never sent twice (len(BRIDGE_A) * len(BRIDGE_B) more).
# Each A half reads naturally before any B half (a lowercase question opened with "¿").
BRIDGE_A = (
    "Gracias por tenerme paciencia",
    "Te agradezco tu paciencia",
    "Gracias por el detalle adicional",
    "Sigo aquí contigo",
    "Gracias por seguir conmigo",
    "Te agradezco la explicación",
    "Gracias por contármelo paso a paso",
    "Te voy siguiendo",
)
BRIDGE_B = (
    "¿qué más debería saber?",
    "¿hay algo que quieras añadir?",
    "¿qué te ayudaría más ahora?",
    "¿qué es lo siguiente que te preocupa?",
    "¿hay algún detalle que se me haya podido escapar?",
    "¿qué te gustaría que viéramos a continuación?",
    "¿cómo lo ves por tu parte?",
    "¿qué miramos ahora?",
)
