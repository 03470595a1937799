// Pictures: each becomes a figure whose image is the package part itself
// (bytes with their origin, decoded and checked by the image stage), with
// the caption paragraph (图N …) that follows it. What the printout cannot
// take is refused at the picture, with what to do in Word.
#include "docx/inline_edit.h"
#include "docx/messages.h"
#include "docx/package.h"
#include "docx/structure.h"

namespace banshi::docx {

namespace {

using R = Item::Role;

// What a picture part is, from its first bytes: PNG and JPEG are printed;
// the rest is named in the refusal (empty when unknown).
std::string_view picture_format(std::string_view b) {
  if (b.starts_with("\x89PNG\r\n\x1a\n")) return "png";
  if (b.starts_with("\xFF\xD8\xFF")) return "jpeg";
  if (b.size() > 44 && b.substr(40, 4) == " EMF") return "EMF";
  if (b.starts_with("\xD7\xCD\xC6\x9A") || b.starts_with(std::string_view("\x01\x00\x09\x00", 4))) return "WMF";
  if (b.starts_with("GIF8")) return "GIF";
  if (b.starts_with("BM")) return "BMP";
  if (b.starts_with("II*") || b.starts_with("MM\0*")) return "TIFF";
  if (b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return "WebP";
  if (b.find("<svg") != std::string_view::npos) return "SVG";
  return {};
}

void close_label_gap(model::Inlines& in) {
  if (in.empty() || in.front().kind != model::InlineKind::Text) return;
  std::string& t = in.front().text;
  if (!t.starts_with("图")) return;
  size_t i = std::string_view("图").size();
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  if (t.compare(i, 3, "\u3000") == 0) i += 3;
  t.erase(3, i - 3);
}

}  // namespace

void attach_image(model::Figure& f, const std::string& part, std::shared_ptr<const std::string> bytes) {
  // Bytes with their origin: the image stage decodes and checks the part
  // itself; no path is involved, so the figure roots do not apply.
  f.src = part;
  f.image = {model::FigureImage::Origin::PackagePart, part, std::move(bytes)};
}

std::vector<model::Figure> read_figures(std::vector<Item>& items, size_t at, const StructureInput& in) {
  const Para& p = *items[at].para();
  std::vector<model::Figure> out;
  const model::Pos pos{p.index, 0};
  bool captioned = false;
  for (const ImageRef& img : p.images) {
    if (img.kind == "chart") {
      in.log.error(p.index, "docx.chart");
      continue;
    }
    if (img.kind == "object") {
      in.log.error(p.index, "docx.embedded-object");
      continue;
    }
    if (img.external) {
      in.log.error(p.index, "docx.picture-linked", {{"target", img.target}});
      continue;
    }
    if (img.escapes) {
      in.log.error(p.index, "docx.picture-outside", {{"target", img.target}});
      continue;
    }
    if (img.missing || img.part.empty()) {
      in.log.error(p.index, "docx.picture-missing", {{"target", img.target}});
      continue;
    }
    auto bytes = std::make_shared<const std::string>(in.package.read(img.part));
    const std::string_view format = picture_format(*bytes);
    if (format.empty()) {
      in.log.error(p.index, "docx.picture-unknown", {{"part", img.part}});
      continue;
    }
    if (format != "png" && format != "jpeg") {
      in.log.error(p.index, "docx.picture-format", {{"part", img.part}, {"format", format}});
      continue;
    }
    model::Figure f;
    f.src = img.part;
    f.width_pt = img.width_pt;
    f.pos = pos;
    f.src_pos = pos;
    f.src_path = "<figure>";
    f.src_label = "图片";
    if (!captioned && at + 1 < items.size() && items[at + 1].role == R::FigureCaption) {
      f.caption = unwrap(items[at + 1].content, model::InlineKind::Bold);
      in.log.note(items[at + 1].index(), "docx.figure-caption-below");
      close_label_gap(f.caption);
      captioned = true;
    } else if (!captioned && at > 0 && items[at - 1].role == R::FigureCaption) {
      f.caption = unwrap(items[at - 1].content, model::InlineKind::Bold);
      close_label_gap(f.caption);
      in.log.note(items[at - 1].index(), "docx.figure-caption-above");
      captioned = true;
    }
    attach_image(f, img.part, std::move(bytes));
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace banshi::docx
