// What the applicant entered, kept in this browser only: the form's values
// and the pasted text in localStorage, the chosen files in IndexedDB (they
// may be larger than localStorage holds). A reload or a closed tab loses
// nothing; nothing leaves the machine except the requests to this server.

const KEY = "banshi.workbench.v1";
const DB = "banshi-workbench";
const FILES = "files";

export function loadState() {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function saveState(state) {
  try {
    localStorage.setItem(KEY, JSON.stringify(state));
  } catch {
    // Storage full or disabled: the page still works, it only forgets.
  }
}

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(FILES);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore(mode, fn) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(FILES, mode);
      const result = fn(tx.objectStore(FILES));
      tx.oncomplete = () => resolve(result.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

// files: {report: File|null, figures: File[]}
export async function saveFiles(files) {
  const record = {
    report: files.report ? { name: files.report.name, type: files.report.type, blob: files.report } : null,
    figures: files.figures.map((f) => ({ name: f.name, type: f.type, blob: f })),
  };
  try {
    await withStore("readwrite", (s) => s.put(record, "current"));
  } catch {
    // Private windows may refuse IndexedDB: the files are then not kept.
  }
}

export async function loadFiles() {
  try {
    const record = await withStore("readonly", (s) => s.get("current"));
    if (!record) return { report: null, figures: [] };
    const asFile = (r) => new File([r.blob], r.name, { type: r.type });
    return { report: record.report ? asFile(record.report) : null, figures: (record.figures || []).map(asFile) };
  } catch {
    return { report: null, figures: [] };
  }
}
