// The ICC profile of a PDF/A file's output intent: sRGB, found at run time
// where the system's colour profiles live (Debian's icc-profiles-free puts
// it at /usr/share/color/icc/sRGB.icc), read once and checked to be what
// PDF/A-1 accepts.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace banshi::pdf {

struct IccProfile {
  std::string bytes;
  std::filesystem::path path;  // where it was read from, for messages
  int components = 3;          // 3 for an RGB profile
};

// Reads and checks an output-intent profile: a well-formed ICC header
// ('acsp'), a display or output device class, an RGB colour space, and ICC
// version 2 — PDF/A-1 is PDF 1.4, which knows no later profile versions.
// Throws EngineError naming the file and what is wrong with it.
IccProfile read_output_profile(const std::filesystem::path& path);

// Where sRGB.icc is looked for, in order: $BANSHI_SRGB_PROFILE alone when
// it is set; otherwise the path the build was configured with
// (BANSHI_SRGB_PROFILE, by default /usr/share/color/icc/sRGB.icc, which a
// package depending on icc-profiles-free can rely on), then color/icc/ in
// $XDG_DATA_HOME and each of $XDG_DATA_DIRS (the freedesktop.org places
// for colour profiles).
std::vector<std::filesystem::path> srgb_profile_candidates();

// The first candidate that exists and passes read_output_profile. Throws
// EngineError: what is wrong with the first file found, or, when there is
// none, where it looked and how to get one (or to write a PDF without
// PDF/A).
IccProfile find_srgb_profile();

}  // namespace banshi::pdf
