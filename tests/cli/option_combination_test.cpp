// Options that do not go together are usage errors (exit 2), found right after parsing:
// before any index is opened or created and before any input is read.
#include <gtest/gtest.h>

#include "cli_support.hpp"

using namespace newsfacet::testing;

namespace {

using Args = std::vector<std::string>;

// Runs a tool on an index path that does not exist and an input file that does, and checks
// the run is refused as a usage error without touching either.
void expect_refused_before_work(const std::string& bin, Args args) {
    TempDir dir;
    const auto db = dir / "db";
    const auto input = dir.write("news/a.txt", "Embassy struck\n\nThe embassy in Kyiv was struck.\n");
    for (auto& arg : args) {
        if (arg == "FILE") arg = input.string();
    }
    std::string shown;
    for (const auto& arg : args) shown += arg + " ";
    args.insert(args.begin(), {"--db", db.string()});
    auto r = run(dir, bin, args);
    EXPECT_EQ(r.status, 2) << shown << "\n" << r.err;
    EXPECT_EQ(lines_of(r.err).size(), 1u) << shown << "\n" << r.err;
    EXPECT_TRUE(r.out.empty()) << shown << "\n" << r.out;
    EXPECT_FALSE(std::filesystem::exists(db)) << shown;
}

}  // namespace

// The options of indexing (--shards, --prune, --force, --threads, --commit-every, --wait) with
// a mode that indexes nothing: each was silently ignored.
TEST(CliOptionCombinations, IndexingOptionsWithAnotherModeAreUsageErrors) {
    const std::vector<Args> indexing = {{"--shards", "2"},  {"--prune"},        {"--force"},
                                        {"--threads", "1"}, {"--commit-every", "5"}, {"--wait"}};
    const std::vector<Args> modes = {{"--tag-only", "FILE"}, {"--dump", "FILE"}, {"--info"}, {"--delete", "some-id"}};
    for (const auto& mode : modes) {
        for (const auto& option : indexing) {
            Args args = option;
            args.insert(args.end(), mode.begin(), mode.end());
            expect_refused_before_work(index_bin, args);
        }
    }
}

TEST(CliOptionCombinations, IndexerModesAndTheirArgumentsAreCheckedFirst) {
    for (const Args& args : std::vector<Args>{{"--tag-only", "--dump", "FILE"},
                                              {"--info", "--delete", "some-id"},
                                              {"--info", "FILE"},
                                              {"--delete"},
                                              {"--json", "FILE"},
                                              {"--wait=-5", "FILE"}}) {
        expect_refused_before_work(index_bin, args);
    }
}

TEST(CliOptionCombinations, SearchOptionsThatContradictAreUsageErrors) {
    for (const Args& args : std::vector<Args>{{"--facet-values", "country", "--no-facets"},
                                              {"--batch", "FILE", "embassy"},
                                              {"--batch", "FILE", "--facet-values", "country"}}) {
        expect_refused_before_work(search_bin, args);
    }
}

// The checks refuse only what does not go together.
TEST(CliOptionCombinations, ValidCombinationsStillRun) {
    TempDir dir;
    const auto input = dir.write("news/a.txt", "Embassy struck\n\nThe embassy in Kyiv was struck.\n");
    const auto db = (dir / "db").string();
    auto indexed = run_index(dir, {"-q", "--db", db, "--threads", "1", "--commit-every", "5", "--prune", "--force",
                                   "--wait=1", input.parent_path().string()});
    EXPECT_EQ(indexed.status, 0) << indexed.err;
    auto info = run_index(dir, {"--db", db, "--info", "--json"});
    EXPECT_EQ(info.status, 0) << info.err;
    // --tag-only prints JSON lines anyway: --json there is redundant, not wrong.
    auto tagged = run_index(dir, {"--tag-only", "--json", input.string()});
    EXPECT_EQ(tagged.status, 0) << tagged.err;
    auto values = run_search(dir, {"--db", db, "--facet-values", "country", "-n", "0", "embassy"});
    EXPECT_EQ(values.status, 0) << values.err;
    auto removed = run_index(dir, {"-q", "--db", db, "--delete", "a.txt"});
    EXPECT_EQ(removed.status, 0) << removed.err;
}
