// banshi-full: every command of banshi, with the Word reader, the web page
// and the audit — what `banshi` hands over (cli/hand_off.h) when a command
// or its input needs libzip, cpp-httplib or MuPDF.
#include "cli/commands.h"
#include "word/word_reader.h"

namespace {

using namespace banshi::cli;

// What banshi-full adds to banshi's commands (cli/run.cpp).
constexpr Command kFullCommands[] = {
    {"batch", cmd_batch},
    {"serve", cmd_serve},
    {"import", cmd_import},
    {"audit", cmd_audit},
};

}  // namespace

int main(int argc, char** argv) { return banshi::cli::run_cli(argc, argv, kFullCommands, banshi::word::docx_reader()); }
