// banshi-full: every command of banshi, with the Word reader, the web page
// and the audit — what `banshi` hands over (cli/hand_off.h) when a command
// or its input needs libzip, cpp-httplib or MuPDF.
#include "cli/commands.h"
#include "word/word_reader.h"

namespace {

using namespace banshi::cli;

constexpr Command kCommands[] = {
    {"render", cmd_render}, {"check", cmd_check}, {"fonts", cmd_fonts}, {"templates", cmd_templates},
    {"fields", cmd_fields}, {"help", cmd_help},   {"batch", cmd_batch}, {"serve", cmd_serve},
    {"import", cmd_import}, {"audit", cmd_audit},
};

}  // namespace

int main(int argc, char** argv) { return banshi::cli::run_cli(argc, argv, kCommands, banshi::word::docx_reader()); }
