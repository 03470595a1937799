// What an audit gives back as bytes: a report, or why the file could not be
// read. `banshi audit` audits each file in a child process (engine/jobs),
// so that a PDF that crashes or hangs the reader ends only its own audit;
// the child sends this to the parent, which prints it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "audit/audit.h"

namespace banshi::audit {

struct Answer {
  std::optional<Report> report;
  std::optional<Text> unreadable;  // audit.unreadable.* with its arguments
};

// Audits `file` (catching what it throws) and encodes the answer.
std::string audit_answer(const Auditor& auditor, const std::string& file, const AuditOptions& options);

std::string encode_answer(const Answer& answer);
// Throws EngineError for bytes that are not a whole answer.
Answer decode_answer(std::string_view bytes);

}  // namespace banshi::audit
