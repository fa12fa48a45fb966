#pragma once
// The unit newsfacet indexes: one news article.

#include <string>

namespace newsfacet {

/// One news article. Only `id` and some text (title or body) are required to index it.
struct Article {
    std::string id;        ///< Unique key; any length and bytes. Re-indexing an id replaces it.
    std::string title;     ///< Headline (UTF-8).
    std::string body;      ///< Full text (UTF-8).
    std::string date;      ///< ISO 8601 date ("2024-03-04") or date-time, normalised on reading.
    std::string dateline;  ///< e.g. "MOSCOW, March 3".
    std::string source;    ///< Publisher or wire, e.g. "Meridian Wire".
    std::string url;       ///< Link to the original.
    /// Language as a BCP 47 tag ("en", "pt-BR"), normalised on reading (case, "_" read as
    /// "-"); "" when the source does not say (text files, most JSON). Stored, not yet searched.
    std::string language;
};

}  // namespace newsfacet
