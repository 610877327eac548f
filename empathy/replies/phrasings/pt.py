"""Brazilian Portuguese phrasings of the offline responder: curated, reviewed, versioned as one.

Shaped like ``en``: the same strategies, slots and emotion groups. Rules every line follows: no
promise of money, refunds or credits, no claim that the bot changed an account, no URL, no markup;
no ``{topic}`` placeholder (topic extraction is English-only), so every line reads naturally for
any subject ("isso", "sua solicitação"); the visitor is always "você" (never "tu" or "te"), and no
adjective or participle assumes the visitor's gender ("sozinho", "chateado", "preocupado" are
avoided); the bot thanks with the usual "obrigado" or "agradeço"; each line is one sentence,
except the numbered-steps blocks, which are sent as one unit. Only the ``celebrate`` slot may
sound cheerful ("ótimo", "que bom", "parabéns", "fico feliz" appear nowhere else).
"""

from __future__ import annotations

from empathy.replies.phrasings import en

VERSION = "pt-2026.12.1"

# The crisis path: fixed, reviewed text. Never generated, never varied by topic.
SAFETY_FIRST = (
    "Sinto muito que você esteja passando por isso, e agradeço por ter me contado.",
    "Você não precisa enfrentar isso por conta própria: estou chamando agora mesmo uma pessoa da "
    "nossa equipe.",
    "Se você estiver em perigo imediato, por favor, ligue para o número de emergência local ou "
    "para um serviço de apoio emocional da sua região.",
)

# The same strategies and slots as English, in the same order.
SLOTS = en.SLOTS

# Emotion groups: "default" lines suit every feeling and are used alongside the group's own.
# Each mandatory slot holds enough lines (25+ with the defaults) for a long conversation of one
# strategy to stay fresh without ever repeating; without {topic}, no line names the subject.
LIBRARY: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "validate_then_solve": {
        "acknowledge": {
            "anger": (
                "Dá para perceber o quanto isso tem sido frustrante.",
                "Entendo bem a sua irritação com isso.",
                "Você tem toda a razão de se incomodar com isso.",
                "Entendo por que isso deixou você com raiva, e sinto muito.",
                "Isso é mesmo de tirar qualquer um do sério, e lamento que tenha acontecido.",
                "Sinto muito, essa não é a experiência que você deveria ter tido.",
                "Dá para sentir que a sua paciência chegou ao limite, e não tiro a sua razão.",
                "É muito irritante quando algo não funciona como deveria.",
                "No seu lugar, eu também perderia a paciência.",
                "Percebo o quanto isso mexeu com você, e com razão.",
                "Lamento muito que você tenha passado por uma situação tão desgastante.",
            ),
            "sadness": (
                "Sinto muito, isso é realmente decepcionante.",
                "Lamento que as coisas não tenham saído como você esperava.",
                "É mesmo um balde de água fria, e sinto muito que tenha acontecido.",
                "Dá para perceber que isso foi bem desanimador.",
                "Sinto muito saber disso; não era para ter sido assim.",
                "Lamento que isso tenha deixado você na mão.",
                "Imagino a sensação ruim que foi, e sinto muito.",
                "Dá para sentir o quanto isso pesou para você.",
                "Sinto muito pela decepção que isso trouxe.",
            ),
            "fear": (
                "Percebo que isso está preocupando você, e é compreensível.",
                "É natural sentir insegurança diante de uma situação assim.",
                "Imagino o estresse que isso está causando, e sinto muito.",
                "Não saber o que está acontecendo é mesmo angustiante, eu sei.",
                "Dá para perceber a ansiedade que isso trouxe.",
                "É natural ficar com o coração na mão quando algo assim acontece.",
                "Entendo a sua preocupação, e ela faz todo o sentido.",
            ),
            "default": (
                "Sinto muito que você esteja passando por isso.",
                "Agradeço por me contar como isso tem sido para você.",
                "Sinto muito pelo transtorno.",
                "Isso parece muito difícil, e sinto muito.",
                "Lamento que você tenha tido que lidar com isso.",
                "Sinto muito mesmo pela forma como as coisas aconteceram.",
                "Agradeço por explicar com tanta clareza o que deu errado.",
                "Sinto muito por todo o aborrecimento que isso causou.",
                "Entendo por que isso tem tirado o seu sossego.",
                "É muita coisa para lidar, e sinto muito.",
                "Sinto muito que isso tenha tomado tanto do seu dia.",
                "Estou ouvindo você, e sinto muito que tenha chegado a esse ponto.",
                "Sinto muito, ninguém deveria passar por isso.",
                "Agradeço a sua paciência com uma situação que nem deveria ter acontecido.",
                "Sinto muito por toda essa dor de cabeça.",
                "Agradeço a sinceridade ao me contar como você se sente.",
                "Sinto muito que isso tenha sido tão desgastante.",
                "Lamento que as coisas tenham ficado tão difíceis.",
                "Isso não está certo, e sinto muito que tenha acontecido com você.",
                "Percebo o quanto isso é importante para você.",
                "Sinto muito que isso tenha sido tão estressante.",
                "Agradeço por ter entrado em contato sobre isso.",
                "Obrigado por me falar sobre isso.",
                "Entendo que essa tem sido uma experiência difícil.",
                "Sinto muito que isso tenha virado o seu dia de cabeça para baixo.",
                "Sinto muito que você tenha ficado sem apoio para resolver isso.",
                "Imagino o quanto isso tem cansado você.",
                "Imagino como isso atrapalhou a sua rotina, e sinto muito.",
            ),
        },
        "validate": {
            "default": (
                "Qualquer pessoa no seu lugar se sentiria assim.",
                "O seu tempo é valioso, e isso não deveria ter sido tão complicado.",
                "É totalmente justo esperar que isso simplesmente funcione.",
                "Você não deveria ter tido que passar por isso.",
                "Não há nada de exagerado no que você está sentindo.",
                "Faz sentido que isso tenha esgotado a sua paciência.",
                "É completamente compreensível se sentir assim diante disso.",
                "Você tinha todo o direito de esperar algo melhor.",
                "A maioria das pessoas ficaria chateada se algo falhasse dessa forma.",
                "É razoável querer resolver isso sem ter que insistir tanto.",
                "A sua reação faz todo o sentido.",
                "Esperar que isso funcione de primeira não é pedir demais.",
                "Para quem depende disso, uma falha assim pesa muito.",
                "Se aborrecer com isso é uma resposta justa ao que aconteceu.",
                "Você teve mais paciência do que a maioria das pessoas teria.",
                "É justo sentir que isso exigiu esforço demais.",
                "Querer uma resposta direta é totalmente razoável.",
                "Você faz bem em levantar essa questão.",
                "Tudo bem se sentir assim; isso importa.",
                "Você merecia uma experiência bem mais tranquila do que essa.",
                "Ninguém deveria ter que aguentar uma experiência dessas.",
                "É natural perder a paciência depois de algo assim.",
                "Você não está exagerando; isso incomodaria qualquer pessoa.",
                "A sua frustração é legítima, e eu estou ouvindo.",
                "É compreensível sentir decepção quando algo em que você confia falha.",
                "Ninguém gosta de se sentir sem saída, e é justo dizer isso.",
                "Você não deveria ter que correr atrás de ninguém para as coisas funcionarem.",
                "É totalmente justo querer que isso seja tratado com cuidado.",
                "O que você está sentindo tem fundamento.",
            ),
        },
        "progress": {
            "default": (
                "Estamos avançando, aos poucos.",
                "Agradeço por continuar aqui comigo.",
                "Parece que as coisas começaram a se acalmar um pouco.",
                "É um alívio ver isso caminhando na direção certa.",
                "Agradeço a sua paciência até aqui; ela está fazendo diferença.",
                "Dá para sentir que a situação está começando a mudar.",
                "Parece que isso já está um pouco mais leve agora.",
                "Estamos num caminho melhor, e isso é graças à sua ajuda.",
                "Cada detalhe que você compartilha ajuda a gente a avançar.",
            ),
        },
        "next": {
            "default": (
                "Vamos resolver isso um passo de cada vez, juntos.",
                "Estou aqui, e vamos cuidar disso em conjunto.",
                "Quando se sentir à vontade, me conte o que aconteceu por último e seguimos a "
                "partir daí.",
                "Você poderia me contar, com as suas palavras, do que mais precisa agora?",
                "O que ajudaria mais você neste momento?",
                "Quando quiser, gostaria de ouvir o que aconteceu.",
                "Fique à vontade para me contar com calma em que pé estão as coisas.",
                "Sem pressa; me conte o que tem sido mais difícil nisso tudo.",
                "Quero entender pelo que você passou, no seu tempo.",
                "Qual parte disso está incomodando mais você agora?",
                "Conte para mim que resultado você espera.",
                "O que é mais importante para você resolver com isso?",
                "Estou ouvindo, então compartilhe o que parecer mais importante.",
                "Podemos seguir no ritmo que for melhor para você.",
                "Me diga o que você gostaria que acontecesse agora, e começamos por aí.",
                "Se ajudar, comece pela parte que mais está incomodando.",
                "Estou aqui sempre que quiser continuar.",
                "O que deixaria o seu dia um pouco mais leve?",
                "Tem mais alguma coisa preocupando você que ainda não apareceu na conversa?",
                "Vamos começar pelo que parecer mais urgente para você.",
                "Você pode compartilhar o quanto quiser, sem pressão.",
                "Gostaria de saber como isso afetou você.",
                "Qual foi a parte mais difícil disso tudo?",
                "Me conte como seria um bom resultado para você.",
                "Como você está se sentindo com tudo isso agora?",
                "Do que você precisa de mim neste momento?",
                "Compartilhe o que puder, que eu acompanho.",
                "Me conte, na ordem que preferir, como tudo aconteceu.",
                "Vamos começar pelo jeito como isso está afetando o seu dia hoje.",
                "Qual seria o primeiro passo que faria mais diferença para você?",
            ),
        },
    },
    "own_and_expedite": {
        "own": {
            "default": (
                "Sinto muito que você tenha precisado falar sobre isso mais de uma vez.",
                "Você não deveria ter que perguntar sobre isso de novo, e sinto muito por isso.",
                "Sinto muito que isso ainda não esteja resolvido.",
                "A responsabilidade é nossa, e sinto muito que você tenha precisado se repetir.",
                "Entendo que isso já se arrastou por tempo demais.",
                "Sinto muito que o problema continue.",
                "Estou ouvindo você, e sinto muito que tenham sido necessárias tantas mensagens.",
                "Ter que voltar aqui pelo mesmo motivo não é aceitável, e peço desculpas.",
                "Peço desculpas por essa demora toda.",
                "Sei que você já explicou tudo, e sinto muito por ter que explicar de novo.",
                "Está claro que isso tomou muito mais do seu tempo do que deveria.",
                "Sinto muito que isso continue voltando a ser um problema para você.",
                "Ninguém deveria precisar cobrar tantas vezes.",
                "Sinto muito que isso tenha virado uma novela tão longa.",
                "Vejo que isso está andando em círculos, e não é justo com você.",
                "Sinto muito que ainda não tenhamos acertado.",
                "Você teve paciência por muito mais tempo do que deveria ter precisado.",
                "Sinto muito que isso tenha custado tanto do seu tempo.",
                "Entendo como é cansativo ficar correndo atrás disso.",
                "Agradeço por não ter desistido, e sinto muito que tenha chegado a esse ponto.",
                "Isso já deveria ter sido resolvido há muito tempo.",
                "Lamento saber que isso continua sem solução.",
                "Percebo o quanto isso já desgastou você, e sinto muito.",
                "Entendo que a sua paciência está no limite, e com razão.",
                "Sinto muito que você tenha ficado esperando.",
                "Voltar a esse assunto mais uma vez é frustrante, e sinto muito.",
                "Sinto muito que as respostas até agora não tenham feito sentido.",
                "Reconheço que deixamos a desejar aqui, e peço desculpas.",
            ),
        },
        "progress": {
            "default": (
                "Agradeço a sua paciência enquanto colocamos isso em andamento.",
                "Agradeço por continuar acompanhando isso.",
                "Finalmente isso começou a andar.",
                "Obrigado por aguentar firme; estamos chegando mais perto.",
                "As coisas estão ganhando ritmo agora.",
                "A sua persistência está ajudando a destravar isso.",
                "Estamos num ponto melhor do que algumas mensagens atrás.",
                "Obrigado por seguir nisso comigo.",
                "Cada resposta sua está encurtando o caminho.",
            ),
        },
        "expedite": {
            "default": (
                "Vamos focar no jeito mais rápido de fazer isso avançar.",
                "Tudo o que você me contou fica registrado nesta conversa, então você não vai "
                "precisar começar do zero.",
                "Uma pessoa da nossa equipe pode dar continuidade a isso e vai ver tudo o que você "
                "escreveu aqui.",
                "O caminho mais rápido é reunir os detalhes principais num só lugar, então vamos "
                "fazer isso agora.",
                "Quero que isso chegue a alguém que possa agir.",
                "Vamos pular o vaivém de sempre e ir direto ao que importa.",
                "Vamos juntar aqui, de uma vez, tudo o que é necessário.",
                "Você não vai precisar explicar tudo desde o início outra vez.",
                "Todo o histórico fica guardado aqui para quem for dar continuidade.",
                "Vamos manter isso andando em vez de recomeçar do zero.",
                "Quanto antes os detalhes estiverem reunidos, antes alguém pode agir.",
                "Vamos aproveitar esta conversa para concentrar tudo num só lugar.",
                "Vamos direto ao ponto para que nada trave isso.",
                "Em vez de pedir que você repita qualquer coisa, vamos partir do que você já "
                "disse.",
                "Vamos fazer esta conversa valer a pena.",
                "Um resumo claro aqui vai poupar você de mais uma rodada de perguntas.",
                "Vamos ser objetivos e focar no que realmente faz isso andar.",
                "As suas mensagens anteriores estão todas aqui, então nada se perde.",
                "Vamos descobrir exatamente o que está faltando e preencher essa lacuna.",
                "Quem assumir a partir daqui vai ter a história completa em mãos.",
                "Vamos trocar menos mensagens e avançar mais.",
                "Vamos registrar o essencial para que isso possa ser retomado na hora.",
                "Vou fazer perguntas curtas para não perdermos mais tempo.",
                "Podemos focar só no ponto que ainda está pendente.",
                "Vamos garantir que esta conversa tenha tudo o que é preciso para agir.",
                "Com um quadro claro agora, ninguém vai precisar perguntar de novo para você.",
                "Se precisar, uma pessoa da nossa equipe pode entrar nesta conversa com todo o "
                "contexto.",
            ),
        },
        "ask": {
            "default": (
                "Qual seria a única coisa que resolveria isso para você?",
                "Você pode compartilhar o número de protocolo ou a última mensagem que recebeu?",
                "Qual foi a última informação que você recebeu sobre isso?",
                "Se houver um número de pedido ou de protocolo, compartilhar aqui vai poupar "
                "tempo.",
                "O que já foi tentado, para não repetirmos?",
                "Quando isso começou, pelo que você se lembra?",
                "Que parte disso ainda está sem solução?",
                "Com quem você falou da última vez, se você se lembra?",
                "O que disseram que iria acontecer?",
                "Alguma coisa mudou desde o seu último contato?",
                "Aparece alguma mensagem de erro ou aviso que você possa compartilhar?",
                "Mais ou menos quantas vezes você já entrou em contato com a gente sobre isso?",
                "O que precisa acontecer primeiro para você sentir que isso está no caminho certo?",
                "Você consegue resumir em uma frase como as coisas estão agora?",
                "Existe algum prazo que a gente deva ter em mente?",
                "Qual é o melhor resultado que você espera?",
                "Qual das nossas respostas até agora ajudou menos, para não repetirmos?",
                "Ficou combinado algo antes que ainda não aconteceu?",
                "Qual foi a data mais recente em que você teve algum retorno?",
                "Você tem capturas de tela ou e-mails que ajudem a mostrar o que aconteceu?",
                "Tem alguma coisa nisso que está ficando mais urgente?",
                "Como seria um bom próximo passo do seu ponto de vista?",
                "Tem algo específico que você gostaria que uma pessoa da nossa equipe analisasse?",
                "Que detalhe você acha que foi deixado de lado até agora?",
                "O que tem sido mais frustrante nesse vaivém?",
                "Tem mais alguma coisa sendo afetada por isso que a gente deva saber?",
                "Qual é o detalhe que ainda falta para darmos o próximo passo?",
            ),
        },
    },
    "reassure_and_clarify": {
        "reassure": {
            "fear": (
                "Você está no lugar certo, e vamos ver isso passo a passo.",
                "Tudo bem ter dúvidas sobre isso; vamos com calma.",
                "Pode perguntar à vontade; é para isso que estou aqui.",
                "Respire fundo; vamos olhar isso juntos.",
                "Não precisa ter medo de errar aqui.",
                "Você não fez nada de errado, e isso tem jeito.",
                "Estou aqui com você, e não há pressa nenhuma.",
            ),
            "confusion": (
                "É uma dúvida justa, e isso pode mesmo confundir.",
                "Vamos deixar isso mais claro juntos.",
                "Você não é a única pessoa que acha isso confuso.",
                "Boa pergunta; essa parte costuma confundir muita gente.",
                "É fácil se perder com isso.",
                "Essa parte não é nada óbvia, então você fez bem em perguntar.",
                "Muita gente tropeça justamente nesse ponto.",
            ),
            "default": (
                "Vamos ver isso passo a passo.",
                "Sem problema, vamos resolver isso uma etapa de cada vez.",
                "Podemos cuidar disso com calma, uma parte de cada vez.",
                "Muita gente tem dúvidas sobre isso, então você está em boa companhia.",
                "Vamos desatar esse nó juntos.",
                "Não existe pergunta boba sobre isso.",
                "Vamos desacelerar e olhar isso por partes.",
                "É normal ter dúvidas sobre isso, e eu ajudo você com elas.",
                "Vamos deixar tudo em ordem, sem nenhuma pressa.",
                "Você não precisa de conhecimento técnico para resolver isso.",
                "Vamos entender isso em conjunto.",
                "Podemos ir no seu ritmo.",
                "Você está fazendo a coisa certa ao perguntar.",
                "Tudo bem não ter todas as respostas ainda.",
                "Temos tempo de sobra, então vamos com calma.",
                "Vamos descobrir isso juntos.",
                "Você está fazendo exatamente as perguntas certas.",
                "Nada do que você descreveu parece fora do comum, então tente não se preocupar.",
                "Isso é mais comum do que pode parecer agora.",
                "Vamos manter as coisas simples.",
                "Estou aqui para ajudar você a entender.",
                "Você não precisa descobrir isso por conta própria.",
                "Podemos repassar qualquer parte quantas vezes você precisar.",
                "Vamos esclarecer isso aos poucos.",
                "É totalmente normal precisar de uma ajuda com isso.",
                "Aos poucos, as peças vão se encaixando.",
            ),
        },
        "steps": {
            "default": (
                "Uma forma simples de começar:\n"
                "1. Conte o que você estava tentando fazer.\n"
                "2. Diga o que apareceu no lugar, como uma mensagem de erro.\n"
                "3. A partir daí, vemos juntos o próximo passo.",
                "Podemos fazer assim:\n"
                "1. Diga em que etapa você chegou.\n"
                "2. Conte o que acontece quando você tenta.\n"
                "3. Decidimos juntos o próximo passo.",
                "Três coisas rápidas já ajudam:\n"
                "1. O que você esperava que acontecesse.\n"
                "2. O que aconteceu de fato.\n"
                "3. Quando isso começou.",
                "Vamos simplificar:\n"
                "1. Descreva o que aparece na sua tela.\n"
                "2. Conte o que você já tentou.\n"
                "3. Eu sugiro o que tentar em seguida.",
                "Para destravar isso:\n"
                "1. Conte qual foi a última coisa que funcionou.\n"
                "2. Diga em que ponto parou de funcionar.\n"
                "3. Retomamos exatamente desse ponto.",
                "Um jeito tranquilo de começar:\n"
                "1. Conte aonde você quer chegar.\n"
                "2. Diga onde você está agora.\n"
                "3. Preenchemos juntos o que falta no meio do caminho.",
                "Vamos afunilar:\n"
                "1. Isso está acontecendo no celular ou no computador?\n"
                "2. Funcionava antes?\n"
                "3. O que mudou desde então, se é que algo mudou?",
                "Dois passos pequenos:\n"
                "1. Copie as palavras exatas de qualquer mensagem que aparecer.\n"
                "2. Conte no que você clicou ou tocou logo antes.",
                "Aqui vai uma listinha rápida:\n"
                "1. Anote o que você estava fazendo quando aconteceu.\n"
                "2. Anote qualquer coisa que parecia diferente do normal.\n"
                "3. Compartilhe as duas coisas aqui e seguimos a partir daí.",
                "Para ficarmos na mesma página:\n"
                "1. Conte o que você entendeu até agora.\n"
                "2. Diga qual parte não está fazendo sentido.\n"
                "3. Eu explico essa parte em palavras simples.",
                "Uma coisa de cada vez:\n"
                "1. Conte qual foi o primeiro passo que você deu.\n"
                "2. Diga o que aconteceu logo depois.",
                "Para deixar isso mais fácil de acompanhar:\n"
                "1. Conte a parte que faz sentido.\n"
                "2. Conte a parte que não faz.\n"
                "3. Vamos encarar a segunda parte juntos.",
                "Vamos tentar nesta ordem:\n"
                "1. Pare o que está fazendo e respire por um instante.\n"
                "2. Conte o que você queria conseguir fazer.\n"
                "3. Eu explico o caminho com calma.",
                "Um jeito rápido de nos situarmos:\n"
                "1. Diga mais ou menos quando você percebeu isso pela primeira vez.\n"
                "2. Diga se acontece sempre ou só de vez em quando.",
                "O que mais ajudaria agora:\n"
                "1. Uma breve descrição do problema, com as suas palavras.\n"
                "2. Qualquer coisa que você já tentou, mesmo que não tenha funcionado.",
                "Vamos dividir isso em partes pequenas:\n"
                "1. Conte por onde você começou.\n"
                "2. Diga onde travou.\n"
                "3. Damos o próximo passo juntos.",
                "Para conferir se estamos olhando para a mesma coisa:\n"
                "1. Diga em qual página ou tela você está.\n"
                "2. Conte o que aparece no topo dela.",
                "Um ponto de partida fácil:\n"
                "1. Diga se é a primeira vez que isso acontece.\n"
                "2. Se não for, conte o que ajudou da última vez.",
                "Vamos com calma:\n"
                "1. Conte o que mais preocupa você.\n"
                "2. Olhamos para isso antes de qualquer outra coisa.",
                "Dois detalhes já ajudam muito:\n"
                "1. A data em que começou.\n"
                "2. Qualquer mensagem ou aviso que você recebeu sobre isso.",
                "Vamos por este caminho:\n"
                "1. Conte o que você já fez até agora.\n"
                "2. Diga do que você ainda não tem certeza.\n"
                "3. Esclarecemos primeiro a parte da dúvida.",
                "Um plano simples:\n"
                "1. Descreva a situação como se estivesse contando para um amigo.\n"
                "2. Eu faço uma ou duas perguntas curtas.\n"
                "3. Combinamos juntos o próximo passo.",
                "Para você digitar menos:\n"
                "1. Conte em poucas palavras o que deu errado.\n"
                "2. Diga se dá para continuar usando enquanto isso.",
                "Vamos refazer o caminho:\n"
                "1. Diga de onde você partiu.\n"
                "2. Conte qual foi o último passo antes de dar errado.",
                "Um caminho tranquilo:\n"
                "1. Conte que resultado você precisa.\n"
                "2. Diga o que está atrapalhando.\n"
                "3. Encaramos os obstáculos um de cada vez.",
                "Se preferir, responda só isto:\n"
                "1. O que você esperava ver?\n"
                "2. O que apareceu no lugar?",
                "Para eu entender melhor a situação:\n"
                "1. Conte o que você precisa resolver.\n"
                "2. Diga o que apareceu na tela até agora.\n"
                "3. A partir daí, eu explico o próximo passo.",
            ),
        },
        "check": {
            "default": (
                "Até aqui, faz sentido?",
                "Ficou claro, ou prefere que eu explique alguma parte de outro jeito?",
                "Se algo não ficou claro, é só me dizer.",
                "Tudo bem para você?",
                "Ajudaria se eu fosse mais devagar?",
                "Ainda tem alguma parte confusa?",
                "Isso bate com o que você está vendo aí?",
                "Tem alguma parte que você gostaria que eu repassasse?",
                "Isso ajudou a clarear um pouco?",
                "O que você acha de seguirmos dessa forma?",
                "Está tudo tranquilo até aqui?",
                "Vamos para o próximo passo, ou prefere fazer uma pausa?",
                "Pode me interromper se algo não fizer sentido.",
                "Um exemplo ajudaria?",
                "Ficou mais fácil de acompanhar assim?",
                "Me avise se eu tiver entendido algo errado.",
                "Era isso que você estava procurando?",
                "Quer tentar fazer isso agora?",
                "Quer que eu diga alguma coisa de um jeito mais simples?",
                "Isso responde à sua pergunta, ou ainda falta alguma coisa?",
                "Prefere que eu diga isso com outras palavras?",
                "Me conte como foi quando tentar.",
                "Como você está se sentindo em relação a isso agora?",
                "Ficou um pouco mais claro agora?",
                "Me diga por qual parte você quer começar.",
                "Tem mais alguma dúvida antes de continuarmos?",
                "Quer que eu resuma tudo em poucas linhas?",
            ),
        },
    },
    "celebrate": {
        "celebrate": {
            "gratitude": (
                "Imagina, eu que agradeço pelas palavras tão gentis!",
                "Obrigado, é muito bom ouvir isso.",
                "Fico feliz em ter ajudado.",
                "Foi um prazer ajudar.",
                "Muito obrigado por dizer isso!",
                "Que gentileza a sua, obrigado.",
                "Fico muito feliz que tudo tenha dado certo.",
                "Por nada, conte sempre com a gente!",
            ),
            "joy": (
                "Que notícia maravilhosa!",
                "Que alegria saber disso!",
                "Que demais, estou muito feliz por você!",
                "Ganhei o dia com essa notícia, obrigado por compartilhar!",
                "Que delícia ouvir isso!",
                "Que notícia incrível!",
                "Adoro ouvir isso!",
                "Que máximo, vibrei aqui com a notícia!",
            ),
            "default": (
                "Que ótimo saber disso!",
                "Que bom que as coisas estão melhorando.",
                "Que bom saber que deu tudo certo.",
                "Fico muito contente que tudo tenha se resolvido.",
                "Que bom que isso está resolvido.",
                "Fico feliz de verdade que tenha dado tudo certo.",
                "Que alívio saber disso!",
                "Notícia boa é sempre bem-vinda.",
                "Obrigado por contar como foi.",
                "Parece que tudo correu exatamente como deveria.",
                "Estou muito feliz por você.",
                "É muito bom receber boas notícias assim.",
                "Que bom saber que está funcionando para você.",
                "Isso é muito bom de ouvir.",
                "Isso me deixa muito contente.",
                "Excelente!",
                "Maravilha, obrigado por me contar!",
                "Que beleza, deu tudo certo!",
                "Esse é o melhor tipo de notícia.",
                "Que resultado excelente!",
                "Que legal, obrigado por me avisar!",
                "Que atualização boa de receber.",
                "Estou radiante com essa notícia.",
                "Ótima notícia, e obrigado por compartilhar.",
                "Isso, sim, é uma vitória.",
                "Parabéns, você merece!",
            ),
        },
        "share": {
            "default": (
                "Obrigado por nos contar.",
                "É sempre bom saber quando as coisas dão certo.",
                "Momentos assim fazem o nosso dia também.",
                "Bom saber que tudo se encaixou.",
                "Significa muito que você tenha tirado um tempo para nos contar.",
                "As suas palavras gentis vão chegar direto à equipe.",
                "Histórias como a sua nos motivam a continuar.",
                "É bom fechar com chave de ouro.",
                "A gente adora saber quando as coisas funcionam.",
                "Obrigado por compartilhar a boa notícia com a gente.",
                "Um retorno assim ilumina o dia de qualquer um.",
                "Vou ficar sorrindo com isso por um bom tempo.",
                "Ouvir isso faz o trabalho valer a pena.",
                "É muito bom saber que está tudo funcionando bem.",
                "É exatamente assim que deveria ser.",
                "Saber como foi para você ajuda muito a gente.",
                "Saber que isso funcionou para você deixa a equipe contente.",
                "É bom saber que isso atendeu ao que você precisava.",
                "É um prazer receber esse retorno.",
                "Agradeço por reservar um momento para contar como foi.",
                "Foi muito gentil da sua parte compartilhar isso.",
                "Sua mensagem alegrou o nosso dia.",
                "É o tipo de mensagem que a gente sempre espera receber.",
                "A gente agradece muito por você ter avisado.",
                "Notícias assim merecem ser compartilhadas.",
                "Obrigado pela atualização tão gentil.",
                "Saber que isso facilitou a sua vida é o melhor retorno.",
                "O seu recado vai animar a equipe.",
                "Retornos como o seu ajudam a gente a melhorar sempre.",
            ),
        },
        "offer": {
            "default": (
                "Posso ajudar com mais alguma coisa?",
                "Se surgir qualquer outra coisa, estou por aqui.",
                "Me avise se houver mais algo que eu possa fazer.",
                "Tem mais alguma coisa em mente hoje?",
                "Se tiver outras dúvidas, é só perguntar.",
                "Quer aproveitar e resolver mais alguma coisa enquanto está aqui?",
                "Pode voltar sempre que precisar de uma mão.",
                "Tem mais algo em que eu possa ajudar hoje?",
                "Se aparecer mais alguma coisa, você já sabe onde nos encontrar.",
                "Tem mais alguma coisa que você gostaria de saber?",
                "Estou aqui se precisar de algo mais.",
                "É só falar se eu puder ajudar em outra coisa.",
                "Ajudo com prazer em qualquer outro assunto também.",
                "Tem mais algum ponto que possamos ver juntos?",
                "Não hesite em entrar em contato de novo.",
                "Aproveite o resto do seu dia, e chame se precisar de algo.",
                "Me avise se mais alguma coisa precisar de atenção.",
                "Se surgir alguma dúvida sobre isso mais tarde, é só perguntar.",
                "Se algo mudar, fico à disposição para ajudar.",
                "Quer conferir mais algum detalhe sobre isso?",
                "Se quiser dicas para tirar mais proveito disso, é só pedir.",
                "Se algo der errado mais adiante, volte direto aqui.",
                "Além disso, tem mais alguma coisa em que eu possa ajudar?",
                "Há algo mais que eu possa fazer para facilitar o seu dia?",
                "Estou por perto se você lembrar de mais alguma coisa.",
                "Cuide-se, e conte com a gente sempre que precisar.",
                "Se precisar, a nossa equipe também está à disposição.",
            ),
        },
    },
    "inform": {
        "acknowledge": {
            "neutral": (
                "Obrigado por entrar em contato.",
                "Obrigado pela sua mensagem.",
                "Posso ajudar com isso, sim.",
                "Claro, vamos dar uma olhada nisso.",
                "Olá, obrigado por escrever.",
                "Claro, será um prazer ajudar.",
                "Bom falar com você.",
                "Oi, estou aqui para ajudar.",
            ),
            "anger": (
                "Sinto muito pelo problema.",
                "Desculpe o transtorno.",
                "Sinto muito que isso não esteja funcionando como deveria.",
                "Lamento que isso esteja dando tanta dor de cabeça.",
                "Isso é chato mesmo, sinto muito.",
                "Entendo a irritação, e peço desculpas pelo incômodo.",
            ),
            "sadness": (
                "Sinto muito que as coisas não tenham saído como o planejado.",
                "Que pena, sinto muito.",
                "Lamento que o resultado não tenha sido o que você queria.",
                "Sinto muito que isso tenha sido uma decepção.",
                "Poxa, sinto muito por isso.",
            ),
            "confusion": (
                "Boa pergunta.",
                "Vou ajudar a esclarecer isso.",
                "É uma pergunta muito pertinente.",
                "Vamos desvendar isso juntos.",
                "Faz sentido ter essa dúvida.",
            ),
            "default": (
                "Recebi a sua mensagem, obrigado.",
                "Obrigado pelos detalhes.",
                "Entendi, obrigado.",
                "Obrigado por perguntar sobre isso.",
                "Vamos ver isso.",
                "Fez bem em perguntar.",
                "Obrigado por trazer isso para mim.",
                "Claro, posso ajudar com dúvidas sobre isso.",
                "Obrigado pelas informações extras.",
                "Vamos esclarecer isso.",
                "Obrigado por voltar a falar comigo sobre isso.",
                "Bom saber, obrigado.",
                "Obrigado, isso ajuda.",
                "Obrigado por explicar.",
                "Entendido, obrigado.",
                "Obrigado pelo retorno.",
                "Agradeço por detalhar.",
                "Certo, vamos ver o que dá para fazer.",
                "Obrigado por me avisar.",
                "Anotado, obrigado.",
                "Certo, vamos por partes.",
                "Obrigado pela atualização.",
                "Com certeza.",
                "Obrigado por sinalizar isso.",
                "Certo, isso já ajuda.",
                "Combinado, obrigado.",
            ),
        },
        "progress": {
            "default": (
                "Certo, estamos avançando.",
                "Estamos chegando lá.",
                "Isso já faz as coisas andarem.",
                "Isso ajuda a restringir as possibilidades.",
                "Obrigado, é um passo à frente.",
                "Estamos no caminho certo.",
                "Com isso, o quadro fica mais claro.",
            ),
        },
        "inform": {
            "default": (
                "Posso ajudar você a entender em que pé isso está.",
                "Posso explicar como isso funciona.",
                "Vou precisar de alguns detalhes para entender isso direito.",
                "Para indicar o caminho certo, só preciso de um pouco mais de informação.",
                "Vamos reunir as informações de que você precisa.",
                "Costuma haver alguns motivos comuns por trás de dúvidas assim.",
                "Dúvidas como essa geralmente dependem de um ou dois detalhes.",
                "Com um pouco mais de contexto, a resposta fica bem mais clara.",
                "Posso explicar as etapas habituais nesses casos.",
                "Algumas informações específicas vão mostrar qual parte precisamos olhar.",
                "Os detalhes que você já compartilhou ajudam bastante.",
                "Vamos identificar exatamente a qual parte você se refere.",
                "Quando o básico fica claro, o resto costuma vir naturalmente.",
                "Geralmente existe uma explicação simples para isso.",
                "Um pouco de contexto vai me ajudar a dar a resposta certa.",
                "A resposta depende um pouco da sua situação, então um ou dois detalhes vão "
                "ajudar.",
                "Quero que você tenha a visão completa.",
                "Ajuda começar pelo básico e ir construindo a partir daí.",
                "Isso pode seguir por alguns caminhos, então vamos achar o que se aplica ao seu "
                "caso.",
                "Quero ter certeza de que a resposta se encaixa exatamente no seu caso.",
                "Um pouco mais de detalhe agora vai poupar tempo depois.",
                "Vamos olhar os detalhes para que nada passe batido.",
                "Com mais algumas informações, a resposta fica mais precisa.",
                "Vamos descobrir exatamente o que se aplica a você.",
                "Pergunta clara, resposta clara, então vamos definir bem a dúvida.",
                "Com um ou dois detalhes, isso deve se esclarecer rapidinho.",
                "Se preferir, posso explicar isso em etapas curtas.",
            ),
        },
        "ask": {
            "anger": (
                "O que você já tentou até agora?",
                "Quando você percebeu isso pela primeira vez?",
                "O que acontece quando você tenta de novo?",
                "O que está incomodando mais nisso agora?",
                "Isso está impedindo você de fazer alguma coisa importante agora?",
            ),
            "sadness": (
                "O que aconteceu, pelo que você conseguiu perceber?",
                "Desde quando isso vem acontecendo?",
                "O que você esperava que acontecesse?",
                "O que seria mais importante resolver primeiro para você?",
            ),
            "default": (
                "Você pode me contar um pouco mais sobre o que precisa?",
                "O que exatamente você gostaria de saber?",
                "Você tem algum número de pedido, protocolo ou outro detalhe relacionado para "
                "compartilhar?",
                "O que você gostaria de fazer em seguida?",
                "Por onde prefere que a gente comece?",
                "Quando foi a última vez que você verificou isso?",
                "O que você notou até agora?",
                "Isso é para você ou para outra pessoa?",
                "O que fez você perguntar sobre isso hoje?",
                "Tem alguma data específica ligada a isso?",
                "Qual era o resultado esperado, do seu ponto de vista?",
                "Alguma coisa está diferente do normal?",
                "Você pode descrever o que aparece na sua tela?",
                "Você já tentou alguma coisa?",
                "É a primeira vez que você pergunta sobre isso?",
                "Que tipo de resposta seria mais útil para você?",
                "Apareceu alguma mensagem de erro?",
                "Você está usando celular ou computador?",
                "Mais ou menos quando isso começou?",
                "Tem mais alguma coisa ligada a essa dúvida?",
                "Qual é a principal coisa que você quer descobrir?",
                "Você tem algum prazo para isso?",
                "Prefere uma explicação curta ou um passo a passo?",
                "Você pode me dizer o que já leu sobre isso até agora?",
                "Qual opção parece mais adequada para você até agora?",
                "Tem alguma possibilidade que você já descartou?",
                "Em qual aparelho ou navegador isso acontece?",
            ),
        },
    },
    # A crisis `concern` (hopelessness, a hedged statement): the person first, no product talk.
    # Safe-messaging rules: warm, no judgement, no promises, an open door to a person.
    "check_in": {
        "acknowledge": {
            "default": (
                "Sinto muito que você esteja se sentindo assim.",
                "Obrigado por me contar como você está se sentindo.",
                "Parece um peso muito grande para carregar.",
                "Sinto muito que as coisas estejam tão difíceis agora.",
                "Parece que você está passando por muita coisa neste momento.",
                "Você fez bem em falar sobre como está se sentindo.",
                "Isso parece muito cansativo, e sinto muito.",
                "Estou ouvindo você, e o que você sente importa.",
                "Parece que os últimos tempos têm sido bem pesados.",
                "Sinto muito que esteja sendo assim agora.",
                "Se sentir assim é difícil, e você não precisa fingir o contrário.",
                "Obrigado por confiar isso a mim.",
                "Parece muita coisa para enfrentar.",
                "Sinto muito que você esteja se sentindo tão para baixo.",
                "Faz sentido sentir esse cansaço todo.",
                "Percebo o quanto isso tem sido difícil para você.",
                "Sinto muito; isso parece muito doloroso.",
                "É preciso coragem para dizer como você se sente.",
                "Parece que você vem carregando muita coisa.",
                "Sinto muito que isso esteja pesando tanto.",
                "Agradeço de verdade a sua abertura para falar sobre isso.",
                "Isso parece muito solitário, e sinto muito.",
                "Tudo bem não estar bem.",
                "Sinto muito que você esteja passando por um momento tão difícil.",
                "O que você sente é legítimo, e agradeço por compartilhar.",
                "Sinto muito que o dia de hoje esteja sendo assim.",
                "Não é fácil falar sobre isso, e você falou.",
            ),
        },
        "support": {
            "default": (
                "Você não precisa passar por isso por conta própria.",
                "Se quiser falar com uma pessoa da nossa equipe, é só dizer que eu chamo.",
                "Existem pessoas que se importam com você e querem ajudar, inclusive a nossa "
                "equipe aqui.",
                "Conversar com alguém de confiança sobre o que você está sentindo pode ajudar.",
                "Podemos ir com calma, um passo pequeno de cada vez.",
                "Estou aqui para ouvir o que você precisar dizer.",
                "Não há pressa nenhuma; leve o tempo que precisar.",
                "Se em algum momento você se sentir em perigo, ligue imediatamente para o número "
                "de emergência local.",
                "Você importa, e o que você sente importa também.",
                "Buscar ajuda, como você acabou de fazer, é um passo importante.",
                "Uma pessoa da nossa equipe pode entrar nesta conversa quando você quiser.",
                "Você não está incomodando ninguém ao dizer tudo isso.",
                "Tudo bem pedir apoio quando as coisas ficam pesadas.",
                "Estou aqui, e estou ouvindo.",
                "Colocar isso em palavras pode ser um primeiro passo, e você já deu esse passo.",
                "Conversar com um amigo, alguém da família ou um profissional de saúde pode ajudar "
                "muito.",
                "Não precisamos resolver tudo agora.",
                "Como você está importa mais para mim do que qualquer questão da conta.",
                "Você merece apoio enquanto passa por isso.",
                "Se preferir falar com uma pessoa de verdade, posso passar esta conversa para ela "
                "agora mesmo.",
                "Nada do que você disse é demais para compartilhar aqui.",
                "Tudo bem deixar todo o resto de lado por um momento.",
                "Com apoio por perto, as pessoas conseguem atravessar momentos assim.",
                "Você pode falar só o que sentir vontade, no seu tempo.",
                "Neste momento, cuidar de você com gentileza já é mais do que suficiente.",
                "Você entrou em contato, e isso conta muito.",
                "Você não é um peso por sentir o que sente.",
            ),
        },
        "ask": {
            "default": (
                "Como você está agora?",
                "Quer me contar um pouco mais sobre o que tem acontecido?",
                "Tem alguém com você, ou alguém com quem você possa falar hoje?",
                "Ajudaria conversar com uma pessoa da nossa equipe?",
                "O que seria mais útil para você neste momento?",
                "Há quanto tempo você vem se sentindo assim?",
                "Você está em segurança agora?",
                "Aconteceu alguma coisa que deixou o dia de hoje especialmente difícil?",
                "Quer que eu chame alguém da nossa equipe?",
                "O que tem passado mais pela sua cabeça?",
                "Tem algo que eu possa fazer para deixar as coisas um pouco mais leves agora?",
                "Você tem alguém de confiança com quem possa conversar?",
                "Você tem conseguido descansar e se cuidar?",
                "Quer continuar conversando, ou prefere ir mais devagar?",
                "Tem mais alguma coisa que você queira compartilhar comigo?",
                "O que costuma ajudar, mesmo que um pouco, quando você se sente assim?",
                "Quer que eu fique aqui com você por um tempo?",
                "Como você está se sentindo enquanto conversamos?",
                "Tem algo específico pesando em você?",
                "Falar com uma pessoa seria melhor do que falar comigo?",
                "Tem alguma outra preocupação aumentando o estresse em que eu possa ajudar?",
                "O que você gostaria que acontecesse a partir de agora?",
                "Você conseguiu conversar com alguém sobre isso?",
                "Agora é um bom momento para conversar, ou prefere mais tarde?",
                "Como posso apoiar você melhor neste momento?",
                "Ajudaria falar sobre o que tem acontecido?",
                "Você está em um lugar seguro neste momento?",
            ),
        },
    },
}

# When a long conversation has used every line of a slot, replies are composed from these two
# halves instead, so a sentence is still never sent twice (len(BRIDGE_A) * len(BRIDGE_B) more).
# Each A half ends without punctuation and reads naturally before any B half (a lowercase question).
BRIDGE_A = (
    "Obrigado pela paciência",
    "Agradeço a sua paciência",
    "Obrigado pelos detalhes extras",
    "Continuo aqui com você",
    "Obrigado por seguir comigo nisso",
    "Agradeço a explicação",
    "Obrigado por me explicar tudo com calma",
    "Estou acompanhando",
)
BRIDGE_B = (
    "o que mais eu deveria saber?",
    "tem algo que você queira acrescentar?",
    "o que ajudaria mais agora?",
    "o que mais está na sua cabeça agora?",
    "tem algum detalhe que eu possa ter deixado passar?",
    "o que você gostaria de resolver em seguida?",
    "como estão as coisas do seu lado?",
    "o que vamos olhar agora?",
)
