// banshi: report XML in, print-ready PDF out. This executable renders and
// checks report XML and answers help; Word documents, the web page, the
// audit and batches it hands to banshi-full (cli/hand_off.h).
#include "cli/commands.h"

namespace {

using namespace banshi::cli;

// Every command, as the manual lists them; null: banshi-full's.
constexpr Command kCommands[] = {
    {"render", cmd_render}, {"check", cmd_check}, {"fonts", cmd_fonts}, {"templates", cmd_templates},
    {"fields", cmd_fields}, {"help", cmd_help},   {"batch", nullptr},   {"serve", nullptr},
    {"import", nullptr},    {"audit", nullptr},
};

}  // namespace

int main(int argc, char** argv) { return banshi::cli::run_cli(argc, argv, kCommands, nullptr); }
