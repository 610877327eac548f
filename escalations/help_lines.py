"""The help notice a person in crisis or in danger receives: their country's lines, their language.

The lines come from settings.CRISIS_RESOURCES (by default config/help_resources.json, checked
against stored copies of the services' own pages; operators replace it with
CRISIS_RESOURCES_FILE). The wording around them is curated here, never written by an LLM.
Which lines: "self" (suicide and crisis lines), "others" (domestic-abuse lines), "child"
(child-protection lines); the emergency number always comes first.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

LANGUAGES = ("en", "es", "fr", "de", "pt", "it")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "intro_self": (
            "It sounds like you are going through something really painful, and I want to make "
            "sure you are safe. You can reach people who can help right now:"
        ),
        "intro_others": (
            "What you describe sounds frightening, and your safety matters most. You can reach "
            "people who can help right now:"
        ),
        "emergency": "If you are in immediate danger, call {number}.",
        "emergency_unknown": (
            "If you are in immediate danger, call your local emergency number "
            "(112 in Europe, 911 in North America)."
        ),
        "call": "{name}: call {phone}",
        "chat": "online: {chat}",
        "hours": "({hours})",
        "outro": "A member of our team is joining this conversation now. You are not alone.",
        "outro_offline": (
            "Nobody from our team is online right now, so please use the lines above; we will "
            "answer here as soon as someone is back. You are not alone."
        ),
    },
    "es": {
        "intro_self": (
            "Parece que estás pasando por algo muy doloroso y quiero asegurarme de que estés a "
            "salvo. Puedes hablar ahora mismo con personas que pueden ayudarte:"
        ),
        "intro_others": (
            "Lo que cuentas suena muy angustiante y tu seguridad es lo más importante. Puedes "
            "hablar ahora mismo con personas que pueden ayudarte:"
        ),
        "emergency": "Si estás en peligro inmediato, llama al {number}.",
        "emergency_unknown": (
            "Si estás en peligro inmediato, llama al número de emergencias de tu país "
            "(112 en Europa, 911 en América del Norte)."
        ),
        "call": "{name}: llama al {phone}",
        "chat": "en línea: {chat}",
        "hours": "({hours})",
        "outro": "Una persona de nuestro equipo se une ahora a esta conversación. No estás solo.",
        "outro_offline": (
            "Ahora mismo no hay nadie de nuestro equipo conectado, así que usa los contactos de "
            "arriba; responderemos aquí en cuanto vuelva alguien. No estás solo."
        ),
    },
    "fr": {
        "intro_self": (
            "On dirait que vous traversez quelque chose de très douloureux, et je veux m'assurer "
            "que vous êtes en sécurité. Vous pouvez joindre dès maintenant des personnes qui "
            "peuvent vous aider :"
        ),
        "intro_others": (
            "Ce que vous décrivez est inquiétant, et votre sécurité passe avant tout. Vous pouvez "
            "joindre dès maintenant des personnes qui peuvent vous aider :"
        ),
        "emergency": "En cas de danger immédiat, appelez le {number}.",
        "emergency_unknown": (
            "En cas de danger immédiat, appelez le numéro d'urgence local "
            "(112 en Europe, 911 en Amérique du Nord)."
        ),
        "call": "{name} : appelez le {phone}",
        "chat": "en ligne : {chat}",
        "hours": "({hours})",
        "outro": (
            "Une personne de notre équipe rejoint cette conversation. Vous n'êtes pas seul·e."
        ),
        "outro_offline": (
            "Personne de notre équipe n'est en ligne pour le moment : utilisez les numéros ci-"
            "dessus ; nous répondrons ici dès que quelqu'un sera de retour. Vous n'êtes pas "
            "seul·e."
        ),
    },
    "de": {
        "intro_self": (
            "Es klingt, als würdest du gerade etwas sehr Schmerzhaftes durchmachen, und mir ist "
            "wichtig, dass du in Sicherheit bist. Hier erreichst du sofort Menschen, die helfen "
            "können:"
        ),
        "intro_others": (
            "Was du beschreibst, klingt beängstigend, und deine Sicherheit geht vor. Hier "
            "erreichst du sofort Menschen, die helfen können:"
        ),
        "emergency": "Wenn du in unmittelbarer Gefahr bist, ruf die {number} an.",
        "emergency_unknown": (
            "Wenn du in unmittelbarer Gefahr bist, ruf den örtlichen Notruf an "
            "(112 in Europa, 911 in Nordamerika)."
        ),
        "call": "{name}: Telefon {phone}",
        "chat": "online: {chat}",
        "hours": "({hours})",
        "outro": "Jemand aus unserem Team kommt jetzt in dieses Gespräch. Du bist nicht allein.",
        "outro_offline": (
            "Gerade ist niemand aus unserem Team online, bitte nutze die Nummern oben; wir "
            "antworten hier, sobald jemand zurück ist. Du bist nicht allein."
        ),
    },
    "pt": {
        "intro_self": (
            "Parece que você está passando por algo muito doloroso, e eu quero ter certeza de "
            "que você está em segurança. Você pode falar agora com pessoas que podem ajudar:"
        ),
        "intro_others": (
            "O que você descreve é assustador, e a sua segurança vem em primeiro lugar. Você "
            "pode falar agora com pessoas que podem ajudar:"
        ),
        "emergency": "Se você estiver em perigo imediato, ligue para o {number}.",
        "emergency_unknown": (
            "Se você estiver em perigo imediato, ligue para o número de emergência local "
            "(112 na Europa, 911 na América do Norte)."
        ),
        "call": "{name}: ligue {phone}",
        "chat": "online: {chat}",
        "hours": "({hours})",
        "outro": (
            "Uma pessoa da nossa equipe está entrando nesta conversa agora. Você não está sozinho."
        ),
        "outro_offline": (
            "Neste momento não há ninguém da nossa equipe online, por isso use os contatos acima;"
            " responderemos aqui assim que alguém voltar. Você não está sozinho."
        ),
    },
    "it": {
        "intro_self": (
            "Sembra che tu stia attraversando qualcosa di molto doloroso, e voglio essere sicuro "
            "che tu sia al sicuro. Puoi parlare subito con persone che possono aiutarti:"
        ),
        "intro_others": (
            "Quello che descrivi fa paura, e la tua sicurezza viene prima di tutto. Puoi parlare "
            "subito con persone che possono aiutarti:"
        ),
        "emergency": "Se sei in pericolo immediato, chiama il {number}.",
        "emergency_unknown": (
            "Se sei in pericolo immediato, chiama il numero di emergenza locale "
            "(112 in Europa, 911 in Nord America)."
        ),
        "call": "{name}: chiama il {phone}",
        "chat": "online: {chat}",
        "hours": "({hours})",
        "outro": "Una persona del nostro team si unisce ora a questa conversazione. Non sei solo.",
        "outro_offline": (
            "Al momento nessuno del nostro team è online, quindi usa i numeri qui sopra; "
            "risponderemo qui appena qualcuno torna. Non sei solo."
        ),
    },
}
_KINDS = {"self": "crisis", "others": "abuse", "child": "child"}


def locale_country(locale: str) -> str:
    """ "es-MX" -> "MX"; "" when the locale names no country."""
    for part in locale.replace("_", "-").split("-")[1:]:
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return ""


def notice_language(*, message_language: str, locale: str) -> str:
    """The message's own language when we have curated text for it, else the locale's."""
    if message_language in LANGUAGES:
        return message_language
    base = locale.replace("_", "-").split("-")[0].lower()
    return base if base in LANGUAGES else "en"


def _service_line(entry: Mapping[str, Any], text: Mapping[str, str]) -> str:
    parts = []
    if entry.get("phone"):
        parts.append(text["call"].format(name=entry["name"], phone=entry["phone"]))
    else:
        parts.append(str(entry["name"]))
    if entry.get("sms"):
        parts.append(str(entry["sms"]))
    if entry.get("chat"):
        parts.append(text["chat"].format(chat=entry["chat"]))
    line = ", ".join(parts)
    if entry.get("hours"):
        line += " " + text["hours"].format(hours=entry["hours"])
    return line


def help_notice_text(
    *,
    resources: Mapping[str, Any],
    locale: str,
    language: str,
    topics: Iterable[str] = ("self",),
    offline: bool = False,
) -> str:
    """The notice: intro, emergency number, the lines for who is in danger, the outro; with
    nobody online the outro never promises that a person is joining now."""
    text = _TEXT.get(language, _TEXT["en"])
    topics = [t for t in topics if t in _KINDS] or ["self"]
    country = locale_country(locale)
    entry = resources.get("countries", {}).get(country)
    lines = [text["intro_others" if "self" not in topics else "intro_self"]]
    if entry and entry.get("emergency"):
        lines.append(text["emergency"].format(number=entry["emergency"]))
    else:
        lines.append(text["emergency_unknown"])
    services: list[Mapping[str, Any]] = []
    for topic in topics:
        services += list((entry or {}).get(_KINDS[topic]) or [])
    if not services:
        # No national line of this kind (or an unknown country): the international directory.
        services = list(resources.get("default", {}).get("crisis") or [])
    seen: set[tuple[str, str]] = set()
    for service in services:
        key = (str(service.get("name")), str(service.get("phone")))
        if key not in seen:
            seen.add(key)
            lines.append(_service_line(service, text))
    lines.append(text["outro_offline" if offline else "outro"])
    return "\n".join(lines)
