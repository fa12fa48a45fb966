#include <newsfacet/json.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "text/article_fields.hpp"

namespace newsfacet {
namespace {

using nlohmann::json;
namespace key = detail::key;

std::string dump(const json& j, int indent) {
    // Invalid UTF-8 cannot reach here through the readers, but a library caller may pass any
    // bytes: replace them rather than throw.
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json facet_values(const FacetValues& values) {
    json out = json::object();
    for (auto f : all_facets) out[std::string(facet_name(f))] = values[f];
    return out;
}

json officials(const std::vector<Official>& list) { return detail::records_to_json(list, detail::official_fields); }

json organizations(const std::vector<Organization>& list) {
    return detail::records_to_json(list, detail::organization_fields);
}

// One facet's counts, [{"value", "count"}, ...]: the shape of --facet-values and of each facet
// in a search's "facets".
json counts_json(const std::vector<FacetCount>& counts) {
    json list = json::array();
    for (const auto& c : counts) list.push_back({{"value", c.value}, {"count", c.count}});
    return list;
}

json facet_counts(const std::vector<std::pair<Facet, std::vector<FacetCount>>>& facets) {
    json out = json::object();
    for (const auto& [facet, counts] : facets) out[std::string(facet_name(facet))] = counts_json(counts);
    return out;
}

// A search's "facets": the entity facets' counts and, when facets were counted, "source".
json search_facet_counts(const SearchResults& results) {
    json out = facet_counts(results.facets);
    if (!results.facets.empty()) out["source"] = counts_json(results.sources);
    return out;
}

// "facets_without_own_filter": the filtered facets' and, when filtered, the source's.
json multi_select_counts(const SearchResults& results) {
    json out = facet_counts(results.facets_without_own_filter);
    if (!results.sources_without_own_filter.empty()) out["source"] = counts_json(results.sources_without_own_filter);
    return out;
}

json hit_json(const SearchHit& h) {
    return {{"rank", h.rank},
            {key::id, h.id},
            {key::title, h.title},
            {key::date, h.date},
            {key::source, h.source},
            {key::url, h.url},
            {key::language, h.language},
            {"score", h.score},
            {"snippet", h.snippet.to_html()},
            {key::facets, facet_values(h.facets)},
            {key::officials, officials(h.officials)},
            {key::organizations, organizations(h.organizations)},
            {"copies", h.copies}};
}

json results_json(const SearchResults& results) {
    json hits = json::array();
    for (const auto& h : results.hits) hits.push_back(hit_json(h));
    json months = json::array();
    for (const auto& m : results.months) months.push_back({{"month", m.value}, {"count", m.count}});
    // A hand-built SearchResults may leave total_articles at 0; it is never below total.
    json out = {{"query", results.query},
                {"like", results.like},
                {"total", results.total},
                {"total_articles", std::max(results.total_articles, results.total)},
                {"results", hits},
                {"facets", search_facet_counts(results)},
                {"date_histogram", months},
                {"facets_without_own_filter", multi_select_counts(results)},
                {"suggestions", results.suggestions},
                {"corrected_query", results.corrected_query},
                {"notes", results.notes}};
    return out;
}

}  // namespace

std::string to_json(const SearchResults& results, int indent) { return dump(results_json(results), indent); }

std::string to_json(const BatchItem& item, int indent) {
    json out;
    if (item.results) {
        out = results_json(*item.results);
    } else {
        out = {{"query", item.query}, {"error", item.error}};
    }
    out["line"] = item.line;
    out["took_ms"] = item.millis;
    return dump(out, indent);
}

namespace {

json tagging_json(const std::string& id, const Tagging& tagging) {
    json mentions = json::array();
    for (const auto& m : tagging.mentions) {
        mentions.push_back({{"facet", std::string(facet_name(m.facet))},
                            {"value", m.value},
                            {"text", m.text},
                            {"start", m.start},
                            {"end", m.end},
                            {"demonym", m.demonym}});
    }
    json out = {{key::id, id},
                {key::facets, facet_values(tagging.facets)},
                {key::officials, officials(tagging.officials)},
                {key::organizations, organizations(tagging.organizations)},
                {"mentions", mentions}};
    return out;
}

json article_json(const Article& a) {
    json out = json::object();
    for (const auto& field : detail::article_fields) out[std::string(field.key)] = a.*field.member;
    return out;
}

}  // namespace

std::string to_json(const std::string& id, const Tagging& tagging, int indent) { return dump(tagging_json(id, tagging), indent); }

std::string to_json(const Article& a, int indent) { return dump(article_json(a), indent); }

std::string to_json(const SearchHit& hit, int indent) { return dump(hit_json(hit), indent); }

std::string to_json(const ArticleRecord& record, int indent) {
    json out = article_json(record.article);
    out.update(tagging_json(record.article.id, record.tagging));
    return dump(out, indent);
}

std::string to_json(const std::vector<FacetCount>& counts, int indent) { return dump(counts_json(counts), indent); }

std::string to_json(const IndexInfo& info, int indent) {
    json out = {{"path", info.path},
                {"articles", info.articles},
                {"size_bytes", info.size_bytes},
                {"format_version", info.format_version},
                {"facets", facet_counts(info.facets)}};
    return dump(out, indent);
}

}  // namespace newsfacet
