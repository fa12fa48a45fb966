#include "read/json_article.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include <nlohmann/json.hpp>

#include "text/article_fields.hpp"
#include "text/dates.hpp"
#include "text/language.hpp"
#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

using nlohmann::json;

// Other names of Article's fields in the dumps of common scrapers, APIs and datasets
// (news-please, newspaper, NewsAPI, schema.org's NewsArticle, GDELT-derived sets), after
// Article's own key, most specific first: the first that holds text wins. Summaries come
// last, as a body only when there is no full text.
struct Aliases {
    std::string_view field;
    std::vector<std::string_view> keys;
};

const std::array<Aliases, 7>& aliases() {
    static const std::array<Aliases, 7> table = {{
        {key::id, {"_id", "article_id"}},
        {key::title, {"headline"}},
        {key::body,
         {"text", "maintext", "content", "article", "article_body", "articleBody", "full_text", "fulltext", "story",
          "description", "summary"}},
        {key::date,
         {"date_publish", "published_at", "publishedAt", "published", "datePublished", "date_published",
          "publish_date", "publication_date", "pubDate", "pub_date"}},
        {key::source, {"source_domain", "source_name", "publisher", "site_name", "siteName", "outlet"}},
        {key::url, {"link", "canonical_url", "canonical_link", "article_url", "uri"}},
        {key::language, {"lang", "inLanguage", "language_code"}},
    }};
    return table;
}

const std::vector<std::string_view>& aliases_of(std::string_view field) {
    static const std::vector<std::string_view> none;
    for (const auto& a : aliases()) {
        if (a.field == field) return a.keys;
    }
    return none;
}

// A Unix time in seconds, or in milliseconds from 10^11 up (10^11 seconds is the year 5138,
// 10^11 milliseconds is 1973).
std::string date_of_number(const json& value) {
    const double n = value.get<double>();
    if (!std::isfinite(n)) return {};
    const double seconds = std::fabs(n) >= 1e11 ? n / 1000 : n;
    if (std::fabs(seconds) > 1e12) return {};
    return utc_date_time(static_cast<std::int64_t>(std::floor(seconds)));
}

// The text of a field's value, or nothing when its type cannot hold that field: a string; a
// number for an id (its digits) or a date (Unix time); an object's "name" for a source or
// publisher ({"name": "Reuters"}); paragraphs as an array of strings for a body or title.
std::optional<std::string> text_of(const json& value, std::string_view field) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_null()) return std::string();
    if (value.is_number() && field == key::id) return value.dump();
    if (value.is_number() && field == key::date) return date_of_number(value);
    if (value.is_object() && field == key::source) {
        auto name = value.find("name");
        if (name != value.end() && name->is_string()) return name->get<std::string>();
        return std::nullopt;
    }
    if (value.is_array() && (field == key::body || field == key::title) && !value.empty() &&
        std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); })) {
        std::string joined;
        for (const auto& paragraph : value) {
            if (!joined.empty()) joined += "\n\n";
            joined += paragraph.get<std::string>();
        }
        return joined;
    }
    return std::nullopt;
}

// The value at `key` of `object`: the key itself, else a dotted path through nested objects.
const json* find_key(const json& object, std::string_view key) {
    if (auto it = object.find(key); it != object.end()) return &*it;
    const json* at = &object;
    while (!key.empty()) {
        const auto dot = key.find('.');
        if (!at->is_object()) return nullptr;
        auto it = at->find(key.substr(0, dot));
        if (it == at->end()) return nullptr;
        at = &*it;
        key = dot == std::string_view::npos ? std::string_view() : key.substr(dot + 1);
    }
    return at;
}

std::string wrong_type(std::string_view key, const json& value) {
    return "field '" + std::string(key) + "' must be a string, not " + value.type_name();
}

// Reads one field into `out`: from the user's mapped key only, if there is one; else from
// Article's own key, then its other names. False (with `error` set) for a value of the wrong
// type under a key that must hold it.
bool read_field(const json& object, std::string_view field, const ReadOptions& options, std::string& out,
                std::string& error) {
    auto mapped = std::find_if(options.fields.begin(), options.fields.end(),
                               [&](const FieldMapping& m) { return m.field == field; });
    if (mapped != options.fields.end()) {
        const json* value = find_key(object, mapped->key);
        if (!value) return true;
        auto text = text_of(*value, field);
        if (!text) error = wrong_type(mapped->key, *value);
        out = text.value_or(std::string());
        return text.has_value();
    }
    if (auto it = object.find(field); it != object.end()) {
        auto text = text_of(*it, field);
        if (!text) {
            error = wrong_type(field, *it);
            return false;
        }
        out = std::move(*text);
        if (!out.empty()) return true;
    }
    for (auto alias : aliases_of(field)) {
        auto it = object.find(alias);
        if (it == object.end()) continue;
        if (auto text = text_of(*it, field); text && !text->empty()) {
            out = std::move(*text);
            return true;
        }
    }
    return true;
}

bool blank(const std::string& s) { return text::trim_space(s).empty(); }

}  // namespace

JsonArticle article_from_json(const json& object, const ReadOptions& options, const std::string& default_id) {
    JsonArticle result;
    if (!object.is_object()) {
        result.error = "expected a JSON object for an article, found " + std::string(object.type_name());
        return result;
    }
    Article a;
    for (const auto& f : article_fields) {
        if (!read_field(object, f.key, options, a.*f.member, result.error)) return result;
    }
    // An object from the web is known by its address: the same story from a feed and from its
    // saved page is one article, and a re-crawl replaces it.
    if (a.id.empty()) a.id = normalize_url(a.url);
    if (a.id.empty()) a.id = default_id;
    a.language = text::language_tag(a.language);
    if (blank(a.title) && blank(a.body)) {
        result.error = "article '" + a.id + "' has no title and no body";
        return result;
    }
    if (!a.date.empty()) {
        try {
            a.date = normalize_date(a.date);
        } catch (const Error& e) {
            // Dumps of feeds keep RSS's own form ("Tue, 10 Jun 2003 04:00:00 GMT").
            a.date = rfc822_date(a.date);
            if (a.date.empty()) result.warnings.push_back(std::string(e.what()) + "; article kept without a date");
        }
    }
    result.article = std::move(a);
    return result;
}

}  // namespace newsfacet::detail
