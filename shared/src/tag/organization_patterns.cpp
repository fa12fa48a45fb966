#include "tag/organization_patterns.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "tag/lists.hpp"
#include "tag/roles.hpp"

namespace newsfacet::detail {
namespace {

// Words that end a name read backwards from its head ("said Lear Corp", "the Labour Party"):
// function words, weekdays and months.
constexpr std::array<std::string_view, 66> stop_words = {
    "a", "according", "after", "against", "also", "an", "and", "april", "as", "at", "august", "before",
    "between", "but", "by", "december", "during", "every", "february", "for", "friday", "from", "he",
    "her", "his", "however", "i", "if", "in", "into", "it", "its", "january", "july", "june", "march",
    "may", "monday", "november", "october", "on", "or", "our", "saturday", "september", "she", "since",
    "so", "sunday", "that", "the", "their", "these", "they", "this", "those", "thursday", "to", "today",
    "tuesday", "was", "we", "wednesday", "when", "while", "with"};

// The words a pattern starts from (pattern_heads()): the company suffixes below and the heads
// of the other patterns.
constexpr std::array<std::string_view, 25> heads = {
    "ag",     "army",  "bank",     "bhd",   "co",       "corp",     "corporation", "force", "forces",
    "front",  "gmbh",  "inc",      "incorporated",      "llc",      "ltd",         "military", "ministry",
    "movement", "navy", "nv",      "office", "party",   "plc",      "sa",          "spa"};

// Words a company name continues after with "of": "Bank of America", "Motors of Canada".
constexpr std::array<std::string_view, 6> of_heads = {"bank", "first", "insurance", "motors", "trust", "union"};

// Company-name endings ("Lear Corp.", "BAE Systems plc") and their display forms.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> company_suffixes = {{
    {"ag", "AG"}, {"bhd", "Bhd"}, {"co", "Co"}, {"corp", "Corp"}, {"corporation", "Corp"}, {"gmbh", "GmbH"},
    {"inc", "Inc"}, {"incorporated", "Inc"}, {"llc", "LLC"}, {"ltd", "Ltd"}, {"nv", "NV"}, {"plc", "Plc"},
    {"sa", "SA"}, {"spa", "SpA"}}};

// Ministries by their subject: "Foreign Ministry", "Ministry of Foreign Affairs" -> "Foreign".
constexpr std::array<std::pair<std::string_view, std::string_view>, 28> ministry_topics = {{
    {"agriculture", "Agriculture"}, {"commerce", "Trade"},       {"culture", "Culture"},
    {"defence", "Defence"},         {"defense", "Defence"},      {"economic", "Economy"},
    {"economy", "Economy"},         {"education", "Education"},  {"emergencies", "Emergencies"},
    {"emergency", "Emergencies"},   {"energy", "Energy"},        {"environment", "Environment"},
    {"finance", "Finance"},         {"foreign", "Foreign"},      {"health", "Health"},
    {"home", "Interior"},           {"industry", "Industry"},    {"information", "Information"},
    {"interior", "Interior"},       {"internal", "Interior"},    {"justice", "Justice"},
    {"labor", "Labour"},            {"labour", "Labour"},        {"oil", "Oil"},
    {"petroleum", "Oil"},           {"trade", "Trade"},          {"transport", "Transport"},
    {"war", "Defence"}}};

template <std::size_t N>
std::string_view lookup(const std::array<std::pair<std::string_view, std::string_view>, N>& sorted,
                        std::string_view key) noexcept {
    auto it = std::lower_bound(sorted.begin(), sorted.end(), key,
                               [](const auto& entry, std::string_view k) { return entry.first < k; });
    return it != sorted.end() && it->first == key ? it->second : std::string_view();
}

template <std::size_t N>
constexpr bool sorted_keys(const std::array<std::pair<std::string_view, std::string_view>, N>& a) {
    for (std::size_t i = 1; i < N; ++i) {
        if (!(a[i - 1].first < a[i].first)) return false;
    }
    return true;
}

static_assert(is_sorted_list(heads) && is_sorted_list(stop_words) && is_sorted_list(of_heads) && sorted_keys(company_suffixes) && sorted_keys(ministry_topics),
              "pattern word lists must be sorted for binary search");

// The words of one field, and the reading steps the patterns share.
class Reader {
public:
    Reader(std::string_view text, const std::vector<text::Token>& tokens, const std::vector<std::string>& folded,
           const std::vector<std::uint8_t>& upper)
        : m_text(text), m_tokens(tokens), m_folded(folded), m_upper(upper) {}

    [[nodiscard]] std::size_t size() const { return m_tokens.size(); }
    [[nodiscard]] const std::string& folded(std::size_t k) const { return m_folded[k]; }
    [[nodiscard]] bool upper(std::size_t k) const { return m_upper[k] != 0; }
    [[nodiscard]] std::string_view word(std::size_t k) const {
        return m_text.substr(m_tokens[k].start, m_tokens[k].end - m_tokens[k].start);
    }
    [[nodiscard]] std::string_view gap_before(std::size_t k) const {
        return m_text.substr(m_tokens[k - 1].end, m_tokens[k].start - m_tokens[k - 1].end);
    }
    // Words of one name: "Workers' Party", "Johnson & Johnson", "Coca-Cola", and across a
    // hard-wrapped line's break.
    [[nodiscard]] bool joined(std::size_t k) const {
        auto gap = gap_before(k);
        return gap == " " || gap == "\n" || gap == "-" || gap == "' " || gap == "\xE2\x80\x99 " || gap == " & ";
    }
    // A capitals run ("OPPOSITION PARTY WINS") says nothing of which words are names.
    [[nodiscard]] bool in_capitals(std::size_t k) const {
        bool neighbour = (k > 0 && text::all_upper(word(k - 1))) || (k + 1 < size() && text::all_upper(word(k + 1)));
        return text::all_upper(word(k)) && word(k).size() > 1 && neighbour;
    }
    // The first token of the capitalised name ending just before token `end` (at most `max`
    // words), or `end` when there is none. `connectors`: company names run over "of", "and"
    // and possessives ("Bank of America", "Merrill Lynch and Co", "Moody's Investors Service");
    // a name does not start with a connector, an office or a function word ("President of").
    [[nodiscard]] std::size_t name_start(std::size_t end, std::size_t max, bool connectors = false) const {
        std::size_t k = end;
        while (k > 0 && end - k < max) {
            const auto& prev = m_folded[k - 1];
            // "Bank of America", "General Motors of Canada", "Merrill Lynch and Co", not "Lynn
            // Reaser of Barnett Banks", "Johnson Controls Inc and Lear Corp".
            bool connector = connectors && k - 1 > 0 && upper(k - 2) &&
                             ((prev == "of" && contains(of_heads, m_folded[k - 2])) ||
                              (prev == "and" && (m_folded[k] == "co" || m_folded[k] == "company" || m_folded[k] == "sons")));
            bool possessive = (connectors || prev == "people") && (gap_before(k) == "'s " || gap_before(k) == " 's ");
            if (!(joined(k) || possessive) || !(upper(k - 1) || connector)) break;
            if (!connector && contains(stop_words, prev)) break;
            --k;
        }
        while (k < end && (contains(stop_words, m_folded[k]) || !upper(k) ||
                           (is_role_word(m_folded[k]) && !contains(of_heads, m_folded[k]) && k + 1 < end &&
                            m_folded[k + 1] == "of"))) {
            ++k;
        }
        return k;
    }
    // The display text of tokens [first, last): single spaces, hyphens and "&" kept.
    [[nodiscard]] std::string display(std::size_t first, std::size_t last) const {
        std::string out;
        for (std::size_t k = first; k < last; ++k) {
            if (k > first) {
                auto gap = gap_before(k);
                out += gap == "-" || gap == " & " || gap == "'s " ? std::string(gap)
                       : gap == " 's "                              ? std::string("'s ")
                       : (gap.front() == '\'' || gap.front() == '\xE2')    ? std::string("' ")
                                                                             : std::string(" ");
            }
            out += word(k);
        }
        return out;
    }

private:
    std::string_view m_text;
    const std::vector<text::Token>& m_tokens;
    const std::vector<std::string>& m_folded;
    const std::vector<std::uint8_t>& m_upper;
};

// "Foreign Ministry", "the foreign ministry" (a country's: needs_country), "Ministry of
// Foreign Affairs", "Ministry of the Interior"; "Foreign Office", the name of more than one.
bool ministry(const Reader& r, std::size_t i, PatternMatch& out) {
    const bool capital = r.upper(i);
    if (r.folded(i) == "office" && !(capital && i > 0 && r.folded(i - 1) == "foreign" && r.upper(i - 1))) return false;
    std::size_t first = i;
    std::string_view topic;
    // Backwards over subject words: "Foreign Affairs Ministry", "Foreign Ministry".
    for (std::size_t k = i; k > 0 && i - k < 3 && r.gap_before(k) == " " && r.upper(k - 1) == capital; --k) {
        auto t = lookup(ministry_topics, r.folded(k - 1));
        if (t.empty() && r.folded(k - 1) != "affairs") break;
        if (!t.empty()) topic = t;
        first = k - 1;
    }
    std::size_t last = i + 1;
    if (topic.empty() && capital && r.folded(i) == "ministry" && last + 1 < r.size() && r.folded(last) == "of") {
        std::size_t k = last + 1;
        if (r.folded(k) == "the" && k + 1 < r.size()) ++k;
        topic = r.upper(k) ? lookup(ministry_topics, r.folded(k)) : std::string_view();
        if (!topic.empty()) {
            last = k + 1;
            if (last < r.size() && r.folded(last) == "affairs" && r.gap_before(last) == " ") ++last;
        }
    }
    if (topic.empty()) return false;
    out.first = first;
    out.last = last;
    out.name = std::string(topic) + " Ministry";
    out.kind = "government body";
    out.generic = text::ascii_lower(out.name);
    out.needs_country = !capital;
    out.nominal = !capital;
    return true;
}

// "the Labour Party", "Bharatiya Janata Party", "Party of Regions".
bool party(const Reader& r, std::size_t i, PatternMatch& out) {
    if (!r.upper(i) || r.in_capitals(i)) return false;
    std::size_t first = r.name_start(i, 4);
    std::size_t last = i + 1;
    if (last + 1 < r.size() && r.folded(last) == "of" && r.gap_before(last) == " ") {
        std::size_t k = last + 1;
        if (r.folded(k) == "the" && k + 1 < r.size()) ++k;
        std::size_t end = k;
        while (end < r.size() && end - k < 3 && r.upper(end) && r.joined(end) && !contains(stop_words, r.folded(end))) ++end;
        if (end > k) last = end;
    }
    if (first == i && last == i + 1) return false;
    out = {first, last, r.display(first, last), "party", {}, false, false};
    return true;
}

// "Lear Corp.", "BAE Systems plc", "Johnson & Johnson Inc".
bool company(const Reader& r, std::size_t i, PatternMatch& out) {
    auto suffix = lookup(company_suffixes, r.folded(i));
    if (suffix.empty() || i == 0 || r.in_capitals(i)) return false;
    auto word = r.word(i);
    if (!r.upper(i) && word != "plc") return false;
    // Short suffixes that are also other abbreviations ("SA" South Africa, "AG" attorney
    // general) count only as companies write them.
    if (suffix.size() <= 2 && suffix != "Co" && word != suffix) return false;
    if (suffix == "Co" && word != "Co") return false;
    if (i + 1 < r.size() && r.gap_before(i + 1) == "-") return false;  // "Co-operative"
    // A company suffix ends the name: "Bay Co Building Authority" is a county's.
    if (i + 1 < r.size() && r.gap_before(i + 1) == " " && r.upper(i + 1) && !r.in_capitals(i + 1) &&
        lookup(company_suffixes, r.folded(i + 1)).empty() && !is_role_word(r.folded(i + 1))) {
        return false;
    }
    std::size_t first = r.name_start(i, 6, true);
    // "and Co Ltd": a suffix is no name.
    if (first == i || !lookup(company_suffixes, r.folded(first)).empty()) return false;
    out = {first, i + 1, r.display(first, i) + " " + std::string(suffix), "company", {}, false, false};
    return true;
}

// "the Russian army", "Ukraine's Air Force", "Israeli military": a country's forces.
bool forces(const Reader& r, std::size_t i, PatternMatch& out) {
    const auto& w = r.folded(i);
    std::size_t first = i;
    std::string name;
    if (w == "army") name = "Army";
    else if (w == "navy") name = "Navy";
    else if (w == "military") name = "Armed Forces";
    else if (i > 0 && r.gap_before(i) == " " && r.upper(i - 1) == r.upper(i)) {
        if (w == "force" && r.folded(i - 1) == "air") name = "Air Force";
        if (w == "forces" && r.folded(i - 1) == "armed") name = "Armed Forces";
        first = i - 1;
    }
    if (name.empty()) return false;
    out = {first, i + 1, name, "government body", text::ascii_lower(name), true, !r.upper(i)};
    return true;
}

// "Kosovo Liberation Army", "National Liberation Front": armed movements named for liberation.
bool liberation(const Reader& r, std::size_t i, PatternMatch& out) {
    const auto& w = r.folded(i);
    if ((w != "army" && w != "front" && w != "movement") || i == 0 || !r.upper(i) || r.folded(i - 1) != "liberation" ||
        !r.upper(i - 1) || r.gap_before(i) != " " || r.in_capitals(i)) {
        return false;
    }
    std::size_t first = r.name_start(i - 1, 4);
    if (first == i - 1) return false;
    out = {first, i + 1, r.display(first, i + 1), "armed group", {}, false, false};
    return true;
}

// "the Turkish central bank", "Central Bank of Nigeria".
bool central_bank(const Reader& r, std::size_t i, PatternMatch& out) {
    if (r.folded(i) != "bank" || i == 0 || r.folded(i - 1) != "central" || r.gap_before(i) != " " ||
        r.upper(i - 1) != r.upper(i)) {
        return false;
    }
    out = {i - 1, i + 1, "Central Bank", "government body", "central bank", true, !r.upper(i)};
    return true;
}

// Nouns that end the name of a body.
// Competitions and prizes named after a body ("UEFA Cup") are no mention of it either.
constexpr std::array<std::string_view, 21> organization_nouns = {
    "agency",  "army",         "authority",     "board",    "bureau",   "championship", "championships",
    "commission", "committee", "council",       "court",    "cup",      "department",   "front",
    "ministry", "movement",    "office",        "party",    "prize",    "trophy",       "union"};
static_assert(is_sorted_list(organization_nouns), "organization_nouns must be sorted");

}  // namespace

std::vector<std::string_view> pattern_heads() { return {heads.begin(), heads.end()}; }

bool is_organization_noun(std::string_view folded) noexcept { return contains(organization_nouns, folded); }

bool match_organization_pattern(std::string_view text, const std::vector<text::Token>& tokens,
                                const std::vector<std::string>& folded, const std::vector<std::uint8_t>& upper,
                                std::size_t i, PatternMatch& out) {
    const auto& w = folded[i];
    if (!contains(heads, w)) return false;
    const Reader r(text, tokens, folded, upper);
    if (w == "ministry" || w == "office") return ministry(r, i, out);
    if (w == "party") return party(r, i, out);
    if (w == "bank") return central_bank(r, i, out);
    if (liberation(r, i, out)) return true;
    if (forces(r, i, out)) return true;
    return company(r, i, out);
}

std::string qualified_name(std::string_view name, std::string_view country) {
    std::string out(name);
    out += " (";
    out += country;
    out += ')';
    return out;
}

}  // namespace newsfacet::detail
