#include <newsfacet/cli/format.hpp>

#include <cstdio>

#include <algorithm>
#include <sstream>
#include <utility>
#include <vector>

namespace newsfacet::cli {
namespace {

constexpr const char* bold = "\x1b[1m";
constexpr const char* dim = "\x1b[2m";
constexpr const char* highlight = "\x1b[1;33m";
constexpr const char* reset = "\x1b[0m";

std::string join(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
    return out;
}

void facet_lines(std::ostringstream& out, const std::vector<std::pair<Facet, std::vector<FacetCount>>>& facets,
                 std::size_t per_facet) {
    for (const auto& [facet, counts] : facets) {
        out << "  " << facet_name(facet) << ":";
        if (counts.empty()) out << " (none)";
        std::size_t n = 0;
        for (const auto& c : counts) {
            if (n++ == per_facet) {
                out << " ...";
                break;
            }
            out << (n > 1 ? ", " : " ") << c.value << " (" << c.count << ")";
        }
        out << "\n";
    }
}

}  // namespace

std::string to_text(const SearchResults& results, const TextStyle& style) {
    std::ostringstream out;
    auto b = style.color ? bold : "";
    auto d = style.color ? dim : "";
    auto r = style.color ? reset : "";
    // The headline count is of articles; when copies were collapsed, the results (what ranks
    // and paging count) are given too. A hand-built SearchResults may leave total_articles 0.
    const auto articles = std::max(results.total_articles, results.total);
    out << articles << (articles == 1 ? " article" : " articles");
    if (!results.query.empty()) out << (articles == 1 ? " matches" : " match") << " \"" << results.query << "\"";
    if (!results.like.empty()) {
        out << (results.query.empty() ? " like " : ", like ") << results.like;
    }
    std::string notes;
    if (articles != results.total) {
        notes = std::to_string(results.total) + (results.total == 1 ? " result" : " results") + " after collapsing copies";
    }
    if (!results.hits.empty()) {
        notes += (notes.empty() ? "" : "; ") + std::string("showing ") + std::to_string(results.hits.front().rank) + "-" +
                 std::to_string(results.hits.back().rank);
    }
    if (!notes.empty()) out << " (" << notes << ")";
    out << "\n";
    if (!results.corrected_query.empty()) {
        out << "Did you mean: " << results.corrected_query << "?\n";
    }
    for (const auto& suggestion : results.suggestions) out << "Did you mean " << suggestion << "?\n";
    for (const auto& note : results.notes) out << "Note: " << note << "\n";
    for (const auto& h : results.hits) {
        out << "\n" << b << h.rank << ". " << h.title << r;
        if (h.copies > 1) out << " (+" << h.copies - 1 << (h.copies == 2 ? " copy)" : " copies)");
        out << "\n";
        out << "   " << d;
        std::string meta;
        for (const auto& part : {h.date.substr(0, 10), h.source, h.id}) {
            if (!part.empty()) meta += (meta.empty() ? "" : " | ") + part;
        }
        out << meta << r << "\n";
        for (auto f : all_facets) {
            // Officials and organisations are listed with their roles and kinds below.
            if (f == Facet::official || h.facets[f].empty()) continue;
            if (f == Facet::organization && !h.organizations.empty()) continue;
            out << "   " << facet_name(f) << ": " << join(h.facets[f]) << "\n";
        }
        if (!h.officials.empty()) {
            out << "   officials: ";
            bool first = true;
            for (const auto& o : h.officials) {
                out << (first ? "" : "; ") << o.name;
                std::string detail = o.role;
                if (!o.country.empty()) detail += (detail.empty() ? "" : ", ") + o.country;
                if (!detail.empty()) out << " (" << detail << ")";
                first = false;
            }
            out << "\n";
        }
        if (!h.organizations.empty()) {
            out << "   organizations: ";
            bool first = true;
            for (const auto& o : h.organizations) {
                out << (first ? "" : "; ") << o.name;
                if (!o.kind.empty()) out << " (" << o.kind << ")";
                first = false;
            }
            out << "\n";
        }
        if (!h.snippet.text.empty()) {
            out << "   " << (style.color ? h.snippet.marked(highlight, reset) : h.snippet.marked("[", "]")) << "\n";
        }
    }
    if (!results.facets.empty() && articles > 0) {
        // Facet counts count articles, copies included.
        out << "\n" << b << "Facets over " << (articles == 1 ? "the 1 match" : "all " + std::to_string(articles) + " matches") << ":" << r << "\n";
        facet_lines(out, results.facets, 10);
        if (!results.months.empty()) {
            out << "  by month:";
            std::size_t n = 0;
            for (const auto& m : results.months) out << (n++ ? ", " : " ") << m.value << " (" << m.count << ")";
            out << "\n";
        }
    }
    return out.str();
}

std::string to_text(const std::vector<FacetCount>& counts) {
    std::ostringstream out;
    for (const auto& c : counts) out << c.count << '\t' << c.value << '\n';
    return out.str();
}

std::string to_text(const IndexInfo& info) {
    std::ostringstream out;
    out << "index:          " << info.path << "\n";
    out << "articles:       " << info.articles << "\n";
    out << "size:           " << info.size_bytes << " bytes\n";
    out << "format version: " << info.format_version << "\n";
    out << "facet values (articles):\n";
    facet_lines(out, info.facets, 20);
    return out.str();
}

namespace {

// 12865 -> "12,865": long runs are read at a glance.
std::string grouped(std::uint64_t n) {
    std::string digits = std::to_string(n);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i != 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string fixed(double value, int decimals) {
    std::ostringstream out;
    out.setf(std::ios::fixed);
    out.precision(decimals);
    out << value;
    return out.str();
}

// Time left as "m:ss" or "h:mm:ss".
std::string clock(double seconds) {
    const auto s = static_cast<unsigned long long>(seconds + 0.5);
    char buf[32];
    if (s >= 3600) {
        std::snprintf(buf, sizeof buf, "%llu:%02llu:%02llu", s / 3600, s / 60 % 60, s % 60);
    } else {
        std::snprintf(buf, sizeof buf, "%llu:%02llu", s / 60, s % 60);
    }
    return buf;
}

}  // namespace

std::string progress_line(const IngestStats& stats, std::uint64_t total_input_bytes, double seconds) {
    const std::uint64_t articles = stats.added + stats.replaced + stats.unchanged;
    const double secs = std::max(seconds, 1e-9);
    std::string out;
    if (total_input_bytes != 0) {
        const double done = std::min(1.0, static_cast<double>(stats.input_bytes) / static_cast<double>(total_input_bytes));
        constexpr int width = 20;
        const int filled = static_cast<int>(done * width);
        // Appended piece by piece: GCC 12 at -O3 warns (-Wrestrict, a false positive) on
        // "literal" + std::string temporaries here, which breaks Release builds with -Werror.
        out.append(1, '[');
        out.append(static_cast<std::size_t>(filled), '#');
        out.append(static_cast<std::size_t>(width - filled), '-');
        out.append("] ").append(std::to_string(static_cast<int>(done * 100))).append("% ");
    }
    out += grouped(articles) + " articles, " + grouped(static_cast<std::uint64_t>(articles / secs)) + "/s, " +
           fixed(static_cast<double>(stats.input_bytes) / 1e6 / secs, 1) + " MB/s";
    if (total_input_bytes != 0 && stats.input_bytes > 0 && stats.input_bytes < total_input_bytes) {
        const double left = secs * static_cast<double>(total_input_bytes - stats.input_bytes) / static_cast<double>(stats.input_bytes);
        out += ", " + clock(left) + " left";
    }
    return out;
}

std::string skipped_text(const std::map<std::string, std::uint64_t>& skipped) {
    if (skipped.empty()) return {};
    std::vector<std::pair<std::string, std::uint64_t>> kinds(skipped.begin(), skipped.end());
    std::stable_sort(kinds.begin(), kinds.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::uint64_t total = 0;
    std::string list;
    for (const auto& [kind, n] : kinds) {
        total += n;
        list.append(list.empty() ? "" : ", ").append(grouped(n)).append(" ").append(kind);
    }
    return grouped(total) + (total == 1 ? " record skipped: " : " records skipped: ") + list;
}

std::string summary_line(const IngestStats& stats, double seconds, std::uint64_t articles,
                         std::uint64_t index_bytes, const std::filesystem::path& index_path) {
    const double secs = std::max(seconds, 1e-9);
    const auto skipped = skipped_text(stats.skipped);
    return grouped(stats.added) + " added, " + grouped(stats.replaced) + " replaced, " + grouped(stats.unchanged) +
           " unchanged, " + (stats.merged != 0 ? grouped(stats.merged) + " merged, " : std::string()) + grouped(stats.deleted) + " deleted, " + grouped(stats.failed) + " failed in " + fixed(seconds, 2) + " s (" + fixed(static_cast<double>(stats.input_bytes) / 1e6 / secs, 2) +
           " MB/s); " + grouped(articles) + (articles == 1 ? " article, " : " articles, ") +
           fixed(static_cast<double>(index_bytes) / 1e6, 1) + " MB in " + index_path.string() +
           (skipped.empty() ? "" : "; " + skipped);
}

}  // namespace newsfacet::cli
