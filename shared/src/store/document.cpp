#include "store/document.hpp"

#include <cctype>
#include <string_view>

#include <nlohmann/json.hpp>

#include <newsfacet/error.hpp>
#include <newsfacet/tagger.hpp>

#include "text/article_fields.hpp"
#include "text/dates.hpp"
#include "text/hash.hpp"
#include "store/incremental.hpp"
#include "text/near_duplicate.hpp"
#include "store/schema.hpp"
#include "text/text.hpp"

namespace newsfacet::detail {

std::string_view facet_prefix(Facet facet) noexcept {
    switch (facet) {
        case Facet::official:
            return prefix_official;
        case Facet::location:
            return prefix_location;
        case Facet::organization:
            return prefix_organization;
        case Facet::country:
            break;
    }
    return prefix_country;
}

Xapian::valueno facet_slot(Facet facet) noexcept {
    switch (facet) {
        case Facet::official:
            return slot_official;
        case Facet::location:
            return slot_location;
        case Facet::organization:
            return slot_organization;
        case Facet::country:
            break;
    }
    return slot_country;
}

std::string bounded_term(std::string_view prefix, std::string_view text) {
    constexpr std::size_t max_plain = 200;
    std::string term(prefix);
    if (text.size() <= max_plain) return term.append(text);
    // The seed is not FNV's offset basis (a digit short of it) but is kept: long ids in
    // existing indexes were hashed with it.
    constexpr std::uint64_t seed = 1469598103934665603ULL;
    term.append(text.substr(0, 160)).append("#").append(hex64(fnv1a(text, seed)));
    term.append("#").append(std::to_string(text.size()));
    return term;
}

std::string id_term(std::string_view id) { return bounded_term(prefix_id, id); }

std::string filter_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += facet_key(value);
    if (term.size() > 240) term.resize(240);
    return term;
}

std::string date_order_key(const std::string& date_key, std::string_view id, bool newest) {
    // Dates start with a digit: "\x01" sorts below every one (last when descending), "\xff"
    // above (last when ascending).
    std::string key = !date_key.empty() ? date_key : newest ? std::string("\x01") : std::string("\xff");
    const std::uint64_t h = fnv1a(id);
    for (int shift = 56; shift >= 0; shift -= 8) {
        auto byte = static_cast<unsigned char>(h >> shift);
        // Complemented when sorted descending, so that the smaller hash still comes first.
        key.push_back(static_cast<char>(newest ? 0xFF - byte : byte));
    }
    return key;
}

namespace {

std::string join_values(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out.push_back(value_separator);
        out += v;
    }
    return out;
}

// The weighted lead: how many words open a body that are indexed once more, and how much more
// they count than the rest. (Not the tagger's salience lead of two sentences.)
constexpr std::size_t weighted_lead_words = 40;
constexpr Xapian::termcount weighted_lead_extra_wdf = 1;

// Byte offset just past the first `count` words of `text` (its size if it is shorter). Any
// non-ASCII byte counts as part of a word: an approximate cut is good enough for a lead.
std::size_t end_of_words(std::string_view text, std::size_t count) {
    bool in_word = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const bool word = c >= 0x80 || std::isalnum(c) != 0;
        if (word && !in_word && count-- == 0) return i;
        in_word = word;
    }
    return text.size();
}

// The stored data: the article's fields, its facet values, its officials and organisations.
nlohmann::json document_data(const Article& article, const Tagging& tagging) {
    nlohmann::json data = nlohmann::json::object();
    for (const auto& field : article_fields) {
        // Data written before the language existed has no key; neither has an unknown one.
        if (field.key == key::language && article.language.empty()) continue;
        data[std::string(field.key)] = article.*field.member;
    }
    nlohmann::json facets = nlohmann::json::object();
    for (auto facet : all_facets) facets[std::string(facet_name(facet))] = tagging.facets[facet];
    data[std::string(key::facets)] = facets;
    data[std::string(key::officials)] = records_to_json(tagging.officials, official_fields);
    data[std::string(key::organizations)] = records_to_json(tagging.organizations, organization_fields);
    return data;
}

}  // namespace

Xapian::TermGenerator make_generator(const Analysis& analysis) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(analysis.stemmer);
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    return generator;
}

void index_free_text(Xapian::TermGenerator& generator, const Article& article) {
    // Title words count as body words do; the headline's weight comes from the S terms below,
    // which the query adds as a bonus for the words the user typed (query.cpp). Counting them
    // three times here as well ranked articles that only name a query word in the headline
    // above articles about it (figures: bench/results/ranking.md, "Title words indexed once").
    generator.index_text(article.title);
    generator.index_text(article.title, 1, std::string(prefix_title));
    generator.increase_termpos(100);
    generator.index_text(article.body);
    // News puts what the story is about first (the inverted pyramid): lead words count once
    // more. Same terms, no positions, so the index barely grows. (Figures:
    // bench/results/ranking.md, "Lead words count once more".)
    const std::string_view body = article.body;
    generator.index_text_without_positions(std::string(body.substr(0, end_of_words(body, weighted_lead_words))),
                                           weighted_lead_extra_wdf);
}

Xapian::Document make_document(const Article& article, const Tagging& tagging,
                               Xapian::TermGenerator& generator, const std::string& file_term) {
    Xapian::Document doc;
    generator.set_document(doc);
    index_free_text(generator, article);
    doc.add_boolean_term(id_term(article.id));
    if (!article.source.empty()) doc.add_boolean_term(filter_term(prefix_source, article.source));
    for (auto facet : all_facets) {
        for (const auto& v : tagging.facets[facet]) doc.add_boolean_term(filter_term(facet_prefix(facet), v));
        doc.add_value(facet_slot(facet), join_values(tagging.facets[facet]));
    }
    const std::string date = article.date.empty() ? std::string() : date_key(article.date, false);
    if (!date.empty()) doc.add_value(slot_date, date);
    const auto month = month_of(date);
    doc.add_value(slot_month, month.empty() ? std::string(month_undated) : std::string(month));
    doc.add_value(slot_newest, date_order_key(date, article.id, true));
    doc.add_value(slot_oldest, date_order_key(date, article.id, false));
    doc.add_value(slot_source, article.source);
    doc.add_value(slot_id, article.id);
    if (!file_term.empty()) doc.add_boolean_term(file_term);
    doc.add_value(slot_content, content_hash(article, file_term));
    // Copies are recognised by their body alone: wire copies often carry a new headline.
    if (auto key = near_duplicate_key(article.body); !key.empty()) {
        doc.add_boolean_term(copy_term(key));
        doc.add_value(slot_collapse, key);
    }

    doc.set_data(document_data(article, tagging).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return doc;
}

StoredArticle read_document(const Xapian::Document& doc) {
    StoredArticle out;
    try {
        auto data = nlohmann::json::parse(doc.get_data());
        for (const auto& field : article_fields) out.article.*field.member = data.value(field.key, std::string());
        auto& facets = data[std::string(key::facets)];
        for (auto facet : all_facets) {
            auto it = facets.find(std::string(facet_name(facet)));
            if (it != facets.end()) out.facets[facet] = it->get<std::vector<std::string>>();
        }
        out.officials = records_from_json(data, key::officials, official_fields);
        // Absent from data written before document layout 4: no organisations.
        out.organizations = records_from_json(data, key::organizations, organization_fields);
    } catch (const nlohmann::json::exception& e) {
        throw DatabaseError("document " + std::to_string(doc.get_docid()) +
                            " holds no newsfacet data: " + e.what());
    }
    return out;
}

}  // namespace newsfacet::detail
