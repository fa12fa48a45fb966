#include "search/ranked_page.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <unordered_set>

#include "store/schema.hpp"

namespace newsfacet::detail {
namespace {

// Xapian counts in 32 bits.
constexpr Xapian::doccount most = std::numeric_limits<Xapian::doccount>::max() / 4;

// True if `a` weighs more than `b` as results compare weights: rounded (see ranked_page).
[[nodiscard]] bool heavier(const RankedMatch& a, const RankedMatch& b) {
    return rounded_weight(a.weight) > rounded_weight(b.weight);
}

// The matches of `mset` in result order: by rounded weight, each run of equal weights by id,
// which is the sort key Xapian ranks ties by (set_sort_by_relevance_then_value), so no document
// is read.
std::vector<RankedMatch> in_result_order(const Xapian::MSet& mset, bool by_weight) {
    std::vector<RankedMatch> ranked;
    for (auto it = mset.begin(); it != mset.end(); ++it) ranked.push_back({it, it.get_weight()});
    if (!by_weight) return ranked;
    for (std::size_t a = 0; a < ranked.size();) {
        std::size_t b = a + 1;
        while (b < ranked.size() && !heavier(ranked[a], ranked[b])) ++b;
        std::stable_sort(ranked.begin() + static_cast<std::ptrdiff_t>(a),
                         ranked.begin() + static_cast<std::ptrdiff_t>(b),
                         [](const auto& x, const auto& y) {
                             return x.position.get_sort_key() < y.position.get_sort_key();
                         });
        a = b;
    }
    return ranked;
}

// How many of the first `n` of `ranked` (in result order) stop before the run of equal
// weights that crosses the n-th: which matches a rescoring window holds must not depend on how
// far the ranking was fetched, nor on the last bit of weights tied when rounded (shards add
// weights up in another order), and a whole run of template copies can be far longer.
std::size_t whole_runs(const std::vector<RankedMatch>& ranked, std::size_t n) {
    if (n >= ranked.size()) return ranked.size();
    while (n > 0 && !heavier(ranked[n - 1], ranked[n])) --n;
    return n;
}

// The first of `ranked` given their `extra` weights (one each; none: unchanged) and ranked
// again among themselves. Extra weights that are not finite or are negative would break the
// order past the window: the rescoring is then ignored.
void rescore(std::vector<RankedMatch>& ranked, const std::vector<double>& extra) {
    if (extra.empty() || extra.size() > ranked.size()) return;
    if (!std::all_of(extra.begin(), extra.end(),
                     [](double e) { return std::isfinite(e) && e >= 0; }))
        return;
    // Ranked as results are, by rounded weight and then id: each rounded and each id read once,
    // not at every comparison.
    struct Key {
        double rounded;
        std::string id;
        RankedMatch match;
    };
    std::vector<Key> keys;
    keys.reserve(extra.size());
    for (std::size_t i = 0; i < extra.size(); ++i) {
        RankedMatch match{ranked[i].position, ranked[i].weight + extra[i]};
        keys.push_back({rounded_weight(match.weight), match.position.get_sort_key(), match});
    }
    std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.rounded != b.rounded ? a.rounded > b.rounded : a.id < b.id;
    });
    for (std::size_t i = 0; i < keys.size(); ++i) ranked[i] = keys[i].match;
}

// `ranked` with copies collapsed (`collapse`) to the first of each key, as far as the first
// `needed` and the rest of their last run of equal weights.
std::vector<RankedMatch> collapsed(const std::vector<RankedMatch>& ranked, std::size_t needed,
                                   bool by_weight, bool collapse) {
    std::vector<RankedMatch> kept;
    std::unordered_set<std::string> keys;
    for (const auto& match : ranked) {
        if (kept.size() >= needed && (!by_weight || heavier(kept[needed - 1], match))) break;
        const std::string key = collapse ? match.position.get_collapse_key() : std::string();
        if (key.empty() || keys.insert(key).second) kept.push_back(match);
    }
    return kept;
}

}  // namespace

double rounded_weight(double weight) {
    // Below 1e-250 the scale would overflow; no real weight is that small.
    if (std::fabs(weight) < 1e-250 || !std::isfinite(weight)) return weight;
    const double scale =
        std::pow(10.0, 11 - static_cast<int>(std::floor(std::log10(std::fabs(weight)))));
    return std::round(weight * scale) / scale;
}

std::vector<RankedMatch> ranked_page(Xapian::Enquire& enquire, Xapian::doccount offset,
                                     Xapian::doccount limit, bool by_weight, bool collapse,
                                     const Rescoring* rescoring) {
    if (limit == 0) return {};
    if (!by_weight) rescoring = nullptr;
    if (collapse) enquire.set_collapse_key(slot_collapse, most);
    const auto end =
        static_cast<Xapian::doccount>(std::min<std::uint64_t>(std::uint64_t{offset} + limit, most));
    const Xapian::doccount window = rescoring ? std::min(rescoring->window, most) : 0;
    // The window's extra weights, asked for once: a wider fetch has the same window.
    std::optional<std::vector<double>> extra;
    // 10 beyond what is needed: ties and copies reaching past it are common in news (template
    // reports, wire copies), and a second match costs more than a slightly larger first one
    // (measured over 1,000 Reuters queries: p95 4.1 ms with 10, 5.1 ms with 1).
    for (Xapian::doccount fetch = std::min(most, std::max(end, window) + 10);;
         fetch = std::min(most, fetch * 2)) {
        const Xapian::MSet mset = enquire.get_mset(0, fetch);
        auto ranked = in_result_order(mset, by_weight);
        const bool all = mset.size() < fetch || fetch == most;
        // Rescored before collapsing: the collapsed list is the full list without its later
        // copies, whatever the rescoring.
        if (rescoring) {
            if (!extra) {
                const auto first = ranked.begin();
                const auto n = static_cast<std::ptrdiff_t>(whole_runs(ranked, window));
                extra =
                    n > 0 ? rescoring->extra_weights({first, first + n}) : std::vector<double>();
            }
            rescore(ranked, *extra);
        }
        const auto kept = collapsed(ranked, end, by_weight, collapse);
        // A run of equal weights can be long (articles matched only through an entity all get
        // one fixed weight): past 1,000 beyond the page, Xapian's own order (exact weight, then
        // id) is kept for the rest of the run rather than fetching it all. The last match
        // fetched is past the window: rescoring did not change its weight.
        const bool enough =
            kept.size() >= end &&
            (!by_weight || heavier(kept[end - 1], ranked.back()) || fetch >= end + 1000);
        if (!all && !enough) continue;
        std::vector<RankedMatch> page;
        for (std::size_t k = offset; k < end && k < kept.size(); ++k) page.push_back(kept[k]);
        return page;
    }
}

}  // namespace newsfacet::detail
