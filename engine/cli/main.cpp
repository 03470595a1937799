// banshi: report XML in, print-ready PDF out. This executable renders and
// checks report XML and answers help; Word documents, the web page, the
// audit and batches it hands to banshi-full (cli/hand_off.h).
#include "cli/commands.h"

int main(int argc, char** argv) { return banshi::cli::run_cli(argc, argv, {}, nullptr); }
