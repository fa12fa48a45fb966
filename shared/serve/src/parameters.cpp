#include <newsfacet/serve/parameters.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

namespace newsfacet::serve {

namespace {

// Single-valued search parameters; the repeatable ones are the facet filters and source.
constexpr std::array<std::string_view, 11> single_names{"q",     "like",     "since",   "until",  "sort", "offset",
                                                        "limit", "collapse", "expand",  "verbatim", "facets"};

std::optional<Facet> filter_facet(std::string_view name) {
    if (name == "source") return std::nullopt;
    return parse_facet(name);
}

bool is_filter(std::string_view name) {
    // Only the exact names: parse_facet is case-insensitive, parameters are not.
    return name == "country" || name == "official" || name == "location" || name == "organization" ||
           name == "organisation" || name == "source";
}

void check_names(const Parameters& parameters, std::initializer_list<std::string_view> also_allowed) {
    for (const auto& [name, value] : parameters) {
        const bool known = is_filter(name) ||
                           std::find(single_names.begin(), single_names.end(), name) != single_names.end() ||
                           std::find(also_allowed.begin(), also_allowed.end(), name) != also_allowed.end();
        if (!known) throw HttpError(400, name, "unknown parameter '" + name + "'");
    }
}

void check_length(const std::string& name, const std::string& value, const Limits& limits) {
    if (value.size() > limits.max_query_bytes) {
        throw HttpError(400, name, name + ": longer than " + std::to_string(limits.max_query_bytes) + " bytes");
    }
}

bool flag_value(const Parameters& parameters, const std::string& name, bool fallback) {
    const auto text = single_value(parameters, name);
    if (text.empty()) return fallback;
    if (text == "true" || text == "1") return true;
    if (text == "false" || text == "0") return false;
    throw HttpError(400, name, name + ": true or false, not '" + text + "'");
}

SortOrder sort_value(const Parameters& parameters) {
    const auto text = single_value(parameters, "sort", "relevance");
    if (text == "relevance") return SortOrder::relevance;
    if (text == "newest") return SortOrder::newest;
    if (text == "oldest") return SortOrder::oldest;
    throw HttpError(400, "sort", "sort: relevance, newest or oldest, not '" + text + "'");
}

}  // namespace

std::size_t number_value(const Parameters& parameters, const std::string& name, std::size_t fallback,
                         std::size_t maximum) {
    const auto text = single_value(parameters, name);
    if (text.empty()) return fallback;
    std::size_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) {
        throw HttpError(400, name, name + ": not a whole number: '" + text + "'");
    }
    if (value > maximum) {
        throw HttpError(400, name, name + ": at most " + std::to_string(maximum) + ", not " + text);
    }
    return value;
}

std::string single_value(const Parameters& parameters, std::string_view name, const std::string& fallback) {
    const std::string* found = nullptr;
    for (const auto& [key, value] : parameters) {
        if (key != name) continue;
        if (found) throw HttpError(400, key, key + ": given more than once");
        found = &value;
    }
    return found ? *found : fallback;
}

SearchRequest search_request_from(const Parameters& parameters, const Limits& limits,
                                  std::initializer_list<std::string_view> also_allowed) {
    check_names(parameters, also_allowed);
    SearchRequest request;
    for (const auto& [name, value] : parameters) {
        if (!is_filter(name)) continue;
        check_length(name, value, limits);
        if (const auto facet = filter_facet(name)) {
            request.filters[*facet].push_back(value);
        } else {
            request.sources.push_back(value);
        }
    }
    request.query = single_value(parameters, "q");
    check_length("q", request.query, limits);
    request.like = single_value(parameters, "like");
    check_length("like", request.like, limits);
    request.since = single_value(parameters, "since");
    request.until = single_value(parameters, "until");
    request.sort = sort_value(parameters);
    request.offset = number_value(parameters, "offset", 0, limits.max_offset);
    request.limit = number_value(parameters, "limit", request.limit, limits.max_limit);
    request.collapse = flag_value(parameters, "collapse", true);
    request.count_facets = flag_value(parameters, "facets", true);
    const bool verbatim = flag_value(parameters, "verbatim", false);
    request.expand = !verbatim && flag_value(parameters, "expand", true);
    request.stem = !verbatim;
    return request;
}

}  // namespace newsfacet::serve
