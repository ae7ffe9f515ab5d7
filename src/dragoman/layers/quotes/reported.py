"""Reported speech in the dependency parse: a cue verb, its speaker and its content.

- "Moscow insists [that] ...", "he vowed to ...", "Clinton criticized X for ...",
  "Trump called for X": the complement the cue ``takes`` in the lexicon is the content;
- "X could embrace ..., Graham told The Huffington Post", "The museum, Mr. Bush said,
  celebrated ...": a cue set off by commas reports the clause it hangs on;
- "Clinton hinted she ...": a verb the lexicon does not know, with a person or body as
  subject and a finite clause as complement, is a frame too (a that-clause of someone
  is nearly always what they said, thought or want).

``find_frames`` also runs the finders of ``phrases`` ("according to X", "a report that",
"Speaker:"), and is a general finder of reporting frames: the event coder can use it in
place of ``events.speech``. Quotation marks are not looked at here; ``attribution``
decides which frames frame a quotation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dragoman.layers.quotes.cues import Cue, CueLexicon
from dragoman.layers.quotes.frames import Frame, is_quote, span_chars, subtree_range
from dragoman.layers.quotes.phrases import according_frame, colon_frames, noun_frame
from dragoman.layers.quotes.sources import is_actor_like

_VERB_POS = frozenset({"VERB", "AUX"})
_OBJECTS = frozenset({"dobj", "dative"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
#: A cue introduced by one of these is not a parenthetical frame ("because he said").
_SUBORDINATORS = frozenset({"because", "if", "when", "while", "since", "although", "how"})
#: Punctuation that sets a parenthetical frame off from its clause.
_SET_OFF = frozenset({",", "—", "–", "--", ";", "(", ")"})
#: Prepositions that belong to an object's content: "criticized X for Y", "described X as Y".
_OBJECT_PREPS = frozenset({"for", "as", "of", "over", "about", "with"})
#: Verbs whose clausal complement is no one's statement or belief ("make sure that",
#: "help ensure that"): never cues of their own.
_NOT_OPEN = frozenset(
    {"be", "have", "make", "let", "help", "ensure", "mean", "see", "get", "do", "go", "take"}
    | {"give", "use", "need"}
)


def subject_of(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The speaker of a cue verb: its subject, or the subject it shares with the verb it
    is coordinated with or hangs on ("and added", "..., adding that"), or the noun a
    relative clause or participle describes ("officials who said", "a statement saying").
    None for a passive ("was told") or when nothing is found."""
    node = verb
    if (
        verb.dep_ == "conj"
        and verb.head.dep_ == "ccomp"
        and lexicon.verb_key(verb.head.head) is not None
        and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    ):
        node = verb.head.head  # "X said it was opposed and warned Y": X warned
    for _ in range(6):
        for child in node.children:
            if child.dep_ == "nsubj":
                if child.lower_ in _RELATIVE and node.dep_ == "relcl":
                    return node.head
                return child
            if child.dep_ in {"nsubjpass", "csubj", "csubjpass", "expl"}:
                return None
        if node.dep_ == "relcl" or (node.dep_ == "acl" and node.head.pos_ in {"NOUN", "PROPN"}):
            return node.head
        if node.dep_ not in {"advcl", "conj", "xcomp"} or node.head.i == node.i:
            break
        parent = node.head
        if node.dep_ == "advcl" and node.tag_ == "VBG":
            # "It clarified that Moscow insists ..., adding that": the participle goes on
            # from the outermost report it hangs in
            reporters = [
                a
                for a in node.ancestors
                if a.pos_ in _VERB_POS
                and lexicon.verb_entry(a) is not None
                and any(c.dep_ == "nsubj" for c in a.children)
            ]
            parent = reporters[-1] if reporters else parent
        node = parent
    return None


def _continuations(clause: Token, lexicon: CueLexicon) -> list[Token]:
    """Reports that hang inside a first report's clause but are not part of it: "...,
    adding that ..." (the same speaker goes on), "... and Democrats said ..." (another
    speaker), "... and warned X to ..." (the parser attached the speaker's second verb to
    the reported clause). Each ends the first report's content."""
    out = []
    for t in clause.subtree:
        if t.i == clause.i or t.dep_ not in {"advcl", "conj"} or lexicon.verb_key(t) is None:
            continue
        if not any(c.dep_ in {"ccomp", "xcomp"} for c in t.children):
            continue
        entry = lexicon.verb_entry(t)
        own_subject = any(c.dep_ == "nsubj" for c in t.children)
        if (
            t.tag_ == "VBG"
            or (t.dep_ == "conj" and own_subject)
            or (t.dep_ == "conj" and t.head.i == clause.i and entry is not None and entry.speech)
        ):
            out.append(t)
    return out


def _clause_content(clause: Token, lexicon: CueLexicon) -> tuple[int, int]:
    first, last = subtree_range(clause)
    doc = clause.doc
    for t in _continuations(clause, lexicon):
        if t.i > clause.i:
            last = min(last, t.left_edge.i - 1)
    while last > first and (doc[last].dep_ == "cc" or doc[last].is_punct):
        if is_quote(doc[last]):
            break
        last -= 1
    return first, last


def _is_to_clause(clause: Token) -> bool:
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)


def _clause_child(verb: Token) -> Token | None:
    """The verb's finite clausal complement. Besides ``ccomp``: "Trump said after the
    convention he would not accept ...", "Trump tweeted in the early hours that Machado
    was ...", where the parser made the clause an adverbial; one with its own subject,
    opened by "that" or by nothing, is the complement all the same."""
    for c in verb.children:
        if c.dep_ == "ccomp" and not _is_to_clause(c):
            return c
    for c in verb.children:
        if c.dep_ != "advcl" or c.i < verb.i or not any(k.dep_ == "nsubj" for k in c.children):
            continue
        if verb.doc[c.left_edge.i].lower_ == "that":
            return c
        if not any(k.dep_ in {"mark", "advmod"} and k.i < c.i for k in c.children):
            return c
    return None


def _to_content(verb: Token) -> tuple[int, int] | None:
    """ "vowed to ...", "urged Republicans to ...": the infinitive, with the object
    before it."""
    for c in verb.children:
        if c.dep_ in {"xcomp", "ccomp", "advcl"} and c.i > verb.i and _is_to_clause(c):
            first, last = subtree_range(c)
            obj = next(
                (o for o in verb.children if o.dep_ in _OBJECTS and verb.i < o.i < c.i), None
            )
            return (obj.left_edge.i if obj is not None else first), last
    return None


def _object_content(verb: Token) -> tuple[int, int] | None:
    """ "criticized the act as a “crazy system”", "called the senator a “nasty guy”":
    the object and what the verb says about it; a gerund serves as the object ("proposes
    doing away with the mandate", "cited improving services")."""
    obj = next((c for c in verb.children if c.dep_ in _OBJECTS and c.i > verb.i), None)
    if obj is None:
        obj = next(
            (
                c
                for c in verb.children
                if c.dep_ in {"xcomp", "ccomp", "pcomp"} and c.tag_ == "VBG" and c.i > verb.i
            ),
            None,
        )
    if obj is None:
        return None
    first, last = subtree_range(obj)
    for c in verb.children:
        if c.i > obj.i and (
            c.dep_ in {"oprd", "ccomp", "xcomp"} or (c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS)
        ):
            last = max(last, c.right_edge.i)
    return first, last


def _prep_content(verb: Token, particle: str) -> tuple[int, int] | None:
    """ "called for X", "warned against X": the object of the cue's own preposition."""
    for c in verb.children:
        if c.dep_ in {"prep", "prt"} and c.lower_ == particle:
            obj = next((o for o in c.children if o.dep_ in {"pobj", "pcomp"}), None)
            if obj is not None:
                return subtree_range(obj)
    return None


def _inverted_content(verb: Token) -> tuple[int, int] | None:
    """ "X could embrace ..., Graham told The Huffington Post" and "The museum, Mr. Bush
    said, celebrated ...": a cue with its own subject, set off by commas, hangs on the
    clause it reports; the content is that clause (its hull, when the cue stands in the
    middle)."""
    head = verb.head
    if verb.dep_ not in {"parataxis", "ccomp", "advcl"} or head.i == verb.i:
        return None
    if head.pos_ not in _VERB_POS or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    if any(c.dep_ in {"mark", "advmod"} and c.lower_ in _SUBORDINATORS for c in verb.children):
        return None
    doc = verb.doc
    inner = [t.i for t in verb.subtree if not (t.is_punct or t.is_space)]
    lo, hi = inner[0], inner[-1]
    first, last = head.left_edge.i, head.right_edge.i
    before = doc[lo - 1] if lo > first else None
    if before is None or not (before.text in _SET_OFF or is_quote(before)):
        return None
    after = doc[hi + 1] if hi + 1 <= last else None
    if after is not None and not (after.is_punct or after.is_space):
        return None
    if hi >= last:  # the cue ends the clause: the content is what comes before it
        last = lo - 1
    while last > first and doc[last].is_punct and not is_quote(doc[last]):
        last -= 1
    return (first, last) if last - first >= 2 else None


def _agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive: "was endorsed by dozens of newspapers"."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _passive_content(verb: Token) -> tuple[int, int] | None:
    """ "The nominee has been endorsed by dozens of newspapers": the passive subject is
    what the agent's cue is about."""
    if _agent(verb) is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return subtree_range(subject) if subject is not None else None


def _content_for(verb: Token, cue: Cue, lexicon: CueLexicon) -> tuple[tuple[int, int], str] | None:
    """The first complement of those the cue takes that the parse gives the verb."""
    for take in cue.takes:
        found: tuple[int, int] | None = None
        if take == "clause":
            clause = _clause_child(verb)
            found = (
                _clause_content(clause, lexicon) if clause is not None else _inverted_content(verb)
            )
        elif take == "to":
            found = _to_content(verb)
        elif take == "object":
            found = _object_content(verb) or _passive_content(verb)
        elif take == "prep" and cue.particle:
            found = _prep_content(verb, cue.particle)
        if found is not None:
            return found, take
    return None


def _verb_frame(verb: Token, key: str, lexicon: CueLexicon, actors: set[int]) -> Frame | None:
    """The frame of a cue verb (``key`` is its lexicon word), phrasal entries first."""
    doc = verb.doc
    found = None
    cue_last = verb.i
    for c in verb.children:
        entry = lexicon.phrasal_verb(key, c.lower_)
        if entry is not None and c.dep_ in {"prep", "prt"} and c.i > verb.i:
            content = _content_for(verb, entry, lexicon)
            if content is not None:
                found, cue_last = (entry, content), c.i
                break
    if found is None:
        entry = lexicon.verb(key)
        content = _content_for(verb, entry, lexicon) if entry is not None else None
        if entry is None or content is None:
            return None
        found = (entry, content)
    cue, ((first, last), kind) = found
    subject = subject_of(verb, lexicon)
    if subject is None and kind == "object":
        subject = _agent(verb)
    if subject is None and kind != "clause":
        return None
    if cue.actor_subject and (subject is None or not is_actor_like(subject, actors)):
        return None
    start, end = span_chars(doc, first, last)
    if end <= start:
        return None
    cue_end = doc[cue_last].idx + len(doc[cue_last].text)
    speaker = subject.i if subject is not None else None
    return Frame(verb.idx, cue_end, verb.i, speaker, start, end, kind, cue.speech)


def _open_frame(verb: Token, lexicon: CueLexicon, actors: set[int]) -> Frame | None:
    """A verb outside the lexicon with an actor subject and a finite clause."""
    if verb.lemma_.lower() in _NOT_OPEN:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i), None)
    if clause is None or _is_to_clause(clause):
        return None
    if not any(k.dep_ in {"nsubj", "nsubjpass", "expl"} for k in clause.children):
        return None
    subject = subject_of(verb, lexicon)
    if subject is None or not is_actor_like(subject, actors):
        return None
    start, end = span_chars(verb.doc, *_clause_content(clause, lexicon))
    return Frame(verb.idx, verb.idx + len(verb.text), verb.i, subject.i, start, end, "open", True)


def find_frames(
    doc: Doc, lexicon: CueLexicon, actors: set[int], text: str | None = None
) -> list[Frame]:
    """Every reporting frame of a parsed document, in text order of the cue. ``actors``
    are the token indices inside actor mentions (for cues that need an actor subject);
    ``text`` is the document text when the caller has it (saves rebuilding it)."""
    frames: list[Frame] = []
    for token in doc:
        frame = None
        if token.lower_ == "according":
            frame = according_frame(token)
        elif token.pos_ in _VERB_POS:
            key = lexicon.verb_key(token)
            if key is not None:
                frame = _verb_frame(token, key, lexicon, actors)
            elif token.pos_ == "VERB":
                frame = _open_frame(token, lexicon, actors)
        elif token.pos_ == "NOUN":
            entries = lexicon.nouns.get(token.lemma_.lower())
            if entries:
                frame = noun_frame(token, entries)
        if frame is not None:
            frames.append(frame)
    frames.extend(colon_frames(doc, doc.text if text is None else text))
    frames.sort(key=lambda f: (f.cue_start, f.content_start))
    return frames
