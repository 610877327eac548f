"""Offline answers from the help center: the matched passage, framed by the strategy's opening
line, or a plain "I don't know" with a person offered, never a guess or an empty question."""

from __future__ import annotations

from empathy.types import KnowledgePassage, ReplyRequest

# Per language (the offline libraries' six); anything else answers in English.
_LEAD = {
    "en": "Here is what our help center says:",
    "es": "Esto es lo que dice nuestro centro de ayuda:",
    "fr": "Voici ce qu'indique notre centre d'aide :",
    "de": "Das steht dazu in unserem Hilfe-Center:",
    "pt": "Eis o que diz a nossa central de ajuda:",
    "it": "Ecco cosa dice il nostro centro assistenza:",
}
_ARTICLE = {
    "en": "Full article: {url}",
    "es": "Artículo completo: {url}",
    "fr": "Article complet : {url}",
    "de": "Ganzer Artikel: {url}",
    "pt": "Artigo completo: {url}",
    "it": "Articolo completo: {url}",
}
_UNKNOWN = {
    "en": "I don't have an answer to that in our help center, and I'd rather not guess.",
    "es": "No tengo una respuesta a eso en nuestro centro de ayuda y prefiero no adivinar.",
    "fr": "Je n'ai pas de réponse à cela dans notre centre d'aide et je préfère ne pas deviner.",
    "de": "Dazu habe ich in unserem Hilfe-Center keine Antwort, und raten möchte ich nicht.",
    "pt": "Não tenho resposta para isso na nossa central de ajuda e prefiro não adivinhar.",
    "it": "Non ho una risposta nel nostro centro assistenza e preferisco non tirare a indovinare.",
}
_OFFER = {
    "en": "I can connect you with a person from our team who can help with it.",
    "es": "Puedo ponerte en contacto con una persona de nuestro equipo que pueda ayudarte.",
    "fr": "Je peux vous mettre en relation avec une personne de notre équipe qui pourra aider.",
    "de": "Ich kann Sie mit einer Person aus unserem Team verbinden, die Ihnen helfen kann.",
    "pt": "Posso pôr você em contato com uma pessoa da nossa equipe que pode ajudar.",
    "it": "Posso metterti in contatto con una persona del nostro team che può aiutarti.",
}
_MAYBE = {
    "en": "This article may be related: {title} ({url})",
    "es": "Este artículo puede estar relacionado: {title} ({url})",
    "fr": "Cet article pourrait être lié : {title} ({url})",
    "de": "Dieser Artikel könnte passen: {title} ({url})",
    "pt": "Este artigo pode estar relacionado: {title} ({url})",
    "it": "Questo articolo potrebbe essere utile: {title} ({url})",
}


def _language(locale: str) -> str:
    code = locale.split("-", 1)[0].lower()
    return code if code in _LEAD else "en"


def confident_passage(request: ReplyRequest) -> KnowledgePassage | None:
    return next((p for p in request.knowledge if p.confident), None)


def asks_something(request: ReplyRequest) -> bool:
    """A question or a request: the kind of message a help center should answer."""
    reading_asks = request.reading is not None and request.reading.request
    return reading_asks or "?" in request.text


def answer_sentences(passage: KnowledgePassage, locale: str) -> list[str]:
    """The passage as the answer: a lead-in, the passage itself, the article link."""
    language = _language(locale)
    sentences = [_LEAD[language], passage.text.strip()]
    if passage.url:
        sentences.append(_ARTICLE[language].format(url=passage.url))
    return sentences


def unknown_sentences(request: ReplyRequest) -> list[str]:
    """Said plainly: not in the help center, no guess, a person offered (and a related article
    when one came close)."""
    language = _language(request.locale)
    sentences = [_UNKNOWN[language], _OFFER[language]]
    near = next((p for p in request.knowledge if not p.confident and p.url), None)
    if near is not None:
        sentences.append(_MAYBE[language].format(title=near.title, url=near.url))
    return sentences
