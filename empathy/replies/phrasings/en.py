"""English phrasings of the offline responder: curated, reviewed, versioned as a whole.

Rules every line follows (checked by tests): no promise of money, refunds or credits, no claim
that the bot changed an account, no URL; ``{topic}`` only after a preposition or verb, so any
topic ("your order", "signing in") reads naturally; each line is one sentence, except the
numbered-steps blocks, which are sent as one unit.
"""

from __future__ import annotations

VERSION = "en-2025.06.1"

# The crisis path: fixed, reviewed text. Never generated, never varied by topic.
SAFETY_FIRST = (
    "I'm really sorry you're going through this, and I'm glad you told me.",
    "You don't have to face this alone: I'm bringing in a person from our team right now.",
    "If you are in immediate danger, please call your local emergency number or a crisis line "
    "in your area.",
)

# Slots are composed in this order; a slot listed in OPTIONAL is used only when it applies.
SLOTS: dict[str, tuple[str, ...]] = {
    "validate_then_solve": ("acknowledge", "validate", "progress", "next"),
    "own_and_expedite": ("own", "progress", "expedite", "ask"),
    "reassure_and_clarify": ("reassure", "steps", "check"),
    "celebrate": ("celebrate", "share", "offer"),
    "inform": ("acknowledge", "progress", "inform", "ask"),
}

# Emotion groups: "default" lines suit every feeling and are used alongside the group's own.
LIBRARY: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "validate_then_solve": {
        "acknowledge": {
            "anger": (
                "I can hear how frustrating this has been.",
                "I understand why you're upset about {topic}.",
                "You have every reason to be annoyed about {topic}.",
                "I get why this has made you angry, and I'm sorry.",
                "That sounds infuriating, and I'm sorry it happened.",
                "I'm sorry, this is clearly not the experience you should have had.",
            ),
            "sadness": (
                "I'm sorry, that sounds really disappointing.",
                "I'm sorry things with {topic} haven't gone the way you hoped.",
                "That's a real letdown, and I'm sorry it happened.",
                "I can tell this has been disheartening.",
                "I'm sorry to hear about {topic}; that's not how it should have gone.",
            ),
            "fear": (
                "I can tell this is worrying you, and that makes sense.",
                "It's understandable to feel uneasy about {topic}.",
                "That sounds stressful, and I'm sorry you're dealing with it.",
            ),
            "default": (
                "I'm sorry you're going through this.",
                "Thank you for telling me how this has been for you.",
                "I'm sorry about the trouble with {topic}.",
                "That sounds really hard, and I'm sorry.",
                "I'm sorry you've had to deal with this.",
            ),
        },
        "validate": {
            "default": (
                "Anyone would feel the same way in your position.",
                "Your time matters, and this shouldn't have been so hard.",
                "It's completely fair to expect this to just work.",
                "You shouldn't have had to deal with this.",
                "Nothing about how you feel here is unreasonable.",
                "It makes sense that this has worn your patience thin.",
                "Feeling this way about {topic} is completely understandable.",
            ),
        },
        "progress": {
            "default": (
                "I'm glad we're getting somewhere.",
                "Thank you for staying with me on this.",
            ),
        },
        "next": {
            "default": (
                "Let's take this one step at a time, together.",
                "I'm here, and we'll work through {topic} together.",
                "When you're ready, tell me what happened most recently and we'll go from there.",
                "Could you tell me, in your own words, what you need most right now?",
                "What would help you most at this moment?",
                "Whenever you're ready, I'd like to hear what happened with {topic}.",
                "Take your time, and tell me where things stand with {topic}.",
            ),
        },
    },
    "own_and_expedite": {
        "own": {
            "default": (
                "I'm sorry you've had to raise this more than once.",
                "You shouldn't have to keep asking about {topic}, and I'm sorry you've had to.",
                "I'm sorry this still isn't sorted out.",
                "That's on us, and I'm sorry you've had to repeat yourself.",
                "I understand this has gone on far too long.",
                "I'm sorry the trouble with {topic} is still going on.",
                "I hear you, and I'm sorry it has taken this many messages.",
            ),
        },
        "progress": {
            "default": (
                "Thank you for your patience while we get this moving.",
                "I appreciate you sticking with this.",
            ),
        },
        "expedite": {
            "default": (
                "Let's focus on the quickest way to move this forward.",
                "Everything you've told me stays in this conversation, so you won't need to "
                "start over.",
                "A person from our team can take {topic} further, and they'll see everything "
                "you've written here.",
                "The fastest path is to get the key details in one place, so let's do that now.",
                "I want to get {topic} in front of someone who can act on it.",
                "Let's skip the usual back-and-forth and get to what matters.",
            ),
        },
        "ask": {
            "default": (
                "What's the one thing that would make this right for you?",
                "Could you share the latest reference or message you received about {topic}?",
                "What's the latest you've heard about {topic}?",
                "If there's an order or ticket number, sharing it here will save time.",
                "What has already been tried, so we don't repeat it?",
                "When did this first start, as best you remember?",
            ),
        },
    },
    "reassure_and_clarify": {
        "reassure": {
            "fear": (
                "You're in the right place, and we'll go through this step by step.",
                "It's okay to feel unsure about {topic}; we'll take it slowly.",
                "It's completely fine to ask, and you haven't done anything wrong.",
                "Take a breath; we'll look at {topic} together.",
            ),
            "confusion": (
                "That's a fair question, and it can be confusing.",
                "Let's make {topic} clearer together.",
                "You're not the only one who finds this confusing.",
                "Good question; this part trips a lot of people up.",
            ),
            "default": (
                "Let's go through this step by step.",
                "No problem, let's sort out {topic} one step at a time.",
                "We can work through {topic} calmly, one piece at a time.",
            ),
        },
        "steps": {
            "default": (
                "Here's a simple way to start:\n"
                "1. Tell me what you were trying to do.\n"
                "2. Tell me what you saw instead, such as an error message.\n"
                "3. We'll work out the next step from there.",
                "Here's how we can go about it:\n"
                "1. Tell me which step you've reached with {topic}.\n"
                "2. Tell me what happens when you try it.\n"
                "3. We'll decide the next step together.",
                "Three quick things will help:\n"
                "1. What you expected to happen.\n"
                "2. What actually happened.\n"
                "3. When it started.",
                "Let's keep it simple:\n"
                "1. Describe what you see on your screen.\n"
                "2. Tell me what you've already tried.\n"
                "3. I'll suggest what to try next.",
                "To get you unstuck with {topic}:\n"
                "1. Tell me the last thing that worked.\n"
                "2. Tell me where it stopped working.\n"
                "3. We'll pick it up from exactly that point.",
            ),
        },
        "check": {
            "default": (
                "Does that make sense so far?",
                "Is that clear, or should I explain any part differently?",
                "Let me know if any of that is unclear.",
                "Does that sound okay to you?",
                "Would it help if I went through it more slowly?",
            ),
        },
    },
    "celebrate": {
        "celebrate": {
            "gratitude": (
                "You're very welcome, and thank you for the kind words!",
                "Thank you, that's really nice to hear.",
                "I'm glad I could help with {topic}.",
                "It was a pleasure to help.",
            ),
            "joy": (
                "That's wonderful news!",
                "I'm so glad to hear about {topic}!",
                "Fantastic, I'm really happy for you!",
                "That made my day, thank you for sharing it!",
            ),
            "default": (
                "That's great to hear!",
                "I'm glad things are looking up.",
                "Great to hear things went well with {topic}.",
            ),
        },
        "share": {
            "default": (
                "Thanks for letting us know.",
                "It's always good to hear when things go well.",
                "Moments like this make our day too.",
                "Glad it all came together.",
            ),
        },
        "offer": {
            "default": (
                "Is there anything else I can help you with?",
                "If anything else comes up, I'm right here.",
                "Let me know if there's anything more I can do.",
                "Anything else on your mind today?",
            ),
        },
    },
    "inform": {
        "acknowledge": {
            "neutral": (
                "Thanks for reaching out about {topic}.",
                "Thanks for your message.",
                "Happy to help with {topic}.",
                "Sure, let's look at {topic}.",
                "Thanks for getting in touch.",
            ),
            "anger": (
                "Sorry about the trouble with {topic}.",
                "Sorry for the hassle.",
                "I'm sorry that's not working as expected.",
            ),
            "sadness": (
                "Sorry to hear that things with {topic} didn't go as planned.",
                "That's disappointing, I'm sorry.",
            ),
            "confusion": (
                "Good question.",
                "Happy to clear up {topic}.",
            ),
            "default": (
                "Thanks for your message about {topic}.",
                "Thanks for the details.",
                "Got it, thanks.",
            ),
        },
        "progress": {
            "default": ("Good, we're making progress.",),
        },
        "inform": {
            "default": (
                "I can help you understand where things stand with {topic}.",
                "I can walk you through how {topic} works.",
                "I'll need a couple of details to look into this properly.",
                "To point you in the right direction, I just need a bit more detail.",
                "Let's get you the information you need.",
            ),
        },
        "ask": {
            "anger": (
                "What have you tried so far?",
                "When did you first notice this?",
                "What happens when you try again?",
            ),
            "sadness": (
                "What happened, as far as you can tell?",
                "When did you first notice this?",
            ),
            "default": (
                "Could you tell me a little more about what you need?",
                "What exactly would you like to know about {topic}?",
                "Could you share any reference number or details related to {topic}?",
                "What would you like to do next?",
            ),
        },
    },
}

# When a long conversation has used every line of a slot, replies are composed from these two
# halves instead, so a sentence is still never sent twice (len(BRIDGE_A) * len(BRIDGE_B) more).
BRIDGE_A = (
    "Thanks for bearing with me",
    "I appreciate your patience",
    "Thank you for the extra detail",
    "I'm still here with you",
    "Thanks for sticking with this",
    "I appreciate you explaining",
    "Thank you for walking me through it",
    "I'm following along",
)
BRIDGE_B = (
    "what else should I know?",
    "is there anything you'd like to add?",
    "what would help most now?",
    "what's the next thing on your mind?",
    "is there a detail I might have missed?",
    "what would you like to tackle next?",
    "how are things looking on your side?",
    "what should we look at now?",
)
