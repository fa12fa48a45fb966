#include "tag/roles.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_set>

#include "tag/lists.hpp"

namespace newsfacet::detail {
namespace {

// Nouns that name an office on their own.
constexpr std::array<std::string_view, 37> heads = {
    "adviser", "advisor", "ambassador", "attorney-general", "chair", "chairman", "chairwoman", "chancellor",
    "chief", "commander", "commissioner", "consul", "director", "emir", "envoy", "governor",
    "king", "mayor", "minister", "ombudsman", "premier", "president", "prime", "prosecutor",
    "queen", "representative", "secretary", "secretary-general", "senator", "sheikh", "spokesman", "spokesperson",
    "spokeswoman", "sultan", "taoiseach", "treasurer", "vice-president"};

// Heads that are offices only with a qualifier before them.
constexpr std::array<std::string_view, 4> weak_heads = {"chief", "director", "head", "representative"};

bool is_weak_head(std::string_view w) noexcept {
    return std::find(weak_heads.begin(), weak_heads.end(), w) != weak_heads.end();
}

// Words that qualify an office ("deputy foreign minister", "central bank governor").
constexpr std::array<std::string_view, 95> modifiers = {
    "acting", "affairs", "agriculture", "air", "army", "atomic", "attorney", "bank",
    "budget", "central", "chief", "commerce", "communications", "cooperation", "crown", "culture",
    "defence", "defense", "deputy", "development", "digital", "ec", "economic", "economy",
    "education", "election", "electoral", "employment", "energy", "environment", "environmental", "eu",
    "european", "external", "fed", "federal", "finance", "first", "fisheries", "foreign",
    "former", "general", "health", "high", "home", "homeland", "housing", "imf",
    "immigration", "industry", "information", "infrastructure", "intelligence", "interior", "justice", "labor",
    "labour", "lord", "military", "mines", "mining", "monetary", "national", "nato",
    "navy", "nuclear", "oil", "opec", "petroleum", "planning", "police", "presidential",
    "prime", "public", "regional", "reserve", "rural", "science", "security", "senior",
    "social", "special", "sports", "spy", "state", "technology", "tourism", "trade",
    "transport", "treasury", "urban", "veterans", "vice", "water", "works"};

constexpr std::array<std::string_view, 164> non_name = {
    "a", "according", "administration", "after", "agency", "airport", "all", "also", "an", "and", "april",
    "army", "as", "assembly", "at", "august", "authority", "bank", "because", "before", "between", "bureau",
    "but", "by", "cabinet", "centre", "championship", "championships", "city", "coalition", "command",
    "commission", "committee", "company", "congress", "council", "court", "cricket", "cup", "december",
    "defence", "defense", "democrats", "department", "division", "during", "earlier", "eastern", "embassy",
    "european", "february", "federation", "football", "for", "force", "forces", "foreign", "friday", "from",
    "government", "group", "guard", "he", "her", "his", "house", "how", "however", "i", "if", "in", "it",
    "its", "january", "july", "june", "kingdom", "kremlin", "last", "later", "league", "many", "march",
    "meanwhile", "military", "minister", "ministers", "ministry", "monday", "nations", "navy", "new", "news",
    "next", "northern", "november", "october", "of", "office", "officials", "olympics", "on", "one",
    "organisation", "organization", "our", "parliament", "party", "police", "premiership", "president",
    "republic", "rugby", "saturday", "september", "service", "several", "she", "since", "so", "some",
    "southern", "spokesman", "spokesperson", "state", "statement", "states", "sunday", "that", "the", "their",
    "then", "there", "these", "they", "this", "those", "three", "thursday", "to", "today", "tomorrow",
    "tonight", "tournament", "trophy", "tuesday", "two", "under", "union", "united", "university", "we",
    "wednesday", "western", "what", "when", "where", "while", "who", "why", "with", "world", "yesterday",
    "you"};

// Closed-class words (see is_closed_class_word); non_name holds the others.
constexpr std::array<std::string_view, 117> closed_class = {
    "about", "above", "acknowledged", "added", "adds", "again", "ago", "agreed", "already", "also", "always",
    "am", "announced", "another", "any", "are", "asked", "away", "back", "be", "been", "being", "billion",
    "both", "can", "cannot", "confirmed", "could", "declined", "denied", "did", "do", "does", "done", "down",
    "each", "either", "else", "even", "ever", "every", "few", "further", "had", "has", "have", "having",
    "here", "him", "himself", "hit", "hits", "just", "less", "like", "likely", "made", "make", "may", "me",
    "might", "mln", "more", "most", "much", "must", "my", "near", "neither", "never", "no", "nor", "not",
    "noted", "now", "off", "often", "only", "or", "other", "others", "out", "over", "own", "pct", "per",
    "percent", "quoted", "rather", "really", "replied", "reported", "said", "same", "says", "seen", "shall",
    "should", "stated", "still", "such", "tells", "than", "told", "too", "up", "upon", "us", "very", "was",
    "were", "which", "whom", "whose", "will", "would", "yet"};

// Words that end a sentence's subject after a name.
constexpr std::array<std::string_view, 17> subject_ends = {
    "added", "adds", "did", "does", "had", "has", "is", "replied", "said", "says", "stated", "tells", "told",
    "was", "who", "will", "would"};

constexpr std::array<std::string_view, 12> particles = {
    "al", "bin", "da", "de", "del", "der", "di", "dos",
    "du", "ibn", "van", "von"};

constexpr std::array<std::string_view, 33> locatives = {
    "across", "around", "at", "attacked", "battered", "besieged", "bombed", "capital",
    "captured", "central", "eastern", "hit", "in", "inside", "into", "near",
    "northern", "of", "outside", "over", "pounded", "rocked", "shelled", "southern",
    "struck", "targeted", "through", "throughout", "toward", "towards", "visited", "western",
    "within"};

std::string title_case(std::string_view text, const std::vector<text::Token>& tokens,
                       std::size_t first, std::size_t last) {
    std::string out;
    for (std::size_t k = first; k < last; ++k) {
        std::string word = text::ascii_lower(text.substr(tokens[k].start, tokens[k].end - tokens[k].start));
        bool small = word == "of" || word == "for" || word == "the";
        if (!out.empty()) {
            auto gap = text.substr(tokens[k - 1].end, tokens[k].start - tokens[k - 1].end);
            out += gap.find('-') != std::string_view::npos ? "-" : " ";
        }
        bool after_hyphen = !out.empty() && out.back() == '-';
        // ASCII only: a role word may start with an accented letter ("âmbassador" folds to
        // "ambassador"), and shifting its lead byte would break the UTF-8.
        if (!small && !after_hyphen && !word.empty() && word[0] >= 'a' && word[0] <= 'z') {
            word[0] = static_cast<char>(word[0] - 'a' + 'A');
        }
        if (after_hyphen && word == "general") word = "General";
        out += word;
    }
    return out;
}

constexpr std::array<std::string_view, 27> ranks = {
    "admiral", "brig", "brigadier", "capt", "captain", "col", "colonel", "corporal", "dr", "gen",
    "lieutenant", "lt", "maj", "major", "marshal", "mr", "mrs", "ms", "prof", "professor",
    "sergeant", "sgt", "sir", "dame", "general", "prince", "princess"};

constexpr std::array<std::string_view, 19> private_bodies = {
    "association", "club", "college", "company", "corporation", "federation", "firm", "group", "guild",
    "league", "school", "society", "syndicate", "team", "trade-union", "union", "unions",
    "university", "workers"};

// Nouns that end a body's name (see is_body_noun).
constexpr std::array<std::string_view, 35> body_nouns = {
    "agency", "airlines", "airways", "assembly", "association", "authority", "bank", "board", "bureau",
    "club", "college", "commission", "committee", "company", "corporation", "council", "department",
    "federation", "foundation", "fund", "group", "hall", "hospital", "hotel", "institute", "league",
    "ministry", "party", "school", "society", "stadium", "station", "trust", "union", "university"};

constexpr std::array<std::string_view, 21> features = {
    "avenue", "bay", "boulevard", "bridge", "canal", "delta", "gulf", "highway", "island", "lake", "mountain",
    "mountains", "ocean", "park", "river", "road", "sea", "square", "strait", "street", "valley"};

// Not "officials" ("Clinton officials" are the president's), nor "city" or "town" ("Leicester
// City", "Ipswich Town" are clubs).
constexpr std::array<std::string_view, 13> local_nouns = {
    "area", "council", "fire", "firefighters", "man", "men", "native", "natives", "police", "resident",
    "residents", "woman", "women"};

// Armed forces and their weapons, as news names them after their country ("Russian troops").
constexpr std::array<std::string_view, 28> military = {
    "airstrike", "airstrikes", "army", "artillery", "attack", "attacks", "bomber", "bombers",
    "drone", "drones", "forces", "gunboats", "marines", "military", "missile", "missiles", "navy",
    "offensive", "rocket", "rockets", "shelling", "soldiers", "submarines", "troops", "warplane",
    "warplanes", "warship", "warships"};

// Currencies named after their country in English news; not "won" or "real", which are
// mostly other words there.
constexpr std::array<std::string_view, 50> currencies = {
    "crown", "crowns", "cruzado", "cruzados", "currency", "dinar", "dinars", "dlr", "dlrs", "dollar",
    "dollars", "drachma", "drachmas", "escudo", "escudos", "franc", "francs", "guilder", "guilders", "krona",
    "krone", "kroner", "kronor", "lira", "lire", "mark", "marks", "peseta", "pesetas", "peso",
    "pesos", "pound", "pounds", "rand", "rial", "rials", "riyal", "riyals", "rouble", "roubles",
    "ruble", "rubles", "rupee", "rupees", "schilling", "schillings", "shekel", "shekels", "yen", "yuan"};

// Words after a place that make a name of an agreement or a group of it: "the Paris accord",
// "the Paris Club", "the Uruguay Round", "the Rome treaty".
constexpr std::array<std::string_view, 13> agreements = {
    "accord", "accords", "agreement", "agreements", "club", "communique", "convention", "conventions",
    "declaration", "pact", "protocol", "round", "treaty"};

}  // namespace

static_assert(is_sorted_list(currencies) && is_sorted_list(military) && is_sorted_list(agreements));
static_assert(is_sorted_list(local_nouns) && is_sorted_list(closed_class) && is_sorted_list(subject_ends) && is_sorted_list(heads) &&
                  is_sorted_list(weak_heads) && is_sorted_list(modifiers) && is_sorted_list(non_name) &&
                  is_sorted_list(particles) && is_sorted_list(locatives) && is_sorted_list(private_bodies) &&
                  is_sorted_list(features) && is_sorted_list(body_nouns),
              "binary_search needs sorted lists");

bool is_rank_word(std::string_view folded) noexcept { return std::find(ranks.begin(), ranks.end(), folded) != ranks.end(); }

bool is_private_body_word(std::string_view folded) noexcept { return contains(private_bodies, folded); }

bool is_body_noun(std::string_view folded) noexcept { return contains(body_nouns, folded); }

bool is_feature_word(std::string_view folded) noexcept { return contains(features, folded); }

bool is_role_word(std::string_view folded) noexcept {
    // Asked for every word of every article: one hash lookup instead of two binary searches.
    static const std::unordered_set<std::string_view> words = [] {
        std::unordered_set<std::string_view> set(heads.begin(), heads.end());
        set.insert(modifiers.begin(), modifiers.end());
        return set;
    }();
    // Most words cannot be office words by their first and last letters and length: skip the hash.
    // The last letter's bucket 26 holds every other last byte.
    auto last_bucket = [](char c) { return c >= 'a' && c <= 'z' ? c - 'a' : 26; };
    static const auto possible = [&] {
        std::array<std::uint32_t, 26 * 27> lengths{};  // bit n: some word of length n starts and ends so
        for (auto w : words) {
            if (!w.empty() && w[0] >= 'a' && w[0] <= 'z' && w.size() < 32) {
                lengths[(w[0] - 'a') * 27 + last_bucket(w.back())] |= 1u << w.size();
            }
        }
        return lengths;
    }();
    if (folded.empty() || folded[0] < 'a' || folded[0] > 'z' || folded.size() >= 32) return false;
    if (!((possible[(folded[0] - 'a') * 27 + last_bucket(folded.back())] >> folded.size()) & 1u)) return false;
    return words.count(folded) != 0;
}

bool is_non_name_word(std::string_view folded) noexcept { return contains(non_name, folded); }

bool is_closed_class_word(std::string_view folded) noexcept {
    return contains(closed_class, folded) || contains(subject_ends, folded);
}

bool is_subject_end_word(std::string_view folded) noexcept { return contains(subject_ends, folded); }

bool is_name_particle(std::string_view word) noexcept { return contains(particles, word); }

bool is_locative_word(std::string_view folded) noexcept { return contains(locatives, folded); }

bool is_local_noun(std::string_view folded) noexcept { return contains(local_nouns, folded); }

bool is_currency_word(std::string_view folded) noexcept { return contains(currencies, folded); }

bool is_military_word(std::string_view folded) noexcept { return contains(military, folded); }

bool is_agreement_word(std::string_view folded) noexcept { return contains(agreements, folded); }

bool match_role(std::string_view text, const std::vector<text::Token>& tokens,
                const std::vector<std::string>& folded, std::size_t i, RoleMatch& out) {
    // Modifiers, then a head; "secretary of state" and "minister of/for X" are handled by
    // the callers' "of" logic, except the fixed "secretary of state".
    std::size_t k = i;
    std::size_t last_head = 0;
    bool found = false;
    while (k < tokens.size() && k < i + 5) {
        if (k > i) {
            auto gap = text.substr(tokens[k - 1].end, tokens[k].start - tokens[k - 1].end);
            if (gap != " " && gap != "-") break;
        }
        const auto& w = folded[k];
        bool head = contains(heads, w);
        bool modifier = contains(modifiers, w);
        if (!head && !modifier) break;
        // Weak heads ("director", "chief", "head", "representative") are offices only with a
        // qualifier before them: "Budget Director", "army chief", not "director" alone.
        if (head && k == i && is_weak_head(w)) head = false;
        // "prime" is only a head in "prime minister"; "general" only after "secretary" or
        // "attorney" (as a head it would take "General Motors" for an officer).
        if (head && w != "prime") {
            last_head = k + 1;
            found = true;
        }
        if (w == "general" && k > i && (folded[k - 1] == "secretary" || folded[k - 1] == "attorney")) {
            last_head = k + 1;
        }
        ++k;
    }
    if (!found) return false;
    // "Secretary of State", "Minister of Foreign Affairs", "Chancellor of the Exchequer".
    if (last_head + 1 < tokens.size() && folded[last_head] == "of") {
        std::size_t j = last_head + 1;
        if (folded[j] == "the" && j + 1 < tokens.size()) ++j;
        std::size_t end = j;
        while (end < tokens.size() && end < j + 3 &&
               (contains(modifiers, folded[end]) || folded[end] == "exchequer" || folded[end] == "state")) {
            ++end;
        }
        if (end > j) last_head = end;
    }
    out.first = i;
    out.last = last_head;
    out.role = title_case(text, tokens, i, last_head);
    // "Former" is a qualifier of the person, not part of the office.
    if (out.role.rfind("Former ", 0) == 0) out.role.erase(0, 7);
    return true;
}

}  // namespace newsfacet::detail
