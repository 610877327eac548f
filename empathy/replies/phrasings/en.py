"""English phrasings of the offline responder: curated, reviewed, versioned as a whole.

Rules every line follows (checked by tests): no promise of money, refunds or credits, no claim
that the bot changed an account, no URL; ``{topic}`` only after a preposition or verb, so any
topic ("your order", "signing in") reads naturally; each line is one sentence, except the
numbered-steps blocks, which are sent as one unit.
"""

from __future__ import annotations

VERSION = "en-2026.11.1"

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
    "check_in": ("acknowledge", "support", "ask"),
}

# Emotion groups: "default" lines suit every feeling and are used alongside the group's own.
# Each mandatory slot holds enough lines (25+ with the defaults, about a third naming {topic})
# for a long conversation of one strategy to stay fresh and specific without ever repeating.
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
                "I can tell how fed up you are, and I don't blame you.",
                "It's maddening when {topic} doesn't behave the way it should.",
                "I'd be frustrated too if this happened to me.",
                "I hear how angry this has made you.",
            ),
            "sadness": (
                "I'm sorry, that sounds really disappointing.",
                "I'm sorry things with {topic} haven't gone the way you hoped.",
                "That's a real letdown, and I'm sorry it happened.",
                "I can tell this has been disheartening.",
                "I'm sorry to hear about {topic}; that's not how it should have gone.",
                "I'm sorry you were let down by {topic}.",
                "That must have been a sinking feeling, and I'm sorry.",
                "I can hear how much this has gotten you down.",
            ),
            "fear": (
                "I can tell this is worrying you, and that makes sense.",
                "It's understandable to feel uneasy about {topic}.",
                "That sounds stressful, and I'm sorry you're dealing with it.",
                "Not knowing what's happening with {topic} is unsettling, I know.",
                "I can hear how anxious this has made you.",
                "It's natural to be on edge when something like this happens.",
            ),
            "default": (
                "I'm sorry you're going through this.",
                "Thank you for telling me how this has been for you.",
                "I'm sorry about the trouble with {topic}.",
                "That sounds really hard, and I'm sorry.",
                "I'm sorry you've had to deal with this.",
                "I'm really sorry about how things have gone with {topic}.",
                "Thank you for being so clear about what went wrong with {topic}.",
                "I'm sorry {topic} has caused you so much grief.",
                "I can see why {topic} has been weighing on you.",
                "That's a lot to deal with, and I'm sorry.",
                "I'm sorry this has taken up so much of your day.",
                "I hear you, and I'm sorry it's come to this.",
                "I'm sorry, nobody should have to go through that.",
                "Thank you for bearing with a situation that shouldn't have happened.",
                "I'm sorry this has been such a hassle.",
                "I appreciate you telling me straight how this feels.",
                "I'm sorry this has been so draining.",
                "I'm sorry things have been this difficult.",
                "That's not okay, and I'm sorry it happened to you.",
                "I can hear how much this matters to you.",
                "I'm sorry this has been so stressful.",
                "I'm glad you reached out about {topic}.",
                "Thank you for raising {topic} with me.",
                "I'm sorry {topic} has been such a headache.",
                "I understand this has been a rough experience.",
                "I'm sorry this has knocked your day off course.",
                "I'm sorry you were left dealing with {topic} on your own.",
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
                "Feeling the way you do about {topic} is completely understandable.",
                "You had every right to expect better from {topic}.",
                "Most people would be upset if {topic} went wrong like that.",
                "It's reasonable to want {topic} sorted without a fight.",
                "Your reaction to {topic} makes complete sense.",
                "Expecting {topic} to work the first time isn't asking too much.",
                "Anyone relying on {topic} would feel let down right now.",
                "Being upset about {topic} is a fair response to what happened.",
                "You've been more patient than most people would be.",
                "It's fair to feel this has taken far too much effort.",
                "Wanting a straight answer is completely reasonable.",
                "You're right to speak up about this.",
                "It's okay to be upset; this matters.",
                "You deserved a smoother experience than this.",
                "This isn't the kind of experience anyone should have to put up with.",
                "It's natural to lose patience after something like this.",
                "You're not overreacting; this would bother anyone.",
                "Your frustration is valid, and it's heard.",
                "It makes sense to feel let down when something you count on goes wrong.",
                "Nobody likes feeling stuck, and it's fair to say so.",
                "You shouldn't have to chase anyone to get things working.",
                "It's completely fair to want this handled with care.",
            ),
        },
        "progress": {
            "default": (
                "I'm glad we're getting somewhere.",
                "Thank you for staying with me on this.",
                "It sounds like things are starting to ease a little, and I'm glad.",
                "I'm relieved to hear this is moving in the right direction.",
                "Thank you for your patience so far; it's paying off.",
                "It's good to feel things turning a corner.",
                "I'm glad this feels a bit better now.",
                "We're on a better track, and that's thanks to your help.",
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
                "There's no rush; tell me what's been hardest about {topic}.",
                "I'd like to understand what {topic} has put you through, whenever you're ready.",
                "What part of {topic} is bothering you most right now?",
                "Tell me what outcome you're hoping for with {topic}.",
                "What's the most important thing for you to get out of this?",
                "I'm listening, so share whatever feels most important.",
                "We can go at whatever pace suits you.",
                "Tell me what you'd like to happen next, and we'll start there.",
                "If it helps, start with the part that's bothering you most.",
                "I'm right here whenever you want to carry on.",
                "What would make today feel a little easier?",
                "Is there anything on your mind that we haven't talked about yet?",
                "Let's start with whatever feels most urgent to you.",
                "You can share as much or as little as you like.",
                "I'd like to hear how this has affected you.",
                "What has been the hardest part of all this?",
                "Tell me what a good result would look like for you.",
                "How are you feeling about things right now?",
                "What do you need from me right now?",
                "Share what you can, and I'll keep up.",
                "Tell me, in whatever order feels right, how {topic} unfolded.",
                "Let's start with how {topic} is affecting you today.",
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
                "Having to come back about {topic} again isn't good enough, and I'm sorry.",
                "I'm sorry {topic} has dragged on for so long.",
                "I know you've already explained {topic}, and I'm sorry you've had to again.",
                "It's clear {topic} has taken far more of your time than it should.",
                "I'm sorry that {topic} keeps coming back to you as a problem.",
                "Nobody should have to follow up this many times.",
                "I'm sorry this has turned into such a long road.",
                "I can see this has been going in circles, and that's not fair to you.",
                "I'm sorry we haven't got this right yet.",
                "You've been patient far longer than you should have had to be.",
                "I'm sorry this has cost you so much time.",
                "I understand how tiring it is to keep chasing this.",
                "Thank you for not giving up on this, and I'm sorry it has come to that.",
                "This should have been settled long before now.",
                "I'm sorry to hear this is still unresolved.",
                "I hear how worn out you are by this, and I'm sorry.",
                "I understand your patience is running out, and that's fair.",
                "I'm sorry you've been left waiting on {topic}.",
                "Coming back to {topic} again is frustrating, and I'm sorry.",
                "I'm sorry the answers about {topic} haven't added up so far.",
            ),
        },
        "progress": {
            "default": (
                "Thank you for your patience while we get this moving.",
                "I appreciate you sticking with this.",
                "It's good to see this finally moving.",
                "Thanks for hanging in there; we're getting closer.",
                "I'm glad this is picking up pace.",
                "Your persistence is helping move this along.",
                "We're in a better place than we were a few messages ago.",
                "Thanks for keeping at it with me.",
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
                "Let's pull together what's needed for {topic} right here, in one go.",
                "You won't have to explain {topic} from the beginning again.",
                "The full history of {topic} is kept right here for whoever picks it up.",
                "Let's keep {topic} moving rather than starting from scratch.",
                "The sooner the details of {topic} are in one place, the sooner someone can act.",
                "Let's use this conversation to get everything about {topic} in one place.",
                "Let's get straight to the point so nothing holds this up.",
                "Rather than asking you to repeat anything, let's build on what you've said.",
                "Let's make the most of this conversation so it counts.",
                "One clear summary here will save you another round of questions.",
                "Let's be direct and focus on what will actually move this.",
                "Your earlier messages are all here, so nothing gets lost.",
                "Let's work out exactly what's missing and fill that gap.",
                "Whoever takes this next will have the whole story in front of them.",
                "Let's aim for fewer messages and more progress.",
                "Let's get the essentials down so this can be picked up straight away.",
                "I'll keep my questions short so we don't lose any more time.",
                "We can keep this focused on the one thing that's still unresolved.",
                "Let's make sure this conversation has everything needed to act on.",
                "A clear picture now means nobody has to ask you again.",
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
                "Which part of {topic} is still unresolved?",
                "Who did you last speak to about {topic}, if you remember?",
                "What were you told would happen with {topic}?",
                "Has anything changed with {topic} since you last got in touch?",
                "Is there an error message or notice about {topic} you can share?",
                "Roughly how many times have you contacted us about {topic}?",
                "What do you need to happen first for this to feel on track?",
                "Could you sum up in a sentence where things stand now?",
                "Is there a deadline we should keep in mind?",
                "What's the best outcome you're hoping for?",
                "Which reply from us so far was the least helpful, so we avoid repeating it?",
                "Is there anything you were promised earlier that hasn't happened?",
                "What's the most recent date you heard anything back?",
                "Are there any screenshots or emails that would help show what happened?",
                "Is there anything about this that's getting more urgent?",
                "What would a good next step look like from your side?",
                "Is there something specific you'd like a person from our team to look at?",
                "Which detail do you think has been overlooked so far?",
                "What has been the most frustrating part of going back and forth?",
                "Is anything else affected by this that we should know about?",
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
                "There's no need to worry about getting {topic} wrong here.",
                "You're not in trouble, and nothing here is beyond fixing.",
            ),
            "confusion": (
                "That's a fair question, and it can be confusing.",
                "Let's make {topic} clearer together.",
                "You're not the only one who finds this confusing.",
                "Good question; this part trips a lot of people up.",
                "It's easy to get turned around with {topic}.",
                "That part isn't obvious, so it's good that you asked.",
            ),
            "default": (
                "Let's go through this step by step.",
                "No problem, let's sort {topic} out one step at a time.",
                "We can work through {topic} calmly, one piece at a time.",
                "Lots of people have questions about {topic}, so you're in good company.",
                "We'll untangle {topic} together.",
                "There's no such thing as a silly question about {topic}.",
                "Let's slow down and look at {topic} piece by piece.",
                "It's fine to feel unsure about {topic}; that's what I'm here for.",
                "We'll get {topic} straight, without any rush.",
                "You don't need any technical know-how to sort {topic} out.",
                "Let's make sense of {topic} together.",
                "We can take {topic} at your pace.",
                "You're doing the right thing by asking.",
                "It's okay not to have all the answers yet.",
                "There's plenty of time, so let's go gently.",
                "We'll figure this out together.",
                "You're asking exactly the right questions.",
                "Nothing you've described sounds unusual, so try not to worry.",
                "This is more common than it might feel right now.",
                "Let's keep things simple.",
                "I'm here to help you make sense of it.",
                "You don't have to work this out on your own.",
                "We can go over anything as many times as you need.",
                "Let's clear this up bit by bit.",
                "It's completely normal to need a hand with this.",
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
                "A gentle way to begin with {topic}:\n"
                "1. Tell me what you'd like to end up with.\n"
                "2. Tell me where you are right now.\n"
                "3. We'll fill in the gap together.",
                "Let's narrow it down:\n"
                "1. Is this happening on a phone or a computer?\n"
                "2. Did it work before?\n"
                "3. What changed since then, if anything?",
                "Two small steps for {topic}:\n"
                "1. Tell me the exact words of any message you see.\n"
                "2. Tell me what you clicked or tapped just before it.",
                "Here's a short checklist:\n"
                "1. Note what you were doing when it happened.\n"
                "2. Note anything that looked different from usual.\n"
                "3. Share both here and we'll go from there.",
                "So we're on the same page about {topic}:\n"
                "1. Tell me what you understand so far.\n"
                "2. Tell me which part doesn't add up.\n"
                "3. I'll explain that part in plain words.",
                "One thing at a time:\n"
                "1. Tell me the very first step you took.\n"
                "2. Tell me what happened straight after it.",
                "To make {topic} easier to follow:\n"
                "1. Tell me the part that makes sense.\n"
                "2. Tell me the part that doesn't.\n"
                "3. We'll tackle the second part together.",
                "Let's try this order:\n"
                "1. Close what you're doing and take a moment.\n"
                "2. Tell me what you were hoping to get done.\n"
                "3. I'll walk you through it slowly.",
                "A quick way to get our bearings on {topic}:\n"
                "1. Tell me roughly when you first noticed it.\n"
                "2. Tell me whether it happens every time or only sometimes.",
                "Here's what would help most:\n"
                "1. A short description of the problem in your own words.\n"
                "2. Anything you've already tried, even if it didn't work.",
                "Let's break {topic} into small pieces:\n"
                "1. Tell me where you started.\n"
                "2. Tell me where you got stuck.\n"
                "3. We'll take the next piece together.",
                "To check we're looking at the same thing:\n"
                "1. Tell me which page or screen you're on.\n"
                "2. Tell me what you see at the top of it.",
                "Here's an easy starting point for {topic}:\n"
                "1. Tell me whether this is the first time it has happened.\n"
                "2. If not, tell me what helped last time.",
                "Let's go gently:\n"
                "1. Tell me the one thing that worries you most.\n"
                "2. We'll look at that before anything else.",
                "For {topic}, two details go a long way:\n"
                "1. The date it started.\n"
                "2. Any message or notice you received about it.",
                "Let's work through it like this:\n"
                "1. Tell me what you've done so far.\n"
                "2. Tell me what you're not sure about.\n"
                "3. We'll clear up the unsure part first.",
                "A simple plan for {topic}:\n"
                "1. Describe it as if you were telling a friend.\n"
                "2. I'll ask one or two short questions back.\n"
                "3. We'll agree on the next step together.",
                "To save you typing:\n"
                "1. Tell me in a few words what went wrong.\n"
                "2. Tell me whether you can still carry on in the meantime.",
                "Let's retrace your steps with {topic}:\n"
                "1. Tell me where you began.\n"
                "2. Tell me the last step before things went wrong.",
                "Here's a calm way through it:\n"
                "1. Tell me what outcome you need.\n"
                "2. Tell me anything standing in the way.\n"
                "3. We'll take the obstacles one by one.",
                "If it helps, answer just these:\n"
                "1. What were you expecting to see?\n"
                "2. What did you see instead?",
            ),
        },
        "check": {
            "default": (
                "Does that make sense so far?",
                "Is that clear, or should I explain any part differently?",
                "Let me know if any of that is unclear.",
                "Does that sound okay to you?",
                "Would it help if I went through it more slowly?",
                "Is any of that still unclear about {topic}?",
                "Does that match what you're seeing with {topic}?",
                "Is there a part of {topic} you'd like me to go over again?",
                "Has that made {topic} a little clearer?",
                "How does that sound for {topic}?",
                "Are you comfortable with that so far?",
                "Shall we take the next step, or pause here for a moment?",
                "Feel free to stop me if anything doesn't add up.",
                "Would an example help?",
                "Is that easier to follow?",
                "Tell me if I've misunderstood anything.",
                "Is that what you were looking for?",
                "Do you feel ready to try that?",
                "Is there anything you'd like me to say more simply?",
                "Does that answer your question, or is something still missing?",
                "Shall I put that another way?",
                "Let me know how you get on with that.",
                "How are you feeling about it now?",
                "Is that a bit clearer now?",
                "Let me know which part you'd like to start with.",
                "Do you have any other questions before we carry on?",
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
                "Thank you so much for saying so!",
                "That's very kind of you, thank you.",
                "I'm really glad {topic} worked out.",
            ),
            "joy": (
                "That's wonderful news!",
                "I'm so glad to hear about {topic}!",
                "Fantastic, I'm really happy for you!",
                "That made my day, thank you for sharing it!",
                "How lovely to hear that!",
                "That's brilliant news about {topic}!",
                "I love hearing that!",
            ),
            "default": (
                "That's great to hear!",
                "I'm glad things are looking up.",
                "Great to hear things went well with {topic}.",
                "I'm delighted {topic} came through for you.",
                "It's great that {topic} is sorted.",
                "I'm so pleased {topic} turned out well.",
                "What a relief to hear about {topic}!",
                "Good news about {topic} is always welcome.",
                "Thanks for sharing how {topic} went.",
                "Sounds like {topic} went just the way it should.",
                "I'm really pleased for you about {topic}.",
                "It's lovely to hear good news about {topic}.",
                "Happy to hear {topic} is working for you.",
                "That's really good to hear.",
                "I'm so pleased for you.",
                "That's excellent!",
                "Wonderful, thanks for telling me!",
                "I'm really happy it worked out.",
                "That's the best kind of news.",
                "That's a great result!",
                "How nice, thank you for letting me know!",
                "That's such a nice update to get.",
                "I'm thrilled to hear it.",
                "Great news, and thanks for sharing it.",
                "That sounds like a real win.",
            ),
        },
        "share": {
            "default": (
                "Thanks for letting us know.",
                "It's always good to hear when things go well.",
                "Moments like this make our day too.",
                "Glad it all came together.",
                "It means a lot that you took the time to tell us.",
                "Your kind words will go straight to the team.",
                "Stories like yours keep us going.",
                "It's good to end on a high note.",
                "We love hearing when things work out.",
                "Thank you for sharing the good news with us.",
                "Feedback like this really brightens the day.",
                "I'll be smiling about this for a while.",
                "Hearing this makes the work worthwhile.",
                "It's great to know things are running smoothly.",
                "That's exactly how it should be.",
                "Hearing how {topic} went is really helpful for us.",
                "Knowing {topic} worked out is great to hear.",
                "It's good to know {topic} did what you needed.",
                "It's a real pleasure to get an update on {topic}.",
                "Thanks for taking a moment to tell us about {topic}.",
                "I'm glad you shared how {topic} went.",
                "You've made our day with this.",
                "It's the kind of message we hope for.",
                "We really appreciate you letting us know.",
                "Good news like this is worth sharing.",
                "Thank you for the lovely update.",
                "It's great to hear {topic} made things easier for you.",
                "Your note about {topic} will cheer the team up.",
            ),
        },
        "offer": {
            "default": (
                "Is there anything else I can help you with?",
                "If anything else comes up, I'm right here.",
                "Let me know if there's anything more I can do.",
                "Anything else on your mind today?",
                "If you have any other questions, just ask.",
                "Is there anything else you'd like to sort out while you're here?",
                "Feel free to come back any time you need a hand.",
                "Anything else I can help with today?",
                "If something else crops up, you know where to find us.",
                "Is there anything else you'd like to know?",
                "I'm here if you need anything else.",
                "Just say the word if there's more I can help with.",
                "Happy to help with anything else too.",
                "Is there something else we could look at together?",
                "Don't hesitate to reach out again.",
                "Enjoy the rest of your day, and shout if you need anything.",
                "Let me know if anything else needs attention.",
                "If any questions about {topic} come up later, just ask.",
                "If anything about {topic} changes, I'm happy to help.",
                "Is there anything else about {topic} you'd like to check?",
                "If you'd like tips for getting the most out of {topic}, just ask.",
                "Should anything go wrong with {topic} later, come straight back.",
                "Is there anything else besides {topic} I can help with?",
                "Is there anything else I can do to make your day easier?",
                "I'm around if you think of anything else.",
                "Take care, and reach out whenever you need us.",
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
                "Of course, happy to help.",
                "Good to hear from you.",
            ),
            "anger": (
                "Sorry about the trouble with {topic}.",
                "Sorry for the hassle.",
                "I'm sorry that's not working as expected.",
                "Sorry {topic} is giving you grief.",
                "That's annoying, I'm sorry.",
            ),
            "sadness": (
                "Sorry to hear that things with {topic} didn't go as planned.",
                "That's disappointing, I'm sorry.",
                "Sorry {topic} didn't turn out the way you wanted.",
                "I'm sorry that's been a letdown.",
            ),
            "confusion": (
                "Good question.",
                "Happy to shed some light on {topic}.",
                "That's a really fair thing to ask.",
                "Let's make sense of {topic} together.",
            ),
            "default": (
                "Thanks for your message about {topic}.",
                "Thanks for the details.",
                "Got it, thanks.",
                "Thanks for asking about {topic}.",
                "Let's take a look at {topic}.",
                "I'm glad you asked about {topic}.",
                "Thanks for bringing {topic} to me.",
                "Sure, I can help with questions about {topic}.",
                "Thanks for the extra information on {topic}.",
                "Let's get {topic} sorted.",
                "Thanks for checking in about {topic}.",
                "Good to know, thanks.",
                "Thanks, that's helpful.",
                "Thanks for explaining.",
                "Understood, thanks.",
                "Thanks for following up.",
                "Appreciate the detail.",
                "Okay, let's see what we can do.",
                "Thanks for letting me know.",
                "Noted, thank you.",
                "Right, let's take a look.",
                "Thanks for the update.",
                "Sure thing.",
                "Thanks for flagging this.",
                "Okay, that helps.",
            ),
        },
        "progress": {
            "default": (
                "Good, we're making progress.",
                "Great, we're getting there.",
                "That moves things along nicely.",
                "Good, that narrows it down.",
                "Thanks, that's a step forward.",
                "Nice, we're on the right track.",
            ),
        },
        "inform": {
            "default": (
                "I can help you understand where things stand with {topic}.",
                "I can walk you through how {topic} works.",
                "I'll need a couple of details to look into this properly.",
                "To point you in the right direction, I just need a bit more detail.",
                "Let's get you the information you need.",
                "There are usually a few common reasons behind questions about {topic}.",
                "Questions about {topic} usually come down to a couple of details.",
                "With a little more context about {topic}, the answer gets much clearer.",
                "I can explain the usual steps for {topic}.",
                "A few specifics will tell us which part of {topic} to look at.",
                "The details you've shared about {topic} already help.",
                "Let's pin down exactly which part of {topic} you mean.",
                "Once the basics of {topic} are clear, the rest tends to follow.",
                "There's usually a straightforward explanation for this.",
                "A quick bit of context will help me give you the right answer.",
                "The answer depends a little on your situation, so a detail or two will help.",
                "Let's make sure you have the full picture.",
                "It helps to start with the basics and build from there.",
                "There are a couple of ways this can go, so let's find the one that fits.",
                "I'd like to make sure the answer fits your case exactly.",
                "A little more detail will save you time later.",
                "Let's look at the specifics so nothing is missed.",
                "Knowing a bit more will help me be precise.",
                "Let's work out exactly what applies to you.",
                "A clear question gets a clear answer, so let's pin it down.",
                "With one or two details, this should be quick to clear up.",
            ),
        },
        "ask": {
            "anger": (
                "What have you tried so far?",
                "When did you first notice this?",
                "What happens when you try again?",
                "What's the most annoying part of it right now?",
            ),
            "sadness": (
                "What happened, as far as you can tell?",
                "When did you first notice this?",
                "What were you hoping would happen?",
            ),
            "default": (
                "Could you tell me a little more about what you need?",
                "What exactly would you like to know about {topic}?",
                "Could you share any reference number or details related to {topic}?",
                "What would you like to do next?",
                "Which part of {topic} should we start with?",
                "When did you last check on {topic}?",
                "What have you seen so far with {topic}?",
                "Is {topic} for you or for someone else?",
                "What made you ask about {topic} today?",
                "Is there a specific date connected to {topic}?",
                "What did you expect to happen with {topic}?",
                "Is anything about {topic} different from usual?",
                "Could you describe what you see on your screen?",
                "Have you tried anything already?",
                "Is this the first time you've asked about this?",
                "What would be the most useful answer for you?",
                "Is there an error message you can share?",
                "Are you using a phone or a computer?",
                "Roughly when did this start?",
                "Is there anything else connected to this question?",
                "What's the main thing you'd like to find out?",
                "Is there a deadline you're working to?",
                "Would a short explanation or a step-by-step guide suit you better?",
                "Could you tell me what you've read about it so far?",
                "Which option are you leaning towards?",
                "Is there anything you've already ruled out?",
            ),
        },
    },
    # A crisis `concern` (hopelessness, a hedged statement): the person first, no product talk.
    # Safe-messaging rules: warm, no judgement, no promises, an open door to a person.
    "check_in": {
        "acknowledge": {
            "default": (
                "I'm really sorry you're feeling this way.",
                "Thank you for telling me how you're feeling.",
                "That sounds really heavy to carry.",
                "I'm sorry things feel so hard right now.",
                "It sounds like you're going through a lot at the moment.",
                "I'm glad you said something about how you're feeling.",
                "That sounds exhausting, and I'm sorry.",
                "I hear you, and what you're feeling matters.",
                "It sounds like things have been really tough lately.",
                "I'm sorry it feels this way right now.",
                "Feeling like this is hard, and you don't have to pretend otherwise.",
                "Thank you for trusting me with this.",
                "That sounds like a lot to deal with.",
                "I'm sorry you've been feeling so low.",
                "It makes sense that you'd feel worn down.",
                "I can hear how hard this has been for you.",
                "I'm sorry; that sounds really painful.",
                "It takes courage to say how you're feeling.",
                "It sounds like you've been carrying a lot.",
                "I'm sorry this has been weighing on you.",
                "I really appreciate you being open about this.",
                "That sounds lonely, and I'm sorry.",
                "It's okay not to be okay.",
                "I'm sorry you're having such a hard time.",
                "Your feelings are valid, and I'm glad you shared them.",
                "I'm sorry today has felt like this.",
            ),
        },
        "support": {
            "default": (
                "You don't have to go through this on your own.",
                "If you'd like to talk to a person from our team, just say so and I'll bring "
                "them in.",
                "There are people who care and want to help, including our team here.",
                "It can help to talk to someone you trust about how you're feeling.",
                "We can take things one small step at a time.",
                "Whatever you need right now, I'm here to listen.",
                "There's no rush here; take all the time you need.",
                "If you ever feel unsafe, please call your local emergency number straight away.",
                "You matter, and how you're feeling matters.",
                "Reaching out, like you just did, is a good thing to do.",
                "A member of our team can join this chat whenever you want.",
                "You're not a bother for saying any of this.",
                "It's okay to ask for support when things get heavy.",
                "I'm here, and I'm listening.",
                "Saying it out loud can be a first step, and you've taken it.",
                "Talking to a friend, a family member or a doctor can really help.",
                "We don't have to sort everything out right now.",
                "How you're doing matters more to me than any account question.",
                "You deserve support while you're going through this.",
                "If you'd prefer a real person, I can hand this conversation over right away.",
                "Nothing you've said is too much to share here.",
                "It's alright to set everything else aside for a moment.",
                "People do come through times like this, with support around them.",
                "You can tell me as much or as little as you like.",
                "Being gentle with yourself right now is more than enough.",
                "You reached out, and that counts for a lot.",
            ),
        },
        "ask": {
            "default": (
                "How are you doing right now?",
                "Would you like to tell me a bit more about what's been going on?",
                "Is there someone with you, or someone you could reach out to today?",
                "Would it help to talk to a person from our team?",
                "What would feel most helpful to you right now?",
                "How long have you been feeling like this?",
                "Are you safe right now?",
                "Is there anything that's made today especially hard?",
                "Would you like me to bring in someone from our team?",
                "What's been on your mind the most?",
                "Is there anything I can do to make things a little easier right now?",
                "Do you have someone you trust that you could talk to?",
                "Have you been able to rest and look after yourself lately?",
                "Would you like to keep talking, or take things slowly?",
                "Is there anything else you'd like to share with me?",
                "What usually helps, even a little, when you feel this way?",
                "Would you like me to stay with you here for a bit?",
                "How are you feeling as we talk?",
                "Is there something specific that's been weighing on you?",
                "Would talking to a person feel better than talking to me?",
                "Is there anything adding to the stress that I could help with?",
                "What would you like to happen next?",
                "Have you been able to talk to anyone about this?",
                "Is now a good moment to talk, or would later be better?",
                "How can I best support you right now?",
                "Would it help to talk through what's been happening?",
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
