#pragma once
// Query expansion: irregular forms, true synonyms and looser relatives of query words,
// read from shared/data/thesaurus.tsv and applied in the library (so it works on any shard).

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "text/stemmer.hpp"
#include "text/term_stats.hpp"

namespace newsfacet::detail {

class Thesaurus {
public:
    /// Parses the TSV format of shared/data/thesaurus.tsv; throws InputError when malformed.
    Thesaurus(std::string_view tsv, const std::string& origin);

    /// The family (a set of words that are each other's relatives, e.g. ways to say "attack")
    /// of a query term (a stem term or a word, text/terms.hpp), or -1.
    [[nodiscard]] int family_of(const std::string& term) const;

    /// Irregular forms, for make_stemmer().
    [[nodiscard]] const IrregularForms& irregular() const noexcept { return m_irregular; }

    /// Must be called once with the stemmer built from irregular(), before expand().
    void prepare(const Xapian::Stem& stemmer);

    /// Rewrites the weighted part of a parsed query: each stemmed word term with thesaurus
    /// entries becomes OP_SYNONYM(term, synonyms...), ORed with its relatives scaled so that a
    /// relative is never worth more than `weight` times the word itself (a rare relative would
    /// otherwise outweigh a common original under BM25). `stats` gives term frequencies.
    /// Phrases, NEAR groups and other structures are left as they are.
    [[nodiscard]] Xapian::Query expand(const Xapian::Query& query, const TermStats& stats) const;

private:
    struct Entry {
        std::vector<std::string> synonyms;  // words or phrases, as written
        std::vector<std::string> related;
        double related_weight = 0.5;
    };
    struct Group {
        std::vector<Xapian::Query> synonyms;
        std::vector<Xapian::Query> related;
        double related_weight = 0.5;
    };

    [[nodiscard]] Xapian::Query expand_term(const std::string& term, const TermStats& stats) const;
    [[nodiscard]] Xapian::Query word_query(const std::string& word_or_phrase) const;

    IrregularForms m_irregular;
    std::vector<std::vector<std::string>> m_families;             // words as written
    std::unordered_map<std::string, int> m_family_of;             // by stem term
    std::unordered_map<std::string, Entry> m_entries;  // by word as written
    std::unordered_map<std::string, Group> m_groups;   // by stem term
    Xapian::Stem m_stemmer;
};

/// The thesaurus compiled into the library (shared/data/thesaurus.tsv).
[[nodiscard]] std::string_view builtin_thesaurus() noexcept;

}  // namespace newsfacet::detail
