#!/bin/sh
# usage: lucene_bench.sh CORPUS QUERIES OUTDIR K PASSES K1 B — compiles the shared Lucene peer and LuceneBench once
# into ${TMPDIR:-/tmp}/paperdex-lucene-bench, then runs LuceneBench (prints one JSON line).
set -e
here=$(cd "$(dirname "$0")" && pwd)
peers=${PAPERDEX_PEERS_DIR:-$here/../../../../shared/peers}
CP=/usr/share/java/lucene-core-8.7.0.jar:/usr/share/java/lucene-analyzers-common-8.7.0.jar:/usr/share/java/lucene-queryparser-8.7.0.jar
cls=${TMPDIR:-/tmp}/paperdex-lucene-bench
if [ ! -f "$cls/LuceneBench.class" ] || [ "$here/LuceneBench.java" -nt "$cls/LuceneBench.class" ]; then
  mkdir -p "$cls"
  javac -nowarn -cp "$CP" -d "$cls" "$peers/lucene/LucenePeer.java" "$here/LuceneBench.java"
fi
exec java -Xmx4g -cp "$CP:$cls" LuceneBench "$@"
