#pragma once
// The tagging of one article: gazetteer matches, officials and salience over the title, the
// dateline and the body. Used by Tagger (tagger.cpp); split by concern across
// article_tagger.cpp (salience, the overall run), article_tagger_places.cpp and
// article_tagger_officials.cpp.

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/article.hpp>
#include <newsfacet/facets.hpp>

#include "tag/gazetteer.hpp"
#include "tag/known_officials.hpp"
#include "tag/roles.hpp"
#include "text/dates.hpp"
#include "text/text.hpp"

namespace newsfacet::detail {

// One field's words, with folded forms for lexicon lookups.
struct Analysed {
    std::string_view text;
    std::vector<text::Token> tokens;
    std::vector<std::string> folded;
    // Bytes rather than std::vector<bool>: read for every token, so cheap access matters.
    std::vector<std::uint8_t> upper;       // starts with a capital
    std::vector<std::uint8_t> role_start;  // an office head or modifier

    explicit Analysed(std::string_view t) : text(t), tokens(text::words(t)) {
        folded.reserve(tokens.size());
        upper.reserve(tokens.size());
        role_start.reserve(tokens.size());
        for (const auto& tok : tokens) {
            folded.push_back(text::fold(word(tok)));
            upper.push_back(text::starts_upper(word(tok)));
            // Computed once: most words can start neither a place nor an office.
            role_start.push_back(detail::is_role_word(folded.back()));
        }
    }
    [[nodiscard]] std::string_view word(const text::Token& tok) const {
        return text.substr(tok.start, tok.end - tok.start);
    }
    [[nodiscard]] std::string_view word(std::size_t i) const { return word(tokens[i]); }
    [[nodiscard]] std::string_view gap_before(std::size_t i) const {
        if (i == 0) return text.substr(0, tokens[0].start);
        return text.substr(tokens[i - 1].end, tokens[i].start - tokens[i - 1].end);
    }
    [[nodiscard]] std::string_view gap_after(std::size_t i) const {
        auto end = i + 1 < tokens.size() ? tokens[i + 1].start : text.size();
        return text.substr(tokens[i].end, end - tokens[i].end);
    }
};

// A resolved place mention.
struct PlaceHit {
    std::size_t first;
    std::size_t last;
    std::uint32_t place;
    bool demonym;
    bool locative;
    bool passing;  // "from X", "to X": an origin or destination, not where things happen
};

struct OfficialHit {
    std::size_t first;  // name tokens [first, last); empty for a headline-only mention
    std::size_t last;
    std::string name;
    std::string role;
    std::string country;
    std::string key = {};  // folded surname when there are no tokens
};

/// The end of the salience lead of a body, where a mention is stronger evidence (see
/// article_tagger.cpp): the first two sentences (text::sentence_end), or the first paragraph
/// if shorter. Not the weighted lead of indexing (40 words, store/document.cpp).
[[nodiscard]] std::size_t salience_lead_end(std::string_view text);

/// "'s " and its typographic and tokenised forms.
[[nodiscard]] bool is_possessive_gap(std::string_view gap);

/// ", " — also as tokenised text writes it (" , ").
[[nodiscard]] bool is_comma_gap(std::string_view gap);

class ArticleTagger {
public:
    ArticleTagger(const detail::Gazetteer& gaz, const detail::KnownOfficials& known, const Article& article)
        : m_gaz(gaz),
          m_known(known),
          m_body(article.body),
          m_title(article.title),
          m_dateline(article.dateline),
          m_year(year_of(article.date)) {}

    Tagging run();

private:
    std::vector<PlaceHit> find_places(const Analysed& field, const std::vector<detail::PhraseMatch>& matches,
                                      const std::set<std::string>& countries, bool dateline) const;
    std::vector<detail::PhraseMatch> scan(const Analysed& field, bool dateline) const;
    std::set<std::string> countries_named(const std::vector<detail::PhraseMatch>& matches) const;
    std::string country_of(const PlaceHit& hit) const;
    bool part_of_other_name(const Analysed& field, std::size_t first, std::size_t last, const Place& place) const;
    const PlaceHit* place_ending_at(std::size_t token) const;
    const PlaceHit* place_starting_at(std::size_t token) const;
    std::string country_before(std::size_t role_first) const;
    std::string country_after(std::size_t role_last) const;
    std::size_t name_forward(std::size_t i) const;
    std::size_t name_backward(std::size_t end) const;
    bool name_ok(std::size_t first, std::size_t last) const;
    std::string name_text(std::size_t first, std::size_t last) const;
    void find_officials();
    bool private_office(const detail::RoleMatch& role) const;
    void add_official(std::size_t first, std::size_t last, const std::string& role,
                      const std::string& country);

    void use_known_officials();
    const detail::KnownOfficial* known_alias(const Analysed& field, std::size_t t) const;

    const detail::Gazetteer& m_gaz;
    const detail::KnownOfficials& m_known;
    Analysed m_body;
    Analysed m_title;
    Analysed m_dateline;
    int m_year;
    std::vector<PlaceHit> m_places;
    std::vector<OfficialHit> m_officials;
};

}  // namespace newsfacet::detail
