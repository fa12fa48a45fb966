#include "tag/known_officials.hpp"

#include <algorithm>
#include <charconv>

#include <newsfacet/error.hpp>

#include "tag/lists.hpp"
#include "text/text.hpp"

namespace newsfacet::detail {
namespace {

int year(std::string_view s, const std::string& origin, std::size_t line) {
    if (s.empty()) return 0;
    int y = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), y);
    if (ec != std::errc() || p != s.data() + s.size() || y < 1800 || y > 2100) {
        throw InputError(origin, line, "bad year '" + std::string(s) + "'");
    }
    return y;
}

bool in_office(const KnownOfficial& o, int y) { return y >= o.from && (o.to == 0 || y <= o.to); }

}  // namespace

KnownOfficials::KnownOfficials(std::string_view tsv, const std::string& origin) {
    for_each_row(tsv, origin, "name", 7, [&](const std::vector<std::string_view>& cols, std::size_t line_no) {
        KnownOfficial o;
        o.name = std::string(cols[0]);
        o.role = std::string(cols[1]);
        o.country = std::string(cols[2]);
        o.from = year(cols[4], origin, line_no);
        o.to = year(cols[5], origin, line_no);
        o.ambiguous_surname = cols[6].find("ambiguous") != std::string_view::npos;
        if (o.name.empty()) throw InputError(origin, line_no, "empty name");
        auto index = static_cast<std::uint32_t>(m_officials.size());
        m_officials.push_back(std::move(o));
        auto add = [&](auto& map, std::string_view n) {
            auto key = text::name_key(n);
            if (key.empty()) return;
            if (&map == &m_full) m_first_words.insert(key.substr(0, key.find(' ')));
            auto& list = map[key];
            if (std::find(list.begin(), list.end(), index) == list.end()) list.push_back(index);
            m_max_tokens = std::max<std::size_t>(m_max_tokens, std::count(key.begin(), key.end(), ' ') + 1);
        };
        add(m_full, m_officials.back().name);
        for (auto alias : text::split(cols[3], '|')) {
            if (alias.empty()) continue;
            // A multi-word alias is a full form ("Zelenskyy"? no: "Volodymyr Zelenskyy").
            if (alias.find(' ') != std::string_view::npos) add(m_full, alias);
            else add(m_alias, alias);
        }
    });
}

std::vector<const KnownOfficial*> KnownOfficials::find(const std::string& folded, int y, bool full_name) const {
    std::vector<const KnownOfficial*> out;
    const auto& map = full_name ? m_full : m_alias;
    auto it = map.find(folded);
    if (it == map.end()) return out;
    for (auto i : it->second) {
        const auto& o = m_officials[i];
        if (y != 0 && !in_office(o, y)) continue;
        // An ambiguous bare surname (a common word, or shared) is never enough on its own.
        if (!full_name && o.ambiguous_surname) return {};
        out.push_back(&o);
    }
    // One person (perhaps in several offices): keep the office held then (the first).
    if (!out.empty() && std::any_of(out.begin(), out.end(), [&](const KnownOfficial* o) { return o->name != out[0]->name; })) {
        return {};  // several people answer to this name: do not guess
    }
    if (y == 0 && !full_name) {
        // Undated: a bare surname must name one person ever (checked above) in one office.
        if (out.size() > 1) out.erase(out.begin() + 1, out.end());
    }
    return out;
}

}  // namespace newsfacet::detail
