// The JSON API's routes on an httplib server (internal to attache_server).
#pragma once

#include <httplib.h>

#include "live_index.h"

namespace attache::serve {

// GET /api/search, /api/article/ID, /api/speakers, /api/kwic, /api/export,
// /api/stats, /api/health. Every answer is JSON (export: JSON Lines or CSV),
// errors included.
void add_api_routes(httplib::Server& server, LiveIndex& index);

// The body and status of an error answer: {"error": message, ...}.
void answer_error(httplib::Response& response, int status, const std::string& message);

}  // namespace attache::serve
