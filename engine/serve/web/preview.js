// The pages as they will print: the A4 PDF the server made, drawn by
// pdf.js (Debian's libjs-pdf, served by banshi) on a canvas per page.
// Pages are drawn when they scroll into view; a new PDF replaces the old
// one without moving the reader's place.

export class Preview {
  constructor(container, empty) {
    this.container = container;
    this.empty = empty;
    this.zoom = "width"; // "width": the pages as wide as the panel; "page": a whole page in view
    this.doc = null;
    this.generation = 0;
    this.available = typeof window.pdfjsLib !== "undefined";
    if (this.available) window.pdfjsLib.GlobalWorkerOptions.workerSrc = "/pdfjs/pdf.worker.js";
  }

  // The pages' width on screen, in CSS pixels: the panel's width, or less
  // so that a whole page (A4, 1 : 1.414) is in view.
  pageWidth(ratio = Math.SQRT2) {
    const style = getComputedStyle(this.container);
    const inner = this.container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 14;
    const tall = this.container.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    const width = this.zoom === "page" && tall > 200 ? Math.min(inner, tall / ratio) : inner;
    return Math.round(Math.max(240, Math.min(width, 900)));
  }

  // Shows the same PDF again at the current zoom.
  async relayout() {
    if (this.bytes) await this.show(this.bytes);
  }

  async show(bytes) {
    if (!this.available) return 0;
    this.bytes = bytes;
    const generation = ++this.generation;
    const task = window.pdfjsLib.getDocument({ data: bytes.slice(), isEvalSupported: false, disableAutoFetch: true });
    const doc = await task.promise;
    if (generation !== this.generation) {
      doc.destroy();
      return 0;
    }
    const size = (await doc.getPage(1)).getViewport({ scale: 1 });
    const width = this.pageWidth(size.height / size.width);
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const scale = width / base.width;
      const box = document.createElement("div");
      box.className = "page";
      box.style.width = `${width}px`;
      box.style.height = `${Math.round(base.height * scale)}px`;
      box.setAttribute("role", "img");
      box.setAttribute("aria-label", `第 ${n} 页`);
      const no = document.createElement("span");
      no.className = "page-no";
      no.textContent = `${n} / ${doc.numPages}`;
      box.append(no);
      pages.push({ page, box, scale, drawn: false });
    }
    if (generation !== this.generation) {
      doc.destroy();
      return 0;
    }
    // The pages in view are drawn before the old ones are taken away, so
    // the preview does not flash empty while it changes.
    const keep = this.container.scrollTop;
    const first = Math.min(pages.length - 1, Math.floor(keep / (pages[0].box.offsetHeight || 1)));
    await Promise.all(pages.slice(Math.max(0, first), first + 2).map((p) => this.draw(p)));
    if (generation !== this.generation) {
      doc.destroy();
      return 0;
    }
    this.observer?.disconnect();
    this.empty.hidden = true;
    this.container.replaceChildren(this.empty, ...pages.map((p) => p.box));
    this.container.scrollTop = keep;
    this.container.classList.remove("stale");
    if (this.doc) this.doc.destroy();
    this.doc = doc;
    this.observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          if (!e.isIntersecting) continue;
          const p = pages.find((x) => x.box === e.target);
          if (p && !p.drawn) this.draw(p);
        }
      },
      { root: this.container, rootMargin: "600px 0px" },
    );
    for (const p of pages) this.observer.observe(p.box);
    return doc.numPages;
  }

  async draw(p) {
    p.drawn = true;
    const ratio = window.devicePixelRatio || 1;
    const viewport = p.page.getViewport({ scale: p.scale * ratio });
    const canvas = document.createElement("canvas");
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await p.page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
    p.box.prepend(canvas);
  }

  // The findings stop a new PDF: the last one stays, dimmed.
  stale() {
    this.container.classList.add("stale");
  }
}
