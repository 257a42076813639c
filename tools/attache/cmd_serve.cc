// attache serve: the HTTP JSON API and the search page over one index, until
// interrupted (SIGINT, SIGTERM).
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "cli.h"
#include "server.h"

namespace attache::cli {
namespace {

// "HOST:PORT", "[V6]:PORT" or ":PORT" (127.0.0.1). Port 0 picks a free one.
void parse_listen(const std::string& value, serve::ServeOptions& options) {
  const size_t colon = value.rfind(':');
  if (colon == std::string::npos) throw po::error("--listen takes HOST:PORT, not '" + value + "'");
  std::string host = value.substr(0, colon), port = value.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  if (!host.empty()) options.host = host;
  const bool digits = !port.empty() && port.size() <= 5 && port.find_first_not_of("0123456789") == std::string::npos;
  if (!digits || std::stoi(port) > 65535) throw po::error("--listen: '" + port + "' is not a port number");
  options.port = std::stoi(port);
}

}  // namespace

int run_serve(const std::vector<std::string>& args) {
  po::options_description options("options");
  serve::ServeOptions serve_options;
  std::string listen = "127.0.0.1:8080";
  options.add_options()
      ("index,i", po::value(&serve_options.index_path)->required()->value_name("DIR"), "index directory")
      ("listen,l", po::value(&listen)->value_name("HOST:PORT")->default_value(listen),
       "address to listen on (port 0: any free port)")
      ("threads", po::value(&serve_options.threads)->value_name("N")->default_value(serve_options.threads),
       "requests answered at once (default: twice the cores); connections are not limited by it")
      ("timeout", po::value(&serve_options.timeout_seconds)->value_name("SECONDS")->default_value(10),
       "time allowed to read a request or write an answer")
      ("web-dir", po::value(&serve_options.web_dir)->value_name("DIR"),
       "serve the page's files from DIR instead of the copies compiled in (for editing them)");
  po::positional_options_description positional;
  po::variables_map vm;
  if (!parse("serve", args, options, positional, vm, "--index DIR [--listen HOST:PORT]",
             "  attache serve --index news-index                      # then open http://127.0.0.1:8080/\n"
             "  attache serve --index news-index --listen 0.0.0.0:8080 # every address of this machine\n"
             "  curl 'http://127.0.0.1:8080/api/search?q=nato&limit=3'\n"
             "\nThe API: /api/search, /api/article/ID, /api/speakers, /api/kwic, /api/export, /api/stats,\n"
             "/api/health (see README.md). Commits to the index are picked up without a restart.\n"))
    return kOk;
  parse_listen(listen, serve_options);
  if (serve_options.threads == 0 || serve_options.threads > 1024) throw po::error("--threads must be from 1 to 1024");
  if (serve_options.timeout_seconds <= 0) throw po::error("--timeout must be at least 1 second");

  // Signals go to one thread that stops the server; the workers never see them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);

  serve::Server server(serve_options);
  std::cout << "attache serve: " << serve_options.index_path << " at " << server.url() << "  (Ctrl-C stops)"
            << std::endl;
  std::thread watcher([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    server.stop();
  });
  server.run();
  // Stopped by a signal, the watcher has returned; stopped otherwise, wake it.
  pthread_kill(watcher.native_handle(), SIGTERM);
  watcher.join();
  std::cerr << "attache serve: stopped\n";
  return kOk;
}

}  // namespace attache::cli
