// banshi's command line described once (engine/manual/banshi.xml, compiled in):
// the commands, their operands and options, exit statuses, environment,
// files and limits. The help text, the manual page banshi(1), the bash
// completion script and each command's option parser are all made from
// it, so none of them can say something the others do not.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace banshi::manual {

// A piece of text with the little markup the description allows.
struct Span {
  enum class Kind { Plain, Literal, Variable };  // <b>, <i>
  Kind kind = Kind::Plain;
  std::string text;
};
using Text = std::vector<Span>;

// The text without markup, whitespace collapsed.
std::string plain(const Text& text);

struct Option {
  std::string name;      // "--output"
  std::string alias;     // "-o", may be empty
  std::string value;     // "OUT.pdf"; empty for a flag
  std::string complete;  // what bash completes for the value (engine/manual/banshi.xml)
  bool repeat = false;   // may be given more than once
  bool hidden = false;   // banshi's own use: not shown, not completed
  Text text;
};

struct Command {
  std::string name;              // "render"
  std::string args;              // the operands' synopsis: "REPORT..."
  std::string complete;          // what bash completes for an operand
  Text summary;                  // help and manual
  std::vector<Text> paragraphs;  // manual only
  std::vector<Option> options;
};

struct Item {
  std::string term;  // "0", "BANSHI_DATA_DIR", "16 MB"
  Text text;
};

struct Manual {
  std::string name;     // "banshi"
  std::string section;  // "1"
  std::string title;    // the one-line description
  std::vector<Text> description;
  std::vector<Option> global;
  std::vector<Command> commands;
  std::vector<Item> exit_status, environment, files, limits, examples, see_also;

  const Command* command(std::string_view wanted) const;  // nullptr when none
};

// Parses a description; throws EngineError "<file>:<line>: <problem>".
Manual parse(std::string_view xml, const std::string& file_name);

// The description compiled into this binary, parsed once.
const Manual& banshi();

// `banshi --help`: every command's synopsis and summary.
std::string help_text(const Manual& m);
// `banshi help COMMAND`: the command's synopsis, text and options.
std::string command_help(const Manual& m, const Command& c);
// The manual page in roff (man(7) macros), ASCII only: other characters
// as \[uXXXX], so any groff reads it whatever its input encoding.
std::string roff(const Manual& m, std::string_view version);
// A bash completion script defining _banshi and `complete -F _banshi banshi`.
std::string bash_completion(const Manual& m);

}  // namespace banshi::manual
