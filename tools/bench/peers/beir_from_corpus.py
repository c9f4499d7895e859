#!/usr/bin/python3
"""Writes a paperdex corpus (JSONL, one Work per line) as a BEIR corpus.jsonl ({"_id","title","text"}) for the
peers. usage: beir_from_corpus.py CORPUS.jsonl OUT.jsonl"""
import json, sys
with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in src:
        if line.strip():
            w = json.loads(line)
            out.write(json.dumps({"_id": w["id"], "title": w.get("title", ""), "text": w.get("abstract", "")}) + "\n")
