#!/bin/bash
# Glyph copies (engine/pdf/glyph_copies.h) against a build without them:
# every sample (and the punctuation fixture) rendered by both binaries;
# prints per PDF the pages, how many pdftoppm -r 100 renders differ, the
# sizes, and where MuPDF, pdftotext and pdf.js put a space between Han and
# Latin (reader_spaces.py). Not part of the tests or CI: the pdf.js
# column runs Debian's pdf.js (libjs-pdf, which banshi serve uses) under
# node, which banshi does not need (apt-get install nodejs).
#
# usage, from the source tree with build/banshi built:
#   git archive <commit-before> | tar -x -C /tmp/before && cmake -S /tmp/before -B /tmp/before/build ... && make
#   bench/gap_copies/ab.sh /tmp/before/build/banshi build/banshi [OUTDIR]
# Leave out the pdf.js column with PDFJS= (reader_spaces.py's --pdfjs).
# Render time: bench/ab.py --before … --after … (the same two builds).
set -u
BEFORE=${1:?before binary}
AFTER=${2:?after binary}
B=${3:-/tmp/gap-copies-ab}
PDFJS=${PDFJS---pdfjs}
here=$(dirname "$0")
rm -rf "$B"
mkdir -p "$B"
for f in samples/*.xml tests/data/typesetter/punct-and-latin.xml; do
  n=$(basename "$f" .xml)
  for impose in none default; do
    args=(--impose none)
    suf=""
    if [ $impose = default ]; then case $n in *jiexiang*) args=() suf=.a3 ;; *) continue ;; esac; fi
    "$BEFORE" render "$f" -o "$B/$n$suf.before.pdf" -q "${args[@]}" || echo "FAIL before $n"
    "$AFTER" render "$f" -o "$B/$n$suf.after.pdf" -q "${args[@]}" || echo "FAIL after $n"
    pdftoppm -r 100 -png "$B/$n$suf.before.pdf" "$B/$n$suf.b"
    pdftoppm -r 100 -png "$B/$n$suf.after.pdf" "$B/$n$suf.a"
    pages=0 diff=0
    for p in "$B/$n$suf".b-*.png; do
      a=${p/.b-/.a-}
      pages=$((pages + 1))
      cmp -s "$p" "$a" || {
        diff=$((diff + 1))
        echo "  differs: $p"
      }
    done
    echo "$n$suf: pages=$pages differing=$diff bytes $(stat -c%s "$B/$n$suf.before.pdf") -> $(stat -c%s "$B/$n$suf.after.pdf")"
    /usr/bin/python3 "$here/reader_spaces.py" $PDFJS "$B/$n$suf.before.pdf" "$B/$n$suf.after.pdf"
  done
done
