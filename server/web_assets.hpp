#pragma once
// The page's files (server/web/), embedded in the binary at build time (cmake/embed_web.cmake).

#include <vector>

#include <newsfacet/serve/service.hpp>

namespace newsfacet::server {

/// Every file of server/web/, by name, its bytes in the binary's read-only data.
[[nodiscard]] std::vector<serve::Asset> web_assets();

}  // namespace newsfacet::server
