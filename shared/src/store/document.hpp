#pragma once
// Turning an article and its tagging into a Xapian document, and back.

#include <string>

#include <xapian.h>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>

#include "text/analysis.hpp"

namespace newsfacet::detail {

/// What a search result needs from a stored article (its document data).
struct StoredArticle {
    Article article;
    FacetValues facets;
    std::vector<Official> officials;
    std::vector<Organization> organizations;
};

/// Builds the document for `article`: weighted text terms (title above body), facet filter
/// terms, value slots and the stored data.
[[nodiscard]] Xapian::Document make_document(const Article& article, const Tagging& tagging,
                                             Xapian::TermGenerator& generator, const std::string& file_term = {});

/// A term generator set up as every index's (stemmer, strategy). Not thread-safe: one per
/// thread, with its own `analysis` (the stemmer keeps state).
[[nodiscard]] Xapian::TermGenerator make_generator(const Analysis& analysis);

/// Indexes the words of `article`'s title and body into `generator`'s document, as
/// make_document does (the same terms and within-document frequencies): what feedback reads
/// an article's stems from (term_expansion.hpp). Throws what Xapian throws.
void index_free_text(Xapian::TermGenerator& generator, const Article& article);

/// The key of slot_newest (`newest` true; sorted descending) or slot_oldest (ascending): the
/// date key then 8 bytes of the id's FNV-1a hash, so one slot orders by date and breaks ties
/// the same way in one index and in shards (Xapian's remote backend sorts by a value slot
/// but runs no KeyMaker). Undated articles sort last either way; ties go to the smaller hash.
[[nodiscard]] std::string date_order_key(const std::string& date_key, std::string_view id, bool newest);

/// Decodes a document's stored data. Throws DatabaseError if it is not newsfacet data.
[[nodiscard]] StoredArticle read_document(const Xapian::Document& doc);

}  // namespace newsfacet::detail
