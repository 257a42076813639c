// attache-serve: `attache serve`, a program of its own so that the server's
// libraries load only when it runs (cli.h, exec_serve).
#include <string>
#include <vector>

#include "cli.h"

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return attache::cli::run_command("serve", attache::cli::run_serve, args);
}
