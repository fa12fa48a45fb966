#include "tag/known_organizations.hpp"

#include <algorithm>
#include <array>

#include <newsfacet/error.hpp>
#include <newsfacet/facets.hpp>

#include "tag/lists.hpp"

namespace newsfacet::detail {
namespace {

// "Amazon (company)": a qualified name is told apart from another thing of that name, so the
// bare name is no alias of it.
bool qualified(std::string_view name) { return !name.empty() && name.back() == ')' && name.find(" (") != name.npos; }

std::string generic_key(std::string_view country, std::string_view generic) {
    std::string key(country);
    key += '\t';
    key += generic;
    return key;
}

// Lower-case words of names, not descriptions: "Bank of England", "al-Qaeda", "Banca d'Italia".
bool is_name_connector(std::string_view word) {
    return (word.size() > 2 && word[1] == '\'') || word == "of" || word == "the" || word == "and" || word == "for" || word == "in" || word == "al" ||
           word == "de" || word == "d" || word == "sans" || word == "wal" || word == "e" || word == "i";
}

}  // namespace

KnownOrganizations::KnownOrganizations(std::string_view tsv, const std::string& origin,
                                       const std::vector<std::string_view>& also) {
    for (auto word : also) m_triggers.set(digest(word));
    for_each_row(tsv, origin, "name", 6, [&](const std::vector<std::string_view>& cols, std::size_t line_no) {
        if (cols[0].empty()) throw InputError(origin, line_no, "empty name");
        if (std::find(organization_kinds.begin(), organization_kinds.end(), cols[1]) == organization_kinds.end()) {
            throw InputError(origin, line_no, "unknown organisation kind '" + std::string(cols[1]) + "'");
        }
        KnownOrganization org{std::string(cols[0]), std::string(cols[1]), std::string(cols[2]), {}};
        const auto index = static_cast<std::uint32_t>(m_orgs.size());
        for (auto g : text::split(cols[5], '|')) {
            if (g.empty()) continue;
            org.generics.emplace_back(g);
            m_by_generic.emplace(generic_key(org.country, g), index);
        }
        m_by_name.emplace(text::fold(org.name), index);
        m_orgs.push_back(std::move(org));

        std::vector<std::string> context_keys;
        for (auto alias : text::split(cols[4], '|')) {
            if (alias.empty()) continue;
            add_alias(alias, index, true);
            context_keys.push_back(text::name_key(alias));
        }
        const auto& name = m_orgs.back().name;
        if (!qualified(name) && std::find(context_keys.begin(), context_keys.end(), text::name_key(name)) == context_keys.end()) {
            add_alias(name, index, false);
        }
        for (auto alias : text::split(cols[3], '|')) {
            if (!alias.empty()) add_alias(alias, index, false);
        }
    });
}

void KnownOrganizations::add_alias(std::string_view alias, std::uint32_t org, bool context) {
    auto tokens = text::words(alias);
    if (tokens.empty() || tokens.size() > 31) return;
    std::uint32_t mask = 0;
    bool all_caps = true;
    bool nominal = false;
    std::size_t letters = 0;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        auto word = alias.substr(tokens[k].start, tokens[k].end - tokens[k].start);
        if (text::starts_upper(word)) mask |= 1u << k;
        else if (!text::all_upper(word) && !is_name_connector(word)) nominal = true;
        if (!text::all_upper(word)) all_caps = false;
        letters += word.size();
    }
    // Short forms in capitals ("WHO", "IS", "EU") must be in capitals: "who", "is", "Eu" are not them.
    const bool exact_case = all_caps && letters <= 5;
    const std::string key = text::name_key(alias);
    auto& list = m_phrases[key].aliases;
    for (auto& a : list) {
        // "al-Qaeda" and "Al-Qaeda", "NATO" and "Nato": one entry, as loose as the loosest form.
        if (a.org == org && a.context == context && a.nominal == nominal) {
            a.upper_mask &= mask;
            a.exact_case = a.exact_case && exact_case;
            return;
        }
    }
    list.push_back({org, context, nominal, exact_case, mask});
    const auto first = digest(std::string_view(key).substr(0, key.find(' ')));
    m_capitalised_triggers.set(first);
    if ((mask & 1u) == 0) m_triggers.set(first);
    for (auto space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
        m_phrases[key.substr(0, space)].prefix = true;
    }
    m_max_tokens = std::max(m_max_tokens, tokens.size());
}

bool KnownOrganizations::match_at(std::string_view text, const std::vector<text::Token>& tokens,
                                  const std::vector<std::string>& folded, std::size_t i,
                                  OrganizationMatch& out) const {
    auto word_at = [&](std::size_t k) { return text.substr(tokens[k].start, tokens[k].end - tokens[k].start); };
    auto case_agrees = [&](const Alias& alias, std::size_t n) {
        for (std::size_t k = 0; k < n; ++k) {
            auto word = word_at(i + k);
            if (((alias.upper_mask >> k) & 1u) && !text::starts_upper(word)) return false;
            if (alias.exact_case && !text::all_upper(word)) return false;
        }
        return true;
    };
    const std::size_t limit = std::min(tokens.size(), i + m_max_tokens);
    std::string key;  // text::name_key of the words so far, one word longer each round
    bool found = false;
    for (std::size_t k = i; k < limit; ++k) {
        // Names run across spaces, hyphens, apostrophes and abbreviation periods ("U.N."), "&"
        // ("Johnson & Johnson"), a slash ("Royal Dutch/Shell") and a hard-wrapped line's break,
        // not across other punctuation or paragraphs.
        if (k > i) {
            auto gap = text.substr(tokens[k - 1].end, tokens[k].start - tokens[k - 1].end);
            if (gap != " & " && gap != "\n" && gap != "/" &&
                (gap.find_first_not_of(" -'.") != std::string_view::npos || gap.size() > 2)) {
                break;
            }
            key.push_back(' ');
        }
        key += folded[k];
        auto it = m_phrases.find(key);
        if (it == m_phrases.end()) break;
        // The longest name wins: a later, longer match replaces this one.
        for (const auto& alias : it->second.aliases) {
            if (!case_agrees(alias, k - i + 1)) continue;
            out = {i, k + 1, alias.org, alias.context, alias.nominal};
            found = true;
            break;
        }
        if (!it->second.prefix) break;  // no longer name starts with these words
    }
    return found;
}

const KnownOrganization* KnownOrganizations::generic(const std::string& country, std::string_view generic) const {
    auto it = m_by_generic.find(generic_key(country, generic));
    return it == m_by_generic.end() ? nullptr : &m_orgs[it->second];
}

const KnownOrganization* KnownOrganizations::find(std::string_view name) const {
    auto it = m_by_name.find(text::fold(name));
    return it == m_by_name.end() ? nullptr : &m_orgs[it->second];
}

const KnownOrganization* KnownOrganizations::resolve(std::string_view typed) const {
    if (const auto* named = find(typed)) return named;
    auto it = m_phrases.find(text::name_key(typed));
    if (it == m_phrases.end()) return nullptr;
    // Aliases before context aliases; one naming several organisations resolves to none.
    // Nominal forms ("the ministry") name no body on their own.
    for (bool context : {false, true}) {
        const KnownOrganization* only = nullptr;
        for (const auto& alias : it->second.aliases) {
            if (alias.context != context || alias.nominal) continue;
            if (only && only != &m_orgs[alias.org]) return nullptr;
            only = &m_orgs[alias.org];
        }
        if (only) return only;
    }
    return nullptr;
}

}  // namespace newsfacet::detail
