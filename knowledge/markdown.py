"""Reading help-center Markdown: the title/url header of a file and the split into passages."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A passage is what we quote back, so a section's steps stay together up to this size; longer
# sections are cut at paragraph boundaries (never inside a list) into pieces of about this size.
PASSAGE_MAX_WORDS = 160
PASSAGE_TARGET_WORDS = 110
INTRO_MAX_WORDS = 60

_URL_LINE = re.compile(r"^url:\s*(\S+)\s*$", re.IGNORECASE)
_HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


class ArticleFormatError(ValueError):
    """A Markdown file does not have the shape an article needs."""


@dataclass(frozen=True)
class ParsedArticle:
    title: str
    url: str
    body: str


@dataclass(frozen=True)
class PassageDraft:
    heading: str
    text: str


def article_parse(source: str) -> ParsedArticle:
    """First `# ` line is the title; an optional `url: <address>` line may follow it."""
    lines = source.replace("\r\n", "\n").lstrip("\ufeff").split("\n")
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    if index == len(lines) or not lines[index].startswith("# "):
        raise ArticleFormatError("the first line must be the title, as '# Title'")
    title = lines[index][2:].strip()
    if not title:
        raise ArticleFormatError("the title line is empty")
    index += 1
    url = ""
    probe = index
    while probe < len(lines) and not lines[probe].strip():
        probe += 1
    if probe < len(lines):
        found = _URL_LINE.match(lines[probe].strip())
        if found:
            url = found.group(1)
            if not url.startswith(("https://", "http://")):
                raise ArticleFormatError(f"url must start with https:// or http:// (got {url!r})")
            index = probe + 1
    body = "\n".join(lines[index:]).strip()
    if not body:
        raise ArticleFormatError("the article has a title but no body")
    return ParsedArticle(title=title[:300], url=url, body=body)


def _blocks(lines: list[str]) -> list[str]:
    """Paragraphs, with a list (and the line that introduces it) kept as one block."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                blocks.append(current)
                current = []
            continue
        current.append(line)
    if current:
        blocks.append(current)
    merged: list[list[str]] = []
    for block in blocks:
        is_list = bool(_LIST_ITEM.match(block[0]))
        previous = merged[-1] if merged else None
        # "To change it:" followed by its steps is one answer; so are list items split by blanks.
        if (
            is_list
            and previous is not None
            and (previous[-1].rstrip().endswith(":") or _LIST_ITEM.match(previous[-1]))
        ):
            previous.extend(block)
        else:
            merged.append(list(block))
    return ["\n".join(block).strip() for block in merged]


def _words(text: str) -> int:
    return len(text.split())


def _section_split(heading: str, lines: list[str]) -> list[PassageDraft]:
    blocks = _blocks(lines)
    if not blocks:
        return []
    if _words("\n".join(blocks)) <= PASSAGE_MAX_WORDS:
        return [PassageDraft(heading=heading, text="\n\n".join(blocks))]
    drafts: list[PassageDraft] = []
    current: list[str] = []
    for block in blocks:
        if current and _words("\n".join([*current, block])) > PASSAGE_TARGET_WORDS:
            drafts.append(PassageDraft(heading=heading, text="\n\n".join(current)))
            current = []
        current.append(block)
    if current:
        drafts.append(PassageDraft(heading=heading, text="\n\n".join(current)))
    return drafts


def passages_split(body: str) -> list[PassageDraft]:
    """Sections under `##`-level headings, each cut to passage size; text stays Markdown."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for line in body.replace("\r\n", "\n").split("\n"):
        found = _HEADING.match(line)
        if found:
            sections.append((found.group(2).strip()[:300], []))
        else:
            sections[-1][1].append(line)
    intro = sections[0][1]
    if len(sections) > 1 and 0 < _words("\n".join(intro)) <= INTRO_MAX_WORDS:
        # A one-line intro ("You can cancel at any time.") is no answer alone; in front of the
        # first section's steps it is context for them.
        sections = [(sections[1][0], [*intro, "", *sections[1][1]]), *sections[2:]]
    drafts: list[PassageDraft] = []
    for heading, lines in sections:
        drafts.extend(_section_split(heading, lines))
    return drafts


_MARKUP = re.compile(r"[*_`>#|]+|\[([^\]]*)\]\([^)]*\)")
_LIST_MARKERS = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+", re.MULTILINE)


def markdown_plain(text: str) -> str:
    """Markdown to plain words for the encoder and the lexical index (links keep their text)."""
    plain = _LIST_MARKERS.sub("", text)
    plain = _MARKUP.sub(lambda m: m.group(1) or " ", plain)
    return re.sub(r"\s+", " ", plain).strip()
