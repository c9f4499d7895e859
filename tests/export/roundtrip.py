"""Checks that every field of each work comes back intact from paperdex's exports, as real parsers read them.

usage: /usr/bin/python3 tests/export/roundtrip.py CORPUS.jsonl ALL.bib ALL.ris CITATIONJS.json
  CORPUS.jsonl   the works exported, in export order (canonical paperdex JSON)
  ALL.bib        paperdex's BibTeX of them, read with Debian's bibtexparser 1.x; TeX decoded with pylatexenc
  ALL.ris        paperdex's RIS of them (its raw AN/DB lines are checked here: citation-js maps neither)
  CITATIONJS.json what tests/export/parse.mjs (citation-js) read from the RIS, the BibTeX and the CSL-JSON
Prints one line per mismatch and "N passed, M failed" over the checks; exits 1 if any failed.

Text is compared after the one change the writers make on purpose: control characters and runs of whitespace become
one space (a citation field is one line). Names are compared as given + family (+ suffix), joined by spaces, which
is the name as written in the byline.
"""
import json
import re
import sys

import bibtexparser
from bibtexparser.bparser import BibTexParser
from pylatexenc import latex2text
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec

corpus_path, bib_path, ris_path, cjs_path = sys.argv[1:]
works = [json.loads(line) for line in open(corpus_path, encoding="utf-8") if line.strip()]
cjs = json.load(open(cjs_path, encoding="utf-8"))

# pylatexenc's table spells \textasciicircum as U+02C6 (modifier letter circumflex) and has no \textbraceleft or
# \textbraceright; LaTeX prints '^', '{' and '}' for them.
context = latex2text.get_default_latex_context_db()
context.add_context_category("paperdex", prepend=True, macros=[
    MacroTextSpec("textasciicircum", "^"), MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}")])
decoder = LatexNodes2Text(latex_context=context, strict_latex_spaces=True)

passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL:", what)


def clean(s):
    return re.sub(r"[\x00-\x20\x7f-\x9f]+", " ", s or "").strip()


def kind(w):
    t = (w.get("type") or "").lower()
    if t in ("journal", "article", "journal-article", "review", "letter", "editorial", "erratum"):
        return "journal"
    if t in ("conference", "workshop", "findings", "proceedings-article", "proceedings", "inproceedings"):
        return "conference"
    if t in ("preprint", "book", "report", "dataset"):
        return t
    return "preprint" if w.get("arxiv_id") else "other"


def joined(given, family, suffix=""):
    return " ".join(p for p in (given, family, suffix) if p)


def byline(name):
    """A name as the writers give it back: "Family, Given" (as some sources write it) is read as written, so it
    comes back in byline order, "Given Family"; "Family, Suffix, Given" as "Given Family Suffix"."""
    parts = [p.strip() for p in clean(name).split(",")]
    if len(parts) == 2 and parts[0]:
        return joined(parts[1], parts[0])
    if len(parts) == 3 and parts[0]:
        return joined(parts[2], parts[0], parts[1])
    return clean(name)


def bylines(w):
    return [n for n in (byline(a["name"]) for a in w.get("authors", [])) if n]


def hyphen_initials(names):
    """citation-js's BibTeX name parser gives hyphenated initials back without the hyphen ("C. -P." and "C.-P." →
    "C. P."); bibtexparser and citation-js's RIS and CSL readers keep them. Only that difference is forgiven, only
    for citation-js's BibTeX."""
    return [re.sub(r"\b([A-Z]\.) ?-(?=[A-Z]\.)", r"\1 ", n) for n in names]


def csl_name(a):
    if "literal" in a:
        return a["literal"]
    particles = joined(a.get("dropping-particle", ""), a.get("non-dropping-particle", ""))
    return joined(a.get("given", ""), joined(particles, a.get("family", "")), a.get("suffix", ""))


def split_top(s, sep):
    """`s` split at `sep` outside braces."""
    parts, depth, start, i = [], 0, 0, 0
    while i < len(s):
        if s[i] == "{":
            depth += 1
        elif s[i] == "}":
            depth -= 1
        elif depth == 0 and s.startswith(sep, i):
            parts.append(s[start:i])
            i += len(sep)
            start = i
            continue
        i += 1
    parts.append(s[start:])
    return parts


def bib_names(field):
    names = []
    for part in split_top(field, " and "):
        pieces = [decoder.latex_to_text(p).strip() for p in split_top(part, ", ")]
        if len(pieces) == 1:
            names.append(pieces[0])
        elif len(pieces) == 2:
            names.append(joined(pieces[1], pieces[0]))
        else:
            names.append(joined(pieces[2], pieces[0], pieces[1]))
    return names


def year_of(item):
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    return parts[0][0]


def check_csl_item(label, item, w, venue_fields):
    what = f"{label} {w['id']}"
    check(clean(item.get("title")) == clean(w.get("title")), f"{what}: title {item.get('title')!r}")
    names = [csl_name(a) for a in item.get("author", [])]
    expected = bylines(w)
    if label == "citation-js bibtex":
        names, expected = hyphen_initials(names), hyphen_initials(expected)
    check(names == expected, f"{what}: authors {names}")
    if w.get("year"):
        check(str(year_of(item)) == str(w["year"]), f"{what}: year {year_of(item)}")
    if w.get("venue"):
        got = [item.get(f) for f in venue_fields if item.get(f)]
        check(clean(w.get("venue_name") or w["venue"]) in got, f"{what}: venue {got} (fields {venue_fields})")
    if w.get("doi"):
        check((item.get("DOI") or "").lower() == w["doi"], f"{what}: DOI {item.get('DOI')}")
    if w.get("abstract"):
        check(clean(item.get("abstract")) == clean(w["abstract"]), f"{what}: abstract differs")


def venue_fields(k):
    return ["container-title", "event", "event-title"] if k in ("journal", "conference") else ["publisher"]


# BibTeX through bibtexparser (and pylatexenc for the TeX).
bib = bibtexparser.loads(open(bib_path, encoding="utf-8").read(),
                         BibTexParser(common_strings=False, ignore_nonstandard_types=False))
check(len(bib.entries) == len(works), f"bibtex: {len(bib.entries)} entries for {len(works)} works")
keys = [e["ID"] for e in bib.entries]
check(len(set(keys)) == len(keys), f"bibtex: keys not unique: {keys}")
entry_types = {"journal": "article", "conference": "inproceedings", "preprint": "misc", "book": "book",
               "report": "techreport", "dataset": "misc", "other": "misc"}
venue_field = {"journal": "journal", "conference": "booktitle", "book": "publisher", "report": "institution"}
for e, w in zip(bib.entries, works):
    what, k = f"bibtex {w['id']}", kind(w)
    check(e["ENTRYTYPE"] == entry_types[k], f"{what}: @{e['ENTRYTYPE']} for type {w.get('type')}")
    check(decoder.latex_to_text(e.get("title", "")) == clean(w["title"]), f"{what}: title {e.get('title')!r}")
    names = bib_names(e["author"]) if "author" in e else []
    check(names == bylines(w), f"{what}: authors {names}")
    if w.get("year"):
        check(e.get("year") == str(w["year"]), f"{what}: year {e.get('year')}")
    if w.get("venue"):
        field = venue_field.get(k, "howpublished")
        check(decoder.latex_to_text(e.get(field, "")) == clean(w.get("venue_name") or w["venue"]), f"{what}: {field} {e.get(field)!r}")
    if w.get("doi"):
        check(e.get("doi") == w["doi"], f"{what}: doi {e.get('doi')}")
    if w.get("arxiv_id"):
        check(e.get("eprint") == w["arxiv_id"] and e.get("archiveprefix") == "arXiv", f"{what}: eprint {e.get('eprint')}")
    if w.get("abstract"):
        check(decoder.latex_to_text(e.get("abstract", "")) == clean(w["abstract"]), f"{what}: abstract differs")

# RIS: the raw records (what citation-js does not map), then what citation-js read.
records = [r for r in open(ris_path, encoding="utf-8", newline="").read().split("ER  - \r\n") if r.strip()]
check(len(records) == len(works), f"ris: {len(records)} records")
ris_types = {"journal": "JOUR", "conference": "CPAPER", "preprint": "UNPB", "book": "BOOK", "report": "RPRT",
             "dataset": "DATA", "other": "GEN"}
for r, w in zip(records, works):
    lines = r.strip("\r\n").split("\r\n")
    check(lines[0] == f"TY  - {ris_types[kind(w)]}", f"ris {w['id']}: {lines[0]}")
    check(all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines), f"ris {w['id']}: a line is not TAG  - value")
    if w.get("arxiv_id"):
        check(f"AN  - arXiv:{w['arxiv_id']}" in lines, f"ris {w['id']}: no AN line")
check(len(cjs["ris"]) == len(works), f"citation-js ris: {len(cjs['ris'])} items")
for item, w in zip(cjs["ris"], works):
    k = kind(w)
    check_csl_item("citation-js ris", item, w, venue_fields(k))
    if w.get("arxiv_id") and k == "preprint":
        check(item.get("number") == "arXiv:" + w["arxiv_id"], f"citation-js ris {w['id']}: number {item.get('number')}")

# BibTeX through citation-js: its own TeX decoding must agree.
check(len(cjs["bibtex"]) == len(works), f"citation-js bibtex: {len(cjs['bibtex'])} items")
for item, w, key in zip(cjs["bibtex"], works, keys):
    check(item.get("citation-key") == key, f"citation-js bibtex {w['id']}: key {item.get('citation-key')}")
    check_csl_item("citation-js bibtex", item, w, venue_fields(kind(w)))

# CSL-JSON through citation-js.
csl_types = {"journal": "article-journal", "conference": "paper-conference", "preprint": "article", "book": "book",
             "report": "report", "dataset": "dataset", "other": "document"}
check(len(cjs["csljson"]) == len(works), f"citation-js csljson: {len(cjs['csljson'])} items")
for item, w, key in zip(cjs["csljson"], works, keys):
    k = kind(w)
    check(item.get("id") == key and item.get("type") == csl_types[k], f"csljson {w['id']}: {item.get('id')} {item.get('type')}")
    check_csl_item("citation-js csljson", item, w, venue_fields(k))
    if w.get("arxiv_id"):
        check(item.get("archive") == "arXiv" and item.get("archive_location") == w["arxiv_id"],
              f"csljson {w['id']}: archive {item.get('archive')} {item.get('archive_location')}")

non_ascii = sum(any(ord(c) > 127 for a in w.get("authors", []) for c in a["name"]) for w in works)
print(f"{len(works)} works ({non_ascii} with non-ASCII names, {sum(bool(w.get('doi')) for w in works)} with a DOI, "
      f"{sum(bool(w.get('arxiv_id')) for w in works)} with an arXiv id)")
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
