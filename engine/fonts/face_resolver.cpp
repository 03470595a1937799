#include "fonts/face_resolver.h"

#include <algorithm>
#include <system_error>

#include "fonts/font_report.h"
#include "fonts/punctuation.h"

namespace banshi {

namespace fs = std::filesystem;

namespace {

// Appends `link` unless the chain already has the same font under the same
// terms (a family listed as stand-in and again as last resort).
void append_unique(std::vector<FaceFont>& chain, FaceFont link) {
  const bool dup = std::any_of(chain.begin(), chain.end(), [&](const FaceFont& f) {
    return f.font == link.font && f.chars == link.chars && f.punctuation_ok == link.punctuation_ok;
  });
  if (!dup) chain.push_back(std::move(link));
}

std::string file_and_face(const Font& f) {
  std::string s = f.file();
  if (f.index() != 0) s += ", face " + std::to_string(f.index());
  return s;
}

}  // namespace

FaceResolver::FaceResolver(const FontMap& map, const FontFinder& finder, const FontCacheData* cached)
    : map_(map), finder_(finder), cached_(cached) {}

FindResult FaceResolver::find(const FontCandidate& c) {
  std::string key = candidate_key(c);
  if (cached_)
    if (auto it = cached_->finds.find(key); it != cached_->finds.end()) {
      used_.finds.insert(*it);
      return it->second;
    }
  missed_ = true;
  FindResult r = finder_.find(c);
  used_.finds.emplace(std::move(key), r);
  return r;
}

const FaceResolver::Opened& FaceResolver::open(const FoundFace& found) {
  auto found_key = std::make_pair(found.file.string(), found.index);
  const CachedFace* known = nullptr;
  if (cached_)
    if (auto it = cached_->faces.find(found_key); it != cached_->faces.end()) known = &it->second;
  // Key on the canonical path, so a font reached through a symlink (Debian
  // links fonts-japanese-mincho.ttf to HanaMinA.ttf) is opened only once.
  // The canonical path is also what `banshi fonts` then shows.
  fs::path canonical;
  if (known) {
    canonical = known->canonical;
  } else {
    std::error_code ec;
    canonical = fs::canonical(found.file, ec);
    if (ec) canonical = found.file;
  }
  auto key = std::make_pair(canonical.string(), found.index);
  if (auto it = opened_.find(key); it != opened_.end()) {
    if (!used_.faces.count(found_key)) used_.faces.emplace(found_key, used_.faces.at(it->second.found));
    return it->second;
  }
  Opened o;
  o.found = found_key;
  if (known) {
    o.font = Font::open(canonical, found.index, &known->facts);
    o.misplaced = known->misplaced;
    used_.faces.emplace(found_key, *known);
  } else {
    missed_ = true;
    o.font = Font::open(canonical, found.index);
    o.misplaced = misplaced_marks(*o.font);
    used_.faces.emplace(found_key, CachedFace{canonical.string(), o.font->facts(), o.misplaced, std::nullopt});
  }
  o.coverage = std::make_shared<const LazyCoverage>(o.font);
  return opened_.emplace(std::move(key), std::move(o)).first->second;
}

PunctuationCheck FaceResolver::measure(const Opened& o) {
  CachedFace& entry = used_.faces.at(o.found);
  if (!entry.measured) {
    missed_ = true;
    entry.measured = check_gb_punctuation(*o.font);
  }
  return *entry.measured;
}

std::optional<FaceFont> FaceResolver::link_for(const FontCandidate& c, bool official, Outcome& outcome,
                                               std::optional<Message>& why_not) {
  FindResult result = find(c);
  if (!result.face) {
    // "installed, but not in style Bold" is a different story from absent.
    outcome = result.absent ? Outcome::Missing : Outcome::Unusable;
    why_not = std::move(result.why_not);
    return std::nullopt;
  }
  const FoundFace* found = &*result.face;
  for (const RejectedFamily& r : map_.rejected) {
    for (const std::string& fam : found->families) {
      if (same_name(fam, r.family)) {
        outcome = Outcome::Unusable;
        why_not = Message{r.reason.empty() ? MessageCode("font.rejected") : MessageCode("font.rejected-because"),
                          {{"file", found->file.string()}, {"family", r.family}, {"reason", r.reason}}};
        return std::nullopt;
      }
    }
  }
  try {
    const Opened& o = open(*found);
    FaceFont link;
    link.font = o.font;
    link.coverage = c.chars.empty() ? o.coverage : std::make_shared<const LazyCoverage>(o.font, c.chars);
    link.punctuation_ok = c.punctuation_ok;
    link.misplaced = o.misplaced;
    if (c.measure_punctuation) {
      const PunctuationCheck check = measure(o);
      link.punctuation_ok = c.punctuation_ok && check.gb_style;
      link.punctuation_check = check.detail;
    }
    link.official = official;
    link.system = c.system;
    link.embolden = c.embolden;
    link.chars = c.chars_text;
    link.requested = c.describe();
    outcome = Outcome::Found;
    return link;
  } catch (const EngineError& e) {
    // fontconfig listed it, but it is not a font we can embed (CFF2,
    // bitmap-only, damaged): try the next candidate and say why.
    outcome = Outcome::Unusable;
    why_not = Message{*e.diagnostic().code, e.diagnostic().args};
    return std::nullopt;
  }
}

const std::vector<FaceFont>& FaceResolver::last_resort() {
  if (!last_resort_) {
    std::vector<FaceFont> chain;
    for (const FontCandidate& c : map_.last_resort) {
      Outcome outcome{};
      std::optional<Message> why;
      if (auto link = link_for(c, false, outcome, why)) append_unique(chain, std::move(*link));
    }
    last_resort_ = std::move(chain);
  }
  return *last_resort_;
}

ResolvedFace FaceResolver::resolve(const FaceSpec& spec, Diagnostics& diags) {
  ResolvedFace face;
  face.id = spec.id;
  face.label = spec.label;
  face.role = spec.role;

  std::vector<Message> tried;                // every candidate with its reason
  std::optional<Message> official_unusable;  // first reason an installed official font was refused
  auto consider = [&](const FontCandidate& c, bool official) {
    Outcome outcome{};
    std::optional<Message> why;
    if (auto link = link_for(c, official, outcome, why)) {
      append_unique(face.chain, std::move(*link));
      return;
    }
    const Message reason = why.value_or(Message{"font.not-installed"});
    tried.push_back(Message{"font.tried", {{"font", c.describe()}, {"reason", reason}}});
    face.unavailable.push_back(c.describe() + ": " + reason.text(Lang::En));
    if (official && outcome == Outcome::Unusable && !official_unusable) official_unusable = reason;
  };
  for (const FontCandidate& c : spec.official) consider(c, true);
  for (const FontCandidate& c : spec.system) consider(c, false);
  for (const FontCandidate& c : spec.standins) consider(c, false);
  for (const FontCandidate& c : spec.official)
    if (!c.file.empty()) face.official_files.push_back(c.file);

  if (face.chain.empty()) {
    throw EngineError({map_.file, spec.line}, "font.none-installed",
                      {{"face", spec.id}, {"font", spec.label}, {"tried", std::move(tried)}});
  }

  // Only fonts found by now can be the primary; fallbacks serve characters.
  for (const FontCandidate& c : spec.fallbacks) {
    Outcome outcome{};
    std::optional<Message> why;
    if (auto link = link_for(c, false, outcome, why)) append_unique(face.chain, std::move(*link));
    else
      face.unavailable.push_back("fallback " + c.describe() + ": " +
                                 why.value_or(Message{"font.not-installed"}).text(Lang::En));
  }
  for (const FaceFont& f : last_resort()) append_unique(face.chain, f);

  const FaceFont& primary = face.chain.front();
  face.primary = primary.font;
  face.official = primary.official;
  face.punctuation_ok = primary.punctuation_ok;
  for (size_t i = 1; i < face.chain.size(); ++i) face.fallbacks.push_back(face.chain[i].font);

  if (!face.official) {
    Args args{{"font", face.label},
              {"face", face.id},
              {"stand-in", display_name(*primary.font)},
              {"file", file_and_face(*primary.font)}};
    if (official_unusable) args.add({"reason", *official_unusable});
    Diagnostic& d = !primary.system.empty() ? diags.warn(SourceLoc{}, "font.system", std::move(args))
                    : official_unusable     ? diags.warn(SourceLoc{}, "font.stand-in-unusable", std::move(args))
                                            : diags.warn(SourceLoc{}, "font.stand-in", std::move(args));
    face.substitution = d.message_text(Lang::En);
  }
  return face;
}

}  // namespace banshi
