#pragma once
// Query parameters of the API: what they ask for, checked against the service's limits.

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include <newsfacet/searcher.hpp>
#include <newsfacet/serve/http.hpp>

namespace newsfacet::serve {

/// Bounds on what one request may ask for.
struct Limits {
    std::size_t max_target_bytes = 4096;   ///< Longer request targets: 414.
    std::size_t max_parameters = 64;       ///< More query parameters: 414.
    std::size_t max_query_bytes = 1000;    ///< A longer `q` (or `like`, a filter value): 400.
    std::size_t max_limit = 100;           ///< `limit` of a search or facet list above it: 400.
    std::size_t max_offset = 100000;       ///< `offset` above it: 400.
    std::size_t max_facet_values = 1000;   ///< `limit` of a facet list above it: 400.
    std::size_t max_export_rows = 10000;   ///< An export stops after so many rows (its cap).
    std::size_t max_concurrent_exports = 2;  ///< One more export at once: 429.
};

/// The search that `parameters` ask for, as newsfacet-search's options would (README, "Web
/// interface and HTTP API"): q; country, official, location, organization (or organisation),
/// source, each repeatable; since, until; sort (relevance, newest, oldest); offset; limit
/// (default 10); like; collapse=false, expand=false, verbatim=true, facets=false (booleans
/// are true/false/1/0). Names in `also_allowed` are accepted and left to the caller. Throws
/// HttpError 400 naming the parameter for an unknown name, a repeated single-valued one, a
/// value that is not of its kind, a text over Limits::max_query_bytes, a limit or offset over
/// its maximum. Dates are checked by the search itself.
[[nodiscard]] SearchRequest search_request_from(const Parameters& parameters, const Limits& limits,
                                                std::initializer_list<std::string_view> also_allowed = {});

/// The single value of parameter `name`, or `fallback` when it is absent. Throws HttpError
/// 400 naming it when it is given more than once.
[[nodiscard]] std::string single_value(const Parameters& parameters, std::string_view name,
                                       const std::string& fallback = "");

/// The whole number parameter `name` gives, or `fallback` when it is absent. Throws
/// HttpError 400 naming it for a value that is not a whole number or is above `maximum`,
/// or when it is given more than once.
[[nodiscard]] std::size_t number_value(const Parameters& parameters, const std::string& name, std::size_t fallback,
                                       std::size_t maximum);

}  // namespace newsfacet::serve
