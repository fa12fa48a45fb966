// Fuzz target: searching (filter syntax, QueryParser, expansion, entity matching, "did you
// mean", more like this, facet counts, snippets) over an index of corpus/, built once per
// process in a scratch directory.
// Input: a flags byte, then lines: the query; a facet filter value (the facet chosen by the
// line's length); a source filter; --since; --until; a --like id. Empty lines set nothing.
// Flags: 1 expand, 2 stem, 4 collapse, 8 count facets, 16|32 sort (1 newest, 2 oldest),
// 64 = like the first corpus article (instead of the line), 128 = offset 3.
//
// A UsageError (QueryError, a bad date) or ArticleNotFoundError is an answer; any other
// exception, a crash or a hang is a finding, as are results that contradict themselves.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <newsfacet/error.hpp>
#include <newsfacet/cli/format.hpp>
#include <newsfacet/index.hpp>
#include <newsfacet/json.hpp>
#include <newsfacet/reader.hpp>
#include <newsfacet/searcher.hpp>

#include "fuzz_support.hpp"
#include "text/text.hpp"

namespace {

bool valid_utf8(std::string_view s) {
    return newsfacet::text::first_invalid_utf8(s) == std::string_view::npos;
}

std::string take_line(std::string_view& rest) {
    auto eol = rest.find('\n');
    std::string line(rest.substr(0, eol));
    rest = eol == std::string_view::npos ? std::string_view() : rest.substr(eol + 1);
    return line;
}

// corpus/, indexed once; removed at exit.
struct Fixture {
    newsfacet::fuzz::ScratchDir dir{"query"};
    std::string first_id;
    newsfacet::Searcher searcher = build();

    newsfacet::Searcher build() {
        const auto db = dir.path / "index";
        {
            auto index = newsfacet::Index::create_or_open(db);
            newsfacet::ReadHandler handler;
            handler.on_article = [&](newsfacet::Article&& a) {
                if (first_id.empty()) first_id = a.id;
                (void)index.add(a);
            };
            newsfacet::read_articles(NEWSFACET_CORPUS_DIR, handler);
            index.commit();
        }
        return newsfacet::Searcher(db);
    }
};

void check(const newsfacet::SearchRequest& request, const newsfacet::SearchResults& results) {
    NEWSFACET_FUZZ_CHECK(results.hits.size() <= request.limit);
    NEWSFACET_FUZZ_CHECK(results.total <= results.total_articles);
    NEWSFACET_FUZZ_CHECK(request.offset + results.hits.size() <= results.total ||
                         results.hits.empty());
    std::size_t rank = request.offset;
    for (const auto& hit : results.hits) {
        NEWSFACET_FUZZ_CHECK(hit.rank == ++rank);
        NEWSFACET_FUZZ_CHECK(hit.copies >= 1);
        NEWSFACET_FUZZ_CHECK(request.like.empty() || hit.id != request.like);
        const auto& s = hit.snippet;
        NEWSFACET_FUZZ_CHECK(valid_utf8(s.text));
        std::size_t previous_end = 0;
        for (const auto& [first, second] : s.highlights) {
            NEWSFACET_FUZZ_CHECK(previous_end <= first && first < second &&
                                 second <= s.text.size());
            previous_end = second;
        }
    }
    if (valid_utf8(request.query)) NEWSFACET_FUZZ_CHECK(valid_utf8(results.corrected_query));
    for (const auto& [facet, counts] : results.facets) {
        for (const auto& c : counts) {
            NEWSFACET_FUZZ_CHECK(c.count >= 1 && c.count <= results.total_articles);
        }
    }
    (void)newsfacet::to_json(results);
    (void)newsfacet::cli::to_text(results);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static Fixture fixture;
    const std::uint8_t flags = data[0];
    std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);

    newsfacet::SearchRequest request;
    request.limit = 5;
    request.expand = (flags & 1) != 0;
    request.stem = (flags & 2) != 0;
    request.collapse = (flags & 4) != 0;
    request.count_facets = (flags & 8) != 0;
    const int sort = (flags >> 4) & 3;
    request.sort = sort == 1   ? newsfacet::SortOrder::newest
                   : sort == 2 ? newsfacet::SortOrder::oldest
                               : newsfacet::SortOrder::relevance;
    if ((flags & 128) != 0) request.offset = 3;
    request.query = take_line(rest);
    if (auto value = take_line(rest); !value.empty()) {
        request.filters[newsfacet::all_facets[value.size() % 3]].push_back(value);
    }
    if (auto source = take_line(rest); !source.empty()) request.sources.push_back(source);
    request.since = take_line(rest);
    request.until = take_line(rest);
    request.like = (flags & 64) != 0 ? fixture.first_id : take_line(rest);

    try {
        check(request, fixture.searcher.search(request));
    } catch (const newsfacet::UsageError&) {
    } catch (const newsfacet::ArticleNotFoundError&) {
    }
    return 0;
}
