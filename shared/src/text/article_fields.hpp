#pragma once
// The JSON keys of an article and of its tagging, as the stored document data
// (store/document.cpp), the JSON output (output/json.cpp) and the JSON input (read/reader.cpp)
// spell them. Stored indexes hold these keys: renaming one needs a new document_layout.

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>

namespace newsfacet::detail {

namespace key {
inline constexpr std::string_view id = "id";
inline constexpr std::string_view title = "title";
inline constexpr std::string_view body = "body";
inline constexpr std::string_view date = "date";
inline constexpr std::string_view dateline = "dateline";
inline constexpr std::string_view source = "source";
inline constexpr std::string_view url = "url";
inline constexpr std::string_view language = "language";  // stored only when known
inline constexpr std::string_view facets = "facets";        // {facet name: [values]}
inline constexpr std::string_view officials = "officials";  // [{name, role, country}]
inline constexpr std::string_view organizations = "organizations";  // [{name, kind}]
}  // namespace key

/// A text field of a struct and its JSON key.
template <typename Struct>
struct JsonField {
    std::string_view key;
    std::string Struct::*member;
};

/// Every field of Article, in declaration order.
inline constexpr std::array<JsonField<Article>, 8> article_fields = {{
    {key::id, &Article::id},
    {key::title, &Article::title},
    {key::body, &Article::body},
    {key::date, &Article::date},
    {key::dateline, &Article::dateline},
    {key::source, &Article::source},
    {key::url, &Article::url},
    {key::language, &Article::language},
}};

/// Every field of Official, in declaration order.
inline constexpr std::array<JsonField<Official>, 3> official_fields = {{
    {"name", &Official::name},
    {"role", &Official::role},
    {"country", &Official::country},
}};

/// Every field of Organization, in declaration order.
inline constexpr std::array<JsonField<Organization>, 2> organization_fields = {{
    {"name", &Organization::name},
    {"kind", &Organization::kind},
}};

/// `list` as a JSON array of objects, one key per entry of `fields`: how the stored data and
/// the JSON output write officials and organisations.
template <typename Record, std::size_t N>
[[nodiscard]] nlohmann::json records_to_json(const std::vector<Record>& list,
                                             const std::array<JsonField<Record>, N>& fields) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& r : list) {
        nlohmann::json record = nlohmann::json::object();
        for (const auto& field : fields) record[std::string(field.key)] = r.*field.member;
        out.push_back(std::move(record));
    }
    return out;
}

/// The records of the array at `key` of `data` (none when the key is absent, as in data
/// written before the key existed); a missing field reads as "". Throws nlohmann's
/// exceptions for data of another shape.
template <typename Record, std::size_t N>
[[nodiscard]] std::vector<Record> records_from_json(const nlohmann::json& data, std::string_view key,
                                                    const std::array<JsonField<Record>, N>& fields) {
    std::vector<Record> out;
    for (const auto& item : data.value(key, nlohmann::json::array())) {
        Record record;
        for (const auto& field : fields) record.*field.member = item.value(field.key, std::string());
        out.push_back(std::move(record));
    }
    return out;
}

}  // namespace newsfacet::detail
