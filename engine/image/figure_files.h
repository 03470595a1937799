// Where the bytes of a <figure src> come from. A figure is bytes with an
// origin: the image limits apply to the bytes (prepare.h), the root rules
// below to a file's origin. The engine asks a FigureFiles for each src; a
// caller without files (a server holding uploads) gives its own.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "image/limits.h"
#include "image/refusal.h"
#include "model/document.h"

namespace banshi::image {

class FigureFiles {
 public:
  virtual ~FigureFiles() = default;
  // The bytes `src` names, with their origin (`name` is a key that is the
  // same for the same bytes: a file's real path), or why not.
  virtual std::variant<model::FigureImage, Refusal> load(const std::string& src) const = 0;
};

// Files under allowed roots: the report's own directory and any directory
// given with --figures. A src is a path relative to the report's
// directory; symbolic links are resolved before the check, so neither an
// absolute path, nor ../, nor a link may lead outside the roots. What lies
// outside is never opened, and the refusal reads the same whether it
// exists or not.
class RootedFiles final : public FigureFiles {
 public:
  RootedFiles(const std::filesystem::path& report_dir, const std::vector<std::filesystem::path>& extra_roots,
              ImageLimits limits = {});
  std::variant<model::FigureImage, Refusal> load(const std::string& src) const override;

 private:
  std::filesystem::path report_dir_;
  std::vector<std::filesystem::path> roots_;  // canonical
  ImageLimits limits_;
};

// Named bytes held in memory (files uploaded with a report): a src must be
// one of the names exactly; nothing is read from disk.
class NamedFiles final : public FigureFiles {
 public:
  void add(std::string name, std::shared_ptr<const std::string> bytes);
  std::variant<model::FigureImage, Refusal> load(const std::string& src) const override;

 private:
  std::map<std::string, std::shared_ptr<const std::string>> files_;
};

}  // namespace banshi::image
