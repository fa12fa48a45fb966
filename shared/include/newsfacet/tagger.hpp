#pragma once
// The entity tagger: finds countries, officials and locations in an article.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>
#include <newsfacet/export.hpp>

namespace newsfacet {

/// Tags articles with entity facets using a gazetteer (countries, demonyms, cities, aliases)
/// and patterns for officials. Immutable after construction, so one Tagger may be shared by
/// several threads. Copying is cheap (the gazetteer is shared).
class NEWSFACET_EXPORT Tagger {
public:
    /// Builds a tagger over the gazetteer compiled into the library.
    /// Cost: parses the gazetteer (a few milliseconds).
    Tagger();

    /// Builds a tagger over a gazetteer file in the format of shared/data/gazetteer.tsv.
    /// Throws InputError if the file cannot be read or a line is malformed.
    explicit Tagger(const std::filesystem::path& gazetteer);

    ~Tagger();
    Tagger(const Tagger&);
    Tagger& operator=(const Tagger&);
    Tagger(Tagger&&) noexcept;
    Tagger& operator=(Tagger&&) noexcept;

    /// Tags one article: salient facet values, officials, and every mention in the body.
    /// Never throws on odd text (any bytes are accepted). Cost: linear in the text length.
    [[nodiscard]] Tagging tag(const Article& article) const;

    /// Resolves a user-typed facet value to its canonical form: case-insensitive, accent-
    /// insensitive and alias-aware ("russia", "Russian Federation" -> "Russia"; "kiev" -> "Kyiv";
    /// officials through the known-officials list: "zelenskyy" -> "Volodymyr Zelensky";
    /// organisations through the organisations list: "UN", "u.n." -> "United Nations").
    /// Returns nullopt when the value is unknown (or, for officials and organisations, names
    /// several).
    [[nodiscard]] std::optional<std::string> canonical(Facet facet, std::string_view value) const;

private:
    struct Impl;
    std::shared_ptr<const Impl> m_impl;
};

/// The key under which a facet value is stored and matched: case-folded, accents removed,
/// whitespace collapsed. Two spellings that differ only so share a key.
[[nodiscard]] NEWSFACET_EXPORT std::string facet_key(std::string_view value);

}  // namespace newsfacet
