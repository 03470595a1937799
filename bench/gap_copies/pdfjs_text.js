// pdf.js (Debian's libjs-pdf 2.14, /usr/share/nodejs/pdfjs-dist) text of every page
// as getTextContent gives it; used by reader_spaces.py --pdfjs (node, not CI:
// usage: node bench/gap_copies/pdfjs_text.js FILE.pdf).
// Items are joined as the text layer would (hasEOL → newline).
const pdfjs = require("/usr/share/nodejs/pdfjs-dist/build/pdf.js");
const fs = require("fs");
(async () => {
  const data = new Uint8Array(fs.readFileSync(process.argv[2]));
  const doc = await pdfjs.getDocument({ data, disableFontFace: true, verbosity: 0 }).promise;
  let text = "";
  for (let p = 1; p <= doc.numPages; ++p) {
    const page = await doc.getPage(p);
    const tc = await page.getTextContent();
    for (const it of tc.items) text += it.str + (it.hasEOL ? "\n" : "");
    text += "\n";
  }
  process.stdout.write(text);
})().catch(e => { console.error(e); process.exit(1); });
