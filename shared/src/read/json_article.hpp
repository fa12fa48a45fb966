#pragma once
// One JSON object as an article: Article's own keys, the names common scrapers and datasets
// use for the same fields, and the keys a user maps (ReadOptions::fields).

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include <newsfacet/article.hpp>
#include <newsfacet/reader.hpp>

namespace newsfacet::detail {

/// What reading one object gave: an article, or the reason there is none; and warnings
/// (a date that is not one) that do not stop it.
struct JsonArticle {
    std::optional<Article> article;
    std::string error;
    std::vector<std::string> warnings;
};

/// Reads `object` as an article (see read_articles for the keys and ids); `default_id` is
/// the id of an object with neither an id nor a URL. An error for a value of the wrong type
/// under Article's own key or a mapped key (another name's is skipped), for an object with
/// neither title nor body, and for a JSON value that is not an object. Never throws.
[[nodiscard]] JsonArticle article_from_json(const nlohmann::json& object, const ReadOptions& options,
                                            const std::string& default_id);

}  // namespace newsfacet::detail
