#include <newsfacet/serve/service.hpp>

#include <algorithm>
#include <atomic>
#include <limits>

#include <nlohmann/json.hpp>

#include <newsfacet/error.hpp>
#include <newsfacet/json.hpp>

#include <newsfacet/tagger.hpp>

#include "export_stream.hpp"
#include "searcher_pool.hpp"

namespace newsfacet::serve {

namespace {

using nlohmann::json;

// No inline script or style, nothing from elsewhere, no plugins, no framing: article text
// that slipped through as markup could run nothing.
constexpr const char* content_security_policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

Response json_answer(int status, const std::string& body) {
    Response response;
    response.status = status;
    response.content_type = "application/json";
    response.body = body;
    return response;
}

Response error_answer(int status, const std::string& message, const std::string& parameter) {
    json body{{"status", status}, {"error", message}};
    if (!parameter.empty()) body["parameter"] = parameter;
    return json_answer(status, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

// Whether `value` starts with `prefix`, or has a word that does, compared as facet keys
// (case and accents aside): "kor" finds "South Korea".
bool matches_prefix(const std::string& value, const std::string& prefix_key) {
    if (prefix_key.empty()) return true;
    const auto key = facet_key(value);
    for (std::size_t at = 0;;) {
        if (key.compare(at, prefix_key.size(), prefix_key) == 0) return true;
        at = key.find(' ', at);
        if (at == std::string::npos) return false;
        ++at;
    }
}

// The search parameters without those the facet list and export read themselves.
Parameters without(const Parameters& parameters, std::initializer_list<std::string_view> names) {
    Parameters out;
    for (const auto& p : parameters) {
        if (std::find(names.begin(), names.end(), p.first) == names.end()) out.push_back(p);
    }
    return out;
}

bool is_api(const Target& target) {
    return target.segments.size() >= 2 && target.segments[0] == "api" && target.segments[1] == "v1";
}

}  // namespace

std::string content_type_of(std::string_view name) {
    auto ends_with = [&](std::string_view suffix) { return name.ends_with(suffix); };
    if (ends_with(".html")) return "text/html; charset=utf-8";
    if (ends_with(".js")) return "text/javascript; charset=utf-8";
    if (ends_with(".css")) return "text/css; charset=utf-8";
    if (ends_with(".svg")) return "image/svg+xml";
    if (ends_with(".json")) return "application/json";
    if (ends_with(".png")) return "image/png";
    if (ends_with(".ico")) return "image/x-icon";
    if (ends_with(".txt")) return "text/plain; charset=utf-8";
    return "application/octet-stream";
}

struct Service::Impl {
    ServiceOptions options;
    detail::SearcherPool searchers;

    explicit Impl(ServiceOptions o) : options(std::move(o)), searchers(options.db) {}

    Response route(const Target& target);
    Response asset(const Target& target) const;
    Response api(const Target& target);
    Response search(const Parameters& parameters);
    Response health(const Parameters& parameters);
    Response facet_values(const std::string& facet, const Parameters& parameters);
    Response article(const std::string& id, const Parameters& parameters);
    Response export_results(const Parameters& parameters);
    std::atomic<std::size_t> exports{0};
    void add_headers(Response& response, bool api) const;
};

Response Service::Impl::asset(const Target& target) const {
    const std::string name = target.segments.empty() ? "index.html" : target.segments[0];
    if (target.segments.size() <= 1) {
        for (const auto& file : options.assets) {
            if (file.name != name) continue;
            Response response;
            response.content_type = content_type_of(file.name);
            response.body = std::string(file.body);
            response.headers.emplace_back("Cache-Control", "no-cache");
            return response;
        }
    }
    throw HttpError(404, "", "no such page");
}

Response Service::Impl::search(const Parameters& parameters) {
    const auto request = search_request_from(parameters, options.limits);
    auto searcher = searchers.borrow();
    return json_answer(200, to_json(searcher->search(request)));
}

Response Service::Impl::health(const Parameters& parameters) {
    if (!parameters.empty()) throw HttpError(400, parameters.front().first, "unknown parameter '" + parameters.front().first + "'");
    auto searcher = searchers.borrow();
    return json_answer(200, json{{"status", "ok"}, {"articles", searcher->size()}}.dump());
}

Response Service::Impl::facet_values(const std::string& facet_name, const Parameters& parameters) {
    const auto facet = parse_facet(facet_name);
    if (!facet && facet_name != "source") throw HttpError(404, "", "no such facet: '" + facet_name + "'");
    const auto most = number_value(parameters, "limit", 100, options.limits.max_facet_values);
    const auto prefix = single_value(parameters, "prefix");
    auto request = search_request_from(without(parameters, {"limit", "offset", "prefix"}), options.limits);
    request.limit = 0;
    request.count_facets = true;
    request.collapse = false;  // counts count every article either way: skip the work
    request.max_facet_values = std::numeric_limits<std::size_t>::max();
    auto searcher = searchers.borrow();
    const auto results = searcher->search(request);
    std::vector<FacetCount> all = results.sources;
    for (const auto& [f, counts] : results.facets) {
        if (facet && f == *facet) all = counts;
    }
    const auto prefix_key = facet_key(prefix);
    json values = json::array();
    std::size_t matching = 0;
    for (const auto& c : all) {
        if (!matches_prefix(c.value, prefix_key)) continue;
        if (++matching <= most) values.push_back({{"value", c.value}, {"count", c.count}});
    }
    json body{{"facet", facet ? std::string(newsfacet::facet_name(*facet)) : "source"},
              {"prefix", prefix},
              {"total_values", matching},
              {"values", values}};
    return json_answer(200, body.dump(-1, ' ', false, json::error_handler_t::replace));
}

Response Service::Impl::article(const std::string& id, const Parameters& parameters) {
    if (!parameters.empty()) throw HttpError(400, parameters.front().first, "unknown parameter '" + parameters.front().first + "'");
    auto searcher = searchers.borrow();
    try {
        return json_answer(200, to_json(searcher->article(id)));
    } catch (const ArticleNotFoundError& e) {
        throw HttpError(404, "", e.what());
    }
}

Response Service::Impl::export_results(const Parameters& parameters) {
    const auto format_name = single_value(parameters, "format", "csv");
    if (format_name != "csv" && format_name != "jsonl") {
        throw HttpError(400, "format", "format: csv or jsonl, not '" + format_name + "'");
    }
    const auto cap = options.limits.max_export_rows;
    const auto rows = number_value(parameters, "limit", cap, cap);
    auto request = search_request_from(without(parameters, {"limit", "format"}), options.limits);
    auto slot = std::make_shared<detail::ExportSlot>(exports, options.limits.max_concurrent_exports);
    if (!slot->taken()) {
        auto refused = error_answer(429, "too many exports at once: try again when one has finished", "");
        refused.headers.emplace_back("Retry-After", "5");
        return refused;
    }
    const auto format = format_name == "csv" ? detail::ExportFormat::csv : detail::ExportFormat::jsonl;
    Response response;
    response.content_type = format == detail::ExportFormat::csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
    response.headers.emplace_back("Content-Disposition", std::string("attachment; filename=\"newsfacet-export.") +
                                                             (format == detail::ExportFormat::csv ? "csv" : "jsonl") + "\"");
    response.stream = detail::export_stream(std::move(request), {rows, format}, searchers, std::move(slot));
    return response;
}

Response Service::Impl::api(const Target& target) {
    const auto& s = target.segments;
    const auto& p = target.parameters;
    if (s.size() == 3 && s[2] == "search") return search(p);
    if (s.size() == 3 && s[2] == "health") return health(p);
    if (s.size() == 3 && s[2] == "export") return export_results(p);
    if (s.size() == 4 && s[2] == "facets") return facet_values(s[3], p);
    if (s.size() == 4 && s[2] == "articles") return article(s[3], p);
    throw HttpError(404, "", "no such API path");
}

Response Service::Impl::route(const Target& target) {
    if (target.parameters.size() > options.limits.max_parameters) {
        throw HttpError(414, "", "more than " + std::to_string(options.limits.max_parameters) + " parameters");
    }
    return is_api(target) ? api(target) : asset(target);
}

void Service::Impl::add_headers(Response& response, bool api_answer) const {
    response.headers.emplace_back("Content-Security-Policy", content_security_policy);
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    response.headers.emplace_back("X-Frame-Options", "DENY");
    response.headers.emplace_back("Referrer-Policy", "no-referrer");
    if (!api_answer) return;
    if (response.header("Cache-Control").empty()) response.headers.emplace_back("Cache-Control", "no-store");
    if (!options.cors_origin.empty()) {
        response.headers.emplace_back("Access-Control-Allow-Origin", options.cors_origin);
        response.headers.emplace_back("Vary", "Origin");
    }
}

Response Service::refusal(int status) const noexcept {
    try {
        const char* message = status == 413   ? "the request is too large"
                              : status == 414 ? "the request target is too long"
                              : status == 400 ? "malformed request"
                              : status == 404 ? "no such page"
                                              : "the request was refused";
        auto response = error_answer(status, message, "");
        m_impl->add_headers(response, true);
        return response;
    } catch (...) {
        Response response;
        response.status = status;
        return response;
    }
}

Service::Service(ServiceOptions options) : m_impl(std::make_unique<Impl>(std::move(options))) {}
Service::~Service() = default;

Response Service::handle(const Request& request) noexcept {
    bool api_answer = request.target.starts_with("/api/");
    Response response;
    try {
        try {
            if (request.target.size() > m_impl->options.limits.max_target_bytes) {
                throw HttpError(414, "", "the request target is longer than " +
                                             std::to_string(m_impl->options.limits.max_target_bytes) + " bytes");
            }
            if (request.method == "OPTIONS" && api_answer && !m_impl->options.cors_origin.empty()) {
                response.status = 204;
                response.headers.emplace_back("Access-Control-Allow-Methods", "GET, HEAD");
                response.headers.emplace_back("Access-Control-Max-Age", "600");
            } else if (request.method != "GET" && request.method != "HEAD") {
                response = error_answer(405, "only GET and HEAD are served", "");
                response.headers.emplace_back("Allow", "GET, HEAD");
            } else {
                const auto target = parse_target(request.target);
                api_answer = is_api(target);
                response = m_impl->route(target);
            }
        } catch (const HttpError& e) {
            response = error_answer(e.status(), e.what(), e.parameter());
        } catch (const ArticleNotFoundError& e) {
            response = error_answer(404, e.what(), "like");
        } catch (const QueryError& e) {
            response = error_answer(400, e.what(), "q");
        } catch (const UsageError& e) {
            response = error_answer(400, e.what(), "");
        } catch (const DatabaseError& e) {
            response = error_answer(503, e.what(), "");
        } catch (const std::exception& e) {
            response = error_answer(500, std::string("internal error: ") + e.what(), "");
        }
        m_impl->add_headers(response, api_answer);
    } catch (...) {
        // Out of memory while answering: the plainest answer there is.
        response = Response{};
        response.status = 500;
    }
    return response;
}

}  // namespace newsfacet::serve
